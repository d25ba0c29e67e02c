package org.threatreport.aggregate;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import org.threatreport.data.CategoryValue;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.ColumnType;
import org.threatreport.data.LoadedTable;
import org.threatreport.diagnostic.Suggestions;

/**
 * A table, or the rows of it selected by {@link #where}, as templates and cells see it: the
 * aggregation API documented in the README ("Inline values"). Every method is pure; mistakes
 * (an unknown column or value) throw {@link IllegalArgumentException} with an editor-facing message.
 */
public final class TableView {

    private final LoadedTable table;
    /** The selected rows, in table order; null for every row (no array of a million indexes to fill). */
    private final int[] rows;
    private final Wording wording;
    private final int reportYear;

    private TableView(LoadedTable table, int[] rows, Wording wording, int reportYear) {
        this.table = table;
        this.rows = rows;
        this.wording = wording;
        this.reportYear = reportYear;
    }

    /** All rows of {@code table}; months are counted over {@code reportYear}. */
    public static TableView of(LoadedTable table, Wording wording, int reportYear) {
        return new TableView(table, null, wording, reportYear);
    }

    public String name() {
        return table.name();
    }

    /** The number of rows. */
    public long count() {
        return size();
    }

    private int size() {
        return rows == null ? table.rowCount() : rows.length;
    }

    /** The selected rows as indexes, also when every row is. */
    private int[] rowIndexes() {
        return rows != null ? rows : IntStream.range(0, table.rowCount()).toArray();
    }

    /** Rows whose {@code column} holds {@code value}, or a value of the group {@code value}. */
    public long count(String column, String value) {
        return matching(column, value).length;
    }

    /** {@link #count(String, String)} as a share of all rows of this view. */
    public Share share(String column, String value) {
        return Share.of(count(column, value), size());
    }

    /** The rows whose {@code column} holds {@code value} (or a value of that group). */
    public TableView where(String column, String value) {
        return new TableView(table, matching(column, value), wording, reportYear);
    }

    /** The display name of a column, in the report's language. */
    public String label(String column, String language) {
        return spec(column).label(language);
    }

    boolean isTemporal(String column) {
        return spec(column).type().isTemporal();
    }

