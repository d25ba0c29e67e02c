package org.threatreport.aggregate;

import java.util.List;

/**
 * Counts for each pair of values of two category columns: {@code incidents.crossTab("area", "intent")}.
 * Templates read it by value — {@code .count("网站安全", "黑产活动")}, {@code .share(…)},
 * {@code .shareOfRow(…)}, {@code .shareOfColumn(…)} — and list its {@code rows()} and {@code columns()}
 * (each entry counting the rows that hold that value, its total); it has no text of its own.
 */
public final class CrossTab implements NoTextForm {

    private final List<Entry> rows;
    private final List<Entry> columns;
    private final long[][] counts;
    private final long base;
    private final Share template;

    /**
     * @param rows    the first column's entries, in schema order: each counts the rows holding the value
     * @param columns the second column's entries, in schema order
     * @param counts  {@code counts[row][column]}
     * @param base    the rows of the view, the base of {@link #share}
     */
    CrossTab(List<Entry> rows, List<Entry> columns, long[][] counts, long base, Share template) {
        this.rows = List.copyOf(rows);
        this.columns = List.copyOf(columns);
        this.counts = copy(counts);
        this.base = base;
        this.template = template;
    }

    /** The counts, {@code [row][column]} (a copy). */
    public long[][] counts() {
        return copy(counts);
    }

    private static long[][] copy(long[][] counts) {
        long[][] copy = new long[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            copy[r] = counts[r].clone();
        }
        return copy;
    }

    /** The count of row {@code row} and column {@code column}, by position from 0. */
    public long count(int row, int column) {
        return counts[row][column];
    }

    /** The rows holding {@code rowValue} in the first column and {@code columnValue} in the second. */
    public long count(String rowValue, String columnValue) {
        return counts[index(rows, rowValue, "row")][index(columns, columnValue, "column")];
    }

    /** {@link #count(String, String)} as a share of every row of the view. */
    public Share share(String rowValue, String columnValue) {
        return share(count(rowValue, columnValue), base);
    }

    /** {@link #count(String, String)} as a share of the rows holding {@code rowValue}. */
    public Share shareOfRow(String rowValue, String columnValue) {
        return share(count(rowValue, columnValue), rows.get(index(rows, rowValue, "row")).count());
    }

    /** {@link #count(String, String)} as a share of the rows holding {@code columnValue}. */
    public Share shareOfColumn(String rowValue, String columnValue) {
        return share(count(rowValue, columnValue), columns.get(index(columns, columnValue, "column")).count());
    }

    private Share share(long count, long of) {
        return new Share(count, of, Share.DEFAULT_DECIMALS, template.minN(), template.wording());
    }

    /** The first column's values, each with the rows that hold it (its total). */
    public List<Entry> rows() {
        return rows;
    }

    /** The second column's values, each with the rows that hold it. */
    public List<Entry> columns() {
        return columns;
    }

    /** Every row of the view. */
    public long total() {
        return base;
    }

    public List<String> rowLabels() {
        return rows.stream().map(Entry::label).toList();
    }

    public List<String> columnLabels() {
        return columns.stream().map(Entry::label).toList();
    }

    private static int index(List<Entry> entries, String value, String what) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).value().equals(value)) {
                return i;
            }
        }
        List<String> values = entries.stream().map(Entry::value).toList();
        throw new IllegalArgumentException("unknown " + what + " value '" + value + "' of this cross table"
                + org.threatreport.diagnostic.Suggestions.didYouMean(value, values) + "; expected one of: "
                + String.join(", ", values));
    }

    @Override
    public String whatToWrite() {
        String row = rows.isEmpty() ? "a" : rows.get(0).value();
        String column = columns.isEmpty() ? "b" : columns.get(0).value();
        return "a cross table has no text of its own: print one of its numbers, e.g. .count(\"" + row + "\", \""
                + column + "\"), .share(\"" + row + "\", \"" + column + "\"), .total(), or list its .rows() and .columns()";
    }
}
