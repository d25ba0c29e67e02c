package org.threatreport.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.threatreport.aggregate.query.Query;
import org.threatreport.aggregate.sql.SqlExecutor;
import org.threatreport.config.DataAccess;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.Schema;
import org.threatreport.data.SchemaReader;
import org.threatreport.data.SqlTable;
import org.threatreport.data.sql.SqlTableReader;
import org.threatreport.diagnostic.Problems;
import org.threatreport.testing.Trino;

/**
 * The chapter-2 aggregations of the flagship on the generated incidents in a distributed Trino (a coordinator
 * and a worker on this machine, {@link Trino}), the rows as the Parquet file {@code bench/sql.sh} prepares
 * (every cell text) in a table of Trino's Hive catalog: <b>ours</b> checks the codebook by SQL
 * ({@link SqlTableReader}) and counts with {@link SqlExecutor}; <b>floor</b> runs the statements the SQL
 * executor sends directly over Trino's JDBC driver, with nothing of ours around them. Both ways alternate
 * on the one cluster, best of the runs. Run by {@code bench/trino.sh}; not a test (Surefire never runs it).
 *
 * <p>Arguments: {@code <repo root> <runs> <heap per node>}.
 */
public final class TrinoBenchmark {

    private static final int YEAR = 2017;

    private TrinoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        int runs = Integer.parseInt(args[1]);
        Path parquet = root.resolve("target/bench/data-parquet/incidents.parquet");
        Schema flagship = SchemaReader.read(root.resolve("data/incidents.schema.yaml"));
        long t0 = System.nanoTime();
        try (Trino trino = Trino.start(args[2])) {
            System.out.printf("TRINOBENCH cluster started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            Path table = trino.lake().resolve("incidents");
            Files.createDirectories(table);
            Files.createLink(table.resolve("incidents.parquet"), parquet);
            trino.execute("CREATE SCHEMA hive.bench", "CREATE TABLE hive.bench.incidents (" + flagship.columns().stream()
                    .map(ColumnSpec::name).map(c -> '"' + c + "\" VARCHAR").collect(Collectors.joining(", "))
                    + ") WITH (format = 'PARQUET', external_location = 'local:///incidents')");
            Path folder = Files.createTempDirectory("threatreport-trino-bench-");
            Files.writeString(folder.resolve("incidents.schema.yaml"), "source:\n  url: " + trino.url("hive", "bench")
                    + "\n  table: incidents\n  user-variable: TRINO_BENCH_USER\n  timeout: 3600\n"
                    + Files.readString(root.resolve("data/incidents.schema.yaml")));
            List<Long> checks = new ArrayList<>();
            List<Long> ours = new ArrayList<>();
            List<Long> floors = new ArrayList<>();
            long checksum = 0;
            long floorChecksum = 0;
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                SqlTable sql = read(folder);
                checks.add((System.nanoTime() - start) / 1_000_000);
                try {
                    SqlExecutor executor = new SqlExecutor(sql);
                    List<Query> asked = new CopyOnWriteArrayList<>();
                    start = System.nanoTime();
                    checksum = SqlBenchmark.aggregations(sql.schema(), query -> {
                        asked.add(query);
                        return executor.run(query);
                    });
                    ours.add((System.nanoTime() - start) / 1_000_000);
                    List<String> statements = new ArrayList<>();
                    asked.forEach(query -> statements.addAll(executor.statements(query)));
                    start = System.nanoTime();
                    floorChecksum = floor(trino, statements);
                    floors.add((System.nanoTime() - start) / 1_000_000);
                } finally {
                    sql.source().engine().close();
                }
            }
            System.out.println("TRINOBENCH rows=" + rowCount(trino) + " check_ms=" + checks + " ours_ms=" + ours
                    + " floor_ms=" + floors + " best_check_ms=" + min(checks) + " best_ours_ms=" + min(ours)
                    + " best_floor_ms=" + min(floors) + " checksum=" + checksum + " floor_cells=" + floorChecksum);
        }
    }

    private static SqlTable read(Path folder) throws Exception {
        Problems problems = new Problems();
        SqlTable table = SqlTableReader.read(SchemaReader.read(folder.resolve("incidents.schema.yaml")),
                new DataAccess(Map.of(), Map.of("TRINO_BENCH_USER", Trino.USER), false), OptionalInt.of(YEAR),
                Runtime.getRuntime().availableProcessors(), problems);
        if (table == null || problems.hasErrors()) {
            throw new IllegalStateException(problems.list().toString());
        }
        return table;
    }

    /** The statements run one after another over one connection, their rows read: the cells read. */
    private static long floor(Trino trino, List<String> statements) throws Exception {
        long cells = 0;
        try (Connection connection = trino.connect(); Statement statement = connection.createStatement()) {
            statement.execute("USE hive.bench");
            for (String sql : statements) {
                try (ResultSet rows = statement.executeQuery(sql)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rows.getObject(i);
                        }
                        cells += columns;
                    }
                }
            }
        }
        return cells;
    }

    private static long rowCount(Trino trino) throws Exception {
        try (Connection connection = trino.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM hive.bench.incidents")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElseThrow();
    }
}
