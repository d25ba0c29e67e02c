package org.threatreport.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.DataAccess;
import org.threatreport.data.SchemaReader;
import org.threatreport.notebook.NotebookChecks;
import org.threatreport.notebook.NotebookRunner;
import org.threatreport.testing.ProjectFiles;

/**
 * The flagship's incidents as a Parquet file, counted by DuckDB: every page, figure, table, Markdown file and
 * the PDF are those of the flagship built from its CSV file, byte for byte; and its chapters' notebooks count
 * the rows again by the SQL the report sent. Run with JShell beside the Parquet file, each cell prints the rows
 * DuckDB returns, and they are the report's numbers.
 */
class FlagshipFromParquetTest {

    @TempDir
    Path work;

    @Test
    void theFlagshipFromParquetIsTheFlagshipAndItsNotebooksRunTheReportsSql() throws Exception {
        Path csvProject = work.resolve("csv");
        Path project = work.resolve("parquet");
        for (String folder : List.of("content", "data", "site-template")) {
            ProjectFiles.copyTree(FlagshipBuild.ROOT.resolve(folder), csvProject.resolve(folder));
            ProjectFiles.copyTree(FlagshipBuild.ROOT.resolve(folder), project.resolve(folder));
        }
        Path data = project.resolve("data");
        Path parquet = data.resolve("incidents.parquet");
        try (Connection duck = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
             Statement statement = duck.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + data.resolve("incidents.csv") + "', header = true,"
                    + " all_varchar = true)) TO '" + parquet + "' (FORMAT parquet)");
        }
        Files.delete(data.resolve("incidents.csv"));
        Path schema = data.resolve("incidents.schema.yaml");
        Files.writeString(schema, "file: incidents.parquet\n" + Files.readString(schema, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        Map<String, byte[]> fromCsv = OfflineBuildTest.build(csvProject, DataAccess.fromEnvironment(), "site");
        Map<String, byte[]> fromParquet = OfflineBuildTest.build(project, DataAccess.fromEnvironment(), "site");
        Path site = project.resolve("target/site/1.0");

        // Every page, figure, table, Markdown file and the PDF are the CSV build's; only what copies the rows
        // (the CSV download, the notebooks) and what says where they were read (home page, corrections log) differ.
        ReportFromDatabase.assertSameReport(fromCsv, fromParquet);
        assertTrue(fromParquet.size() > 60, "compared the flagship's " + fromParquet.size() + " files");

        String notebook = Files.readString(site.resolve("02-monitoring.ipynb"), StandardCharsets.UTF_8);
        assertTrue(notebook.contains("%maven org.duckdb:duckdb_jdbc:"), "the DuckDB driver is loaded");
        assertTrue(notebook.contains("read_parquet('data/incidents.parquet')"), "DuckDB reads the file beside the notebook");
        assertFalse(notebook.contains(project.toString()), "no path of the build machine");
        assertFalse(notebook.contains("readCsv(\\\"incidents\\\""), "no CSV is read");

        // An analyst puts the Parquet file beside the notebook, as the setup cell says, and runs it.
        Files.createDirectories(site.resolve("data"));
        Files.copy(parquet, site.resolve("data/incidents.parquet"));
        NotebookRunner.Output run = NotebookRunner.run(site, List.of("02-monitoring.ipynb", "03-services.ipynb"));
        assertEquals(List.of(), run.errors(), run.log());
        Map<String, List<String>> monitoring = run.printed().get("02-monitoring.ipynb");
        assertNotNull(monitoring, run.log());

        List<String> industry = monitoring.get("fig-industry");
        assertNotNull(industry, run.log());
        assertTrue(industry.contains("199"), "the rows of the year: " + industry);
        Map<String, String> values = new java.util.HashMap<>();
        SchemaReader.read(schema).column("industry").orElseThrow().values().forEach(v -> values.put(v.label(), v.value()));
        List<String> expected = NotebookChecks.expectedLines(figureCsv(site, "fig-industry"), "数量", "占比");
        assertEquals(12, expected.size());
        for (String row : expected) {
            // "IT 信息技术=12 (6.0%)" in the report; "IT | 12" from DuckDB, which holds the value, not its label
            String label = row.substring(0, row.indexOf('='));
            String count = row.substring(row.indexOf('=') + 1, row.indexOf(" ("));
            assertTrue(industry.contains(values.get(label) + " | " + count), row + " in " + industry);
        }
        List<String> months = monitoring.get("fig-monthly");
        assertNotNull(months, run.log());
        assertEquals(13, months.size(), "the year's rows, and a line per month: " + months);
        assertEquals(Map.of(), withoutOutput(run.printed()), "every cell of a figure or table printed rows");
    }

    private static String figureCsv(Path site, String id) throws Exception {
        return Files.readString(site.resolve("figures/" + id + ".csv"), StandardCharsets.UTF_8);
    }

    /** The cells that printed nothing, by notebook. */
    private static Map<String, List<String>> withoutOutput(Map<String, Map<String, List<String>>> printed) {
        Map<String, List<String>> empty = new java.util.TreeMap<>();
        printed.forEach((notebook, cells) -> cells.forEach((id, lines) -> {
            if (lines.isEmpty()) {
                empty.computeIfAbsent(notebook, k -> new java.util.ArrayList<>()).add(id);
            }
        }));
        return empty;
    }
}
