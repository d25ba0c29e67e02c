package org.threatreport.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One column of a schema.
 *
 * @param labels    display names by language ("zh", "en")
 * @param values    for category columns, the allowed values in display order; else empty
 * @param separator for multi-category columns, what separates the values of one cell
 * @param partial   for date and year-month columns: a cell may also give only the year and month
 *                  ({@code 2017-03}) or only the year ({@code 2017})
 */
public record ColumnSpec(String name, ColumnType type, Map<String, String> labels, boolean required,
                         List<CategoryValue> values, String separator, boolean partial) {

    public ColumnSpec {
        labels = Map.copyOf(labels);
        values = List.copyOf(values);
    }

    public ColumnSpec(String name, ColumnType type, Map<String, String> labels, boolean required,
                      List<CategoryValue> values, String separator) {
        this(name, type, labels, required, values, separator, false);
    }

    /** Whether cells are numbers that can be summed and summarised: integer and decimal columns. */
    public boolean isNumeric() {
        return type == ColumnType.INTEGER || type == ColumnType.DECIMAL;
    }

    /** Whether filters may take ranges of this column: numbers and dates. */
    public boolean isOrdered() {
        return isNumeric() || type.isTemporal();
    }

    /** The column's display name in {@code language} ("zh-CN" → "zh"), falling back to its name. */
    public String label(String language) {
        String key = language.length() >= 2 ? language.substring(0, 2) : language;
        return labels.getOrDefault(key, labels.getOrDefault("en", name));
    }

    public Optional<CategoryValue> value(String value) {
        return values.stream().filter(v -> v.value().equals(value)).findFirst();
    }

    public int indexOf(String value) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).value().equals(value)) {
                return i;
            }
        }
        return -1;
    }

    /** The groups of this column's values, in the order they first appear. */
    public List<String> groups() {
        Map<String, Boolean> groups = new LinkedHashMap<>();
        values.stream().filter(v -> v.group() != null).forEach(v -> groups.put(v.group(), true));
        return new ArrayList<>(groups.keySet());
    }

    /** Every spelling a filter may use: values and groups. */
    public List<String> valuesAndGroups() {
        List<String> all = new ArrayList<>(values.stream().map(CategoryValue::value).toList());
        groups().stream().filter(g -> !all.contains(g)).forEach(all::add);
        return all;
    }
}
