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
 */
public record CellData(Cell cell, List<String> categories, List<Series> series, long base, String what) {

    /** One series: a count and a share per category. */
    public record Series(String name, List<Long> counts, List<Share> shares) {
        public Series {
            counts = List.copyOf(counts);
            shares = List.copyOf(shares);
        }
    }

    public CellData {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }

    public boolean isEmpty() {
        return series.stream().allMatch(s -> s.counts().stream().allMatch(c -> c == 0));
    }
}
