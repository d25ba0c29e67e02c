package org.threatreport.render;

import java.util.List;

/**
 * A part of a rendered chapter's Markdown: prose, or the place of one of its cells. Prose keeps its
 * lines as the editor's text made them (blank lines collapsed outside code), with the places in each
 * line that every output writes its own way (a reference) or rewrites for safety (a refused link
 * target, the brackets of raw HTML).
 */
public sealed interface MarkdownPart permits MarkdownPart.Prose, MarkdownPart.CellPlace {

    /** Markdown text between cells. */
    record Prose(List<Line> lines) implements MarkdownPart {
        public Prose {
            lines = List.copyOf(lines);
        }
    }

    /** One line of prose and its spans, in order and not overlapping. */
    record Line(String text, List<Span> spans) {
        public Line {
            spans = List.copyOf(spans);
        }
    }

    /** A place {@code [start, end)} in a line. */
    sealed interface Span permits ReferenceSpan, Replacement {
        int start();

        int end();
    }

    /** {@code @fig-x}: each output writes the reference its own way. */
    record ReferenceSpan(int start, int end, String id) implements Span {
    }

    /** Text every output writes instead: {@code #} for a refused link target, {@code \<} for raw HTML's bracket. */
    record Replacement(int start, int end, String text) implements Span {
    }

    /** Where cell {@code id} stands. */
    record CellPlace(String id) implements MarkdownPart {
    }
}
