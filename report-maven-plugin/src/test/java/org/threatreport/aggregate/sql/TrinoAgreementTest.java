package org.threatreport.aggregate.sql;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.DataAccess;
import org.threatreport.data.CsvTableReader;
import org.threatreport.data.LoadedTable;
import org.threatreport.data.Schema;
import org.threatreport.data.SchemaReader;
import org.threatreport.data.SqlTable;
import org.threatreport.data.sql.SqlTableReader;
import org.threatreport.diagnostic.Problems;
import org.threatreport.testing.Trino;
import org.threatreport.testing.TrinoCluster;

/**
 * The same rows counted in memory and by a real, distributed Trino (a coordinator and a worker) give the same
 * result for every query shape: the rows typed as a warehouse holds them (numbers as BIGINT, DECIMAL and
 * DOUBLE, booleans as BOOLEAN, partial dates as VARCHAR).
 */
@ExtendWith(TrinoCluster.class)
class TrinoAgreementTest {

    private static Trino trino;

    @TempDir
    Path folder;

    @BeforeAll
    static void schema(Trino cluster) throws Exception {
        trino = cluster;
        trino.execute("CREATE SCHEMA memory.agreement");
    }

    @Test
    void aTableOfTypedColumnsAgreesWithTheMemory() throws Exception {
        agreeOn("decimal_events", "DECIMAL(12, 3)", 29);
    }

    @Test
    void floatingPointCellsAgreeWithTheMemoryToTheDigit() throws Exception {
        agreeOn("double_events", "DOUBLE", 31);
    }

    private void agreeOn(String table, String costType, long seed) throws Exception {
        MixedTable.write(folder, 3000, seed);
        LoadedTable memory = inMemory();
        trino.execute("CREATE TABLE memory.agreement." + table + " (id VARCHAR, day VARCHAR, sector VARCHAR,"
                + " tactics VARCHAR, records BIGINT, cost " + costType + ", paid BOOLEAN, note VARCHAR)");
        trino.insert("memory.agreement." + table, folder.resolve("events.csv"));
        Files.writeString(folder.resolve("events.schema.yaml"), "source:\n"
                + "  url: " + trino.url("memory", "agreement") + "\n"
                + "  table: " + table + "\n"
                + "  user-variable: REPORT_TRINO_USER\n"
                + MixedTable.SCHEMA);
        Problems problems = new Problems();
        Schema schema = SchemaReader.read(folder.resolve("events.schema.yaml"));
        DataAccess access = new DataAccess(Map.of(), Map.of("REPORT_TRINO_USER", Trino.USER), false);
        SqlTable sql = SqlTableReader.read(schema, access, OptionalInt.of(2017), 2, problems);
        assertTrue(problems.isEmpty(), problems.list().toString());
        assertNotNull(sql);
        try {
            DuckDbAgreementTest.agree(memory, sql);
        } finally {
            sql.source().engine().close();
        }
    }

    private LoadedTable inMemory() throws Exception {
        Problems problems = new Problems();
        LoadedTable table = CsvTableReader.read(SchemaReader.read(folder.resolve("events.schema.yaml")),
                OptionalInt.of(2017), problems);
        assertTrue(problems.isEmpty(), problems.list().toString());
        return table;
    }
}
