package org.threatreport.render;

import java.util.List;
import org.threatreport.model.Chapter;

/**
 * A chapter after rendering.
 *
 * @param markdown the chapter's Markdown with values filled in and references linked
 * @param html     the HTML fragment of its body
 * @param headings its headings in order
 * @param values   every value computed into its text, in the order they were rendered
 */
public record RenderedChapter(Chapter chapter, String markdown, String html, List<Heading> headings,
                              List<InlineValue> values) {

    public RenderedChapter {
        headings = List.copyOf(headings);
        values = List.copyOf(values);
    }

    public RenderedChapter(Chapter chapter, String markdown, String html, List<Heading> headings) {
        this(chapter, markdown, html, headings, List.of());
    }
}
