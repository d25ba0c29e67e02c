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
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.threatreport.aggregate.CrossTab;
import org.threatreport.aggregate.Distribution;
import org.threatreport.aggregate.TableView;
import org.threatreport.aggregate.Wording;
import org.threatreport.aggregate.query.MemoryExecutor;
import org.threatreport.aggregate.query.Query;
import org.threatreport.aggregate.query.QueryExecutor;
import org.threatreport.aggregate.sql.SqlExecutor;
import org.threatreport.config.DataAccess;
import org.threatreport.data.DataLoader;
import org.threatreport.data.LoadedTable;
import org.threatreport.data.Schema;
import org.threatreport.data.SchemaReader;
import org.threatreport.data.SqlTable;
import org.threatreport.data.sql.SqlTableReader;
import org.threatreport.diagnostic.Problems;

/**
 * The chapter-2 aggregations of the flagship on the generated incidents (see {@link IncidentsGenerator}),
 * counted three ways, one way per JVM so that each peak heap is its own: {@code memory} (the CSV read and
 * checked into memory, counted by {@link MemoryExecutor}), {@code parquet} (the same rows as Parquet,
 * checked by SQL and counted by {@link SqlExecutor} on DuckDB) and {@code floor} (the statements the SQL
 * executor sends, run directly over DuckDB's JDBC with nothing of ours around them). Run by
 * {@code bench/sql.sh}, which prints one line per mode; not a test (Surefire never runs it).
 *
 * <p>Arguments: {@code prepare <repo root> <rows>} writes the CSV and the Parquet file (kept while their
 * parameters are the same); {@code <mode> <repo root> <runs>} measures.
 */
public final class SqlBenchmark {

    private static final int YEAR = 2017;
    private static final long SEED = 20170813L;

