package org.threatreport.aggregate.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.threatreport.aggregate.query.Exclusion;
import org.threatreport.aggregate.query.Filter;
import org.threatreport.aggregate.query.Grouping;
import org.threatreport.aggregate.query.Measure;
import org.threatreport.aggregate.query.Period;
import org.threatreport.aggregate.query.Query;
import org.threatreport.data.CategoryValue;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.ColumnType;
import org.threatreport.data.Schema;
import org.threatreport.data.sql.SqlColumn;
import org.threatreport.data.sql.SqlDialect;
import org.threatreport.data.sql.SqlSource;

/**
 * The SQL of a {@link Query}, with the rules of the query model written out in SQL: the selection (period,
 * filter, exclusions; an empty cell matches no {@code In} or {@code Range}, so {@code Not} keeps it), one key
 * expression per grouping (a multi-category cell unnested into its distinct values or groups), and per key
 * the rows, the measured cells and their exact sum, smallest and largest. Percentiles are picked by rank
 * ({@link #ranks}) and interpolated exactly by the caller. The engine's differences come from the
 * {@link SqlDialect}; the keys' order, the keys no row has and the rounding are the caller's.
 */
final class QuerySql {

    private final Schema schema;
    private final SqlSource source;
    private final SqlDialect dialect;

    QuerySql(Schema schema, SqlSource source) {
        this.schema = schema;
        this.source = source;
        this.dialect = source.dialect();
    }

    /** The number of rows the query selects: one row, one column. */
    String base(Query query) {
        return "SELECT COUNT(*) FROM " + source.relation() + " AS t WHERE " + selection(query);
    }

    /**
     * Per key (one column per grouping, then the rows, the measured cells, their exact sum, the smallest and
     * the largest): one row per key any row has; keys that are null belong to no key of the grouping.
     */
    String grouped(Query query) {
        List<String> keys = new ArrayList<>();
        StringBuilder from = new StringBuilder(source.relation()).append(" AS t");
        for (int i = 0; i < query.groupings().size(); i++) {
            keys.add(key(query, query.groupings().get(i), i, from));
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(keys.get(i)).append(" AS k").append(i + 1).append(", ");
        }
        sql.append("COUNT(*)");
        Measure measure = query.measure();
        if (measure.column() != null) {
            String x = column(measure.column());
            sql.append(", COUNT(").append(x).append("), SUM(").append(exact(measure.column())).append("), MIN(")
                    .append(x).append("), MAX(").append(x).append(")");
        }
        sql.append(" FROM ").append(from).append(" WHERE ").append(selection(query));
        if (!keys.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", keys));
        }
        return sql.toString();
    }

    /**
     * For a percentile: per key, the cells at the two ranks around {@code h = (n - 1) · percent / 100}
     * (rank {@code i} counted from 0 in ascending order): columns keys…, n, i, the cell. The rank condition is
     * integer arithmetic, {@code (i - 1)·D ≤ (n - 1)·P < (i + 1)·D} with {@code percent = P / 10^s} and
     * {@code D = 100 · 10^s}, so that no engine rounds it.
     */
    String ranks(Query query) {
        Measure.Percentile percentile = (Measure.Percentile) query.measure();
        int scale = Math.max(0, percentile.percent().scale());
        long p = percentile.percent().movePointRight(scale).longValueExact();
        long d = BigDecimal.valueOf(100).movePointRight(scale).longValueExact();
        List<String> keys = new ArrayList<>();
        StringBuilder from = new StringBuilder(source.relation()).append(" AS t");
        for (int i = 0; i < query.groupings().size(); i++) {
            keys.add(key(query, query.groupings().get(i), i, from));
        }
        List<String> names = new ArrayList<>();
        StringBuilder inner = new StringBuilder("SELECT ");
        for (int i = 0; i < keys.size(); i++) {
            inner.append(keys.get(i)).append(" AS k").append(i + 1).append(", ");
            names.add("k" + (i + 1));
        }
        String x = column(percentile.column());
        inner.append(x).append(" AS x FROM ").append(from).append(" WHERE ").append(selection(query)).append(" AND ")
                .append(x).append(" IS NOT NULL");
        String partition = names.isEmpty() ? "" : "PARTITION BY " + String.join(", ", names) + " ";
        String keyList = names.isEmpty() ? "" : String.join(", ", names) + ", ";
        return "SELECT " + keyList + "n, i, x FROM (SELECT " + keyList + "x, ROW_NUMBER() OVER (" + partition
                + "ORDER BY x) - 1 AS i, COUNT(*) OVER (" + partition.strip() + ") AS n FROM (" + inner + ") AS q) AS r"
                + " WHERE (i - 1) * " + d + " <= (n - 1) * " + p + " AND (n - 1) * " + p + " < (i + 1) * " + d;
    }

