package org.threatreport.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.threatreport.aggregate.query.Query;
import org.threatreport.aggregate.sql.SqlExecutor;
import org.threatreport.config.BuildOptions;
import org.threatreport.config.DataAccess;
import org.threatreport.config.RenderLimits;
import org.threatreport.data.SchemaReader;
import org.threatreport.data.SqlTable;
import org.threatreport.data.sql.SqlTableReader;
import org.threatreport.diagnostic.Log;
import org.threatreport.diagnostic.Problems;
import org.threatreport.pipeline.ReportBuild;
import org.threatreport.testing.Postgres;
import org.threatreport.testing.ProjectFiles;

/**
 * The flagship's chapter-2 aggregations and a whole build of its chapters on 10⁶–10⁸ generated incidents
 * that never enter the build's memory: in Parquet read by DuckDB, and in a PostgreSQL the benchmark starts.
 * Each measurement is one JVM's (run by {@code bench/sql-scale.sh}), so that its peak heap is its own:
 * <ul>
 * <li>{@code prepare <root> <rows>}: {@code target/bench/scale-<rows>/incidents.parquet}, the million
 *     incidents of {@link IncidentsGenerator} repeated {@code rows / 10⁶} times under new ids;</li>
 * <li>{@code aggregate <root> <rows> <runs>}: the codebook checked by SQL, then the aggregations by
 *     {@link SqlExecutor}; {@code floor <root> <rows> <runs>}: the very statements it sends, straight
 *     over DuckDB's JDBC;</li>
 * <li>{@code build <root> <rows>}: {@code site:report}'s whole build of the flagship's chapters, figures,
 *     Markdown, notebooks and PDF, on that table;</li>
 * <li>{@code postgres <root> <rows> <runs>}: the same rows loaded into a throw-away PostgreSQL cluster,
 *     then its aggregations, its floor and a whole build.</li>
 * </ul>
 * Not a test: Surefire never runs it.
 */
public final class SqlScaleBenchmark {

    private static final int BASE_ROWS = 1_000_000;
    private static final long SEED = 20170813L;

