package org.threatreport.aggregate.sql;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.threatreport.aggregate.query.Exclusion;
import org.threatreport.aggregate.query.Grouping;
import org.threatreport.aggregate.query.Measure;
import org.threatreport.aggregate.query.Period;
import org.threatreport.aggregate.query.Query;
import org.threatreport.aggregate.query.QueryExecutor;
import org.threatreport.aggregate.query.QueryResult;
import org.threatreport.data.CategoryValue;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.Schema;
import org.threatreport.data.SqlTable;
import org.threatreport.data.sql.SqlColumn;
import org.threatreport.data.sql.SqlSource;

/**
 * Runs queries on the SQL engine that holds a table: the selection's size and one grouped statement per
 * query (two for a percentile), so that only small results travel; then lists every key in the query
 * model's order, with 0 for keys no row has, and computes means and percentiles exactly from what the
 * engine returned (sums as decimals, the cells at the two ranks around a percentile). The same query
 * is sent once per executor: answers are kept, so a preview that renders again asks the engine nothing;
 * and the size of a selection is asked once for all the queries that group it.
 * Thread-safe.
 */
public final class SqlExecutor implements QueryExecutor {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SqlTable table;
    private final Schema schema;
    private final SqlSource source;
    private final QuerySql sql;
    /** Answers by query (its min-n set to 0: the numbers do not depend on it). */
    private final Map<Query, QueryResult> answers = new ConcurrentHashMap<>();
    private final Map<String, int[]> yearRanges = new ConcurrentHashMap<>();
    /** The size of each selection, by its statement: queries that group the same rows otherwise share it. */
    private final Map<String, Long> bases = new ConcurrentHashMap<>();

    public SqlExecutor(SqlTable table) {
        this.table = table;
        this.schema = table.schema();
        this.source = table.source();
        this.sql = new QuerySql(schema, source);
    }

    /** The table this executor counts. */
    public SqlTable table() {
        return table;
    }

    @Override
    public QueryResult run(Query query) {
        if (!query.table().equals(schema.table())) {
            throw new IllegalArgumentException("unknown table '" + query.table() + "'");
        }
        Query asked = query.withMinN(0);
        QueryResult answer = answers.get(asked);
        if (answer == null) {
            answer = compute(asked);
            answers.putIfAbsent(asked, answer);
        }
        return query.minN() == 0 ? answer : new QueryResult(query, answer.base(), answer.rows());
    }

    /** The SQL statements a query sends, in order: for showing them (notebooks) and for tests. */
    public List<String> statements(Query query) {
        List<String> statements = new ArrayList<>();
        statements.add(sql.base(query));
        if (!query.groupings().isEmpty() || query.measure().column() != null) {
            statements.add(sql.grouped(query));
        }
        if (query.measure() instanceof Measure.Percentile) {
            statements.add(sql.ranks(query));
        }
        return statements;
    }

    private QueryResult compute(Query query) {
        String baseSql = sql.base(query);
        Long known = bases.get(baseSql);
        long base = known != null ? known : source.engine().query(baseSql, rows -> rows.next() ? rows.getLong(1) : 0L);
        bases.putIfAbsent(baseSql, base);
        List<List<String>> keys = new ArrayList<>();
        for (Grouping grouping : query.groupings()) {
            keys.add(keys(query, grouping));
        }
        Measure measure = query.measure();
        if (keys.isEmpty() && measure.column() == null) {
            return new QueryResult(query, base, List.of(new QueryResult.Row(List.of(), base, base, null)));
        }
        Map<List<String>, Cells> byKey = source.engine().query(sql.grouped(query), rows -> read(query, rows));
        Map<List<String>, BigDecimal> percentiles = measure instanceof Measure.Percentile p
                ? percentiles(query, p) : Map.of();
        List<QueryResult.Row> result = new ArrayList<>();
        for (List<String> key : combinations(keys)) {
            Cells cells = byKey.getOrDefault(key, Cells.NONE);
            long n = measure.column() == null ? cells.count : cells.n;
            BigDecimal value = n == 0 ? null : value(measure, cells, n, percentiles.get(key));
            result.add(new QueryResult.Row(key, cells.count, n, value));
        }
        return new QueryResult(query, base, result);
    }

