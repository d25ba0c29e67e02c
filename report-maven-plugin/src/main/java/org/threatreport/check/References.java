package org.threatreport.check;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threatreport.diagnostic.Problem;
import org.threatreport.model.Cell;
import org.threatreport.model.CellKind;
import org.threatreport.model.Chapter;
import org.threatreport.model.CrossReferences;
import org.threatreport.model.Report;

/**
 * Finds figures and tables the text never refers to: a reader meets them without being told what
 * to look at. A cell counts as referred to by an {@code @fig-…}/{@code @tbl-…} reference or by a
 * Markdown link to its anchor, from any page.
 */
final class References {

    private References() {
    }

    /** Adds the ids referred to on a page to {@code into}. */
    static void collect(ProseText text, List<Links.Link> links, Set<String> into) {
        CrossReferences.in(String.join("\n", text.markdown())).forEach(reference -> into.add(reference.id()));
        for (Links.Link link : links) {
            String fragment = Links.fragment(link);
            if (fragment != null) {
                into.add(fragment);
            }
        }
    }

    static void check(Report report, Set<String> referred, List<Problem> into) {
        for (Map.Entry<String, Report.CellPlace> entry : report.cells().entrySet()) {
            Cell cell = entry.getValue().cell();
            if (!referred.contains(cell.id())) {
                String kind = cell.kind() == CellKind.FIGURE ? "figure" : "table";
                into.add(Findings.warning(cell.file(), cell.line(), 1, kind + " '" + cell.id() + "' (" + cell.label()
                        + ") is never referred to: point readers to it where the text discusses it, with @" + cell.id()));
            }
        }
    }

    /** The pages of a report: the abstract first, then the chapters. */
    static List<Chapter> pages(Report report) {
        java.util.ArrayList<Chapter> pages = new java.util.ArrayList<>();
        if (report.abstractPage() != null) {
            pages.add(report.abstractPage());
        }
        pages.addAll(report.chapters());
        return pages;
    }
}
