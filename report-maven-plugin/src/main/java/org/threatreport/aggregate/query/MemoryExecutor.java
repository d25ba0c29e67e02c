package org.threatreport.aggregate.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.ColumnType;
import org.threatreport.data.LoadedTable;

/**
 * Runs queries over the loaded tables: the reader's codes and arrays, never Tablesaw (except a filter on a
 * text or boolean column). The rows a period, filter and exclusions select are worked out once per
 * executor and reused by every query over the same rows; counting a whole table uses the counts the
 * reader tallied while parsing. Thread-safe.
 */
public final class MemoryExecutor implements QueryExecutor {

    private final Map<String, LoadedTable> tables;
    private final Selections selections = new Selections();

    /** @param tables the report's tables by name */
    public MemoryExecutor(Map<String, LoadedTable> tables) {
        this.tables = Map.copyOf(tables);
    }

    @Override
    public QueryResult run(Query query) {
        LoadedTable table = tables.get(query.table());
        if (table == null) {
            throw new IllegalArgumentException("unknown table '" + query.table() + "'");
        }
        int[] rows = selections.rows(table, query);
        long base = rows == null ? table.rowCount() : rows.length;
        List<Keys> keys = new ArrayList<>();
        for (Grouping grouping : query.groupings()) {
            keys.add(Keys.of(table, grouping, query, selections));
        }
        Measure measure = query.measure();
        if (measure instanceof Measure.Count) {
            long[] counts = keys.isEmpty() ? new long[] {base} : counts(table, query, rows, keys);
            return result(query, base, keys, counts, counts, null);
        }
        return measured(table, query, rows, base, keys);
    }

    // ---- counts ---------------------------------------------------------------------------------

    private long[] counts(LoadedTable table, Query query, int[] rows, List<Keys> keys) {
        if (keys.size() == 1) {
            long[] fast = fastCounts(table, query, rows, keys.get(0));
            if (fast != null) {
                return fast;
            }
        }
        if (keys.size() == 2) {
            long[] fast = fastPairs(table, query, rows, keys);
            if (fast != null) {
                return fast;
            }
        }
        int width = keys.size() == 2 ? keys.get(1).size() : 1;
        long[] counts = new long[keys.get(0).size() * width];
        int[] first = new int[keys.get(0).mostPerRow()];
        int[] second = keys.size() == 2 ? new int[keys.get(1).mostPerRow()] : null;
        int size = rows == null ? table.rowCount() : rows.length;
        for (int i = 0; i < size; i++) {
            int row = rows == null ? i : rows[i];
            int a = keys.get(0).of(row, first);
            if (second == null) {
                for (int k = 0; k < a; k++) {
                    counts[first[k]]++;
                }
            } else if (a > 0) {
                int b = keys.get(1).of(row, second);
                for (int k = 0; k < a; k++) {
                    for (int j = 0; j < b; j++) {
                        counts[first[k] * width + second[j]]++;
                    }
                }
            }
        }
        return counts;
    }

    /**
     * The counts of the common groupings without visiting rows one key at a time: values and months in
     * one small loop ({@link Counting}), or the reader's tallies when every row is selected; null otherwise.
     */
    private long[] fastCounts(LoadedTable table, Query query, int[] rows, Keys keys) {
        Grouping grouping = query.groupings().get(0);
        ColumnSpec spec = table.schema().column(grouping.column()).orElseThrow();
        if (grouping instanceof Grouping.Values && keys.size() == spec.values().size()) {
            if (rows == null) {
                return table.valueCounts().get(spec.name()).clone();
            }
            int values = spec.values().size();
            return spec.type() == ColumnType.CATEGORY
                    ? Counting.values(table.categoryCodes().get(spec.name()), rows, values)
                    : Counting.values(table.multiCodes().get(spec.name()), rows, values);
        }
        if (grouping instanceof Grouping.Groups && spec.type() == ColumnType.CATEGORY) {
            // A category cell holds one value, so a group's rows are the sum of its values' rows.
            long[] values = rows == null ? table.valueCounts().get(spec.name())
                    : Counting.values(table.categoryCodes().get(spec.name()), rows, spec.values().size());
            long[] counts = new long[keys.size()];
            for (int code = 0; code < values.length; code++) {
                if (keys instanceof Keys.GroupKeys groups && groups.keyOfCode[code] >= 0) {
                    counts[groups.keyOfCode[code]] += values[code];
                }
            }
            return keys instanceof Keys.GroupKeys ? counts : null;
        }
        if (keys instanceof Keys.MonthKeys months) {
            if (rows == null && months.size() == 12) {
                long[] tallied = table.monthCounts(spec.name(), months.first / 12).orElse(null);
                if (tallied != null) {
                    return tallied;
                }
            }
            return Counting.count(months.codes, rows, months.first, months.size());
        }
        return null;
    }

