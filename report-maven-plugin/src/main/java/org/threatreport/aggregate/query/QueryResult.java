package org.threatreport.aggregate.query;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an executor returns for a {@link Query}: the base and one row per key.
 *
 * @param base the rows the period, the filter and the exclusions select: the base of every share of the
 *             result (a multi-category row counts once)
 * @param rows one per key of the groupings, in their order (for two groupings, every key of the second
 *             for the first key of the first, and so on); exactly one row, with an empty key, when the
 *             query has no grouping
 */
public record QueryResult(Query query, long base, List<Row> rows) {

    /**
     * The numbers of one key.
     *
     * @param key   one text per grouping (see {@link Grouping} for each kind's keys)
     * @param count the rows of the key (for no grouping: the base)
     * @param n     the cells the measure used: for {@link Measure.Count} the count, otherwise the rows of the
     *              key whose measured cell is not empty
     * @param value the measure; null for {@link Measure.Count} and when {@code n} is 0
     */
    public record Row(List<String> key, long count, long n, BigDecimal value) {
        public Row {
            key = List.copyOf(key);
        }
    }

    public QueryResult {
        rows = List.copyOf(rows);
    }

    /** The one row of a query without grouping. */
    public Row single() {
        if (rows.size() != 1 || !rows.get(0).key().isEmpty()) {
            throw new IllegalStateException("a grouped result has no single row: " + query);
        }
        return rows.get(0);
    }
}
