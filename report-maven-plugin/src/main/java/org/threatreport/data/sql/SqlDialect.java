package org.threatreport.data.sql;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What differs between SQL engines, and nothing else: quoting, literals, dates, splitting a multi-category
 * cell into its values, regular expressions, casts. Every statement the plugin sends is built by
 * {@code QuerySql} and {@link CodebookSql} from these pieces, so that an engine family is one small class.
 * The defaults are standard SQL, which PostgreSQL, DuckDB and Trino mostly share.
 */
public abstract class SqlDialect {

    /** The dialect of an engine family, by the name in its JDBC URL ({@code jdbc:<name>:…}). */
    public static SqlDialect forEngine(String engine) {
        return switch (engine) {
            case "postgresql", "pgsql" -> new PostgresDialect();
            case "duckdb" -> new DuckDbDialect();
            case "trino", "presto" -> new TrinoDialect();
            case "clickhouse", "ch" -> new ClickHouseDialect();
            case "hive2", "spark", "databricks" -> new SparkDialect();
            default -> null;
        };
    }

    /** The engines known, as their URLs start. */
    public static List<String> engines() {
        return List.of("jdbc:postgresql:", "jdbc:duckdb:", "jdbc:trino:", "jdbc:clickhouse:", "jdbc:hive2: (Spark SQL)");
    }

    /** The engine family's name, for messages. */
    public abstract String name();

    /** An identifier (column, table), quoted. */
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A possibly qualified table name, each part quoted ({@code public.incidents}); kept as written when it quotes. */
    public String table(String name) {
        if (name.contains("\"") || name.contains("`")) {
            return name;
        }
        return java.util.Arrays.stream(name.split("\\.")).map(this::quote).collect(Collectors.joining("."));
    }

    /** A text literal. */
    public String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A list of text literals, as {@code IN (…)} takes it. */
    public String literals(List<String> texts) {
        return texts.stream().map(this::literal).collect(Collectors.joining(", "));
    }

    /** A binary floating-point literal with exactly the value Java's {@code Double.parseDouble} gives. */
    public String doubleLiteral(double value) {
        return "CAST(" + literal(Double.toString(value)) + " AS DOUBLE)";
    }

    public String dateLiteral(LocalDate date) {
        return "DATE " + literal(date.toString());
    }

    public String year(String dateExpression) {
        return "CAST(EXTRACT(YEAR FROM " + dateExpression + ") AS INTEGER)";
    }

    public String month(String dateExpression) {
        return "CAST(EXTRACT(MONTH FROM " + dateExpression + ") AS INTEGER)";
    }

    /** Characters {@code from} (1-based) to {@code from + length - 1} of a text. */
    public String substring(String text, int from, int length) {
        return "substr(" + text + ", " + from + ", " + length + ")";
    }

    public String length(String text) {
        return "length(" + text + ")";
    }

    public String toInteger(String text) {
        return "CAST(" + text + " AS INTEGER)";
    }

    public String toText(String expression) {
        return "CAST(" + expression + " AS VARCHAR)";
    }

    /** A number summed exactly: floating-point cells as decimals of up to 10 places. */
    public String exactDecimal(String expression) {
        return "CAST(" + expression + " AS DECIMAL(38, 10))";
    }

    /** Whether a text matches a regular expression as a whole (the pattern has no anchors). */
    public abstract String matches(String text, String regex);

    /**
     * The distinct values of a multi-category cell as an array: the cell split at every {@code separator},
     * each part trimmed, then mapped by {@code map} (a function of the part's expression), duplicates dropped.
     */
    public abstract String parts(String cell, String separator, UnaryOperator<String> map);

    /** Whether any part of a multi-category cell (trimmed) is one of {@code values}. */
    public abstract String holdsAny(String cell, String separator, List<String> values);

    /**
     * What follows the table in a FROM clause to give each row once per element of {@code array}, as
     * {@code alias.value} ({@link #element}).
     */
    public String unnest(String array, String alias) {
        return "CROSS JOIN UNNEST(" + array + ") AS " + alias + "(v)";
    }

    /** The element of the array {@link #unnest} unnested as {@code alias}. */
    public String element(String alias) {
        return alias + ".v";
    }

    /** A query limited to {@code rows} rows. */
    public String limit(String query, int rows) {
        return query + " LIMIT " + rows;
    }

    /** The table as the whole relation of a FROM clause: a table name, or a query in parentheses. */
    public String relation(String table, String query) {
        return table != null ? table(table) : "(" + query.strip().replaceAll(";\\s*$", "") + ")";
    }

    @Override
    public String toString() {
        return name();
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
