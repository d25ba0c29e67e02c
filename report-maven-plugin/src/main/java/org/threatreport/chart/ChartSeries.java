package org.threatreport.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One named series of a chart.
 *
 * @param name        shown in the legend (charts with one series show no legend)
 * @param values      one value per category; {@code null} marks a missing value (nothing is drawn)
 * @param valueLabels the exact strings printed on each point when the chart's value labels are on
 *                    (e.g. "59" or "29.6%"), one per category; may be empty, and then the value itself
 *                    is printed; a {@code null} entry prints nothing for that point
 */
public record ChartSeries(String name, List<Double> values, List<String> valueLabels) {

    public ChartSeries {
        name = name == null ? "" : name;
        if (values == null) {
            throw new IllegalArgumentException("series '" + name + "': values are missing");
        }
        for (Double v : values) {
            if (v != null && !Double.isFinite(v)) {
                throw new IllegalArgumentException("series '" + name + "': value " + v + " is not a finite number");
            }
        }
        // Copies that allow null entries (List.copyOf does not): a null is a missing value.
        values = Collections.unmodifiableList(new ArrayList<>(values));
        valueLabels = valueLabels == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(valueLabels));
        if (!valueLabels.isEmpty() && valueLabels.size() != values.size()) {
            throw new IllegalArgumentException("series '" + name + "': " + valueLabels.size() + " value labels for "
                    + values.size() + " values");
        }
    }

    /** The label printed at point i: its value label, else its value; null for nothing. */
    String labelAt(int i) {
        if (!valueLabels.isEmpty()) {
            return valueLabels.get(i);
        }
        Double v = values.get(i);
        return v == null ? null : Text.number(v);
    }

    /** A series whose value labels are the values themselves. */
    public ChartSeries(String name, List<Double> values) {
        this(name, values, List.of());
    }
}