    /** Two category columns with every value a key: the pairs of codes in one small loop. */
    private long[] fastPairs(LoadedTable table, Query query, int[] rows, List<Keys> keys) {
        ColumnSpec first = table.schema().column(query.groupings().get(0).column()).orElseThrow();
        ColumnSpec second = table.schema().column(query.groupings().get(1).column()).orElseThrow();
        if (!(query.groupings().get(0) instanceof Grouping.Values) || !(query.groupings().get(1) instanceof Grouping.Values)
                || first.type() != ColumnType.CATEGORY || second.type() != ColumnType.CATEGORY
                || keys.get(0).size() != first.values().size() || keys.get(1).size() != second.values().size()) {
            return null;
        }
        return Counting.pairs(table.categoryCodes().get(first.name()), table.categoryCodes().get(second.name()),
                second.values().size(), rows, first.values().size());
    }

    // ---- measures -------------------------------------------------------------------------------

    private QueryResult measured(LoadedTable table, Query query, int[] rows, long base, List<Keys> keys) {
        Measure measure = query.measure();
        ColumnSpec spec = table.schema().column(measure.column()).orElseThrow(() -> new IllegalArgumentException(
                "unknown column '" + measure.column() + "' of table '" + table.name() + "'"));
        boolean integer = spec.type() == ColumnType.INTEGER;
        long[] integers = integer ? table.integers().get(spec.name()) : null;
        double[] decimals = integer ? null : table.decimals().get(spec.name());
        int width = keys.size() == 2 ? keys.get(1).size() : 1;
        int keyCount = keys.isEmpty() ? 1 : keys.get(0).size() * width;
        long[] counts = new long[keyCount];
        int[] filled = new int[keyCount];
        int[] first = keys.isEmpty() ? new int[1] : new int[keys.get(0).mostPerRow()];
        int[] second = keys.size() == 2 ? new int[keys.get(1).mostPerRow()] : null;
        int[] cell = new int[first.length * (second == null ? 1 : second.length)];
        int size = rows == null ? table.rowCount() : rows.length;
        // Two passes: how many cells each key has, then the cells themselves, each key's together.
        for (int pass = 0; pass < 2; pass++) {
            int[] at = pass == 0 ? null : offsets(filled);
            long[] intCells = pass == 1 && integer ? new long[sum(filled)] : null;
            double[] doubleCells = pass == 1 && !integer ? new double[sum(filled)] : null;
            for (int i = 0; i < size; i++) {
                int row = rows == null ? i : rows[i];
                int k = keysOf(keys, row, first, second, width, cell);
                boolean present = integer ? integers[row] != org.threatreport.data.LoadedTable.NO_INTEGER
                        : !Double.isNaN(decimals[row]);
                for (int j = 0; j < k; j++) {
                    int key = cell[j];
                    if (pass == 0) {
                        counts[key]++;
                        if (present) {
                            filled[key]++;
                        }
                    } else if (present) {
                        if (integer) {
                            intCells[at[key]++] = integers[row];
                        } else {
                            doubleCells[at[key]++] = decimals[row];
                        }
                    }
                }
            }
            if (pass == 1) {
                BigDecimal[] values = new BigDecimal[keyCount];
                int start = 0;
                for (int key = 0; key < keyCount; key++) {
                    int end = start + filled[key];
                    values[key] = integer ? Measuring.of(measure, intCells, start, end)
                            : Measuring.of(measure, doubleCells, start, end);
                    start = end;
                }
                long[] n = new long[keyCount];
                for (int key = 0; key < keyCount; key++) {
                    n[key] = filled[key];
                }
                return result(query, base, keys, counts, n, values);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The keys of a row across the groupings (none: the one key 0), combined; returns how many. */
    private static int keysOf(List<Keys> keys, int row, int[] first, int[] second, int width, int[] into) {
        if (keys.isEmpty()) {
            into[0] = 0;
            return 1;
        }
        int a = keys.get(0).of(row, first);
        if (second == null) {
            System.arraycopy(first, 0, into, 0, a);
            return a;
        }
        if (a == 0) {
            return 0;
        }
        int b = keys.get(1).of(row, second);
        int found = 0;
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                into[found++] = first[i] * width + second[j];
            }
        }
        return found;
    }

    private static int[] offsets(int[] sizes) {
        int[] at = new int[sizes.length];
        for (int i = 1; i < sizes.length; i++) {
            at[i] = at[i - 1] + sizes[i - 1];
        }
        return at;
    }

    private static int sum(int[] sizes) {
        int total = 0;
        for (int size : sizes) {
            total += size;
        }
        return total;
    }

    // ---- results --------------------------------------------------------------------------------

    private static QueryResult result(Query query, long base, List<Keys> keys, long[] counts, long[] n,
                                      BigDecimal[] values) {
        List<QueryResult.Row> rows = new ArrayList<>(counts.length);
        if (keys.isEmpty()) {
            rows.add(new QueryResult.Row(List.of(), counts[0], n[0], values == null ? null : values[0]));
        } else if (keys.size() == 1) {
            for (int k = 0; k < counts.length; k++) {
                rows.add(new QueryResult.Row(List.of(keys.get(0).keys.get(k)), counts[k], n[k],
                        values == null ? null : values[k]));
            }
        } else {
            int width = keys.get(1).size();
            for (int k = 0; k < counts.length; k++) {
                rows.add(new QueryResult.Row(List.of(keys.get(0).keys.get(k / width), keys.get(1).keys.get(k % width)),
                        counts[k], n[k], values == null ? null : values[k]));
            }
        }
        return new QueryResult(query, base, rows);
    }
}
