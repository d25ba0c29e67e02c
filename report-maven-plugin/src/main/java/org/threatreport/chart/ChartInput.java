package org.threatreport.chart;

import java.util.List;
import java.util.Objects;

/**
 * Everything one chart shows.
 *
 * @param kind           the chart shape
 * @param categories     the category labels, in display order (the slices of a pie or donut)
 * @param series         at least one series with one value per category; exactly one for pie and donut
 * @param valueAxisTitle title of the value axis; empty for none (ignored by pie and donut)
 * @param valueLabels    whether to print each point's value label
 * @param width          in CSS px; the SVG has this size, the PNG twice it
 * @param height         in CSS px; 0 for the height the chart needs (bars: one row each, as many lines as
 *                       their labels need)
 * @param horizontal     draw columns and stacks as horizontal bars, categories down the left (as a narrow
 *                       screen needs them; lines, pies and donuts ignore it); columns also turn when their
 *                       labels do not fit under them
 * @param valueMax       where the value axis ends (100 for shares of each column), or 0 to end it past the
 *                       largest value
 */
public record ChartInput(ChartKind kind, List<String> categories, List<ChartSeries> series,
                         String valueAxisTitle, boolean valueLabels, int width, int height, boolean horizontal,
                         double valueMax) {

    /** The PNG is drawn at twice this in memory (4000 px: 64 MB); no page needs more. */
    static final int MAX_SIZE = 2000;

    public ChartInput {
        Objects.requireNonNull(kind, "kind");
        if (categories == null || categories.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one category");
        }
        if (categories.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a category label is null: " + categories);
        }
        categories = List.copyOf(categories);
        if (series == null || series.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one series");
        }
        series = List.copyOf(series);
        for (ChartSeries s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
        if (kind.circular()) {
            if (series.size() != 1) {
                throw new IllegalArgumentException(kind + " charts take exactly one series, not " + series.size());
            }
            for (Double v : series.get(0).values()) {
                if (v != null && v < 0) {
                    throw new IllegalArgumentException(kind + " charts cannot show the negative value " + v);
                }
            }
        }
        valueAxisTitle = valueAxisTitle == null ? "" : valueAxisTitle;
        if (width <= 0 || height < 0 || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("chart size " + width + "x" + height + " px is outside 1.." + MAX_SIZE);
        }
        if (!(valueMax >= 0) || Double.isInfinite(valueMax)) {
            throw new IllegalArgumentException("the value axis cannot end at " + valueMax);
        }
    }

    /** A chart of the given size, its value axis ending past the largest value, columns upright where they fit. */
    public ChartInput(ChartKind kind, List<String> categories, List<ChartSeries> series, String valueAxisTitle,
                      boolean valueLabels, int width, int height) {
        this(kind, categories, series, valueAxisTitle, valueLabels, width, height, false, 0);
    }

    /** The same chart for a narrow screen: {@code width} wide, as high as it needs, its bars horizontal. */
    public ChartInput narrow(int width) {
        return new ChartInput(kind, categories, series, valueAxisTitle, valueLabels, width, 0, true, valueMax);
    }
}
