package org.threatreport.data.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.DataAccess;
import org.threatreport.data.SchemaReader;
import org.threatreport.data.SqlTable;
import org.threatreport.diagnostic.Problem;
import org.threatreport.diagnostic.Problems;
import org.threatreport.testing.Postgres;

/**
 * A table in a real PostgreSQL (a throw-away cluster started here) checked against its codebook where it
 * lies, and every way reaching it can go wrong: each is one problem at its place in the schema file, naming
 * what was expected and the closest valid name, with no stack trace and never the password.
 */
class PostgresSourceTest {

    private static final String WRONG_PASSWORD = "not-the-password-42";
    private static Postgres postgres;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() throws Exception {
        Postgres.require();
        postgres = Postgres.start();
        postgres.execute("CREATE TABLE incidents (id TEXT, day DATE, sector TEXT, records INTEGER, note TEXT)",
                "INSERT INTO incidents VALUES ('A-1', '2017-03-01', 'Bank', 5, 'x'), ('A-2', '2017-04-01', 'Bnk', 7, 'y'),"
                        + " ('A-3', '2017-05-01', NULL, 1, 'z'), ('A-3', '2017-06-01', 'School', 2, NULL),"
                        + " ('A-5', '2017-06-02', 'Bnk', NULL, 'w')",
                "CREATE TABLE clean (id TEXT, day DATE, sector TEXT, records INTEGER, note TEXT)",
                "INSERT INTO clean VALUES ('B-1', '2016-12-31', 'Bank', 5, 'x'), ('B-2', '2017-01-01', 'School', NULL, NULL)");
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String schema(String source, String sectorColumn, String recordsType) {
        return "source:\n" + source
                + "table: incidents\n"
                + "id: id\n"
                + "columns:\n"
                + "  - {name: id, type: text, required: true}\n"
                + "  - {name: day, type: date}\n"
                + "  - name: " + sectorColumn + "\n"
                + "    type: category\n"
                + "    required: true\n"
                + "    values: [Bank, School]\n"
                + "  - {name: records, type: " + recordsType + "}\n"
                + "  - {name: note, type: text}\n";
    }

    private static String source(String url, String table) {
        return "  url: " + url + "\n  table: " + table + "\n  user-variable: REPORT_DB_USER\n"
                + "  password-variable: REPORT_DB_PASSWORD\n";
    }

    private SchemaRead read(String yaml, String password) throws Exception {
        Path file = folder.resolve("incidents.schema.yaml");
        Files.writeString(file, yaml);
        Problems problems = new Problems();
        DataAccess access = new DataAccess(Map.of(), Map.of("REPORT_DB_USER", Postgres.USER, "REPORT_DB_PASSWORD",
                password), false);
        SqlTable table = SqlTableReader.read(SchemaReader.read(file), access, OptionalInt.of(2017), 2, problems);
        if (table != null) {
            table.source().engine().close();
        }
        for (Problem problem : problems.list()) {
            assertFalse(problem.message().contains("\n"), "one line, no stack trace: " + problem.message());
            assertFalse(problem.message().contains(Postgres.PASSWORD) || problem.message().contains(WRONG_PASSWORD),
                    "never the password: " + problem.message());
        }
        return new SchemaRead(yaml, table, problems.list());
    }

    @Test
    void aCleanTableIsReadWithItsSizeAndYears() throws Exception {
        SchemaRead result = read(schema(source(postgres.url(), "clean"), "sector", "integer"), Postgres.PASSWORD);
        assertTrue(result.problems().isEmpty(), result.problems().toString());
        assertNotNull(result.table());
        assertEquals(2, result.table().rows());
        assertEquals(List.of(2016, 2017), List.copyOf(result.table().years()));
    }

    @Test
    void valuesOutsideTheCodebookEmptyRequiredCellsAndDuplicateIdsAreEachReportedAtTheirColumn() throws Exception {
        SchemaRead result = read(schema(source(postgres.url(), "incidents"), "sector", "integer"), Postgres.PASSWORD);
        Problem unknown = result.at("    values: [Bank, School]", "unknown sector 'Bnk'");
        assertTrue(unknown.message().contains("2 rows") && unknown.message().contains("did you mean 'Bank'")
                && unknown.message().contains("(id A-2 … A-5)"), unknown.message());
        Problem empty = result.at("  - name: sector", "column 'sector' is required but is empty");
        assertTrue(empty.message().contains("1 row") && empty.message().contains("(id A-3)"), empty.message());
        Problem duplicate = result.at("  - {name: id,", "duplicate id 'A-3'");
        assertTrue(duplicate.message().contains("2 rows"), duplicate.message());
        assertEquals(3, result.problems().size(), result.problems().toString());
    }

    @Test
    void anUnknownTableNamesTheClosestOne() throws Exception {
        SchemaRead result = read(schema(source(postgres.url(), "incident"), "sector", "integer"), Postgres.PASSWORD);
        Problem problem = result.at("  table: incident", "table 'incident' is not in " + postgres.url());
        assertTrue(problem.message().contains("did you mean 'incidents'"), problem.message());
        assertNull(result.table());
    }

    @Test
    void anUnknownColumnNamesTheClosestOneAndAWrongTypeWhatWasExpected() throws Exception {
        SchemaRead result = read(schema(source(postgres.url(), "incidents"), "sektor", "decimal").replace(
                "  - {name: note, type: text}", "  - {name: note, type: integer}"), Postgres.PASSWORD);
        Problem column = result.at("  - name: sektor", "column 'sektor' is not in");
        assertTrue(column.message().contains("did you mean 'sector'"), column.message());
        Problem type = result.at("  - {name: note, type: integer}", "column 'note' is integer in the schema but text");
        assertTrue(type.message().contains("expected an integer type"), type.message());
        assertEquals(2, result.problems().size(), result.problems().toString());
    }

    @Test
    void aWrongPasswordSaysWhereTheLoginCameFrom() throws Exception {
        SchemaRead result = read(schema(source(postgres.url(), "incidents"), "sector", "integer"), WRONG_PASSWORD);
        Problem problem = result.at("  user-variable:", "cannot log in to " + postgres.url());
        assertTrue(problem.message().contains("REPORT_DB_USER, REPORT_DB_PASSWORD"), problem.message());
    }

    @Test
    void theLoginComesFromASettingsServerNamedByItsId() throws Exception {
        String yaml = schema("  url: " + postgres.url() + "\n  table: clean\n  server: report-db\n", "sector", "integer");
        Path file = folder.resolve("incidents.schema.yaml");
        Files.writeString(file, yaml);
        DataAccess access = new DataAccess(Map.of("report-db", new DataAccess.Login(Postgres.USER, Postgres.PASSWORD)),
                Map.of(), false);
        Problems problems = new Problems();
        SqlTable table = SqlTableReader.read(SchemaReader.read(file), access, OptionalInt.of(2017), 1, problems);
        assertTrue(problems.isEmpty(), problems.list().toString());
        table.source().engine().close();
        assertFalse(access.toString().contains(Postgres.PASSWORD) || access.toString().contains(Postgres.USER));

        Files.writeString(file, yaml.replace("server: report-db", "server: reportdb"));
        SqlTableReader.read(SchemaReader.read(file), access, OptionalInt.of(2017), 1, problems);
        assertEquals(1, problems.list().size(), problems.list().toString());
        assertTrue(problems.list().get(0).message().contains("no <server> with id 'reportdb'")
                && problems.list().get(0).message().contains("did you mean 'report-db'"), problems.list().toString());
        assertEquals(4, problems.list().get(0).line(), "the line of server:");
    }

    @Test
    void anUnreachableServerPointsAtTheUrl() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/postgres";
        SchemaRead result = read(schema(source(url, "incidents"), "sector", "integer"), Postgres.PASSWORD);
        Problem problem = result.at("  url:", "cannot reach " + url);
        assertTrue(problem.message().contains("is the database running"), problem.message());
    }

    @Test
    void aQueryPastItsTimeLimitIsCancelledAndSaysSo() throws Exception {
        String source = "  url: " + postgres.url() + "\n"
                + "  query: SELECT i.* FROM incidents AS i CROSS JOIN pg_sleep(4)\n"
                + "  user-variable: REPORT_DB_USER\n  password-variable: REPORT_DB_PASSWORD\n  timeout: 1\n";
        long start = System.nanoTime();
        SchemaRead result = read(schema(source, "sector", "integer"), Postgres.PASSWORD);
        Problem problem = result.at("  timeout: 1", "took longer than 1 s and was cancelled");
        assertTrue(problem.message().contains("raise 'timeout'"), problem.message());
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "cancelled, not waited for");
    }
}
