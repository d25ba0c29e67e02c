package org.threatreport.render;

import java.util.List;
import org.threatreport.model.Chapter;

/**
 * A chapter after rendering.
 *
 * @param markdown the chapter's Markdown with values filled in and references linked
 * @param html     the HTML fragment of its body
 * @param headings its headings in order
 */
public record RenderedChapter(Chapter chapter, String markdown, String html, List<Heading> headings) {

    public RenderedChapter {
        headings = List.copyOf(headings);
    }
}
