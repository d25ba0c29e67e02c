package org.threatreport.aggregate.query;

import java.util.List;

/**
 * Values left out of a query altogether — the rule of leaving "Unknown" out of percentages: the rows
 * holding any of {@code values} in {@code column} (as {@link Filter.In} matches them) leave the selection,
 * so every count, measure and base is of the other rows; and a grouping on {@code column} does not list
 * those values.
 */
public record Exclusion(String column, List<String> values) {
    public Exclusion {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an exclusion from '" + column + "' names at least one value");
        }
    }
}
