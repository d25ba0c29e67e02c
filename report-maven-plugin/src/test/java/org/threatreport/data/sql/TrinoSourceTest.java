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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.DataAccess;
import org.threatreport.data.SchemaReader;
import org.threatreport.data.SqlTable;
import org.threatreport.diagnostic.Problem;
import org.threatreport.diagnostic.Problems;
import org.threatreport.testing.Trino;
import org.threatreport.testing.TrinoCluster;

/**
 * A table in a real, distributed Trino (a coordinator and a worker started for the test run) checked against
 * its codebook where it lies, and what goes wrong reaching it: each is one problem at its place in the schema
 * file, naming what was expected and the closest valid name, with no stack trace.
 */
@ExtendWith(TrinoCluster.class)
class TrinoSourceTest {

    private static Trino trino;

    @TempDir
    Path folder;

    @BeforeAll
    static void load(Trino cluster) throws Exception {
        trino = cluster;
        trino.execute("CREATE SCHEMA memory.source_test",
                "CREATE TABLE memory.source_test.incidents (id VARCHAR, day DATE, sector VARCHAR, records INTEGER,"
                        + " note VARCHAR)",
                "INSERT INTO memory.source_test.incidents VALUES ('A-1', DATE '2017-03-01', 'Bank', 5, 'x'),"
                        + " ('A-2', DATE '2017-04-01', 'Bnk', 7, 'y'), ('A-3', DATE '2017-05-01', NULL, 1, 'z'),"
                        + " ('A-3', DATE '2017-06-01', 'School', 2, NULL), ('A-5', DATE '2017-06-02', 'Bnk', NULL, 'w')",
                "CREATE TABLE memory.source_test.clean (id VARCHAR, day DATE, sector VARCHAR, records INTEGER,"
                        + " note VARCHAR)",
                "INSERT INTO memory.source_test.clean VALUES ('B-1', DATE '2016-12-31', 'Bank', 5, 'x'),"
                        + " ('B-2', DATE '2017-01-01', 'School', NULL, NULL)");
    }

    private static String url() {
        return trino.url("memory", "source_test");
    }

    private static String schema(String source, String sectorColumn) {
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
                + "  - {name: records, type: integer}\n"
                + "  - {name: note, type: text}\n";
    }

    private static String source(String url, String table) {
        return "  url: " + url + "\n  table: " + table + "\n  user-variable: REPORT_DB_USER\n";
    }

    private SchemaRead read(String yaml) throws Exception {
        Path file = folder.resolve("incidents.schema.yaml");
        Files.writeString(file, yaml);
        Problems problems = new Problems();
        DataAccess access = new DataAccess(Map.of(), Map.of("REPORT_DB_USER", Trino.USER), false);
        SqlTable table = SqlTableReader.read(SchemaReader.read(file), access, OptionalInt.of(2017), 2, problems);
        if (table != null) {
            table.source().engine().close();
        }
        for (Problem problem : problems.list()) {
            assertFalse(problem.message().contains("\n"), "one line, no stack trace: " + problem.message());
        }
        return new SchemaRead(yaml, table, problems.list());
    }

    @Test
    void aCleanTableIsReadWithItsSizeAndYears() throws Exception {
        SchemaRead result = read(schema(source(url(), "clean"), "sector"));
        assertTrue(result.problems().isEmpty(), result.problems().toString());
        assertNotNull(result.table());
        assertEquals(2, result.table().rows());
        assertEquals(List.of(2016, 2017), List.copyOf(result.table().years()));
    }

    @Test
    void valuesOutsideTheCodebookEmptyRequiredCellsAndDuplicateIdsAreEachReportedAtTheirColumn() throws Exception {
        SchemaRead result = read(schema(source(url(), "incidents"), "sector"));
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
    void anUnknownTableAndAnUnknownColumnNameTheClosestOnes() throws Exception {
        SchemaRead table = read(schema(source(url(), "incident"), "sector"));
        Problem problem = table.at("  table: incident", "table 'incident' is not in " + url());
        assertTrue(problem.message().contains("did you mean 'incidents'"), problem.message());
        assertNull(table.table());

        SchemaRead column = read(schema(source(url(), "incidents"), "sektor"));
        Problem missing = column.at("  - name: sektor", "column 'sektor' is not in");
        assertTrue(missing.message().contains("did you mean 'sector'"), missing.message());
    }

    @Test
    void anUnreachableCoordinatorPointsAtTheUrl() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String url = "jdbc:trino://127.0.0.1:" + closed + "/memory/source_test";
        SchemaRead result = read(schema(source(url, "incidents"), "sector"));
        Problem problem = result.at("  url:", "cannot reach " + url);
        assertTrue(problem.message().contains("is the database running"), problem.message());
        assertNull(result.table());
    }
}
