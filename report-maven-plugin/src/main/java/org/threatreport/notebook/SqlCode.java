package org.threatreport.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.threatreport.aggregate.CellData;
import org.threatreport.aggregate.query.Query;
import org.threatreport.aggregate.sql.SqlExecutor;
import org.threatreport.data.DataSet;
import org.threatreport.data.SqlTable;
import org.threatreport.data.TableSource;

/**
 * The notebook code of the tables counted where they lie (Parquet read by DuckDB, or a database): a setup
 * cell that connects to each over JDBC as the report did, and for each figure or table the very SQL
 * statements the report sent for its numbers, run again, each printing the rows the engine returns.
 * Credentials never enter the notebook: a database's user name and password are read from environment
 * variables when it runs.
 */
final class SqlCode {

    // The drivers' coordinates, with the versions the plugin itself runs with: read from their jars once.
    private static final String DUCKDB = "org.duckdb:duckdb_jdbc:" + version("org.duckdb.DuckDBDriver", "1.4.4.0");
    private static final String POSTGRESQL = "org.postgresql:postgresql:" + version("org.postgresql.Driver", "42.7.13");
    private static final String TRINO = "io.trino:trino-jdbc:" + version("io.trino.jdbc.TrinoDriver", "476");

    private final Map<String, SqlTable> tables = new LinkedHashMap<>();
    private final Map<String, String> connections = new LinkedHashMap<>();

    /**
     * @param cells the notebook's cells
     * @param used  the names the notebook's code declares already; the connections' names are added
     */
    SqlCode(DataSet data, List<CellData> cells, Set<String> used) {
        for (CellData cell : cells) {
            String name = cell.cell().table();
            data.table(name).filter(t -> t instanceof SqlTable && t.schema().csvFile().isEmpty())
                    .ifPresent(table -> {
                        if (!tables.containsKey(name)) {
                            tables.put(name, (SqlTable) table);
                            connections.put(name, JavaCode.identifier(name + "Db", "sql", used));
                        }
                    });
        }
    }

    /** Whether the cell's table is one of these. */
    boolean counts(CellData cell) {
        return tables.containsKey(cell.cell().table());
    }

    /** The setup cell: the JDBC drivers, a connection per table, and the helper that prints a statement's rows. */
    String setup() {
        if (tables.isEmpty()) {
            return "";
        }
        StringBuilder code = new StringBuilder();
        Set<String> drivers = new LinkedHashSet<>();
        tables.values().forEach(table -> drivers.add(driver(table.schema().source())));
        for (String driver : drivers) {
            code.append(driver.startsWith("//") ? driver : "%maven " + driver).append('\n');
        }
        code.append("""

                import java.sql.*;

                // The tables counted where they lie, each reached over JDBC as the report reached it.
                """);
        tables.forEach((name, table) -> appendConnection(code, name, table));
        code.append("""

                /** Runs one statement and prints the rows it returns, a line each (columns joined by " | "), sorted. */
                void printRows(Connection db, String sql) throws SQLException {
                    try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                        int columns = result.getMetaData().getColumnCount();
                        List<String> lines = new ArrayList<>();
                        while (result.next()) {
                            List<String> cells = new ArrayList<>();
                            for (int i = 1; i <= columns; i++) {
                                cells.add(String.valueOf(result.getObject(i)));
                            }
                            lines.add(String.join(" | ", cells));
                        }
                        Collections.sort(lines);
                        lines.forEach(System.out::println);
                    }
                }
                """);
        return code.toString().strip();
    }

    private void appendConnection(StringBuilder code, String name, SqlTable table) {
        String variable = connections.get(name);
        TableSource source = table.schema().source();
        if (source instanceof TableSource.Database database) {
            String user = database.userVariable() != null ? database.userVariable() : variable(database.server(), "USER");
            String password = database.passwordVariable() != null ? database.passwordVariable()
                    : variable(database.server(), "PASSWORD");
            code.append("// ").append(name).append(": ").append(database.table() != null ? "table " + database.table()
                    : "a query").append(" of ").append(database.url()).append("; the user name and password from the")
                    .append(" environment variables ").append(user).append(" and ").append(password).append('\n');
            code.append("Connection ").append(variable).append(" = DriverManager.getConnection(")
                    .append(JavaCode.literal(database.url())).append(", System.getenv(").append(JavaCode.literal(user))
                    .append("), System.getenv(").append(JavaCode.literal(password)).append("));\n");
        } else if (source instanceof TableSource.EngineFile file) {
            String path = "data/" + file.file().getFileName() + (file.format() == TableSource.EngineFile.Format.PARQUET_FOLDER
                    ? "/**/*.parquet" : "");
            code.append("// ").append(name).append(": ").append(source.describe()).append(", which the site does not")
                    .append(" publish: copy it into data/ beside this notebook, then run DuckDB on it here.\n");
            code.append("Connection ").append(variable).append(" = DriverManager.getConnection(\"jdbc:duckdb:\");\n");
            code.append(variable).append(".createStatement().execute(")
                    .append(JavaCode.literal("CREATE VIEW source AS SELECT * FROM read_parquet('" + path + "')"))
                    .append(");\n");
        }
    }

    /** {@code SOC_DB_USER} for the settings.xml server {@code soc-db}. */
    private static String variable(String server, String what) {
        String base = server == null ? "REPORT_DB" : server.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return base + "_" + what;
    }

    /** The JDBC driver's Maven coordinates ({@code %maven}), or a comment asking for the engine's own. */
    private static String driver(TableSource source) {
        String engine = source instanceof TableSource.Database database ? database.engine() : "duckdb";
        return switch (engine) {
            case "duckdb" -> DUCKDB;
            case "postgresql" -> POSTGRESQL;
            case "trino" -> TRINO;
            default -> "// Add the JDBC driver of " + engine + " here, as: %maven <group>:<artifact>:<version>";
        };
    }

    /** The version of the driver the plugin itself runs with, from its jar's manifest. */
    private static String version(String driverClass, String fallback) {
        try {
            Class<?> driver = Class.forName(driverClass, false, SqlCode.class.getClassLoader());
            java.net.URL location = driver.getProtectionDomain().getCodeSource().getLocation();
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(java.nio.file.Path.of(location.toURI()).toFile())) {
                java.util.jar.Attributes manifest = jar.getManifest().getMainAttributes();
                String version = manifest.getValue("Bundle-Version");
                version = version != null ? version : manifest.getValue("Implementation-Version");
                return version != null ? version : fallback;
            }
        } catch (Exception | LinkageError e) {
            return fallback;
        }
    }

    /** The code of one figure or table of these tables: its statements, each run and its rows printed. */
    String cell(CellData data) {
        SqlTable table = tables.get(data.cell().table());
        SqlExecutor executor = new SqlExecutor(table);
        Set<String> statements = new LinkedHashSet<>();
        for (Query query : data.queries()) {
            statements.addAll(executor.statements(query));
        }
        StringBuilder code = new StringBuilder("// The statements the report sent to ")
                .append(table.source().dialect().name()).append(" for these numbers; each prints the rows it returns.\n");
        for (String statement : new ArrayList<>(statements)) {
            code.append("printRows(").append(connections.get(data.cell().table())).append(", \"\"\"\n        ")
                    .append(textBlock(statement)).append("\n        \"\"\");\n");
        }
        return code.toString();
    }

    /** A statement as a Java text block's content: its backslashes and triple quotes escaped. */
    private static String textBlock(String sql) {
        return sql.replace("\\", "\\\\").replace("\"\"\"", "\\\"\"\"");
    }
}
