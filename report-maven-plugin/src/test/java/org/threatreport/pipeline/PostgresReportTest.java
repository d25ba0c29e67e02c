package org.threatreport.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.BuildOptions;
import org.threatreport.config.DataAccess;
import org.threatreport.config.RenderLimits;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.Schema;
import org.threatreport.data.SchemaReader;
import org.threatreport.diagnostic.Log;
import org.threatreport.testing.Postgres;
import org.threatreport.testing.ProjectFiles;

/**
 * A whole report built from tables in a real PostgreSQL (a throw-away cluster started here, the rows typed
 * as a database holds them) is the report built from the same rows as CSV files: every page, figure, table,
 * Markdown file and the PDF, byte for byte. Only what copies the rows differs: the CSV downloads (and their
 * links on the home page) and the notebooks, which cannot count rows the site has no copy of; and the home
 * page and the corrections log say where and when the tables were read. Once the database is gone, the report
 * built offline from the snapshots the database build recorded is that build, byte for byte.
 */
class PostgresReportTest {

    private static final Path FIXTURE = Path.of("src/it/duckdb-source");
    private static final Instant READ = Instant.parse("2024-02-14T09:30:00Z");

    @TempDir
    Path folder;

    @Test
    void theReportFromPostgresqlIsTheReportFromCsvFiles() throws Exception {
        Postgres.require();
        Path fromCsv = folder.resolve("csv");
        Path fromDatabase = folder.resolve("database");
        ProjectFiles.copyTree(FIXTURE, fromCsv);
        ProjectFiles.copyTree(FIXTURE, fromDatabase);
        Map<String, byte[]> expected = build(fromCsv, DataAccess.fromEnvironment(), Log.silent());
        Map<String, byte[]> actual;
        String url;
        try (Postgres postgres = Postgres.start()) {
            url = postgres.url();
            for (Path schemaFile : schemaFiles(fromDatabase.resolve("data"))) {
                Schema schema = SchemaReader.read(schemaFile);
                postgres.execute("CREATE TABLE " + schema.table() + " (" + schema.columns().stream()
                        .map(c -> c.name() + " " + sqlType(c)).collect(Collectors.joining(", ")) + ")");
                postgres.copy(schema.table(), schema.dataFile());
                Files.delete(schema.dataFile());
                Files.writeString(schemaFile, "source:\n  url: " + postgres.url() + "\n  table: " + schema.table()
                        + "\n  server: report-db\n" + Files.readString(schemaFile));
            }
            StringBuilder logged = new StringBuilder();
            actual = build(fromDatabase, new DataAccess(
                    Map.of("report-db", new DataAccess.Login(Postgres.USER, Postgres.PASSWORD)), Map.of(), false,
                    Clock.fixed(READ, ZoneOffset.UTC)), everything(logged));
            assertTrue(logged.toString().contains("counted where they lie"), logged.toString());
            assertFalse(logged.toString().contains(Postgres.PASSWORD), "the password is never logged, also at debug");
            String notebook = actual.entrySet().stream().filter(f -> f.getKey().endsWith(".ipynb"))
                    .map(f -> new String(f.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                    .filter(n -> n.contains("printRows(")).findFirst().orElseThrow();
            assertTrue(notebook.contains("%maven org.postgresql:postgresql:") && notebook.contains(
                    "DriverManager.getConnection(\\\"" + postgres.url() + "\\\", System.getenv(\\\"REPORT_DB_USER\\\")"),
                    "the notebooks connect as the report did, the login from the environment: " + notebook);
            assertFalse(notebook.contains(Postgres.PASSWORD) || notebook.contains(Postgres.USER + "\\\""),
                    "no credential in a notebook");
            int same = 0;
            for (Map.Entry<String, byte[]> file : expected.entrySet()) {
                String name = file.getKey();
                if (name.startsWith("data/")) {
                    assertFalse(actual.containsKey(name), name + ": a table in a database is not offered as CSV");
                } else if (!name.endsWith(".ipynb") && !name.equals("index.html") && !name.equals("corrections.html")) {
                    assertTrue(actual.containsKey(name), "missing " + name);
                    assertArrayEquals(file.getValue(), actual.get(name), name + " differs");
                    same++;
                }
            }
            assertTrue(same > 40 && expected.containsKey("report.pdf"), "compared " + same + " files");
            assertEquals(expected.keySet().stream().filter(n -> !n.startsWith("data/")).collect(Collectors.toSet()),
                    actual.keySet());
        }
        String corrections = new String(actual.get("corrections.html"), java.nio.charset.StandardCharsets.UTF_8);
        for (String shown : List.of("<code>" + url + "</code>", "<code>phishing</code>", "2024-02-14 09:30:00 UTC",
                "Data of this version")) {
            assertTrue(corrections.contains(shown), shown + " in the corrections log");
        }
        assertFalse(corrections.contains(Postgres.PASSWORD) || Files.readString(fromDatabase.resolve(
                "data/phishing.snapshot.json")).contains(Postgres.PASSWORD), "no password in what is written");

        // The cluster is gone, and with it the tables: the report is built again from the snapshots alone.
        try (Stream<Path> built = Files.walk(fromDatabase.resolve("target"))) {
            for (Path file : built.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        Map<String, byte[]> offline = build(fromDatabase, DataAccess.fromEnvironment().withOffline(true), Log.silent());
        OfflineBuildTest.assertSameFiles(actual, offline);
    }

    /** A log keeping every line, debug included (as mvn -X shows them). */
    private static Log everything(StringBuilder lines) {
        return new Log() {
            @Override
            public synchronized void info(String message) {
                lines.append(message).append('\n');
            }

            @Override
            public synchronized void debug(String message) {
                lines.append(message).append('\n');
            }

            @Override
            public synchronized void warn(String message) {
                lines.append(message).append('\n');
            }

            @Override
            public synchronized void error(String message, Exception cause) {
                lines.append(message).append('\n').append(cause).append('\n');
            }
        };
    }

    /** A column as a database types it: numbers, booleans and full dates typed; the rest text. */
    private static String sqlType(ColumnSpec column) {
        return switch (column.type()) {
            case INTEGER -> "BIGINT";
            case DECIMAL -> "NUMERIC";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> column.partial() ? "TEXT" : "DATE";
            default -> "TEXT";
        };
    }

    private static java.util.List<Path> schemaFiles(Path data) throws Exception {
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".schema.yaml")).sorted().toList();
        }
    }

    /** Builds a project into its target/report-site/1.0 and returns the files of that version by path. */
    private static Map<String, byte[]> build(Path project, DataAccess access, Log log) throws Exception {
        BuildOptions options = new BuildOptions(project, project.resolve("content"), project.resolve("data"),
                project.resolve("site-template"), project.resolve("target/report-site"),
                project.resolve("target/report-cache"), "1.0", Optional.empty(), Optional.empty(), RenderLimits.DEFAULT,
                true, access);
        new ReportBuild(options, log).run();
        Path version = project.resolve("target/report-site/1.0");
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(version)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(version.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