    private SqlBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[1]).toAbsolutePath();
        Path csvFolder = root.resolve("target/bench/data");
        Path parquetFolder = root.resolve("target/bench/data-parquet");
        if (args[0].equals("prepare")) {
            prepare(root, csvFolder, parquetFolder, Integer.parseInt(args[2]));
            return;
        }
        int runs = Integer.parseInt(args[2]);
        List<Long> walls = new ArrayList<>();
        long checksum = 0;
        long check = 0;
        for (int run = 0; run < runs; run++) {
            long t0 = System.nanoTime();
            long[] result = switch (args[0]) {
                case "memory" -> memory(csvFolder);
                case "parquet" -> parquet(parquetFolder);
                case "floor" -> floor(parquetFolder);
                default -> throw new IllegalArgumentException(args[0]);
            };
            walls.add((System.nanoTime() - t0) / 1_000_000);
            checksum = result[0];
            check = result[1];
        }
        System.out.println("SQLBENCH mode=" + args[0] + " best_ms=" + walls.stream().mapToLong(Long::longValue).min()
                .orElseThrow() + " runs_ms=" + walls + " read_check_ms=" + check + " peak_heap_mb="
                + Probes.peakHeap() / (1024 * 1024) + " checksum=" + checksum);
    }

    private static void prepare(Path root, Path csvFolder, Path parquetFolder, int rows) throws Exception {
        Files.createDirectories(csvFolder);
        Files.createDirectories(parquetFolder);
        Path csv = csvFolder.resolve("incidents.csv");
        Files.copy(root.resolve("data/incidents.schema.yaml"), csvFolder.resolve("incidents.schema.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        boolean fresh = IncidentsGenerator.generate(root.resolve("data/incidents.csv"), csv, rows, SEED);
        Path parquet = parquetFolder.resolve("incidents.parquet");
        if (fresh || !Files.exists(parquet) || Files.getLastModifiedTime(parquet).compareTo(Files.getLastModifiedTime(csv)) < 0) {
            Files.deleteIfExists(parquet);
            try (Connection duck = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                 Statement statement = duck.createStatement()) {
                // Every cell as the CSV holds it, as text: the codebook's checks read them as they would the file's.
                statement.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true, all_varchar = true))"
                        + " TO '" + parquet + "' (FORMAT parquet)");
            }
        }
        Files.writeString(parquetFolder.resolve("incidents.schema.yaml"), "file: incidents.parquet\n"
                + Files.readString(root.resolve("data/incidents.schema.yaml")));
    }

    /** Read, check and count in memory: {checksum, read and check ms}. */
    private static long[] memory(Path folder) throws Exception {
        long t0 = System.nanoTime();
        LoadedTable table = DataLoader.load(folder, OptionalInt.of(YEAR), new Problems()).inMemory().get("incidents");
        long check = (System.nanoTime() - t0) / 1_000_000;
        return new long[] {aggregations(table.schema(), new MemoryExecutor(Map.of("incidents", table))), check};
    }

    /** Check by SQL and count on DuckDB over Parquet: {checksum, read and check ms}. */
    private static long[] parquet(Path folder) throws Exception {
        long t0 = System.nanoTime();
        SqlTable table = sqlTable(folder);
        long check = (System.nanoTime() - t0) / 1_000_000;
        try {
            return new long[] {aggregations(table.schema(), new SqlExecutor(table)), check};
        } finally {
            table.source().engine().close();
        }
    }

    /**
     * The statements the SQL executor sends for the aggregations (recorded once, outside the timing of the
     * runs that matter little here: a run is one JVM's), run directly over JDBC and their rows read.
     */
    private static long[] floor(Path folder) throws Exception {
        SqlTable table = sqlTable(folder);
        SqlExecutor executor = new SqlExecutor(table);
        List<Query> asked = new CopyOnWriteArrayList<>();
        aggregations(table.schema(), query -> {
            asked.add(query);
            return executor.run(query);
        });
        List<String> statements = new ArrayList<>();
        asked.forEach(query -> statements.addAll(executor.statements(query)));
        table.source().engine().close();
        long checksum = 0;
        try (Connection duck = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
             Statement statement = duck.createStatement()) {
            statement.execute("CREATE VIEW source AS SELECT * FROM read_parquet('"
                    + folder.resolve("incidents.parquet") + "')");
            long t0 = System.nanoTime();
            for (String sql : statements) {
                try (ResultSet rows = statement.executeQuery(sql)) {
                    while (rows.next()) {
                        checksum += rows.getMetaData().getColumnCount();
                    }
                }
            }
            return new long[] {checksum, (System.nanoTime() - t0) / 1_000_000};
        }
    }

    private static SqlTable sqlTable(Path folder) throws Exception {
        Problems problems = new Problems();
        SqlTable table = SqlTableReader.read(SchemaReader.read(folder.resolve("incidents.schema.yaml")),
                DataAccess.fromEnvironment(), OptionalInt.of(YEAR), Runtime.getRuntime().availableProcessors(), problems);
        if (table == null || problems.hasErrors()) {
            throw new IllegalStateException(problems.list().toString());
        }
        return table;
    }

    /** Every chapter-2 aggregation once, as the flagship's chapter 2 asks them; the sum of all counts. */
    static long aggregations(Schema schema, QueryExecutor executor) {
        TableView view = TableView.of(schema, executor, Wording.forLanguage("zh-CN"), YEAR, 0);
        long sum = 0;
        for (String column : List.of("industry", "discovery", "intent", "phenomenon", "event_type")) {
            sum += total(view.by(column));
        }
        sum += total(view.byGroup("scope"));
        sum += total(view.months("date"));
        CrossTab cross = view.crossTab("area", "intent");
        for (long[] row : cross.counts()) {
            for (long count : row) {
                sum += count;
            }
        }
        return sum;
    }

    private static long total(Distribution distribution) {
        return distribution.entries().stream().mapToLong(org.threatreport.aggregate.Entry::count).sum();
    }
}
