package org.threatreport.model;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A figure or table cell of a chapter, parsed and validated against the data.
 *
 * @param label    its number as readers see it: "图 3", "表 1"
 * @param chart    for figures, the chart kind; null for tables
 * @param stack    for stacked charts, the second column
 * @param groups   count the column's value groups instead of its values
 * @param bySchema order entries as the schema lists them instead of by count
 * @param top      keep this many entries and fold the rest (0: keep all)
 * @param where    filters, applied together
 * @param percent  draw shares instead of counts (of each column, for stacked charts)
 * @param caption  as written: may hold {@code ${…}}, filled in when the chapter renders
 * @param alt      as written, or empty (generated from the numbers)
 * @param width    in CSS pixels (0: the default for the chart kind)
 * @param line     the line of the cell's opening fence in {@code file}
 * @param numbers  the years, measure, bins, exclusions and bases of the numbers
 * @param note     a line printed under the figure or table, as written (may hold {@code ${…}}); or empty
 * @param places   where caption, alt and note stand in {@code file}, for their mistakes
 */
public record Cell(CellKind kind, String id, String label, ChartType chart, String table, String column,
                   String stack, boolean groups, boolean bySchema, int top, List<Condition> where,
                   boolean percent, boolean valueLabels, String caption, String alt, int width, int height,
                   Path file, int line, Numbers numbers, String note, Places places) {

    /**
     * What a cell's numbers are made of besides its column and filters.
     *
     * @param firstYear the first year counted, 0 for the report's year (every row of a table without dates)
     * @param lastYear  the last year counted, 0 for the report's year
     * @param per       for a date column: {@code month} or {@code year}; null to choose (months of one year,
     *                  else years)
     * @param measure   {@code count}, {@code sum}, {@code mean}, {@code median}, {@code min}, {@code max} or
     *                  {@code p<percent>} ({@code p90})
     * @param value     the number column measured, or null for counts
     * @param binEdges  a histogram's bins as given, or empty to choose them
     * @param bins      a histogram's number of bins as given, 0 to choose
     * @param logScale  a histogram's bins in powers of ten
     * @param exclude   values of {@code column} left out of the counts and the base
     * @param minN      the fewest rows a share is printed from; -1 for the report's {@code min-n}
     * @param showBase  print "n = …" under the cell: true, false, or null where rows were left out
     * @param keepZeros keep values that count 0: true, false, or null to keep them unless filtered
     */
    public record Numbers(int firstYear, int lastYear, String per, String measure, String value,
                          List<BigDecimal> binEdges, int bins, boolean logScale, List<String> exclude, int minN,
                          Boolean showBase, Boolean keepZeros) {

        public static final Numbers DEFAULT = new Numbers(0, 0, null, "count", null, List.of(), 0, false, List.of(), -1,
                null, null);

        public Numbers {
            binEdges = List.copyOf(binEdges);
            exclude = List.copyOf(exclude);
        }

        /** Whether the cell counts more than one year. */
        public boolean severalYears() {
            return firstYear != lastYear;
        }

        public boolean isCount() {
            return measure.equals("count");
        }
    }

    /** Lines and columns of the caption's, alt text's and note's values (0 where not written). */
    public record Places(int captionLine, int captionColumn, int altLine, int altColumn, int noteLine, int noteColumn) {
        public static final Places NONE = new Places(0, 0, 0, 0, 0, 0);
    }

    public Cell {
        where = List.copyOf(where);
    }

    /** The same cell with its caption, alt text and note as rendered (their {@code ${…}} filled in). */
    public Cell withTexts(String newCaption, String newAlt, String newNote) {
        return new Cell(kind, id, label, chart, table, column, stack, groups, bySchema, top, where, percent,
                valueLabels, newCaption, newAlt, width, height, file, line, numbers, newNote, places);
    }

    /** Whether a text of the cell computes values, {@code ${…}} (or holds other template syntax). */
    public static boolean isTemplate(String text) {
        return text.contains("${") || text.contains("<#") || text.contains("<@");
    }

    /** A cell of the report's year counting its column, with one-value filters (column → value or group). */
    public Cell(CellKind kind, String id, String label, ChartType chart, String table, String column,
                String stack, boolean groups, boolean bySchema, int top, Map<String, String> where,
                boolean percent, boolean valueLabels, String caption, String alt, int width, int height,
                Path file, int line) {
        this(kind, id, label, chart, table, column, stack, groups, bySchema, top,
                where.entrySet().stream().map(e -> Condition.of(e.getKey(), e.getValue())).toList(), percent,
                valueLabels, caption, alt, width, height, file, line, Numbers.DEFAULT, "", Places.NONE);
    }
}
