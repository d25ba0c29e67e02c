package org.threatreport.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.check.CheckResult;
import org.threatreport.check.ReportCheck;
import org.threatreport.config.BuildOptions;
import org.threatreport.config.DataAccess;
import org.threatreport.config.RenderLimits;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Log;
import org.threatreport.diagnostic.Problem;
import org.threatreport.testing.ProjectFiles;

/**
 * A report whose tables are Parquet files DuckDB reads, built online — which records each table's snapshot
 * beside its schema — and then, the Parquet files deleted, built offline from the snapshots: every file of
 * the version (pages, figures, Markdown, notebooks, the PDF) is the same, byte for byte. A build that reads the
 * same again keeps the snapshot as it was, its time included. Offline, a table without a snapshot and a value
 * the snapshot has no answer to are mistakes at their places.
 */
class OfflineBuildTest {

    static final Path FIXTURE = Path.of("src/it/duckdb-source");
    static final Instant READ = Instant.parse("2024-02-14T09:30:00Z");

    @TempDir
    Path folder;

    @Test
    void theOfflineBuildFromTheSnapshotsIsTheOnlineBuildThatWroteThem() throws Exception {
        Path project = parquetProject();
        Map<String, byte[]> online = build(project, reading(READ), "online");
        Path snapshot = project.resolve("data/phishing.snapshot.json");
        assertTrue(Files.isRegularFile(snapshot) && Files.isRegularFile(project.resolve("data/assets.snapshot.json")));
        String recorded = Files.readString(snapshot);
        assertTrue(recorded.contains("\"readAt\": \"2024-02-14T09:30:00Z\"") && recorded.contains("\"file\": \"phishing.parquet\""),
                recorded);
        String index = new String(online.get("index.html"), StandardCharsets.UTF_8);
        for (String shown : List.of("Data of this version", "<code>phishing.parquet</code>", "2024-02-14 09:30:00 UTC")) {
            assertTrue(index.contains(shown), shown + " on the home page");
            assertTrue(new String(online.get("corrections.html"), StandardCharsets.UTF_8).contains(shown),
                    shown + " in the corrections log");
        }

        // A day later the lake holds the same rows: the snapshot stays as it was, and so do the pages.
        byte[] before = Files.readAllBytes(snapshot);
        Map<String, byte[]> again = build(project, reading(READ.plusSeconds(86_400)), "again");
        assertArrayEquals(before, Files.readAllBytes(snapshot), "a snapshot read the same is not written again");
        assertSameFiles(online, again);

        // The lake is gone: the offline build reads only the snapshots.
        try (Stream<Path> files = Files.list(project.resolve("data"))) {
            for (Path parquet : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
                Files.delete(parquet);
            }
        }
        Map<String, byte[]> offline = build(project, offlineAccess(), "offline");
        assertSameFiles(online, offline);
        assertArrayEquals(before, Files.readAllBytes(snapshot), "an offline build writes no snapshot");

        CheckResult check = new ReportCheck(options(project, offlineAccess(), "check"), Log.silent()).run();
        assertEquals(List.of(), check.errors(), "offline, site:check takes every number from the snapshots too");
    }

    @Test
    void offlineWithoutASnapshotEachTableIsAMistakeAtItsSchema() throws Exception {
        Path project = parquetProject();
        InputException e = assertThrows(InputException.class, () -> build(project, offlineAccess(), "offline"));
        List<String> files = e.problems().stream().map(p -> project.relativize(p.file()).toString()).sorted().toList();
        assertEquals(List.of("data/assets.schema.yaml", "data/phishing.schema.yaml"), files);
        String message = e.problems().get(0).message();
        assertTrue(message.contains("the build is offline (report.offline), but table '")
                && message.contains("has no snapshot (data/") && message.contains("Build once online"), message);
    }