    private static BigDecimal value(Measure measure, Cells cells, long n, BigDecimal percentile) {
        if (measure instanceof Measure.Sum) {
            return cells.sum;
        }
        if (measure instanceof Measure.Mean) {
            return normal(cells.sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64));
        }
        if (measure instanceof Measure.Min) {
            return cells.min;
        }
        if (measure instanceof Measure.Max) {
            return cells.max;
        }
        return measure instanceof Measure.Percentile ? percentile : null;
    }

    // ---- keys -------------------------------------------------------------------------------------------

    /** Every key of a grouping, in the query model's order (excluded values left out). */
    private List<String> keys(Query query, Grouping grouping) {
        ColumnSpec spec = schema.column(grouping.column()).orElseThrow();
        List<String> keys = new ArrayList<>();
        if (grouping instanceof Grouping.Values) {
            for (CategoryValue value : spec.values()) {
                if (!excluded(query, spec, value)) {
                    keys.add(value.value());
                }
            }
        } else if (grouping instanceof Grouping.Groups) {
            keys.addAll(spec.groups());
            for (Exclusion exclusion : query.exclusions()) {
                if (exclusion.column().equals(spec.name())) {
                    keys.removeAll(exclusion.values());
                }
            }
        } else if (grouping instanceof Grouping.Bins bins) {
            for (int i = 0; i < bins.count(); i++) {
                keys.add(Integer.toString(i));
            }
        } else {
            int[] years = years(query.period(), spec.name());
            for (int year = years == null ? 1 : years[0]; years != null && year <= years[1]; year++) {
                if (grouping instanceof Grouping.Years) {
                    keys.add(String.format(Locale.ROOT, "%04d", year));
                } else {
                    for (int month = 1; month <= 12; month++) {
                        keys.add(String.format(Locale.ROOT, "%04d-%02d", year, month));
                    }
                }
            }
        }
        return keys;
    }

    private static boolean excluded(Query query, ColumnSpec spec, CategoryValue value) {
        for (Exclusion exclusion : query.exclusions()) {
            if (exclusion.column().equals(spec.name()) && (exclusion.values().contains(value.value())
                    || value.group() != null && exclusion.values().contains(value.group()))) {
                return true;
            }
        }
        return false;
    }

    /** The first and last year of the keys: the period's, or the whole table's for every year; null for none. */
    private int[] years(Period period, String column) {
        if (period instanceof Period.YearSpan span) {
            return new int[] {span.first(), span.last()};
        }
        int[] range = yearRanges.computeIfAbsent(column, c -> source.engine().query(sql.yearRange(c), rows -> {
            if (!rows.next()) {
                return new int[0];
            }
            int first = rows.getInt(1);
            if (rows.wasNull()) {
                return new int[0];
            }
            return new int[] {first, rows.getInt(2)};
        }));
        return range.length == 0 ? null : range;
    }

    private static List<List<String>> combinations(List<List<String>> keys) {
        List<List<String>> all = new ArrayList<>();
        all.add(List.of());
        for (List<String> grouping : keys) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : all) {
                for (String key : grouping) {
                    List<String> combined = new ArrayList<>(prefix);
                    combined.add(key);
                    next.add(List.copyOf(combined));
                }
            }
            all = next;
        }
        return all;
    }

    /** A key as the model writes it, from the engine's key column (null: in no key). */
    private String keyText(Grouping grouping, ResultSet rows, int column) throws SQLException {
        if (grouping instanceof Grouping.Months) {
            long code = rows.getLong(column);
            if (rows.wasNull()) {
                return null;
            }
            return String.format(Locale.ROOT, "%04d-%02d", Math.floorDiv(code, 12), Math.floorMod(code, 12) + 1);
        }
        if (grouping instanceof Grouping.Years) {
            long year = rows.getLong(column);
            return rows.wasNull() ? null : String.format(Locale.ROOT, "%04d", year);
        }
        if (grouping instanceof Grouping.Bins) {
            long bin = rows.getLong(column);
            return rows.wasNull() ? null : Long.toString(bin);
        }
        return rows.getString(column);
    }

    // ---- numbers ----------------------------------------------------------------------------------------

    /** What the engine returned for one key. */
    private record Cells(long count, long n, BigDecimal sum, BigDecimal min, BigDecimal max) {
        static final Cells NONE = new Cells(0, 0, null, null, null);
    }

    private Map<List<String>, Cells> read(Query query, ResultSet rows) throws SQLException {
        Map<List<String>, Cells> byKey = new HashMap<>();
        int groupings = query.groupings().size();
        String measured = query.measure().column();
        while (rows.next()) {
            List<String> key = new ArrayList<>(groupings);
            for (int i = 0; i < groupings; i++) {
                key.add(keyText(query.groupings().get(i), rows, i + 1));
            }
            if (key.contains(null)) {
                continue;
            }
            long count = rows.getLong(groupings + 1);
            if (measured == null) {
                byKey.put(key, new Cells(count, count, null, null, null));
            } else {
                long n = rows.getLong(groupings + 2);
                String sum = rows.getString(groupings + 3);
                byKey.put(key, new Cells(count, n, sum == null ? null : normal(new BigDecimal(sum)),
                        cell(measured, rows, groupings + 4), cell(measured, rows, groupings + 5)));
            }
        }
        return byKey;
    }

    /** A cell as the model reads it: an integer, the decimal it was written as, or the exact decimal stored. */
    private BigDecimal cell(String column, ResultSet rows, int index) throws SQLException {
        SqlColumn.Storage storage = source.storage(column);
        if (storage == SqlColumn.Storage.FLOAT) {
            double value = rows.getDouble(index);
            return rows.wasNull() ? null : value == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(value);
        }
        String text = rows.getString(index);
        return text == null ? null : normal(new BigDecimal(text));
    }

    /** The percentile of each key, interpolated exactly between the cells at its two ranks. */
    private Map<List<String>, BigDecimal> percentiles(Query query, Measure.Percentile percentile) {
        int groupings = query.groupings().size();
        Map<List<String>, Map<Long, BigDecimal>> ranked = new HashMap<>();
        Map<List<String>, Long> sizes = new HashMap<>();
        source.engine().query(sql.ranks(query), rows -> {
            while (rows.next()) {
                List<String> key = new ArrayList<>(groupings);
                for (int i = 0; i < groupings; i++) {
                    key.add(keyText(query.groupings().get(i), rows, i + 1));
                }
                if (key.contains(null)) {
                    continue;
                }
                sizes.put(key, rows.getLong(groupings + 1));
                ranked.computeIfAbsent(key, k -> new HashMap<>()).put(rows.getLong(groupings + 2),
                        cell(percentile.column(), rows, groupings + 3));
            }
            return null;
        });
        Map<List<String>, BigDecimal> values = new HashMap<>();
        ranked.forEach((key, cells) -> {
            long n = sizes.get(key);
            BigDecimal h = BigDecimal.valueOf(n - 1).multiply(percentile.percent()).divide(HUNDRED);
            BigDecimal whole = h.setScale(0, RoundingMode.FLOOR);
            BigDecimal fraction = h.subtract(whole);
            BigDecimal low = cells.get(whole.longValueExact());
            BigDecimal value = fraction.signum() == 0 ? low
                    : low.add(cells.get(whole.longValueExact() + 1).subtract(low).multiply(fraction));
            values.put(key, normal(value));
        });
        return values;
    }

    /** A decimal without trailing zeros (but never in exponent form for a whole number): 3.50 → 3.5. */
    private static BigDecimal normal(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }
}