    /** Counts per value of a category column, largest first (ties in schema order). */
    public Distribution by(String column) {
        ColumnSpec spec = categorical(column);
        long[] counts = valueCounts(spec);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            CategoryValue value = spec.values().get(i);
            entries.add(new Entry(value.value(), value.label(), counts[i], Share.of(counts[i], size()), 0));
        }
        List<String> order = spec.values().stream().map(CategoryValue::value).toList();
        return new Distribution(entries, order, size(), wording, values -> rowsWithAny(spec, values))
                .byCount();
    }

    /** Counts per group of a category column's values, largest first (ties in schema order). */
    public Distribution byGroup(String column) {
        ColumnSpec spec = categorical(column);
        List<String> groups = spec.groups();
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("column '" + column + "' has no groups: give its values a"
                    + " 'group' in " + table.schema().schemaFile().getFileName());
        }
        // A category cell holds one value, so a group's rows are the sum of its values' rows.
        long[] valueCounts = spec.type() == ColumnType.CATEGORY ? valueCounts(spec) : null;
        List<Entry> entries = new ArrayList<>();
        for (String group : groups) {
            long count = valueCounts == null ? rowsWithAny(spec, List.of(group)) : sum(valueCounts, codesOf(spec, List.of(group)));
            entries.add(new Entry(group, group, count, Share.of(count, size()), 0));
        }
        return new Distribution(entries, groups, size(), wording, values -> rowsWithAny(spec, values))
                .byCount();
    }

    /** Counts for each month of the report year, in calendar order; months without rows count 0. */
    public Distribution months(String column) {
        ColumnSpec spec = spec(column);
        if (!spec.type().isTemporal()) {
            throw new IllegalArgumentException("months(\"" + column + "\"): column '" + column + "' is "
                    + spec.type().keyword() + "; expected a date or year-month column");
        }
        int[] codes = table.monthCodes().get(column);
        // The reader counted the report year's months of the whole table; a selection is counted here.
        long[] counts = rows == null ? table.monthCounts(column, reportYear).orElse(null) : null;
        if (counts == null) {
            counts = Counting.months(codes, rows, reportYear * 12);
        }
        List<Entry> entries = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            // yyyy-MM, as String.format("%04d-%02d") would write it, without its first-call cost.
            String value = (reportYear < 1000 ? String.format(java.util.Locale.ROOT, "%04d", reportYear)
                    : Integer.toString(reportYear)) + (m < 9 ? "-0" : "-") + (m + 1);
            order.add(value);
            entries.add(new Entry(value, wording.months().get(m), counts[m], Share.of(counts[m], size()), 0));
        }
        return new Distribution(entries, order, size(), wording, values -> monthRows(codes, values));
    }

    /** Counts for each pair of values of two category columns, both in schema order. */
    public CrossTab crossTab(String rowColumn, String columnColumn) {
        Distribution rowValues = by(rowColumn).inSchemaOrder();
        Distribution columnValues = by(columnColumn).inSchemaOrder();
        ColumnSpec rowSpec = categorical(rowColumn);
        ColumnSpec columnSpec = categorical(columnColumn);
        // Row r of the table counts the rows where(rowColumn, value r) selects, per value of the other
        // column: the same numbers, found in one pass. The values (or the group of that name) each
        // row value selects, and for each value code the table rows it falls into:
        int values = rowSpec.values().size();
        List<List<Integer>> into = new ArrayList<>();
        for (int code = 0; code < values; code++) {
            into.add(new ArrayList<>());
        }
        for (int r = 0; r < rowValues.size(); r++) {
            BitSet selected = codesOf(rowSpec, List.of(rowValues.get(r).value()));
            for (int code = selected.nextSetBit(0); code >= 0 && code < values; code = selected.nextSetBit(code + 1)) {
                into.get(code).add(r);
            }
        }
        int[][] tableRowsOf = new int[values][];
        for (int code = 0; code < values; code++) {
            tableRowsOf[code] = into.get(code).stream().mapToInt(Integer::intValue).toArray();
        }
        long[][] counts = new long[rowValues.size()][columnValues.size()];
        int[] rowCodes = rowSpec.type() == ColumnType.CATEGORY ? table.categoryCodes().get(rowColumn) : null;
        int[] columnCodes = columnSpec.type() == ColumnType.CATEGORY ? table.categoryCodes().get(columnColumn) : null;
        if (rowCodes != null && columnCodes != null) {
            // Each row has one value in each column: count the pairs, then give each pair to its table rows.
            int width = columnSpec.values().size();
            long[] pairs = Counting.pairs(rowCodes, columnCodes, width, rows, values);
            for (int code = 0; code < values; code++) {
                for (int r : tableRowsOf[code]) {
                    for (int c = 0; c < width; c++) {
                        counts[r][c] += pairs[code * width + c];
                    }
                }
            }
        } else {
            crossCount(tableRowsOf, rowCodes, table.multiCodes().get(rowColumn), columnCodes,
                    table.multiCodes().get(columnColumn), counts);
        }
        return new CrossTab(rowValues.entries(), columnValues.entries(), counts);
    }

    /** The cross-tab's counts where a column is multi-category: a row counts once per table row it falls into. */
    private void crossCount(int[][] tableRowsOf, int[] rowCodes, int[][] rowMulti, int[] columnCodes,
                            int[][] columnMulti, long[][] counts) {
        int[] stamp = new int[counts.length];
        int[] hit = new int[counts.length];
        int n = size();
        for (int i = 0; i < n; i++) {
            int row = rows == null ? i : rows[i];
            int hits = 0;
            if (rowCodes != null) {
                int code = rowCodes[row];
                if (code >= 0) {
                    for (int r : tableRowsOf[code]) {
                        hit[hits++] = r;
                    }
                }
            } else {
                // A row with two values selected by the same table row still counts once there.
                for (int code : rowMulti[row]) {
                    for (int r : tableRowsOf[code]) {
                        if (stamp[r] != i + 1) {
                            stamp[r] = i + 1;
                            hit[hits++] = r;
                        }
                    }
                }
            }
            for (int h = 0; h < hits; h++) {
                long[] line = counts[hit[h]];
                if (columnCodes != null) {
                    int code = columnCodes[row];
                    if (code >= 0) {
                        line[code]++;
                    }
                } else {
                    for (int code : columnMulti[row]) {
                        line[code]++;
                    }
                }
            }
        }
    }

    private long[] valueCounts(ColumnSpec spec) {
        if (rows == null) {
            return table.valueCounts().get(spec.name()).clone();
        }
        int values = spec.values().size();
        return spec.type() == ColumnType.CATEGORY
                ? Counting.values(table.categoryCodes().get(spec.name()), rows, values)
                : Counting.values(table.multiCodes().get(spec.name()), rows, values);
    }

    private long rowsWithAny(ColumnSpec spec, List<String> values) {
        return rowsWith(spec, codesOf(spec, values), null);
    }

    private static long sum(long[] counts, BitSet codes) {
        long sum = 0;
        for (int code = codes.nextSetBit(0); code >= 0 && code < counts.length; code = codes.nextSetBit(code + 1)) {
            sum += counts[code];
        }
        return sum;
    }

    /**
     * How many rows of this view hold one of the {@code wanted} codes in {@code spec}'s column; with
     * {@code into}, also lists them there. One pass over the codes, for every row of large tables.
     */
    private int rowsWith(ColumnSpec spec, BitSet wanted, int[] into) {
        boolean[] want = new boolean[spec.values().size()];
        for (int code = wanted.nextSetBit(0); code >= 0 && code < want.length; code = wanted.nextSetBit(code + 1)) {
            want[code] = true;
        }
        int found = 0;
        int n = size();
        if (spec.type() == ColumnType.CATEGORY) {
            int[] codes = table.categoryCodes().get(spec.name());
            for (int i = 0; i < n; i++) {
                int row = rows == null ? i : rows[i];
                int code = codes[row];
                if (code >= 0 && want[code]) {
                    if (into != null) {
                        into[found] = row;
                    }
                    found++;
                }
            }
        } else {
            int[][] codes = table.multiCodes().get(spec.name());
            for (int i = 0; i < n; i++) {
                int row = rows == null ? i : rows[i];
                for (int code : codes[row]) {
                    if (want[code]) {
                        if (into != null) {
                            into[found] = row;
                        }
                        found++;
                        break;
                    }
                }
            }
        }
        return found;
    }

    private long monthRows(int[] codes, List<String> months) {
        BitSet wanted = new BitSet();
        for (String month : months) {
            wanted.set(Integer.parseInt(month.substring(0, 4)) * 12 + Integer.parseInt(month.substring(5, 7)) - 1);
        }
        long count = 0;
        for (int row : rowIndexes()) {
            if (codes[row] >= 0 && wanted.get(codes[row])) {
                count++;
            }
        }
        return count;
    }

    private int[] matching(String column, String value) {
        ColumnSpec spec = spec(column);
        if (spec.type().isCategorical()) {
            int[] found = new int[size()];
            return java.util.Arrays.copyOf(found, rowsWith(spec, codesOf(spec, List.of(value)), found));
        }
        if (spec.type().isTemporal()) {
            int[] codes = table.monthCodes().get(column);
            var column1 = table.table().dateColumn(column);
            return IntStream.of(rowIndexes()).filter(row -> codes[row] >= 0
                    && column1.getString(row).startsWith(value)).toArray();
        }
        var cells = table.table().column(column);
        return IntStream.of(rowIndexes()).filter(row -> !cells.isMissing(row) && cells.getString(row).equals(value)).toArray();
    }

    /** The codes of the values named directly or through their group. */
    private BitSet codesOf(ColumnSpec spec, List<String> names) {
        BitSet codes = new BitSet();
        for (String name : names) {
            boolean known = false;
            for (int i = 0; i < spec.values().size(); i++) {
                CategoryValue value = spec.values().get(i);
                if (value.value().equals(name) || name.equals(value.group())) {
                    codes.set(i);
                    known = true;
                }
            }
            if (!known) {
                throw new IllegalArgumentException("unknown value '" + name + "' of column '" + spec.name() + "'"
                        + Suggestions.didYouMean(name, spec.valuesAndGroups()) + "; expected one of: "
                        + String.join(", ", spec.valuesAndGroups()));
            }
        }
        return codes;
    }

    private ColumnSpec categorical(String column) {
        ColumnSpec spec = spec(column);
        if (!spec.type().isCategorical()) {
            throw new IllegalArgumentException("column '" + column + "' is " + spec.type().keyword()
                    + "; counting per value needs a category or multi-category column");
        }
        return spec;
    }

    private ColumnSpec spec(String column) {
        return table.schema().column(column).orElseThrow(() -> new IllegalArgumentException(
                "unknown column '" + column + "' of table '" + table.name() + "'"
                        + Suggestions.didYouMean(column, table.schema().columnNames())
                        + "; its columns are " + String.join(", ", table.schema().columnNames())));
    }
}