    /** The first and last year any row of the table has in a date column: one row, two columns. */
    String yearRange(String column) {
        String year = year(column);
        return "SELECT MIN(" + year + "), MAX(" + year + ") FROM " + source.relation() + " AS t";
    }

    // ---- the selection ----------------------------------------------------------------------------------

    String selection(Query query) {
        List<String> parts = new ArrayList<>();
        if (query.period() instanceof Period.YearSpan span) {
            parts.add(within(span.column(), LocalDate.of(span.first(), 1, 1), LocalDate.of(span.last(), 12, 31),
                    true));
        }
        if (!query.filter().equals(Filter.NONE)) {
            parts.add(filter(query.filter()));
        }
        for (Exclusion exclusion : query.exclusions()) {
            parts.add(not(in(new Filter.In(exclusion.column(), exclusion.values()))));
        }
        return parts.isEmpty() ? "1 = 1" : "(" + String.join(") AND (", parts) + ")";
    }

    private String filter(Filter filter) {
        if (filter instanceof Filter.And and) {
            if (and.filters().isEmpty()) {
                return "1 = 1";
            }
            return "(" + String.join(") AND (", and.filters().stream().map(this::filter).toList()) + ")";
        }
        if (filter instanceof Filter.Not not) {
            return not(filter(not.filter()));
        }
        if (filter instanceof Filter.In in) {
            return in(in);
        }
        return range((Filter.Range) filter);
    }

    /** Exactly the rows {@code condition} does not keep: where it is unknown (an empty cell), it kept none. */
    private String not(String condition) {
        return "NOT COALESCE((" + condition + "), FALSE)";
    }

    private String in(Filter.In in) {
        ColumnSpec spec = spec(in.column());
        String cell = column(in.column());
        switch (spec.type()) {
            case CATEGORY -> {
                List<String> values = named(spec, in.values());
                return values.isEmpty() ? "1 = 0" : cell + " IN (" + dialect.literals(values) + ")";
            }
            case MULTI_CATEGORY -> {
                List<String> values = named(spec, in.values());
                return values.isEmpty() ? "1 = 0" : dialect.holdsAny(cell, spec.separator(), values);
            }
            case DATE, YEAR_MONTH -> {
                List<String> any = new ArrayList<>();
                for (String value : in.values()) {
                    LocalDate[] period = period(value);
                    if (period != null) {
                        any.add(within(in.column(), period[0], period[1], false));
                    }
                }
                return any.isEmpty() ? "1 = 0" : "(" + String.join(") OR (", any) + ")";
            }
            case INTEGER -> {
                List<String> wanted = in.values().stream().map(v -> new BigDecimal(v.strip()))
                        .filter(v -> v.stripTrailingZeros().scale() <= 0)
                        .map(v -> v.setScale(0, RoundingMode.UNNECESSARY).toPlainString()).toList();
                return wanted.isEmpty() ? "1 = 0" : cell + " IN (" + String.join(", ", wanted) + ")";
            }
            case DECIMAL -> {
                List<String> wanted = in.values().stream().map(v -> number(in.column(), v)).toList();
                return cell + " IN (" + String.join(", ", wanted) + ")";
            }
            case BOOLEAN -> {
                if (source.storage(in.column()) == SqlColumn.Storage.BOOLEAN) {
                    List<String> wanted = in.values().stream().filter(v -> v.equals("true") || v.equals("false"))
                            .map(v -> v.toUpperCase(java.util.Locale.ROOT)).toList();
                    return wanted.isEmpty() ? "1 = 0" : cell + " IN (" + String.join(", ", wanted) + ")";
                }
                return cell + " IN (" + dialect.literals(in.values()) + ")";
            }
            default -> {
                return cell + " IN (" + dialect.literals(in.values()) + ")";
            }
        }
    }

