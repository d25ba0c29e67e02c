package org.threatreport.aggregate.sql;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.DataAccess;
import org.threatreport.data.CsvTableReader;
import org.threatreport.data.LoadedTable;
import org.threatreport.data.Schema;
import org.threatreport.data.SchemaReader;
import org.threatreport.data.SqlTable;
import org.threatreport.data.sql.SqlTableReader;
import org.threatreport.diagnostic.Problems;
import org.threatreport.testing.Postgres;

/**
 * The same rows counted in memory and by a real PostgreSQL (a throw-away cluster started here) give the
 * same result for every query shape: the rows typed as a warehouse holds them (numbers as BIGINT, NUMERIC
 * and DOUBLE PRECISION, booleans as BOOLEAN, partial dates as text), read with the login from the
 * environment the schema names.
 */
class PostgresAgreementTest {

    private static Postgres postgres;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() throws Exception {
        Postgres.require();
        postgres = Postgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aTableOfTypedColumnsAgreesWithTheMemory() throws Exception {
        agreeOn("numeric_events", "NUMERIC(12, 3)", 29);
    }

    @Test
    void floatingPointCellsAgreeWithTheMemoryToTheDigit() throws Exception {
        agreeOn("double_events", "DOUBLE PRECISION", 31);
    }

    private void agreeOn(String table, String costType, long seed) throws Exception {
        MixedTable.write(folder, 3000, seed);
        LoadedTable memory = inMemory();
        postgres.execute("CREATE TABLE " + table + " (id TEXT PRIMARY KEY, day TEXT, sector TEXT, tactics TEXT,"
                + " records BIGINT, cost " + costType + ", paid BOOLEAN, note TEXT)");
        postgres.copy(table, folder.resolve("events.csv"));
        Files.writeString(folder.resolve("events.schema.yaml"), "source:\n"
                + "  url: " + postgres.url() + "\n"
                + "  table: " + table + "\n"
                + "  user-variable: REPORT_DB_USER\n"
                + "  password-variable: REPORT_DB_PASSWORD\n"
                + MixedTable.SCHEMA);
        Problems problems = new Problems();
        Schema schema = SchemaReader.read(folder.resolve("events.schema.yaml"));
        DataAccess access = new DataAccess(Map.of(), Map.of("REPORT_DB_USER", Postgres.USER,
                "REPORT_DB_PASSWORD", Postgres.PASSWORD), false);
        SqlTable sql = SqlTableReader.read(schema, access, OptionalInt.of(2017), 2, problems);
        assertTrue(problems.isEmpty(), problems.list().toString());
        assertNotNull(sql);
        DuckDbAgreementTest.agree(memory, sql);
    }

    private LoadedTable inMemory() throws Exception {
        Problems problems = new Problems();
        LoadedTable table = CsvTableReader.read(SchemaReader.read(folder.resolve("events.schema.yaml")),
                OptionalInt.of(2017), problems);
        assertTrue(problems.isEmpty(), problems.list().toString());
        return table;
    }
}
