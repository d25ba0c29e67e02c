package org.threatreport.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.DataAccess;
import org.threatreport.data.ColumnSpec;
import org.threatreport.testing.Postgres;

/**
 * A whole report built from tables in a real PostgreSQL (a throw-away cluster started here, the rows typed
 * as a database holds them) is the report built from the same rows as CSV files: every page, figure, table,
 * Markdown file and the PDF, byte for byte ({@link ReportFromDatabase}).
 */
class PostgresReportTest {

    @TempDir
    Path folder;

    @Test
    void theReportFromPostgresqlIsTheReportFromCsvFiles() throws Exception {
        Postgres.require();
        try (Postgres postgres = Postgres.start()) {
            ReportFromDatabase.Builds builds = ReportFromDatabase.build(folder, schema -> {
                postgres.execute("CREATE TABLE " + schema.table() + " (" + schema.columns().stream()
                        .map(c -> c.name() + " " + sqlType(c)).collect(Collectors.joining(", ")) + ")");
                postgres.copy(schema.table(), schema.dataFile());
                return "source:\n  url: " + postgres.url() + "\n  table: " + schema.table() + "\n  server: report-db\n";
            }, new DataAccess(Map.of("report-db", new DataAccess.Login(Postgres.USER, Postgres.PASSWORD)), Map.of(),
                    false));
            assertFalse(builds.log().contains(Postgres.PASSWORD), "the password is never logged, also at debug");
            String notebook = builds.fromDatabase().entrySet().stream().filter(f -> f.getKey().endsWith(".ipynb"))
                    .map(f -> new String(f.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                    .filter(n -> n.contains("printRows(")).findFirst().orElseThrow();
            assertTrue(notebook.contains("%maven org.postgresql:postgresql:") && notebook.contains(
                    "DriverManager.getConnection(\\\"" + postgres.url() + "\\\", System.getenv(\\\"REPORT_DB_USER\\\")"),
                    "the notebooks connect as the report did, the login from the environment: " + notebook);
            assertFalse(notebook.contains(Postgres.PASSWORD) || notebook.contains(Postgres.USER + "\\\""),
                    "no credential in a notebook");
            ReportFromDatabase.assertSameReport(builds);
        }
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
