package org.threatreport.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.DataAccess;
import org.threatreport.data.ColumnSpec;
import org.threatreport.diagnostic.Log;
import org.threatreport.testing.Postgres;

/**
 * A whole report built from tables in a real PostgreSQL (a throw-away cluster started here, the rows typed
 * as a database holds them) is the report built from the same rows as CSV files: every page, figure, table,
 * Markdown file and the PDF, byte for byte ({@link ReportFromDatabase}); the home page and the corrections
 * log say where and when the tables were read. Once the database is gone, the report built offline from the
 * snapshots the database build recorded is that build, byte for byte.
 */
class PostgresReportTest {

    private static final Instant READ = Instant.parse("2024-02-14T09:30:00Z");

    @TempDir
    Path folder;

    @Test
    void theReportFromPostgresqlIsTheReportFromCsvFiles() throws Exception {
        Postgres.require();
        ReportFromDatabase.Builds builds;
        String url;
        try (Postgres postgres = Postgres.start()) {
            url = postgres.url();
            builds = ReportFromDatabase.build(folder, schema -> {
                postgres.execute("CREATE TABLE " + schema.table() + " (" + schema.columns().stream()
                        .map(c -> c.name() + " " + sqlType(c)).collect(Collectors.joining(", ")) + ")");
                postgres.copy(schema.table(), schema.dataFile());
                return "source:\n  url: " + postgres.url() + "\n  table: " + schema.table() + "\n  server: report-db\n";
            }, new DataAccess(Map.of("report-db", new DataAccess.Login(Postgres.USER, Postgres.PASSWORD)), Map.of(),
                    false, Clock.fixed(READ, ZoneOffset.UTC)));
            assertFalse(builds.log().contains(Postgres.PASSWORD), "the password is never logged, also at debug");
            String notebook = builds.fromDatabase().entrySet().stream().filter(f -> f.getKey().endsWith(".ipynb"))
                    .map(f -> new String(f.getValue(), StandardCharsets.UTF_8))
                    .filter(n -> n.contains("printRows(")).findFirst().orElseThrow();
            assertTrue(notebook.contains("%maven org.postgresql:postgresql:") && notebook.contains(
                    "DriverManager.getConnection(\\\"" + postgres.url() + "\\\", System.getenv(\\\"REPORT_DB_USER\\\")"),
                    "the notebooks connect as the report did, the login from the environment: " + notebook);
            assertFalse(notebook.contains(Postgres.PASSWORD) || notebook.contains(Postgres.USER + "\\\""),
                    "no credential in a notebook");
            ReportFromDatabase.assertSameReport(builds);
        }
        Path project = builds.databaseProject();
        String corrections = new String(builds.fromDatabase().get("corrections.html"), StandardCharsets.UTF_8);
        for (String shown : List.of("<code>" + url + "</code>", "<code>phishing</code>", "2024-02-14 09:30:00 UTC",
                "Data of this version")) {
            assertTrue(corrections.contains(shown), shown + " in the corrections log");
        }
        assertFalse(corrections.contains(Postgres.PASSWORD) || Files.readString(project.resolve(
                "data/phishing.snapshot.json")).contains(Postgres.PASSWORD), "no password in what is written");

        // The cluster is gone, and with it the tables: the report is built again from the snapshots alone.
        try (Stream<Path> built = Files.walk(project.resolve("target"))) {
            for (Path file : built.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        Map<String, byte[]> offline = ReportFromDatabase.build(project, DataAccess.fromEnvironment().withOffline(true),
                Log.silent());
        OfflineBuildTest.assertSameFiles(builds.fromDatabase(), offline);
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
}
