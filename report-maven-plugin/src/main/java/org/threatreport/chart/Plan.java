package org.threatreport.chart;

import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The input as XChart is asked to draw it: on a canvas without the category labels and the legend,
 * which the drawer sets itself beside it.
 *
 * <p>XChart 3.8.8 has no horizontal bars, so they are drawn as columns on a canvas of swapped size and
 * reflected onto the output (x' = band + canvasHeight - y, y' = canvasWidth - x): the category axis lands
 * on the left, right of the label band, and values grow to the right. The reflection also reverses the
 * order along the category axis, so categories and side-by-side series are handed to XChart reversed to
 * read top-down in input order (stacked series keep their order: the first sits at the axis).
 *
 * @param categories   the categories in XChart's order
 * @param series       the series in XChart's order, values and labels in XChart's category order
 * @param origSeries   for each XChart series, its index in the input (its palette colour)
 * @param canvasWidth  XChart's canvas
 * @param canvasHeight XChart's canvas
 * @param output       maps XChart's canvas onto the output
 */
record Plan(ChartLayout layout, List<String> categories, List<ChartSeries> series, int[] origSeries,
            int canvasWidth, int canvasHeight, AffineTransform output) {

    static Plan of(ChartLayout layout) {
        ChartInput input = layout.input();
        int n = input.series().size();
        int[] orig = new int[n];
        int plotHeight = layout.height() - (layout.legend() == null ? 0 : layout.legend().height());
        if (!layout.horizontal()) {
            for (int i = 0; i < n; i++) {
                orig[i] = i;
            }
            int below = layout.band() > 0 ? (int) Math.ceil(layout.band() + ChartLayout.GAP - XCharts.PADDING) : 0;
            return new Plan(layout, input.categories(), input.series(), orig, input.width(), plotHeight - below,
                    new AffineTransform());
        }
        List<ChartSeries> series = new ArrayList<>();
        boolean stacked = input.kind() == ChartKind.STACKED;
        for (int i = 0; i < n; i++) {
            orig[i] = stacked ? i : n - 1 - i;
            ChartSeries s = input.series().get(orig[i]);
            series.add(new ChartSeries(s.name(), reversed(s.values()), reversed(s.valueLabels())));
        }
        int band = (int) Math.ceil(layout.band());
        int canvasWidth = plotHeight;
        int canvasHeight = input.width() - band;
        AffineTransform reflect = new AffineTransform(0, -1, -1, 0, band + canvasHeight, canvasWidth);
        return new Plan(layout, reversed(input.categories()), series, orig, canvasWidth, canvasHeight, reflect);
    }

    ChartInput input() {
        return layout.input();
    }

    ChartKind kind() {
        return layout.kind();
    }

    boolean horizontal() {
        return layout.horizontal();
    }

    /** The input's index of XChart's category {@code c}. */
    int inputCategory(int c) {
        return horizontal() ? categories.size() - 1 - c : c;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
