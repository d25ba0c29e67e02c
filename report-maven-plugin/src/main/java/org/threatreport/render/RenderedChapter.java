package org.threatreport.render;

import java.util.List;
import java.util.Set;
import org.threatreport.model.Chapter;

/**
 * A chapter after rendering.
 *
 * @param markdown the chapter's Markdown with its values filled in (references and cell placeholders as
 *                 the editor wrote them)
 * @param parts    the same Markdown cut at its cells, references located: what the outputs other than
 *                 HTML (portable Markdown, notebooks) are written from
 * @param html     the HTML fragment of its body
 * @param headings its headings in order
 * @param values   every value computed into its text, in the order they were rendered
 * @param reads    what the rendering read: a later build may reuse this rendering while those are the same
 */
public record RenderedChapter(Chapter chapter, String markdown, List<MarkdownPart> parts, String html,
                              List<Heading> headings, List<InlineValue> values, Reads reads) {

    /**
     * What rendering a chapter read besides its own text and cells: the tables its values computed, the
     * cells it refers to, and the layouts its cells were laid out with.
     */
    public record Reads(Set<String> tables, Set<String> references, Set<String> layouts) {
        public Reads {
            tables = Set.copyOf(tables);
            references = Set.copyOf(references);
            layouts = Set.copyOf(layouts);
        }

        public static final Reads NOTHING = new Reads(Set.of(), Set.of(), Set.of());
    }

    public RenderedChapter {
        parts = List.copyOf(parts);
        headings = List.copyOf(headings);
        values = List.copyOf(values);
    }

    /** A page that could not be rendered: it stands in the site empty, with its problems reported. */
    public static RenderedChapter failed(Chapter chapter) {
        return new RenderedChapter(chapter, "", List.of(), "", List.of(), List.of(), Reads.NOTHING);
    }
}
