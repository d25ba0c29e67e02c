package org.threatreport.aggregate.query;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a query counts or measures per key. Every key of a grouping is listed in its fixed order, also
 * when no row has it (count 0), except the values an {@link Exclusion} leaves out.
 */
public sealed interface Grouping permits Grouping.Values, Grouping.Groups, Grouping.Months, Grouping.Years,
        Grouping.Bins {

    /** The column grouped on. */
    String column();

    /**
     * Per value of a category or multi-category column, in the codebook's order; key: the value as the
     * CSV holds it. A multi-category row counts once for each value it holds.
     */
    record Values(String column) implements Grouping {
    }

    /**
     * Per group of a category or multi-category column's values, in the order the groups first appear in
     * the codebook; key: the group's name. A row counts once in a group when it holds any of its values.
     */
    record Groups(String column) implements Grouping {
    }

    /**
     * Per month of the query's period (from January of its first year to December of its last; for
     * {@link Period.AllYears}, of the first and last years any row of the whole table has in the column), ascending; key:
     * {@code yyyy-MM}. A row whose month is unknown (a cell holding only a year) is in no month.
     */
    record Months(String column) implements Grouping {
    }

    /**
     * Per year of the query's period (for {@link Period.AllYears}: from the first to the last year any row
     * of the whole table has in the column), ascending; key: {@code yyyy}.
     */
    record Years(String column) implements Grouping {
    }

    /**
     * Per bin of a numeric column: bin {@code i} holds the cells from {@code edges[i]} (included) to
     * {@code edges[i + 1]} (excluded; the last bin includes its upper edge); cells outside every bin are in
     * none. Key: the bin's number, {@code "0"}, {@code "1"}, …
     */
    record Bins(String column, List<BigDecimal> edges) implements Grouping {
        public Bins {
            edges = List.copyOf(edges);
            if (edges.size() < 2) {
                throw new IllegalArgumentException("bins need at least two edges, not " + edges);
            }
            for (int i = 1; i < edges.size(); i++) {
                if (edges.get(i).compareTo(edges.get(i - 1)) <= 0) {
                    throw new IllegalArgumentException("bin edges must rise: " + edges);
                }
            }
        }

        public int count() {
            return edges.size() - 1;
        }
    }
}
