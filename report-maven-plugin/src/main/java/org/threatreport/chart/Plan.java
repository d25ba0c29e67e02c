package org.threatreport.chart;

import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The input as XChart is asked to draw it.
 *
 * <p>XChart 3.8.8 has no horizontal bars, so BAR is drawn as columns on a canvas of swapped size and
 * reflected onto the output (x' = canvasHeight - y, y' = canvasWidth - x): the category axis lands on
 * the left and values grow to the right. The reflection also reverses the order along the category axis,
 * so categories and series are handed to XChart reversed to read top-down in input order.
 *
 * @param categories   the categories in XChart's order
 * @param series       the series in XChart's order, values and labels in XChart's category order
 * @param origSeries   for each XChart series, its index in the input (its palette colour)
 * @param canvasWidth  XChart's canvas
 * @param canvasHeight XChart's canvas
 * @param output       maps XChart's canvas onto the output
 */
record Plan(ChartInput input, List<String> categories, List<ChartSeries> series, int[] origSeries,
            int canvasWidth, int canvasHeight, AffineTransform output) {

    static Plan of(ChartInput input, int plotHeight) {
        int n = input.series().size();
        int[] orig = new int[n];
        if (input.kind() != ChartKind.BAR) {
            for (int i = 0; i < n; i++) {
                orig[i] = i;
            }
            return new Plan(input, input.categories(), input.series(), orig, input.width(), plotHeight,
                    new AffineTransform());
        }
        List<ChartSeries> series = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ChartSeries s = input.series().get(n - 1 - i);
            orig[i] = n - 1 - i;
            series.add(new ChartSeries(s.name(), reversed(s.values()), reversed(s.valueLabels())));
        }
        int canvasWidth = plotHeight;
        int canvasHeight = input.width();
        AffineTransform reflect = new AffineTransform(0, -1, -1, 0, canvasHeight, canvasWidth);
        return new Plan(input, reversed(input.categories()), series, orig, canvasWidth, canvasHeight, reflect);
    }

    ChartKind kind() {
        return input.kind();
    }

    boolean horizontal() {
        return input.kind() == ChartKind.BAR;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