    @Test
    void offlineAValueOrCellTheSnapshotWasNotAskedIsAMistakeWhereTheChapterAsksIt() throws Exception {
        Path project = parquetProject();
        build(project, reading(READ), "online");
        Path chapter = project.resolve("content/02-campaigns.md");
        List<String> lines = Files.readAllLines(chapter);
        int valueLine = lines.size() + 2;
        Files.writeString(chapter, String.join("\n", lines) + "\n\nLegal lost ${phishing.where(\"department\", \"LEGAL\")"
                + ".where(\"channel\", \"Calls\").median(\"losses\")} to calls (@tbl-payments).\n\n"
                + "```{table}\nid: tbl-payments\ntable: phishing\ncolumn: department\nwhere: {outcome: Payment made}\n"
                + "caption: Payments by department\n```\n");
        int cellLine = valueLine + 2;
        InputException e = assertThrows(InputException.class, () -> build(project, offlineAccess(), "offline"));
        assertEquals(List.of(cellLine), e.problems().stream().map(Problem::line).toList(), e.problems().toString());
        assertEquals(chapter, e.problems().get(0).file());
        assertTrue(e.problems().get(0).message().contains("the number of rows of phishing in 2023 where outcome is"
                + " Payment made, per value of department"), e.problems().get(0).message());

        // site:check goes on past the cells and finds the value in the text too, at its line and column.
        List<Problem> found = new ReportCheck(options(project, offlineAccess(), "check"), Log.silent()).run().errors();
        assertEquals(List.of(valueLine, cellLine), found.stream().map(Problem::line).toList(), found.toString());
        Problem value = found.get(0);
        assertEquals(chapter, value.file());
        assertEquals("Legal lost ".length() + 1, value.column());
        assertTrue(value.message().startsWith("the build is offline (report.offline) and data/phishing.snapshot.json has"
                + " no answer to this question: the median of losses of phishing in 2023 where department is LEGAL and"
                + " channel is Calls"), value.message());
        assertTrue(value.message().endsWith("Build once online (without -Dreport.offline) to record it, and commit"
                + " data/phishing.snapshot.json"), value.message());
    }

    /** The English fixture with its tables as Parquet files, written by DuckDB. */
    private Path parquetProject() throws Exception {
        Path project = folder.resolve("project");
        ProjectFiles.copyTree(FIXTURE, project);
        Path data = project.resolve("data");
        try (Connection duck = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
             Statement statement = duck.createStatement();
             Stream<Path> files = Files.list(data)) {
            for (Path schema : files.filter(f -> f.toString().endsWith(".schema.yaml")).sorted().toList()) {
                String table = schema.getFileName().toString().replace(".schema.yaml", "");
                Path csv = data.resolve(table + ".csv");
                Path parquet = data.resolve(table + ".parquet");
                statement.execute("COPY (SELECT * FROM read_csv('" + csv.toAbsolutePath() + "', header = true)) TO '"
                        + parquet.toAbsolutePath() + "' (FORMAT parquet)");
                Files.delete(csv);
                Files.writeString(schema, "file: " + parquet.getFileName() + "\n" + Files.readString(schema));
            }
        }
        return project;
    }

    static DataAccess reading(Instant at) {
        return DataAccess.fromEnvironment().withClock(Clock.fixed(at, ZoneOffset.UTC));
    }

    static DataAccess offlineAccess() {
        // A clock that would show if anything offline asked it.
        return DataAccess.fromEnvironment().withOffline(true).withClock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        assertTrue(expected.containsKey("report.pdf") && expected.size() > 40, "compared " + expected.size() + " files");
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name + " differs"));
    }

    static BuildOptions options(Path project, DataAccess access, String output) {
        return new BuildOptions(project, project.resolve("content"), project.resolve("data"),
                project.resolve("site-template"), project.resolve("target/" + output),
                project.resolve("target/report-cache"), "1.0", Optional.empty(), Optional.empty(), RenderLimits.DEFAULT,
                true, access);
    }

    /** Builds a project into target/{output}/1.0 and returns the files of that version by path. */
    static Map<String, byte[]> build(Path project, DataAccess access, String output) throws Exception {
        new ReportBuild(options(project, access, output), Log.silent()).run();
        Path version = project.resolve("target/" + output + "/1.0");
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(version)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(version.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        assertFalse(files.isEmpty());
        return files;
    }
}
