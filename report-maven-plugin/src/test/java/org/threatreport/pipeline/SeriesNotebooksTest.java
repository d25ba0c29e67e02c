package org.threatreport.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Log;
import org.threatreport.notebook.NotebookChecks;
import org.threatreport.notebook.NotebookRunner;

/**
 * The notebooks of the report-series fixture ({@code src/it/report-series}): their code, run with JShell,
 * prints for every cell what the notebook stores under it — the report's numbers — for other years, changes,
 * measures per value (ties as the report orders them), histograms, exclusions and a fold named apart from a
 * real value "Other".
 */
class SeriesNotebooksTest {

    static final Path FIXTURE = Path.of("src/it/report-series").toAbsolutePath();
    static final List<String> NOTEBOOKS = List.of("01-overview.ipynb", "02-trends.ipynb");

    @TempDir
    Path work;

    @Test
    void runningTheNotebooksPrintsWhatTheyStore() throws Exception {
        BuildOptions options = new BuildOptions(FIXTURE, FIXTURE.resolve("content"), FIXTURE.resolve("data"),
                FIXTURE.resolve("site-template"), work.resolve("site"), work.resolve("cache"), "1", Optional.empty());
        Path site = new ReportBuild(options, Log.silent()).run().versionDir();
        NotebookRunner.Output run = NotebookRunner.run(site, NOTEBOOKS);
        assertEquals(List.of(), run.errors(), run.log());
        List<String> compared = new ArrayList<>();
        for (String notebook : NOTEBOOKS) {
            Map<String, String> stored = NotebookChecks.storedPrints(site.resolve(notebook));
            Map<String, List<String>> printed = run.printed().get(notebook);
            assertNotNull(printed, run.log());
            for (Map.Entry<String, String> cell : stored.entrySet()) {
                List<String> lines = printed.get(cell.getKey());
                assertNotNull(lines, cell.getKey() + " printed nothing\n" + run.log());
                assertEquals(cell.getValue(), String.join("\n", lines) + "\n", cell.getKey());
                compared.add(cell.getKey());
            }
        }
        assertEquals(List.of("fig-yearly", "fig-action-trend", "fig-industry-compare", "tbl-industry-years",
                "fig-industry-top", "fig-dwell", "fig-records", "fig-dwell-median", "tbl-records-p90", "fig-actor",
                "fig-actor-industry", "tbl-education-actors", "tbl-actions-outside", "fig-monthly"), compared);
    }
}
