package org.threatreport.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threatreport.aggregate.CellData;
import org.threatreport.aggregate.TableView;
import org.threatreport.data.DataSet;
import org.threatreport.model.Report;
import org.threatreport.render.RenderedChapter;

/**
 * What one run of the stages made. A strict build that returns has made all of it; a lenient one
 * stops early when an input cannot be read at all, and leaves null what it could not make.
 *
 * @param data          the tables that could be read (never null)
 * @param report        the report, or null when {@code report.yaml} or {@code content/} could not be read
 * @param tables        the tables as templates see them, by name
 * @param cells         the numbers of every cell that could be computed, by id
 * @param pages         the rendered abstract and chapters, by page name; a page that failed stands there empty
 * @param failedPages   the pages that could not be rendered
 * @param files         every file of the version folder, by path relative to it (a check's drawn and
 *                      exported files are named but empty)
 * @param ownLayouts    the layouts of the project's own site template
 * @param snapshots     the snapshots of tables counted where they lie that differ from the project's, by
 *                      file ({@code data/<table>.snapshot.json}): a report build writes them
 */
public record BuiltReport(DataSet data, Report report, Map<String, TableView> tables, Map<String, CellData> cells,
                          Map<String, RenderedChapter> pages, Set<String> failedPages, Map<String, byte[]> files,
                          List<Path> ownLayouts, List<StageTiming> timings, Map<Path, byte[]> snapshots) {

    public BuiltReport {
        tables = Map.copyOf(tables);
        cells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
        pages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pages));
        failedPages = Set.copyOf(failedPages);
        files = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files));
        ownLayouts = List.copyOf(ownLayouts);
        timings = List.copyOf(timings);
        snapshots = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(snapshots));
    }

    public long figureCount() {
        return report == null ? 0 : report.cells().values().stream()
                .filter(p -> p.cell().kind() == org.threatreport.model.CellKind.FIGURE).count();
    }

    public int chapterCount() {
        return report == null ? 0 : report.chapters().size();
    }
}
