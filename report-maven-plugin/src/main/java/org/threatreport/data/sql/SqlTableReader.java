package org.threatreport.data.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.threatreport.config.DataAccess;
import org.threatreport.data.CategoryValue;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.ColumnType;
import org.threatreport.data.Schema;
import org.threatreport.data.SqlTable;
import org.threatreport.data.TableSource;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.LocatedYaml;
import org.threatreport.diagnostic.Problem;
import org.threatreport.diagnostic.Problems;
import org.threatreport.diagnostic.Suggestions;

/**
 * Opens a table an SQL engine holds and checks it against its codebook where it lies: that the source has
 * the schema's columns, of fitting types; then each rule of the codebook as one query (values outside it,
 * empty required cells, malformed dates, duplicate ids), reported at the column's place in the schema file
 * with the source, the bad value, how many rows hold it, ids of such rows and the closest allowed value;
 * then its size and its years. No row is brought into memory.
 */
public final class SqlTableReader {

    private static final int LISTED_CHOICES = 12;

    private final Schema schema;
    private final DataAccess access;
    private final Problems problems;
    private LocatedYaml yaml;

    private SqlTableReader(Schema schema, DataAccess access, Problems problems) {
        this.schema = schema;
        this.access = access;
        this.problems = problems;
    }

    /**
     * The table {@code schema} describes, checked; null when it cannot be reached or lacks columns (problems
     * reported). Its engine stays open for the queries of the build: close it with {@link SqlEngine#close()}.
     *
     * @param reportYear  the report's year, for {@code other-years: error}
     * @param connections the most connections to open to the source
     */
    public static SqlTable read(Schema schema, DataAccess access, OptionalInt reportYear, int connections,
                                Problems problems) {
        return new SqlTableReader(schema, access, problems).read(reportYear, connections);
    }

    /**
     * The table {@code schema} describes as a snapshot of an earlier build recorded it, for a build that
     * reads no database: nothing is opened or checked; its SQL source has no engine.
     *
     * @param columns the schema's columns as the source held them, by the schema's name
     */
    public static SqlTable offline(Schema schema, Map<String, SqlColumn> columns, long rows,
                                   SortedMap<Integer, Long> rowsByYear, Instant readAt) {
        TableSource source = schema.source();
        SqlDialect dialect = source instanceof TableSource.Database database
                ? SqlDialect.forEngine(database.engine()) : SqlDialect.forEngine("duckdb");
        String relation = source instanceof TableSource.Database database && dialect != null
                ? dialect.relation(database.table(), database.query()) : "source";
        return new SqlTable(schema, new SqlSource(dialect, relation, columns, null, source.describe(), read(source)),
                rows, rowsByYear, readAt, java.time.Duration.ZERO);
    }

    /** The table or SELECT a source reads, as its schema gives it; a local file by its name. */
    public static String read(TableSource source) {
        return source instanceof TableSource.Database database
                ? (database.table() != null ? database.table() : database.query().strip()) : source.describe();
    }

    private SqlTable read(OptionalInt reportYear, int connections) {
        Instant readAt = access.clock().instant();
        long started = System.nanoTime();
        try {
            yaml = LocatedYaml.parse(schema.schemaFile(), Files.readString(schema.schemaFile(), StandardCharsets.UTF_8), 1);
        } catch (IOException | InputException e) {
            problems.add(Problem.error(schema.schemaFile(), "cannot be read again: " + e.getMessage()));
            return null;
        }
        SqlEngine engine;
        try {
            engine = engine(connections);
        } catch (SqlFailure e) {
            problems.add(at(pointer(e), e.getMessage()));
            return null;
        }
        if (engine == null) {
            return null;
        }
        try {
            SqlSource source = columns(engine);
            if (source == null) {
                engine.close();
                return null;
            }
            check(source, reportYear);
            long[] size = new long[1];
            SortedMap<Integer, Long> years = years(source, size);
            return new SqlTable(schema, source, size[0], years, readAt,
                    java.time.Duration.ofNanos(System.nanoTime() - started));
        } catch (SqlFailure e) {
            problems.add(at(pointer(e), e.getMessage()));
            engine.close();
            return null;
        }
    }