    private String range(Filter.Range range) {
        ColumnSpec spec = spec(range.column());
        String cell = column(range.column());
        List<String> bounds = new ArrayList<>();
        switch (spec.type()) {
            case INTEGER -> {
                if (range.from() != null) {
                    bounds.add(cell + " >= " + new BigDecimal(range.from().strip()).setScale(0, RoundingMode.CEILING)
                            .toPlainString());
                }
                if (range.to() != null) {
                    bounds.add(cell + " <= " + new BigDecimal(range.to().strip()).setScale(0, RoundingMode.FLOOR)
                            .toPlainString());
                }
            }
            case DECIMAL -> {
                if (range.from() != null) {
                    bounds.add(cell + " >= " + number(range.column(), range.from()));
                }
                if (range.to() != null) {
                    bounds.add(cell + " <= " + number(range.column(), range.to()));
                }
            }
            case DATE, YEAR_MONTH -> {
                LocalDate from = range.from() == null ? LocalDate.of(1, 1, 1) : period(range.from())[0];
                LocalDate to = range.to() == null ? LocalDate.of(9999, 12, 31) : period(range.to())[1];
                return within(range.column(), from, to, false);
            }
            default -> throw new IllegalArgumentException("column '" + spec.name() + "' is " + spec.type().keyword()
                    + ": a range needs a number or date column");
        }
        return String.join(" AND ", bounds);
    }

    /** A number of a decimal column as the column compares: a binary double for floating-point cells. */
    private String number(String column, String text) {
        if (source.storage(column) == SqlColumn.Storage.FLOAT) {
            return dialect.doubleLiteral(Double.parseDouble(text.strip()));
        }
        return new BigDecimal(Double.toString(Double.parseDouble(text.strip()))).toPlainString();
    }

    /** The codebook values named directly or through their group, in codebook order. */
    private static List<String> named(ColumnSpec spec, List<String> names) {
        Set<String> values = new LinkedHashSet<>();
        for (CategoryValue value : spec.values()) {
            if (names.contains(value.value()) || value.group() != null && names.contains(value.group())) {
                values.add(value.value());
            }
        }
        return new ArrayList<>(values);
    }

    // ---- dates ------------------------------------------------------------------------------------------

