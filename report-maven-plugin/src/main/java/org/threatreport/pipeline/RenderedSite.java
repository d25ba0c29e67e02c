package org.threatreport.pipeline;

import java.util.List;
import java.util.Map;
import org.threatreport.render.RenderedChapter;

/**
 * One version of the report, rendered in memory.
 *
 * @param abstractPage the rendered {@code index.md}, or null
 * @param files        every file of the version folder, by path relative to it
 */
public record RenderedSite(RenderedChapter abstractPage, List<RenderedChapter> chapters, Map<String, byte[]> files) {

    public RenderedSite {
        chapters = List.copyOf(chapters);
        files = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files));
    }
}
