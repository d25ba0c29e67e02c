package org.threatreport.aggregate;

import java.util.List;
import org.threatreport.model.Cell;

/**
 * The numbers behind one figure or table cell, computed once and shared by the chart, its alt
 * text, its table and its CSV download, so that all of them agree to the digit.
 *
 * @param categories the labels along the category axis (values, groups or months)
 * @param series     one series, or for stacked charts one per value of the stack column
 * @param base       the number of rows every share is taken of
 * @param what       the column's display name ("行业")
 * @param keys       what each category is in the data (its value, group or month), in the order of
 *                   {@code categories}: two categories may share a label, never a key
 */
public record CellData(Cell cell, List<String> categories, List<Series> series, long base, String what,
                       List<String> keys) {

    /**
     * One series: a count and a share per category.
     *
     * @param key what the series is in the data (for stacked charts, the value of the stack column)
     */
    public record Series(String name, List<Long> counts, List<Share> shares, String key) {
        public Series {
            counts = List.copyOf(counts);
            shares = List.copyOf(shares);
        }

        public Series(String name, List<Long> counts, List<Share> shares) {
            this(name, counts, shares, name);
        }
    }

    public CellData {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        keys = List.copyOf(keys);
        if (keys.size() != categories.size()) {
            throw new IllegalArgumentException("one key per category: " + keys + " for " + categories);
        }
    }

    /** Numbers whose categories are known by their labels alone (each label a key). */
    public CellData(Cell cell, List<String> categories, List<Series> series, long base, String what) {
        this(cell, categories, series, base, what, categories);
    }

    public boolean isEmpty() {
        return series.stream().allMatch(s -> s.counts().stream().allMatch(c -> c == 0));
    }
}
