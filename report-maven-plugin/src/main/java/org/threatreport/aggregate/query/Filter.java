package org.threatreport.aggregate.query;

import java.util.List;

/**
 * Which rows of the period a query keeps. An empty cell is no value: it never matches {@link In} or
 * {@link Range}, and so {@link Not} keeps it.
 */
public sealed interface Filter permits Filter.In, Filter.Range, Filter.Not, Filter.And {

    /** Every row. */
    Filter NONE = new And(List.of());

    /**
     * The rows whose {@code column} holds any of {@code values} (OR over the values):
     * <ul>
     *   <li>category: the cell is one of the values, or a value of a group of that name;</li>
     *   <li>multi-category: the cell holds at least one of them (or a value of such a group);</li>
     *   <li>date, year-month, year: each value is a period, {@code yyyy}, {@code yyyy-MM} or
     *       {@code yyyy-MM-dd}, and the cell lies within it — a cell known only to the year lies within
     *       {@code 2017} but not within {@code 2017-03};</li>
     *   <li>integer, decimal: the cell equals the number (written as decimal text, {@code "3.50"} = {@code "3.5"});</li>
     *   <li>boolean: {@code "true"} or {@code "false"}; text: the whole cell, exactly.</li>
     * </ul>
     */
    record In(String column, List<String> values) implements Filter {
        public In {
            values = List.copyOf(values);
        }
    }

    /**
     * The rows whose {@code column} lies from {@code from} to {@code to}, both included; a null bound is
     * open. Only for ordered columns: integer and decimal (bounds are decimal text), date, year-month and
     * year (bounds are periods as in {@link In}: {@code from: 2017-03} starts on 1 March, {@code to: 2017-06}
     * ends on 30 June; a partial cell matches when its whole period lies inside).
     */
    record Range(String column, String from, String to) implements Filter {
        public Range {
            if (from == null && to == null) {
                throw new IllegalArgumentException("a range of '" + column + "' needs 'from', 'to' or both");
            }
        }
    }

    /** Exactly the rows {@code filter} does not keep (also those with an empty cell). */
    record Not(Filter filter) implements Filter {
    }

    /** The rows every filter keeps; no filters: every row. */
    record And(List<Filter> filters) implements Filter {
        public And {
            filters = List.copyOf(filters);
        }
    }

    /** This filter and {@code other}; {@link #NONE} disappears. */
    default Filter and(Filter other) {
        if (other.equals(NONE)) {
            return this;
        }
        if (this.equals(NONE)) {
            return other;
        }
        List<Filter> all = new java.util.ArrayList<>();
        for (Filter f : List.of(this, other)) {
            if (f instanceof And and) {
                all.addAll(and.filters());
            } else {
                all.add(f);
            }
        }
        return new And(all);
    }
}
