package org.threatreport.model;

import java.util.List;

/**
 * One filter of a cell's {@code where}, as written: {@code area: 网站安全} (a value or group),
 * {@code action: [Hacking, Malware]} (any of them), {@code action: {not: Error}} (none of them), or
 * {@code records: {from: 1000, to: 5000}} (a range of a number or date column, both ends included).
 *
 * @param values  the values (or groups, or periods of a date column) any of which a row must hold; empty for a range
 * @param negated keep the rows holding none of {@code values} instead
 * @param from    a range's lower end, or null
 * @param to      a range's upper end, or null
 */
public record Condition(String column, List<String> values, boolean negated, String from, String to) {

    public Condition {
        values = List.copyOf(values);
    }

    /** The rows whose column holds {@code value}. */
    public static Condition of(String column, String value) {
        return new Condition(column, List.of(value), false, null, null);
    }

    public boolean isRange() {
        return from != null || to != null;
    }

    /** A one-value condition's value (the cells of earlier reports all had one). */
    public boolean isSingleValue() {
        return !negated && !isRange() && values.size() == 1;
    }
}
