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

    /** The references of a text (a chapter's template, or any Markdown), in order. */
    public static List<Located> in(String text) {
        Document document = MarkdownSyntax.parse(text);
        List<Located> found = new ArrayList<>();
        for (MarkdownSyntax.Reference reference : MarkdownSyntax.references(document)) {
            int offset = reference.getStartOffset();
            int line = document.getLineNumber(offset);
            int column = offset - document.getChars().startOfLine(offset);
            found.add(new Located(reference.id(), line + 1, column + 1));
        }
        return found;
    }

    /**
     * Reports references to ids no cell declares.
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
            for (Located reference : in(chapter.template())) {
                if (!declared.contains(reference.id())) {
                    problems.error(chapter.file(), reference.line(), reference.column(), "no figure or table has id '"
                            + reference.id() + "'" + Suggestions.didYouMean(reference.id(), declared));
                }
            }
        }
    }
}
