package org.threatreport.aggregate.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.aggregate.query.MemoryExecutor;
import org.threatreport.aggregate.query.Query;
import org.threatreport.aggregate.query.QueryCheck;
import org.threatreport.aggregate.query.QueryResult;
import org.threatreport.config.DataAccess;
import org.threatreport.data.CsvTableReader;
import org.threatreport.data.LoadedTable;
import org.threatreport.data.Schema;
import org.threatreport.data.SchemaReader;
import org.threatreport.data.SqlTable;
import org.threatreport.data.sql.SqlTableReader;
import org.threatreport.diagnostic.Problems;

/**
 * The same rows counted in memory and by DuckDB — from a CSV file read where it lies, and from Parquet —
 * give the same result for every query: bases, every key in order, counts, n and every measure to the digit.
 */
class DuckDbAgreementTest {

    @TempDir
    Path folder;

    @Test
    void csvReadByDuckDbAgreesWithTheMemory() throws Exception {
        MixedTable.write(folder, 3000, 17);
        LoadedTable memory = inMemory();
        Files.writeString(folder.resolve("events.schema.yaml"), "engine: duckdb\n" + MixedTable.SCHEMA);
        SqlTable sql = sqlTable();
        agree(memory, sql);
    }

    @Test
    void parquetAgreesWithTheMemory() throws Exception {
        MixedTable.write(folder, 3000, 23);
        LoadedTable memory = inMemory();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck.createStatement()) {
            // Typed as a warehouse would hold them: dates as text (some are partial), numbers as numbers.
            statement.execute("COPY (SELECT id, day, sector, tactics, TRY_CAST(records AS BIGINT) AS records,"
                    + " TRY_CAST(cost AS DOUBLE) AS cost, TRY_CAST(paid AS BOOLEAN) AS paid, note FROM read_csv('"
                    + folder.resolve("events.csv") + "', all_varchar = true)) TO '" + folder.resolve("events.parquet")
                    + "' (FORMAT parquet)");
        }
        Files.writeString(folder.resolve("events.schema.yaml"), "file: events.parquet\n" + MixedTable.SCHEMA);
        agree(memory, sqlTable());
    }

    private LoadedTable inMemory() throws Exception {
        Problems problems = new Problems();
        LoadedTable table = CsvTableReader.read(SchemaReader.read(folder.resolve("events.schema.yaml")),
                OptionalInt.of(2017), problems);
        assertTrue(problems.isEmpty(), problems.list().toString());
        return table;
    }

    private SqlTable sqlTable() throws Exception {
        Problems problems = new Problems();
        Schema schema = SchemaReader.read(folder.resolve("events.schema.yaml"));
        SqlTable table = SqlTableReader.read(schema, DataAccess.fromEnvironment(), OptionalInt.of(2017), 2, problems);
        assertTrue(problems.isEmpty(), problems.list().toString());
        assertNotNull(table);
        return table;
    }

    static void agree(LoadedTable memory, SqlTable sql) {
        try {
            assertEquals(memory.rows(), sql.rows());
            assertEquals(memory.years(), sql.years());
            MemoryExecutor inMemory = new MemoryExecutor(Map.of(memory.name(), memory));
            SqlExecutor engine = new SqlExecutor(sql);
            List<Query> queries = MixedTable.queries();
            for (Query query : queries) {
                QueryCheck.check(query, memory.schema());
                QueryResult expected = inMemory.run(query);
                QueryResult actual = engine.run(query);
                String what = query + "\n" + String.join("\n", engine.statements(query));
                assertEquals(expected.base(), actual.base(), "base of " + what);
                assertEquals(expected.rows().size(), actual.rows().size(), "keys of " + what);
                for (int i = 0; i < expected.rows().size(); i++) {
                    QueryResult.Row e = expected.rows().get(i);
                    QueryResult.Row a = actual.rows().get(i);
                    assertEquals(e.key(), a.key(), "key " + i + " of " + what);
                    assertEquals(e.count(), a.count(), "count of " + e.key() + " of " + what);
                    assertEquals(e.n(), a.n(), "n of " + e.key() + " of " + what);
                    assertTrue(same(e.value(), a.value()), "value of " + e.key() + ": " + e.value() + " in memory, "
                            + a.value() + " by SQL, of " + what);
                }
            }
        } finally {
            sql.source().engine().close();
        }
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
