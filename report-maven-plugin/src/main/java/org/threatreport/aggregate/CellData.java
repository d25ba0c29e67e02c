package org.threatreport.aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.threatreport.aggregate.query.Query;
import org.threatreport.model.Cell;

/**
 * The numbers behind one figure or table cell, computed once and shared by the chart, its alt
 * text, its table and its CSV download, so that all of them agree to the digit.
 *
 * @param categories the labels along the category axis (values, groups, months, years or bins), as tables
 *                   and prose print them
 * @param series     one series; for stacked charts one per value of the stack column; for a comparison of
 *                   years one per year; for a line per value, one per value
 * @param base       the number of rows every share is taken of (for several years or series: of all of them)
 * @param what       the column's display name ("行业")
 * @param axisLabels the category labels on a chart's axis: the same, or shorter ("Sep" for "September")
 * @param valueTitle what a measure cell's values are ("Median of Records" / "Records（中位数）"); empty for counts
 * @param changes    per category, its change from the year before, signed ("+23.1%"), for a table's last
 *                   column; empty when the cell has none
 * @param changeTitle the heading of that column ("Change on 2016")
 * @param note       what the figure or table says of its base under it: "n = 1,938; excluding Unknown (212)";
 *                   empty when it says nothing
 * @param wording    how its numbers print
 * @param binEdges   a histogram's bin edges; empty for other cells
 * @param keys       what each category is in the data (its value, group, month or year), in the order of
 *                   {@code categories}: two categories may share a label, never a key
 * @param queries    the queries the numbers were computed from, in the order they were first asked: the
 *                   notebook of a table counted by an SQL engine shows and runs their SQL
 */
public record CellData(Cell cell, List<String> categories, List<Series> series, long base, String what,
                       List<String> axisLabels, String valueTitle, List<String> changes, String changeTitle,
                       String note, Wording wording, List<BigDecimal> binEdges, List<String> keys,
                       List<Query> queries) {

    /**
     * One series: a count and a share per category; for a measure cell also the measure and the cells it
     * used per category.
     *
     * @param values per category the measure (null where no cell had a value); empty for counts
     * @param n      per category the cells the measure used; empty for counts
     * @param key    what the series is in the data (for stacked charts, the value of the stack column)
     */
    public record Series(String name, List<Long> counts, List<Share> shares, List<BigDecimal> values, List<Long> n,
                         String key) {
        public Series {
            counts = List.copyOf(counts);
            shares = List.copyOf(shares);
            // A measure may be missing (null): no List.copyOf.
            values = Collections.unmodifiableList(new ArrayList<>(values));
            n = List.copyOf(n);
        }

        public Series(String name, List<Long> counts, List<Share> shares) {
            this(name, counts, shares, List.of(), List.of(), name);
        }

        public Series(String name, List<Long> counts, List<Share> shares, String key) {
            this(name, counts, shares, List.of(), List.of(), key);
        }

        public Series(String name, List<Long> counts, List<Share> shares, List<BigDecimal> values, List<Long> n) {
            this(name, counts, shares, values, n, name);
        }

        /** Whether the series holds measures rather than counts. */
        public boolean measured() {
            return !n.isEmpty();
        }
    }

    public CellData {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        axisLabels = List.copyOf(axisLabels);
        changes = List.copyOf(changes);
        binEdges = List.copyOf(binEdges);
        keys = List.copyOf(keys);
        queries = List.copyOf(queries);
        if (keys.size() != categories.size()) {
            throw new IllegalArgumentException("one key per category: " + keys + " for " + categories);
        }
    }

    /** Counts of the report's year, labelled alike on the axis and in the table. */
    public CellData(Cell cell, List<String> categories, List<Series> series, long base, String what) {
        this(cell, categories, series, base, what, categories, "", List.of(), "", "", new Wording(false), List.of(),
                categories, List.of());
    }

    /** The same numbers of a histogram with these bin edges. */
    CellData withBins(List<BigDecimal> edges) {
        return new CellData(cell, categories, series, base, what, axisLabels, valueTitle, changes, changeTitle, note,
                wording, edges, keys, queries);
    }

    /** The same numbers, each category known in the data by its key. */
    CellData withKeys(List<String> keys) {
        return new CellData(cell, categories, series, base, what, axisLabels, valueTitle, changes, changeTitle, note,
                wording, binEdges, keys, queries);
    }

    /** The same numbers, computed by these queries. */
    CellData withQueries(List<Query> asked) {
        return new CellData(cell, categories, series, base, what, axisLabels, valueTitle, changes, changeTitle, note,
                wording, binEdges, keys, asked);
    }

    /** Whether the cell counts nothing: no category, or every count 0. */
    public boolean isEmpty() {
        return categories.isEmpty() || series.stream().allMatch(s -> s.counts().stream().allMatch(c -> c == 0));
    }

    /** Whether the values are measures (a median per category …) rather than counts. */
    public boolean measured() {
        return !series.isEmpty() && series.get(0).measured();
    }

    /** A measure as printed: rounded half-up to at most one decimal, digits grouped; "—" for none. */
    public String measureText(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        return new Measured(value, 1, Measured.DEFAULT, wording, 0, () -> null).toString();
    }

    /** A measure as a CSV file holds it: exact, without grouping. */
    public static String measureRaw(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    /** A count as printed: digits grouped, 1,938. */
    public String countText(long count) {
        return wording.count(count);
    }
}