    // ---- reaching the source ----------------------------------------------------------------------------

    private SqlEngine engine(int connections) {
        TableSource source = schema.source();
        if (source instanceof TableSource.EngineFile file) {
            // An in-memory database of its own (DuckDB refuses one read-only); the file is only read through views.
            return new SqlEngine("jdbc:duckdb:", new Properties(), file.describe(), "", TableSource.Database.DEFAULT_TIMEOUT,
                    fileViews(file), connections);
        }
        TableSource.Database database = (TableSource.Database) source;
        SqlDialect dialect = SqlDialect.forEngine(database.engine());
        if (dialect == null) {
            problems.add(at("/source/url", "unknown engine '" + database.engine() + "'; the URL must start with one of "
                    + String.join(", ", SqlDialect.engines())));
            return null;
        }
        Properties login = new Properties();
        String from = "";
        if (database.server() != null) {
            DataAccess.Login server = access.server(database.server()).orElse(null);
            if (server == null) {
                problems.add(at("/source/server", "no <server> with id '" + database.server() + "' and a user name in Maven's settings.xml"
                        + " (or its password cannot be decrypted)"
                        + Suggestions.didYouMean(database.server(), access.servers().keySet())
                        + "; add one with the user name and password of " + database.url()));
                return null;
            }
            login.setProperty("user", server.user());
            if (server.password() != null) {
                login.setProperty("password", server.password());
            }
            from = " (server '" + database.server() + "' of settings.xml)";
        } else if (database.userVariable() != null || database.passwordVariable() != null) {
            List<String> missing = new ArrayList<>();
            for (String[] pair : new String[][] {{"user", database.userVariable()}, {"password", database.passwordVariable()}}) {
                if (pair[1] != null) {
                    String value = access.variable(pair[1]).orElse(null);
                    if (value == null) {
                        missing.add(pair[1]);
                    } else {
                        login.setProperty(pair[0], value);
                    }
                }
            }
            if (!missing.isEmpty()) {
                problems.add(at("/source", "the environment variable" + (missing.size() > 1 ? "s " : " ")
                        + String.join(" and ", missing) + " that the source's login comes from "
                        + (missing.size() > 1 ? "are" : "is") + " not set"));
                return null;
            }
            from = " (environment variables " + java.util.stream.Stream.of(database.userVariable(),
                    database.passwordVariable()).filter(java.util.Objects::nonNull).collect(Collectors.joining(", ")) + ")";
        }
        if (database.engine().equals("postgresql")) {
            login.setProperty("connectTimeout", "10");
            login.setProperty("loginTimeout", "10");
            login.setProperty("socketTimeout", Integer.toString(database.timeoutSeconds() + 30));
            login.setProperty("ApplicationName", "threat-report");
        }
        if (database.engine().equals("duckdb")) {
            login.putAll(readOnly());
        }
        return new SqlEngine(database.url(), login, database.describe(), from, database.timeoutSeconds(), List.of(),
                connections);
    }

    private static Properties readOnly() {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return properties;
    }

    /** The view DuckDB reads a local file through, named {@code source}. */
    private List<String> fileViews(TableSource.EngineFile file) {
        String path = file.file().toAbsolutePath().normalize().toString();
        SqlDialect duck = SqlDialect.forEngine("duckdb");
        String read = switch (file.format()) {
            case PARQUET -> "read_parquet(" + duck.literal(path) + ")";
            case PARQUET_FOLDER -> "read_parquet(" + duck.literal(path + "/**/*.parquet") + ")";
            case CSV -> "read_csv(" + duck.literal(path) + ", header = true, all_varchar = true, delim = ',', quote = '\"',"
                    + " escape = '\"', encoding = " + duck.literal(schema.encoding().name().toLowerCase(Locale.ROOT)
                    .replace("utf-8", "utf-8")) + ")";
        };
        List<String> setup = new ArrayList<>();
        // DuckDB works out of core: its memory stays bounded, spilling to a temporary folder.
        setup.add("SET preserve_insertion_order = false");
        setup.add("CREATE VIEW raw_source AS SELECT * FROM " + read);
        if (file.format() == TableSource.EngineFile.Format.CSV) {
            // Every cell is text as the file holds it (the checks read these); numbers are cast for the counting.
            setup.add("CREATE VIEW source AS SELECT " + schema.columns().stream().map(c -> typed(duck, c))
                    .collect(Collectors.joining(", ")) + " FROM raw_source");
        } else {
            setup.add("CREATE VIEW source AS SELECT * FROM raw_source");
        }
        return setup;
    }

