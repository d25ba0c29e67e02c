package org.threatreport.model;

import com.vladsch.flexmark.util.ast.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.threatreport.diagnostic.Problems;
import org.threatreport.diagnostic.Suggestions;

/**
 * {@code @fig-…} and {@code @tbl-…} references in chapter text, as {@link MarkdownSyntax} finds them:
 * checked against the ids the cells declare.
 */
public final class CrossReferences {

    /** A reference and where it stands in its text: line and column from 1. */
    public record Located(String id, int line, int column) {
    }

    private CrossReferences() {
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** The references of a text (a chapter's template, or any Markdown), in order. */
    public static List<Located> in(String text) {
        return in(MarkdownSyntax.parse(text));
    }

    private static List<Located> in(Document document) {
        List<Located> found = new ArrayList<>();
        for (MarkdownSyntax.Reference reference : MarkdownSyntax.references(document)) {
            found.add(located(document, reference.getStartOffset(), reference.id()));
        }
        return found;
    }

    private static Located located(Document document, int offset, String what) {
        int line = document.getLineNumber(offset);
        int column = offset - document.getChars().startOfLine(offset);
        return new Located(what, line + 1, column + 1);
    }

    /**
     * Reports references to ids no cell declares, and links whose targets {@link LinkPolicy} refuses.
     *
     * @param declared every id a cell declares, including cells that have mistakes of their own,
     *                 so that a broken cell does not also make its references look broken
     */
    static void check(Report report, Set<String> declared, Problems problems) {
        List<Chapter> pages = new ArrayList<>(report.chapters());
        if (report.abstractPage() != null) {
            pages.add(0, report.abstractPage());
        }
        for (Chapter chapter : pages) {
            Document document = MarkdownSyntax.parse(chapter.template());
            for (com.vladsch.flexmark.util.ast.Node link : LinkPolicy.refused(document)) {
                CharSequence target = LinkPolicy.target(link);
                Located at = located(document, target instanceof com.vladsch.flexmark.util.sequence.BasedSequence based
                        && based.isNotNull() ? based.getStartOffset() : link.getStartOffset(), target.toString());
                problems.error(chapter.file(), at.line(), at.column(), "link target '" + shorten(at.id())
                        + "' is not allowed: a link may be relative or start with http:, https: or mailto:");
            }
            for (Located reference : in(document)) {
                if (!declared.contains(reference.id())) {
                    problems.error(chapter.file(), reference.line(), reference.column(), "no figure or table has id '"
                            + reference.id() + "'" + Suggestions.didYouMean(reference.id(), declared));
                }
            }
        }
    }
}
