package org.threatreport.aggregate;

import java.util.List;

/**
 * Counts for each pair of values of two columns.
 *
 * @param rows    the first column's entries (values and labels), in schema order
 * @param columns the second column's entries, in schema order
 * @param counts  {@code counts[row][column]}
 */
public record CrossTab(List<Entry> rows, List<Entry> columns, long[][] counts) {

    public CrossTab {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        counts = copy(counts);
    }

    @Override
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

    public long count(int row, int column) {
        return counts[row][column];
    }

    public List<String> rowLabels() {
        return rows.stream().map(Entry::label).toList();
    }

    public List<String> columnLabels() {
        return columns.stream().map(Entry::label).toList();
    }
}
