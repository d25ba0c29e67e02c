package org.threatreport.aggregate.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.threatreport.data.CategoryValue;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.LoadedTable;

/**
 * The rows a query's period, filter and exclusions select, as ascending row numbers, or null for every
 * row (no array of a million numbers to fill). Selections are kept while the executor lives, since one
 * view of a table serves many queries: up to about {@value #KEPT_ROWS} row numbers in all.
 */
final class Selections {

    private static final long KEPT_ROWS = 32L << 20;

    /** What a selection depends on; the table by identity. */
    private record Key(LoadedTable table, Period period, Filter filter, List<Exclusion> exclusions) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.table == table && k.period.equals(period) && k.filter.equals(filter)
                    && k.exclusions.equals(exclusions);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(table) * 31 + java.util.Objects.hash(period, filter, exclusions);
        }
    }

    /** A selection; {@code rows} null for every row of the table. */
    private record Selected(int[] rows) {
    }

    private final Map<Key, Selected> kept = new ConcurrentHashMap<>();
    private final AtomicLong keptRows = new AtomicLong();
    private final Map<Object, int[]> yearRanges = new ConcurrentHashMap<>();

    /** The rows of {@code table} that {@code query} selects; null for every row. */
    int[] rows(LoadedTable table, Query query) {
        Key key = new Key(table, query.period(), query.filter(), query.exclusions());
        Selected found = kept.get(key);
        if (found == null) {
            found = new Selected(select(table, query));
            if (found.rows() == null || keptRows.addAndGet(found.rows().length) < KEPT_ROWS) {
                kept.putIfAbsent(key, found);
            }
        }
        return found.rows();
    }

    private int[] select(LoadedTable table, Query query) {
        int[] rows = period(table, query.period());
        rows = filter(table, rows, query.filter());
        for (Exclusion exclusion : query.exclusions()) {
            rows = filter(table, rows, new Filter.Not(new Filter.In(exclusion.column(), exclusion.values())));
        }
        return rows;
    }

    /**
     * The first and last year any row of {@code column} has, or null when no row has one. Read once per
     * table and column.
     */
    int[] yearRange(LoadedTable table, String column) {
        int[] range = yearRanges.computeIfAbsent(java.util.List.of(new Identity(table), column), k -> {
            int[] years = table.yearCodes().get(column);
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int year : years) {
                if (year >= 0) {
                    min = Math.min(min, year);
                    max = Math.max(max, year);
                }
            }
            return min > max ? new int[0] : new int[] {min, max};
        });
        return range.length == 0 ? null : range;
    }

    /** A table compared by identity, as a part of a key. */
    private record Identity(LoadedTable table) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.table == table;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(table);
        }
    }

    private int[] period(LoadedTable table, Period period) {
        if (!(period instanceof Period.YearSpan span)) {
            return null;
        }
        int[] range = yearRange(table, span.column());
        int[] years = table.yearCodes().get(span.column());
        boolean anyEmpty = false;
        if (range != null && range[0] >= span.first() && range[1] <= span.last()) {
            // Every row with a year is in the span: only rows without one are left out.
            for (int year : years) {
                if (year < 0) {
                    anyEmpty = true;
                    break;
                }
            }
            if (!anyEmpty) {
                return null;
            }
        }
        int first = span.first();
        int last = span.last();
        int[] rows = new int[years.length];
        int found = 0;
        for (int row = 0; row < years.length; row++) {
            int year = years[row];
            if (year >= first && year <= last) {
                rows[found++] = row;
            }
        }
        return Arrays.copyOf(rows, found);
    }

    // ---- filters --------------------------------------------------------------------------------

    /** The rows of {@code rows} (null: every row) that {@code filter} keeps; null when that is every row. */
    int[] filter(LoadedTable table, int[] rows, Filter filter) {
        if (filter instanceof Filter.And and) {
            int[] kept = rows;
            for (Filter f : and.filters()) {
                kept = filter(table, kept, f);
            }
            return kept;
        }
        if (filter instanceof Filter.Not not) {
            return without(table, rows, filter(table, rows, not.filter()));
        }
        if (filter instanceof Filter.In in) {
            return test(table, rows, inTest(table, in));
        }
        return test(table, rows, rangeTest(table, (Filter.Range) filter));
    }

    /** Whether a row is kept. */
    private interface RowTest {
        boolean test(int row);
    }

    private static int[] test(LoadedTable table, int[] rows, RowTest test) {
        int size = rows == null ? table.rowCount() : rows.length;
        int[] kept = new int[size];
        int found = 0;
        for (int i = 0; i < size; i++) {
            int row = rows == null ? i : rows[i];
            if (test.test(row)) {
                kept[found++] = row;
            }
        }
        return Arrays.copyOf(kept, found);
    }

    /** {@code rows} without {@code removed} (both ascending; null: every row). */
    private static int[] without(LoadedTable table, int[] rows, int[] removed) {
        if (removed == null) {
            return new int[0];
        }
        int size = rows == null ? table.rowCount() : rows.length;
        int[] kept = new int[size - removed.length];
        int found = 0;
        int r = 0;
        for (int i = 0; i < size; i++) {
            int row = rows == null ? i : rows[i];
            if (r < removed.length && removed[r] == row) {
                r++;
            } else {
                kept[found++] = row;
            }
        }
        return Arrays.copyOf(kept, found);
    }

    private static ColumnSpec spec(LoadedTable table, String column) {
        return table.schema().column(column).orElseThrow(() -> new IllegalArgumentException(
                "unknown column '" + column + "' of table '" + table.name() + "'"));
    }

    private static RowTest inTest(LoadedTable table, Filter.In in) {
        ColumnSpec spec = spec(table, in.column());
        switch (spec.type()) {
            case CATEGORY -> {
                boolean[] want = wanted(spec, in.values());
                int[] codes = table.categoryCodes().get(spec.name());
                return row -> codes[row] >= 0 && want[codes[row]];
            }
            case MULTI_CATEGORY -> {
                boolean[] want = wanted(spec, in.values());
                int[][] codes = table.multiCodes().get(spec.name());
                return row -> {
                    for (int code : codes[row]) {
                        if (want[code]) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            case DATE, YEAR_MONTH -> {
                List<Dates.Span> periods = in.values().stream().map(Dates::parse).toList();
                CellPeriods cells = new CellPeriods(table, spec.name());
                return row -> {
                    Dates.Span cell = cells.of(row);
                    if (cell == null) {
                        return false;
                    }
                    for (Dates.Span period : periods) {
                        if (cell.within(period)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            case INTEGER -> {
                long[] values = table.integers().get(spec.name());
                long[] wanted = in.values().stream().map(v -> new BigDecimal(v.strip()))
                        .filter(v -> v.stripTrailingZeros().scale() <= 0).mapToLong(BigDecimal::longValueExact).toArray();
                return row -> {
                    long value = values[row];
                    if (value == LoadedTable.NO_INTEGER) {
                        return false;
                    }
                    for (long w : wanted) {
                        if (w == value) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            case DECIMAL -> {
                double[] values = table.decimals().get(spec.name());
                double[] wanted = in.values().stream().mapToDouble(v -> Double.parseDouble(v.strip())).toArray();
                return row -> {
                    double value = values[row];
                    for (double w : wanted) {
                        if (w == value) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            default -> {
                var column = table.table().column(spec.name());
                java.util.Set<String> wanted = java.util.Set.copyOf(in.values());
                return row -> !column.isMissing(row) && wanted.contains(column.getString(row));
            }
        }
    }

    private static RowTest rangeTest(LoadedTable table, Filter.Range range) {
        ColumnSpec spec = spec(table, range.column());
        switch (spec.type()) {
            case INTEGER -> {
                long[] values = table.integers().get(spec.name());
                long from = range.from() == null ? Long.MIN_VALUE + 1
                        : new BigDecimal(range.from().strip()).setScale(0, RoundingMode.CEILING).longValueExact();
                long to = range.to() == null ? Long.MAX_VALUE
                        : new BigDecimal(range.to().strip()).setScale(0, RoundingMode.FLOOR).longValueExact();
                return row -> values[row] != LoadedTable.NO_INTEGER && values[row] >= from && values[row] <= to;
            }
            case DECIMAL -> {
                double[] values = table.decimals().get(spec.name());
                double from = range.from() == null ? Double.NEGATIVE_INFINITY : Double.parseDouble(range.from().strip());
                double to = range.to() == null ? Double.POSITIVE_INFINITY : Double.parseDouble(range.to().strip());
                return row -> values[row] >= from && values[row] <= to;
            }
            case DATE, YEAR_MONTH -> {
                int from = range.from() == null ? Integer.MIN_VALUE : Dates.parse(range.from()).first();
                int to = range.to() == null ? Integer.MAX_VALUE : Dates.parse(range.to()).last();
                Dates.Span bounds = new Dates.Span(from, to);
                CellPeriods cells = new CellPeriods(table, spec.name());
                return row -> {
                    Dates.Span cell = cells.of(row);
                    return cell != null && cell.within(bounds);
                };
            }
            default -> throw new IllegalArgumentException("column '" + spec.name() + "' is " + spec.type().keyword()
                    + ": a range needs a number or date column");
        }
    }

    /** The period of each cell of a date or year-month column. */
    private static final class CellPeriods {
        private final int[] years;
        private final int[] months;
        private final int[] days;

        CellPeriods(LoadedTable table, String column) {
            years = table.yearCodes().get(column);
            months = table.monthCodes().get(column);
            days = table.dayCodes().get(column);
        }

        Dates.Span of(int row) {
            return Dates.ofCell(years[row], months[row], days == null ? Integer.MIN_VALUE : days[row]);
        }
    }

    /** By value code: whether a value is named, directly or through its group. */
    static boolean[] wanted(ColumnSpec spec, List<String> names) {
        boolean[] want = new boolean[spec.values().size()];
        for (String name : names) {
            for (int i = 0; i < spec.values().size(); i++) {
                CategoryValue value = spec.values().get(i);
                if (value.value().equals(name) || name.equals(value.group())) {
                    want[i] = true;
                }
            }
        }
        return want;
    }

    /** The codes named directly or through their group, as a set. */
    static BitSet codes(ColumnSpec spec, List<String> names) {
        boolean[] want = wanted(spec, names);
        BitSet codes = new BitSet();
        for (int i = 0; i < want.length; i++) {
            if (want[i]) {
                codes.set(i);
            }
        }
        return codes;
    }
}