    /** The first and last day of a period written yyyy, yyyy-MM or yyyy-MM-dd; null for anything else. */
    static LocalDate[] period(String text) {
        String t = text.strip();
        try {
            if (t.matches("\\d{4}")) {
                int year = Integer.parseInt(t);
                return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
            }
            if (t.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(t);
                return new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate day = LocalDate.parse(t);
                return new LocalDate[] {day, day};
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    /**
     * Whether a date cell lies within {@code first..last} (both whole days): a full date on one of those days,
     * a month or year (a partial cell, or a year-month column) wholly inside. {@code wholeYears}: the bounds are
     * whole years, where the year of the cell decides.
     */
    private String within(String column, LocalDate first, LocalDate last, boolean wholeYears) {
        ColumnSpec spec = spec(column);
        String cell = column(column);
        if (source.storage(column) == SqlColumn.Storage.DATE) {
            if (spec.type() == ColumnType.YEAR_MONTH) {
                // A cell is a month: those wholly inside the bounds, whichever day the cell's date gives.
                YearMonth from = YearMonth.from(first).plusMonths(first.getDayOfMonth() == 1 ? 0 : 1);
                YearMonth to = YearMonth.from(last).minusMonths(last.equals(YearMonth.from(last).atEndOfMonth()) ? 0 : 1);
                return cell + " >= " + dialect.dateLiteral(from.atDay(1)) + " AND " + cell + " < "
                        + dialect.dateLiteral(to.plusMonths(1).atDay(1));
            }
            return cell + " >= " + dialect.dateLiteral(first) + " AND " + cell + " < "
                    + dialect.dateLiteral(last.plusDays(1));
        }
        if (wholeYears) {
            String year = dialect.substring(cell, 1, 4);
            return dialect.length(cell) + " >= 4 AND " + year + " >= " + dialect.literal(fourDigits(first.getYear()))
                    + " AND " + year + " <= " + dialect.literal(fourDigits(last.getYear()));
        }
        // Text cells yyyy, yyyy-MM or yyyy-MM-dd: the first and last day they cover, as text of one shape that
        // orders like dates (a month's last day written -31, as the bounds are).
        String length = dialect.length(cell);
        String firstDay = "CASE " + length + " WHEN 4 THEN " + cell + " || '-01-01' WHEN 7 THEN " + cell
                + " || '-01' ELSE " + cell + " END";
        String lastDay = "CASE " + length + " WHEN 4 THEN " + cell + " || '-12-31' WHEN 7 THEN " + cell
                + " || '-31' ELSE " + cell + " END";
        return firstDay + " >= " + dialect.literal(first.toString()) + " AND " + lastDay + " <= "
                + dialect.literal(textBound(last));
    }

    /** The last day of a period as text cells compare: a month's last day is -31 (as a partial cell's). */
    private static String textBound(LocalDate last) {
        return last.equals(YearMonth.from(last).atEndOfMonth())
                ? fourDigits(last.getYear()) + "-" + String.format(java.util.Locale.ROOT, "%02d", last.getMonthValue()) + "-31"
                : last.toString();
    }

    private static String fourDigits(int year) {
        return String.format(java.util.Locale.ROOT, "%04d", year);
    }

    /** A date cell's year (null when empty). */
    String year(String column) {
        String cell = column(column);
        if (source.storage(column) == SqlColumn.Storage.DATE) {
            return dialect.year(cell);
        }
        return "CASE WHEN " + dialect.length(cell) + " >= 4 THEN " + dialect.toInteger(dialect.substring(cell, 1, 4))
                + " END";
    }

    /** A date cell's month as {@code year · 12 + month - 1} (null when empty or known only to the year). */
    private String month(String column) {
        String cell = column(column);
        if (source.storage(column) == SqlColumn.Storage.DATE) {
            return dialect.year(cell) + " * 12 + " + dialect.month(cell) + " - 1";
        }
        return "CASE WHEN " + dialect.length(cell) + " >= 7 THEN " + dialect.toInteger(dialect.substring(cell, 1, 4))
                + " * 12 + " + dialect.toInteger(dialect.substring(cell, 6, 2)) + " - 1 END";
    }

    // ---- keys -------------------------------------------------------------------------------------------

    /** The key expression of a grouping; a multi-category column adds its unnesting to {@code from}. */
    private String key(Query query, Grouping grouping, int index, StringBuilder from) {
        ColumnSpec spec = spec(grouping.column());
        String cell = column(grouping.column());
        if (grouping instanceof Grouping.Months) {
            return month(grouping.column());
        }
        if (grouping instanceof Grouping.Years) {
            return year(grouping.column());
        }
        if (grouping instanceof Grouping.Bins bins) {
            return bins(grouping.column(), bins);
        }
        UnaryOperator<String> map = grouping instanceof Grouping.Groups ? part -> groupOf(spec, part) : part -> part;
        if (spec.type() == ColumnType.MULTI_CATEGORY) {
            String alias = "u" + (index + 1);
            from.append(' ').append(dialect.unnest(dialect.parts(cell, spec.separator(), map), alias));
            return dialect.element(alias);
        }
        return map.apply(cell);
    }

    /** The group of a value (null for a value in none). */
    private String groupOf(ColumnSpec spec, String value) {
        StringBuilder sql = new StringBuilder("CASE ").append(value);
        boolean any = false;
        for (CategoryValue v : spec.values()) {
            if (v.group() != null) {
                sql.append(" WHEN ").append(dialect.literal(v.value())).append(" THEN ").append(dialect.literal(v.group()));
                any = true;
            }
        }
        return any ? sql.append(" END").toString() : "CAST(NULL AS VARCHAR)";
    }

    /**
     * The bin of a number: bin i from edge i (included) to edge i + 1 (excluded), the last including its
     * upper edge; null outside. Integer cells compare with whole edges (⌈edge⌉ below, ⌊last edge⌋ above).
     */
    private String bins(String column, Grouping.Bins bins) {
        boolean integer = spec(column).type() == ColumnType.INTEGER;
        String cell = column(column);
        List<BigDecimal> edges = bins.edges();
        List<String> lower = new ArrayList<>();
        for (BigDecimal edge : edges) {
            lower.add(integer ? edge.setScale(0, RoundingMode.CEILING).toPlainString() : number(column, edge.toPlainString()));
        }
        String top = integer ? edges.get(edges.size() - 1).setScale(0, RoundingMode.FLOOR).toPlainString()
                : lower.get(lower.size() - 1);
        StringBuilder sql = new StringBuilder("CASE WHEN ").append(cell).append(" IS NULL OR ").append(cell).append(" < ").append(lower.get(0)).append(" OR ")
                .append(cell).append(" > ").append(top).append(" THEN NULL");
        for (int i = 1; i < bins.count(); i++) {
            sql.append(" WHEN ").append(cell).append(" < ").append(lower.get(i)).append(" THEN ").append(i - 1);
        }
        return sql.append(" ELSE ").append(bins.count() - 1).append(" END").toString();
    }

    // ---- columns ----------------------------------------------------------------------------------------

    private ColumnSpec spec(String column) {
        return schema.column(column).orElseThrow(() -> new IllegalArgumentException(
                "unknown column '" + column + "' of table '" + schema.table() + "'"));
    }

    private String column(String name) {
        return "t." + source.column(name);
    }

    /** A measured cell summed exactly. */
    private String exact(String column) {
        return source.storage(column) == SqlColumn.Storage.FLOAT ? dialect.exactDecimal(column(column)) : column(column);
    }
}