    private SqlScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[1]).toAbsolutePath();
        int rows = Integer.parseInt(args[2]);
        Path folder = root.resolve("target/bench/scale-" + rows);
        switch (args[0]) {
            case "prepare" -> prepare(root, folder, rows);
            case "aggregate" -> aggregate(folder, rows, Integer.parseInt(args[3]));
            case "floor" -> duckDbFloor(folder, rows, Integer.parseInt(args[3]));
            case "build" -> build(root, folder, rows, DataAccess.fromEnvironment(), "duckdb");
            case "postgres" -> postgres(root, folder, rows, Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void prepare(Path root, Path folder, int rows) throws Exception {
        Path base = root.resolve("target/bench/data/incidents.csv");
        IncidentsGenerator.generate(root.resolve("data/incidents.csv"), base, BASE_ROWS, SEED);
        Path parquet = folder.resolve("incidents.parquet");
        Path stamp = folder.resolve("incidents.parquet.params");
        String params = "rows=" + rows + " base=" + Files.size(base);
        if (!Files.isRegularFile(parquet) || !Files.isRegularFile(stamp) || !Files.readString(stamp).equals(params)) {
            Files.createDirectories(folder);
            Files.deleteIfExists(parquet);
            int copies = Math.max(1, rows / BASE_ROWS);
            try (Connection duck = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                 Statement statement = duck.createStatement()) {
                // Every cell as the CSV holds it, as text; each copy of a row has an id of its own.
                statement.execute("COPY (SELECT * REPLACE (CASE WHEN c = 0 THEN id ELSE id || '-' || c END AS id)"
                        + " FROM read_csv('" + base + "', header = true, all_varchar = true), range(" + copies
                        + ") AS copies(c)) TO '" + parquet + "' (FORMAT parquet)");
            }
            Files.writeString(stamp, params);
        }
        Files.writeString(folder.resolve("incidents.schema.yaml"), "file: incidents.parquet\n"
                + Files.readString(root.resolve("data/incidents.schema.yaml")));
        System.out.println("SCALE prepared " + parquet + " (" + Files.size(parquet) / (1024 * 1024) + " MB)");
    }

    /** Read and check by SQL, then count: best of {@code runs}. */
    private static void aggregate(Path folder, int rows, int runs) throws Exception {
        long bestCheck = Long.MAX_VALUE;
        long bestCount = Long.MAX_VALUE;
        long checksum = 0;
        for (int run = 0; run < runs; run++) {
            long t0 = System.nanoTime();
            SqlTable table = read(folder, DataAccess.fromEnvironment());
            long t1 = System.nanoTime();
            try {
                checksum = SqlBenchmark.aggregations(table.schema(), new SqlExecutor(table));
            } finally {
                table.source().engine().close();
            }
            bestCheck = Math.min(bestCheck, ms(t1 - t0));
            bestCount = Math.min(bestCount, ms(System.nanoTime() - t1));
        }
        print("duckdb", "aggregate", rows, "read_check_ms=" + bestCheck + " aggregations_ms=" + bestCount
                + " checksum=" + checksum);
    }

    private static void duckDbFloor(Path folder, int rows, int runs) throws Exception {
        List<String> statements = statements(read(folder, DataAccess.fromEnvironment()));
        try (Connection duck = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
             Statement statement = duck.createStatement()) {
            // The session as the plugin sets it up (SqlTableReader), so that only our code around the statements differs.
            statement.execute("SET preserve_insertion_order = false");
            statement.execute("CREATE VIEW source AS SELECT * FROM read_parquet('" + folder.resolve("incidents.parquet") + "')");
            print("duckdb", "floor", rows, "aggregations_ms=" + floor(duck, statements, runs));
        }
    }

    /** The statements the SQL executor sends for the aggregations, in order. */
    private static List<String> statements(SqlTable table) {
        SqlExecutor executor = new SqlExecutor(table);
        List<Query> asked = new CopyOnWriteArrayList<>();
        try {
            SqlBenchmark.aggregations(table.schema(), query -> {
                asked.add(query);
                return executor.run(query);
            });
        } finally {
            table.source().engine().close();
        }
        // Each distinct statement once, as the executor, which keeps its answers, sends it.
        java.util.Set<String> statements = new java.util.LinkedHashSet<>();
        asked.forEach(query -> statements.addAll(executor.statements(query)));
        return List.copyOf(statements);
    }

    /** The statements run one after another over JDBC, every row read: best of {@code runs}, in ms. */
    private static long floor(Connection connection, List<String> statements, int runs) throws Exception {
        long best = Long.MAX_VALUE;
        try (Statement statement = connection.createStatement()) {
            for (int run = 0; run < runs; run++) {
                long t0 = System.nanoTime();
                for (String sql : statements) {
                    try (ResultSet result = statement.executeQuery(sql)) {
                        while (result.next()) {
                            result.getObject(1);
                        }
                    }
                }
                best = Math.min(best, ms(System.nanoTime() - t0));
            }
        }
        return best;
    }

    /** The whole build of the flagship's chapters with {@code data} as its data folder. */
    private static void build(Path root, Path data, int rows, DataAccess access, String engine) throws Exception {
        Path project = Files.createTempDirectory("threatreport-scale-");
        for (String folder : List.of("content", "site-template")) {
            ProjectFiles.copyTree(root.resolve(folder), project.resolve(folder));
        }
        BuildOptions options = new BuildOptions(project, project.resolve("content"), data, project.resolve("site-template"),
                project.resolve("site"), project.resolve("cache"), "2017", Optional.empty(), Optional.empty(),
                RenderLimits.DEFAULT, true, access);
        long t0 = System.nanoTime();
        try {
            new ReportBuild(options, Log.silent()).run();
        } catch (org.threatreport.diagnostic.InputException e) {
            e.problems().forEach(problem -> System.out.println("SCALE problem: " + problem));
            throw e;
        }
        long wall = ms(System.nanoTime() - t0);
        print(engine, "build", rows, "build_ms=" + wall + " files=" + countFiles(project.resolve("site/2017")));
        Probes.deleteTree(project);
    }

    private static void postgres(Path root, Path folder, int rows, int runs) throws Exception {
        Postgres.require();
        try (Postgres postgres = Postgres.start()) {
            Path csv = folder.resolve("incidents.csv");
            long t0 = System.nanoTime();
            List<String> columns = new ArrayList<>();
            try (Connection duck = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                 Statement statement = duck.createStatement()) {
                String parquet = "read_parquet('" + folder.resolve("incidents.parquet") + "')";
                statement.execute("COPY (SELECT * FROM " + parquet + ") TO '" + csv + "' (HEADER, DELIMITER ',')");
                try (ResultSet described = statement.executeQuery("DESCRIBE SELECT * FROM " + parquet)) {
                    while (described.next()) {
                        String name = described.getString(1);
                        columns.add(name + (name.equals("date") ? " DATE" : " TEXT"));
                    }
                }
            }
            postgres.execute("CREATE TABLE incidents (" + String.join(", ", columns) + ")");
            postgres.copy("incidents", csv);
            postgres.execute("VACUUM ANALYZE incidents");
            Files.delete(csv);
            print("postgresql", "load", rows, "load_ms=" + ms(System.nanoTime() - t0));
            Path data = Files.createDirectories(folder.resolve("postgres"));
            Files.writeString(data.resolve("incidents.schema.yaml"), "source:\n  url: " + postgres.url()
                    + "\n  table: incidents\n  server: bench-db\n  timeout: 3600\n"
                    + Files.readString(root.resolve("data/incidents.schema.yaml")));
            DataAccess access = new DataAccess(Map.of("bench-db", new DataAccess.Login(Postgres.USER, Postgres.PASSWORD)),
                    Map.of(), false);
            long bestCheck = Long.MAX_VALUE;
            long bestCount = Long.MAX_VALUE;
            List<String> statements = List.of();
            for (int run = 0; run < runs; run++) {
                long r0 = System.nanoTime();
                SqlTable table = read(data, access);
                long r1 = System.nanoTime();
                try {
                    SqlBenchmark.aggregations(table.schema(), new SqlExecutor(table));
                } finally {
                    table.source().engine().close();
                }
                bestCheck = Math.min(bestCheck, ms(r1 - r0));
                bestCount = Math.min(bestCount, ms(System.nanoTime() - r1));
            }
            statements = statements(read(data, access));
            print("postgresql", "aggregate", rows, "read_check_ms=" + bestCheck + " aggregations_ms=" + bestCount);
            try (Connection connection = postgres.connect()) {
                print("postgresql", "floor", rows, "aggregations_ms=" + floor(connection, statements, runs));
            }
            build(root, data, rows, access, "postgresql");
        }
    }

    private static SqlTable read(Path folder, DataAccess access) throws Exception {
        Problems problems = new Problems();
        SqlTable table = SqlTableReader.read(SchemaReader.read(folder.resolve("incidents.schema.yaml")), access,
                OptionalInt.of(2017), Runtime.getRuntime().availableProcessors(), problems);
        if (table == null || problems.hasErrors()) {
            throw new IllegalStateException(problems.list().toString());
        }
        return table;
    }

    private static long countFiles(Path folder) throws Exception {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static void print(String engine, String mode, int rows, String figures) {
        System.out.println("SCALE engine=" + engine + " mode=" + mode + " rows=" + rows + " " + figures
                + " peak_heap_mb=" + Probes.peakHeap() / (1024 * 1024));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
