package org.threatreport.aggregate.query;

import java.util.ArrayList;
import java.util.List;

/**
 * What one inline value or cell asks of one table: the rows of a {@link Period}, kept by a {@link Filter}
 * and without the {@link Exclusion}s, grouped by zero, one or two {@link Grouping}s (two: a cross table,
 * the first grouping's keys outermost), with a {@link Measure} per key. Immutable; every {@code with…}
 * method returns a new query. See the package documentation for what an executor returns.
 *
 * @param table      the table's name, as templates and cells use it
 * @param minN       the smallest base a share of the result is printed from (0: any); carried to the
 *                   result's shares, never used to compute
 */
public record Query(String table, Period period, Filter filter, List<Grouping> groupings, Measure measure,
                    List<Exclusion> exclusions, int minN) {

    public Query {
        if (table == null || table.isEmpty()) {
            throw new IllegalArgumentException("a query needs its table");
        }
        java.util.Objects.requireNonNull(period, "period");
        java.util.Objects.requireNonNull(filter, "filter");
        java.util.Objects.requireNonNull(measure, "measure");
        groupings = List.copyOf(groupings);
        exclusions = List.copyOf(exclusions);
        if (groupings.size() > 2) {
            throw new IllegalArgumentException("a query groups by at most two columns, not " + groupings.size());
        }
        if (minN < 0) {
            throw new IllegalArgumentException("min-n is 0 or more, not " + minN);
        }
    }

    /** The number of rows of every year of {@code table}. */
    public static Query of(String table) {
        return new Query(table, Period.all(), Filter.NONE, List.of(), Measure.COUNT, List.of(), 0);
    }

    public Query in(Period newPeriod) {
        return new Query(table, newPeriod, filter, groupings, measure, exclusions, minN);
    }

    /** This query's filter and {@code more}. */
    public Query where(Filter more) {
        return new Query(table, period, filter.and(more), groupings, measure, exclusions, minN);
    }

    public Query withFilter(Filter newFilter) {
        return new Query(table, period, newFilter, groupings, measure, exclusions, minN);
    }

    /** Grouped by {@code grouping} (after the groupings it has). */
    public Query by(Grouping grouping) {
        List<Grouping> all = new ArrayList<>(groupings);
        all.add(grouping);
        return new Query(table, period, filter, all, measure, exclusions, minN);
    }

    public Query ungrouped() {
        return new Query(table, period, filter, List.of(), measure, exclusions, minN);
    }

    public Query measuring(Measure newMeasure) {
        return new Query(table, period, filter, groupings, newMeasure, exclusions, minN);
    }

    public Query excluding(Exclusion exclusion) {
        List<Exclusion> all = new ArrayList<>(exclusions);
        all.add(exclusion);
        return new Query(table, period, filter, groupings, measure, all, minN);
    }

    public Query withMinN(int newMinN) {
        return new Query(table, period, filter, groupings, measure, exclusions, newMinN);
    }
}
