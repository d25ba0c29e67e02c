package org.threatreport.render;

import java.util.List;

/**
 * A part of a rendered chapter's Markdown: prose, or the place of one of its cells. Prose keeps its
 * lines as the editor's text made them (blank lines collapsed outside code), with each reference's
 * place in its line, so that every output writes the reference its own way.
 */
public sealed interface MarkdownPart permits MarkdownPart.Prose, MarkdownPart.CellPlace {

    /** Markdown text between cells. */
    record Prose(List<Line> lines) implements MarkdownPart {
        public Prose {
            lines = List.copyOf(lines);
        }
    }

    /** One line of prose and the references in it. */
    record Line(String text, List<ReferenceSpan> references) {
        public Line {
            references = List.copyOf(references);
        }
    }

    /** {@code @fig-x} at {@code [start, end)} of its line. */
    record ReferenceSpan(int start, int end, String id) {
    }

    /** Where cell {@code id} stands. */
    record CellPlace(String id) implements MarkdownPart {
    }
}
