package org.threatreport.chart;

import java.awt.Font;
import org.knowm.xchart.style.CategoryStyler;

/**
 * Sets the value axis range: from zero for non-negative data, and with room beyond the largest value
 * for its label. XChart ends the axis at the largest value, which would push that label off the plot.
 */
final class ValueRange {

    private static final double GAP = 6;

    private ValueRange() {
    }

    /** @param length the XChart canvas' extent along the value axis (px) */
    static void apply(ChartLayout layout, CategoryStyler s, Font font, double length) {
        ChartInput input = layout.input();
        double[] range = range(input);
        double min = range[0];
        double max = range[1];
        if (input.valueMax() > 0) {
            s.setYAxisMin(Math.min(0, min));
            s.setYAxisMax(Math.max(input.valueMax(), max)); // shares rounded to one decimal can add up to 100.1
            return;
        }
        if (min >= 0) {
            s.setYAxisMin(0.0);
            if (max <= 0) {
                s.setYAxisMax(1.0); // all zero or missing: XChart needs a non-empty range
                return;
            }
        } else if (max <= 0) {
            s.setYAxisMax(0.0); // bars of negative values hang from zero
        }
        if (!input.valueLabels() || input.kind() == ChartKind.STACKED) {
            return; // stacked labels sit inside their segments
        }
        // Each end with values gets `share` of the final range: range = (max - min) / (1 - sides * share).
        double share = labelShare(layout, font, length);
        int sides = (max > 0 ? 1 : 0) + (min < 0 ? 1 : 0);
        double extra = share * (max - min) / (1 - sides * share);
        if (max > 0) {
            s.setYAxisMax(niceUp(max + extra));
        }
        if (min < 0) {
            s.setYAxisMin(-niceUp(-min + extra));
        }
    }

    /** The share of the value axis' length a value label needs beyond its bar or marker, at most 0.3. */
    private static double labelShare(ChartLayout layout, Font font, double length) {
        ChartInput input = layout.input();
        double text = Text.lineHeight(font);
        double need;
        double available;
        if (layout.horizontal()) {
            need = GAP + widestLabel(input, font);
            available = length - 2 * XCharts.PADDING - (input.valueAxisTitle().isBlank() ? 0 : text + 6);
        } else {
            need = GAP + text + (input.kind() == ChartKind.LINE ? XCharts.MARKER_SIZE / 2.0 : 0);
            available = length - 2 * XCharts.PADDING;
        }
        return Math.min(0.3, need / Math.max(1, available));
    }

    /** Roughly how wide the value axis' tick labels and title are beside upright columns (px). */
    static double axisWidth(ChartInput input, Font font) {
        double[] range = range(input);
        double end = input.valueMax() > 0 ? input.valueMax() : niceUp(Math.max(1, range[1] * 1.3));
        double ticks = Math.max(Text.advance(Text.number(end), font),
                range[0] < 0 ? Text.advance(Text.number(-niceUp(-range[0] * 1.3)), font) : 0);
        return ticks + 6 + (input.valueAxisTitle().isBlank() ? 0 : Text.lineHeight(font) + 6);
    }

    /** The room value labels need past the ends of horizontal bars (px). */
    static double labelRoom(ChartInput input, Font font) {
        return input.valueLabels() && input.kind() != ChartKind.STACKED ? GAP + widestLabel(input, font) : 0;
    }

    /** {min, max} of what the axis must show: the stack totals for stacked bars. */
    static double[] range(ChartInput input) {
        double min = 0;
        double max = 0;
        int n = input.categories().size();
        for (int c = 0; c < n; c++) {
            double pos = 0;
            double neg = 0;
            for (ChartSeries series : input.series()) {
                Double v = series.values().get(c);
                if (v == null) {
                    continue;
                }
                if (input.kind() == ChartKind.STACKED) {
                    pos += Math.max(0, v);
                    neg += Math.min(0, v);
                } else {
                    pos = Math.max(pos, v);
                    neg = Math.min(neg, v);
                }
            }
            max = Math.max(max, pos);
            min = Math.min(min, neg);
        }
        return new double[] {min, max};
    }

    private static double widestLabel(ChartInput input, Font font) {
        double w = 0;
        for (ChartSeries series : input.series()) {
            for (int i = 0; i < series.values().size(); i++) {
                w = Math.max(w, Text.advance(series.labelAt(i), font));
            }
        }
        return w;
    }

    /** Rounds up to two significant digits: a readable axis end without doubling the range. */
    static double niceUp(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)) - 1);
        return Math.ceil(x / p - 1e-9) * p;
    }
}
