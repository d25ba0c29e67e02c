package org.threatreport.render;

import com.vladsch.flexmark.ast.DelimitedLinkNode;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.ast.Document;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.threatreport.model.LinkPolicy;
import org.threatreport.model.MarkdownSyntax;

/**
 * Cuts a chapter's parsed Markdown at its cells ({@link MarkdownPart}): the prose between two cells
 * loses its blank lines at both ends and repeated ones inside (never inside code), and keeps each
 * reference's place in its line.
 */
final class MarkdownParts {

    private MarkdownParts() {
    }

    /**
     * @param cells      the ids of the chapter's cells: placeholders of other ids stay text
     * @param keyNumbers each block of key numbers as Markdown lines (references written {@code @fig-…}), by
     *                   the line of its opening fence
     */
    static List<MarkdownPart> of(Document document, String markdown, Set<String> cells,
                                 java.util.Map<Integer, List<String>> keyNumbers) {
        String[] lines = markdown.split("\n", -1);
        BitSet code = new BitSet(lines.length);
        BitSet cellLines = new BitSet(lines.length);
        List<Integer> cellStarts = new ArrayList<>();
        List<String> cellIds = new ArrayList<>();
        for (FencedCodeBlock block : MarkdownSyntax.fencedBlocks(document)) {
            int first = document.getLineNumber(block.getStartOffset());
            int last = block.getClosingMarker().isEmpty() ? lines.length - 1
                    : document.getLineNumber(block.getClosingMarker().getStartOffset());
            String id = MarkdownSyntax.placeholderId(block);
            if (keyNumbers.containsKey(first)) {
                cellLines.set(first, last + 1);
            } else if (id != null && cells.contains(id)) {
                cellLines.set(first, last + 1);
                cellStarts.add(first);
                cellIds.add(id);
            } else {
                code.set(first, last + 1);
            }
        }
        List<List<MarkdownPart.Span>> spans = spans(document, lines.length);

        List<MarkdownPart> parts = new ArrayList<>();
        List<MarkdownPart.Line> prose = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int cell = cellStarts.indexOf(i);
            if (cell >= 0) {
                flush(prose, parts);
                parts.add(new MarkdownPart.CellPlace(cellIds.get(cell)));
            }
            for (String line : keyNumbers.getOrDefault(i, List.of())) {
                prose.add(new MarkdownPart.Line(line, referencesIn(line)));
            }
            if (cellLines.get(i)) {
                continue;
            }
            boolean blank = lines[i].isBlank() && !code.get(i);
            if (blank && (prose.isEmpty() || prose.get(prose.size() - 1).text().isEmpty())) {
                continue;
            }
            prose.add(new MarkdownPart.Line(blank ? "" : lines[i], spans.get(i)));
        }
        flush(prose, parts);
        return parts;
    }

    /** The references of a line made here, {@code @fig-…} as the syntax reads them. */
    private static List<MarkdownPart.Span> referencesIn(String line) {
        List<MarkdownPart.Span> spans = new ArrayList<>();
        for (MarkdownSyntax.Reference reference : MarkdownSyntax.references(MarkdownSyntax.parse(line))) {
            spans.add(new MarkdownPart.ReferenceSpan(reference.getStartOffset(), reference.getEndOffset(), reference.id()));
        }
        return spans;
    }

    /**
     * Each line's spans, in order: the references; the targets of links {@link LinkPolicy} refuses
     * (made {@code #}, and an autolink's bracket escaped); and the brackets of raw HTML, escaped, so
     * that the exports show it as text as the pages do.
     */
    private static List<List<MarkdownPart.Span>> spans(Document document, int lineCount) {
        List<MarkdownPart.Span> all = new ArrayList<>();
        for (MarkdownSyntax.Reference reference : MarkdownSyntax.references(document)) {
            all.add(new MarkdownPart.ReferenceSpan(reference.getStartOffset(), reference.getEndOffset(), reference.id()));
        }
        for (Node link : LinkPolicy.refused(document)) {
            if (link instanceof DelimitedLinkNode delimited) {
                int bracket = delimited.getOpeningMarker().getStartOffset();
                all.add(new MarkdownPart.Replacement(bracket, bracket + 1, "\\<"));
            } else if (LinkPolicy.target(link) instanceof BasedSequence url && url.isNotNull() && !url.isEmpty()) {
                all.add(new MarkdownPart.Replacement(url.getStartOffset(), url.getEndOffset(), "#"));
            }
        }
        for (Node node : document.getDescendants()) {
            if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) {
                BasedSequence chars = node.getChars();
                for (int i = 0; i < chars.length(); i++) {
                    char c = chars.charAt(i);
                    if (c == '<' || c == '>') {
                        int at = chars.getStartOffset() + i;
                        all.add(new MarkdownPart.Replacement(at, at + 1, "\\" + c));
                    }
                }
            }
        }
        all.sort(java.util.Comparator.comparingInt(MarkdownPart.Span::start));
        List<List<MarkdownPart.Span>> byLine = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            byLine.add(new ArrayList<>());
        }
        int end = -1;
        for (MarkdownPart.Span span : all) {
            if (span.start() < end) {
                continue; // inside one already taken (a reference in a refused link's text)
            }
            end = span.end();
            int lineStart = document.getChars().startOfLine(span.start());
            MarkdownPart.Span inLine = span instanceof MarkdownPart.ReferenceSpan reference
                    ? new MarkdownPart.ReferenceSpan(reference.start() - lineStart, reference.end() - lineStart, reference.id())
                    : new MarkdownPart.Replacement(span.start() - lineStart, span.end() - lineStart,
                    ((MarkdownPart.Replacement) span).text());
            byLine.get(document.getLineNumber(span.start())).add(inLine);
        }
        return byLine;
    }

    private static void flush(List<MarkdownPart.Line> prose, List<MarkdownPart> parts) {
        while (!prose.isEmpty() && prose.get(prose.size() - 1).text().isBlank()) {
            prose.remove(prose.size() - 1);
        }
        if (!prose.isEmpty()) {
            parts.add(new MarkdownPart.Prose(prose));
        }
        prose.clear();
    }
}
