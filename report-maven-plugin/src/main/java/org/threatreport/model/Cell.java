package org.threatreport.model;

import java.nio.file.Path;
import java.util.Map;

/**
 * A figure or table cell of a chapter, parsed and validated against the data.
 *
 * @param label   its number as readers see it: "图 3", "表 1"
 * @param chart   for figures, the chart kind; null for tables
 * @param stack   for stacked charts, the second column
 * @param groups  count the column's value groups instead of its values
 * @param bySchema order entries as the schema lists them instead of by count
 * @param top     keep this many entries and fold the rest (0: keep all)
 * @param where   filters, column → value or group, applied in order
 * @param percent draw shares instead of counts
 * @param width   in CSS pixels (0: the default for the chart kind)
 * @param line    the line of the cell's opening fence in {@code file}
 */
public record Cell(CellKind kind, String id, String label, ChartType chart, String table, String column,
                   String stack, boolean groups, boolean bySchema, int top, Map<String, String> where,
                   boolean percent, boolean valueLabels, String caption, String alt, int width, int height,
                   Path file, int line) {

    public Cell {
        where = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(where));
    }
}