    private static String typed(SqlDialect duck, ColumnSpec column) {
        String name = duck.quote(column.name());
        String cell = "NULLIF(trim(" + name + "), '')";
        return switch (column.type()) {
            case INTEGER -> "TRY_CAST(" + cell + " AS BIGINT) AS " + name;
            case DECIMAL -> "TRY_CAST(" + cell + " AS DOUBLE) AS " + name;
            default -> cell + " AS " + name;
        };
    }

    private String sourcePointer() {
        return schema.source() instanceof TableSource.Database ? "/source" : "/file";
    }

    /** Where in the schema a failure points: the login's origin, the URL, the time limit, or the source. */
    private String pointer(SqlFailure failure) {
        if (!(schema.source() instanceof TableSource.Database database)) {
            return "/file";
        }
        return switch (failure.kind()) {
            case LOGIN -> database.server() != null ? "/source/server"
                    : database.userVariable() != null ? "/source/user-variable"
                    : database.passwordVariable() != null ? "/source/password-variable" : "/source/url";
            case CONNECTION -> "/source/url";
            case TIMEOUT -> "/source/timeout";
            case QUERY -> "/source";
        };
    }

    // ---- columns ---------------------------------------------------------------------------------------

    /** The schema's columns as the source holds them; null (problems reported) when one is missing or unfit. */
    private SqlSource columns(SqlEngine engine) {
        TableSource source = schema.source();
        SqlDialect dialect = source instanceof TableSource.Database database
                ? SqlDialect.forEngine(database.engine()) : SqlDialect.forEngine("duckdb");
        String relation = source instanceof TableSource.Database database
                ? dialect.relation(database.table(), database.query()) : "source";
        String read = read(source);
        if (source instanceof TableSource.Database database && database.table() != null && !exists(engine, database)) {
            return null;
        }
        Map<String, String[]> held = engine.query("SELECT * FROM " + relation + " AS t WHERE 1 = 0", rows -> {
            ResultSetMetaData meta = rows.getMetaData();
            Map<String, String[]> found = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                found.put(meta.getColumnLabel(i), new String[] {Integer.toString(meta.getColumnType(i)),
                        Integer.toString(meta.getScale(i)), meta.getColumnTypeName(i)});
            }
            return found;
        });
        Map<String, SqlColumn> columns = new LinkedHashMap<>();
        int before = problems.list().size();
        for (int i = 0; i < schema.columns().size(); i++) {
            ColumnSpec spec = schema.columns().get(i);
            String name = held.containsKey(spec.name()) ? spec.name() : held.keySet().stream()
                    .filter(n -> n.equalsIgnoreCase(spec.name())).findFirst().orElse(null);
            if (name == null) {
                problems.add(at("/columns/" + i + "/name", "column '" + spec.name() + "' is not in " + engine.source()
                        + Suggestions.didYouMean(spec.name(), held.keySet()) + "; its columns are "
                        + String.join(", ", held.keySet())));
                continue;
            }
            String[] type = held.get(name);
            SqlColumn column = new SqlColumn(spec.name(), name, SqlColumn.storage(Integer.parseInt(type[0]),
                    Integer.parseInt(type[1])), type[2]);
            String unfit = unfit(spec, column);
            if (unfit != null) {
                problems.add(at("/columns/" + i + "/type", "column '" + spec.name() + "' is " + spec.type().keyword()
                        + " in the schema but " + type[2] + " in " + engine.source() + ": " + unfit));
                continue;
            }
            columns.put(spec.name(), column);
        }
        if (problems.list().size() > before) {
            return null;
        }
        return new SqlSource(dialect, relation, columns, engine, engine.source(), read);
    }

    /**
     * Whether the table a source names is one the login can read; if not, a problem at {@code source/table}
     * naming the closest table there is. A database whose driver lists no tables is taken at its word.
     */
    private boolean exists(SqlEngine engine, TableSource.Database database) {
        java.util.Set<String> tables = engine.tableNames();
        String wanted = database.table().replace("\"", "").replace("`", "");
        if (tables.isEmpty() || tables.stream().anyMatch(t -> t.equalsIgnoreCase(wanted))) {
            return true;
        }
        List<String> bare = tables.stream().filter(t -> !t.contains(".")).toList();
        problems.add(at("/source/table", "table '" + database.table() + "' is not in " + database.url()
                + Suggestions.didYouMean(wanted, wanted.contains(".") ? tables : bare) + "; expected a table or view"
                + " the login can read" + (bare.isEmpty() ? "" : ", e.g. " + bare.stream().limit(LISTED_CHOICES)
                .collect(Collectors.joining(", ")) + (bare.size() > LISTED_CHOICES ? ", …" : ""))));
        return false;
    }

    /** Why the source's type cannot hold the schema's, or null. */
    private static String unfit(ColumnSpec spec, SqlColumn column) {
        SqlColumn.Storage storage = column.storage();
        return switch (spec.type()) {
            case DATE, YEAR_MONTH -> storage == SqlColumn.Storage.DATE || storage == SqlColumn.Storage.TEXT ? null
                    : "expected a DATE or TIMESTAMP, or text such as 2017-03-15";
            case INTEGER -> storage == SqlColumn.Storage.INTEGER ? null : "expected an integer type (INTEGER, BIGINT)";
            case DECIMAL -> storage == SqlColumn.Storage.INTEGER || storage == SqlColumn.Storage.DECIMAL
                    || storage == SqlColumn.Storage.FLOAT ? null : "expected a number type (DECIMAL, DOUBLE, INTEGER)";
            case BOOLEAN -> storage == SqlColumn.Storage.BOOLEAN || storage == SqlColumn.Storage.TEXT ? null
                    : "expected BOOLEAN, or text true and false";
            default -> storage == SqlColumn.Storage.TEXT ? null : "expected text (VARCHAR, TEXT)";
        };
    }

    // ---- the codebook -----------------------------------------------------------------------------------

    private void check(SqlSource source, OptionalInt reportYear) {
        CodebookSql sql = new CodebookSql(source, schema);
        for (CodebookSql.Rule rule : sql.rules(reportYear)) {
            List<String[]> found = source.engine().query(rule.sql(), rows -> {
                List<String[]> bad = new ArrayList<>();
                while (rows.next()) {
                    bad.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)});
                }
                return bad;
            });
            for (String[] bad : found) {
                if (Long.parseLong(bad[1]) > 0) {
                    report(source, rule, bad);
                }
            }
            if (rule.kind() == CodebookSql.Kind.NOT_A_DATE && source.storage(rule.column().name()) == SqlColumn.Storage.TEXT
                    && rule.column().type() == ColumnType.DATE) {
                lateDays(source, sql, rule);
            }
        }
    }

    /** Dates such as 2017-02-30 that the pattern lets through: their month is shorter. */
    private void lateDays(SqlSource source, CodebookSql sql, CodebookSql.Rule rule) {
        List<String[]> days = source.engine().query(sql.lateDays(rule.column()), rows -> {
            List<String[]> found = new ArrayList<>();
            while (rows.next()) {
                found.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)});
            }
            return found;
        });
        for (String[] day : days) {
            try {
                LocalDate.parse(day[0]);
            } catch (java.time.DateTimeException e) {
                report(source, rule, day);
            }
        }
    }

    private void report(SqlSource source, CodebookSql.Rule rule, String[] bad) {
        ColumnSpec column = rule.column();
        long rows = Long.parseLong(bad[1]);
        String where = " in " + count(rows) + " of " + source.description() + ids(bad[2], bad[3], rows);
        String message = switch (rule.kind()) {
            case EMPTY_REQUIRED -> "column '" + column.name() + "' is required but is empty" + where;
            case UNKNOWN_VALUE -> bad[0] == null || bad[0].isEmpty()
                    ? "an empty value between two '" + column.separator() + "' in column '" + column.name() + "'" + where
                    : "unknown " + column.name() + " '" + bad[0] + "'" + where + Suggestions.didYouMean(bad[0],
                    column.values().stream().map(CategoryValue::value).toList()) + "; expected one of: " + listed(column);
            case NOT_A_DATE -> "'" + bad[0] + "' in column '" + column.name() + "' is not a "
                    + (column.type() == ColumnType.YEAR_MONTH ? "year-month" : "date") + where + "; expected "
                    + (column.type() == ColumnType.YEAR_MONTH ? "yyyy-MM, e.g. 2017-03" : "yyyy-MM-dd, e.g. 2017-03-15")
                    + (column.partial() ? " (or a part of it: yyyy-MM, yyyy)" : "");
            case NOT_A_BOOLEAN -> "'" + bad[0] + "' in column '" + column.name() + "' is not a boolean" + where
                    + "; expected true or false";
            case OUTSIDE_YEAR -> (column.type() == ColumnType.YEAR_MONTH ? "month " : "date ") + bad[0] + " in column '"
                    + column.name() + "' is outside the report's year" + where;
            case DUPLICATE_ID -> "duplicate " + column.name() + " '" + bad[0] + "': " + rows + " rows of "
                    + source.description() + " have it";
        };
        int index = schema.columns().indexOf(column);
        problems.add(at("/columns/" + index + (rule.kind() == CodebookSql.Kind.UNKNOWN_VALUE ? "/values" : "/name"), message));
    }

    private static String count(long rows) {
        return rows == 1 ? "1 row" : String.format(Locale.ROOT, "%,d rows", rows);
    }

    private String ids(String first, String last, long rows) {
        if (schema.idColumn() == null || first == null) {
            return "";
        }
        return rows == 1 || first.equals(last) ? " (" + schema.idColumn() + " " + first + ")"
                : " (" + schema.idColumn() + " " + first + " … " + last + ")";
    }

    private static String listed(ColumnSpec column) {
        List<String> allowed = column.values().stream().map(CategoryValue::value).toList();
        return allowed.stream().limit(LISTED_CHOICES).collect(Collectors.joining(", "))
                + (allowed.size() > LISTED_CHOICES ? ", …" : "");
    }

    // ---- size and years ---------------------------------------------------------------------------------

    private SortedMap<Integer, Long> years(SqlSource source, long[] size) {
        String period = schema.periodColumn();
        SortedMap<Integer, Long> years = new TreeMap<>();
        if (period == null) {
            size[0] = source.engine().query("SELECT COUNT(*) FROM " + source.relation() + " AS t",
                    rows -> rows.next() ? rows.getLong(1) : 0L);
            return years;
        }
        SqlDialect dialect = source.dialect();
        String cell = source.column(period);
        boolean text = source.storage(period) == SqlColumn.Storage.TEXT;
        String year = text ? "CASE WHEN " + dialect.matches(cell, CodebookSql.datePattern(schema.column(period)
                .orElseThrow())) + " THEN " + dialect.toInteger(dialect.substring(cell, 1, 4)) + " END"
                : dialect.year(cell);
        source.engine().query("SELECT " + year + ", COUNT(*) FROM " + source.relation() + " AS t GROUP BY 1", rows -> {
            while (rows.next()) {
                int y = rows.getInt(1);
                boolean inNoYear = rows.wasNull();
                long count = rows.getLong(2);
                if (!inNoYear) {
                    years.merge(y, count, Long::sum);
                }
                size[0] += count;
            }
            return null;
        });
        return years;
    }

    private Problem at(String pointer, String message) {
        return yaml.problemAt(pointer, message);
    }
}
