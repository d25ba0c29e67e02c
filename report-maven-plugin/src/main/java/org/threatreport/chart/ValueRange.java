package org.threatreport.chart;

import java.awt.Font;
import java.util.List;
import org.knowm.xchart.style.CategoryStyler;

/**
 * Sets the value axis range: from zero for non-negative data, and with room beyond the largest value
 * for its label. XChart ends the axis at the largest value, which would push that label off the plot.
 */
final class ValueRange {

    private static final double GAP = 6;

    private ValueRange() {
    }

    static void apply(Plan plan, CategoryStyler s, Font font) {
        double[] range = range(plan);
        double min = range[0];
        double max = range[1];
        if (min >= 0) {
            s.setYAxisMin(0.0);
            if (max <= 0) {
                s.setYAxisMax(1.0); // all zero or missing: XChart needs a non-empty range
                return;
            }
        } else if (max <= 0) {
            s.setYAxisMax(0.0); // bars of negative values hang from zero
        }
        if (!plan.input().valueLabels() || plan.kind() == ChartKind.STACKED) {
            return; // stacked labels sit inside their segments
        }
        // Each end with values gets `share` of the final range: range = (max - min) / (1 - sides * share).
        double share = labelShare(plan, font);
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
    private static double labelShare(Plan plan, Font font) {
        double text = Text.lineHeight(font);
        double need;
        double available;
        if (plan.horizontal()) {
            need = GAP + widestLabel(plan, font);
            available = plan.canvasHeight() - 2 * XCharts.PADDING - widest(plan.categories(), font) - 12
                    - (plan.input().valueAxisTitle().isBlank() ? 0 : text + 6);
        } else {
            need = GAP + text + (plan.kind() == ChartKind.LINE ? XCharts.MARKER_SIZE / 2.0 : 0);
            available = plan.canvasHeight() - 2 * XCharts.PADDING - text - 12;
        }
        return Math.min(0.3, need / Math.max(1, available));
    }

    /** {min, max} of what the axis must show: the stack totals for stacked bars. */
    private static double[] range(Plan plan) {
        double min = 0;
        double max = 0;
        int n = plan.categories().size();
        for (int c = 0; c < n; c++) {
            double pos = 0;
            double neg = 0;
            for (ChartSeries series : plan.series()) {
                Double v = series.values().get(c);
                if (v == null) {
                    continue;
                }
                if (plan.kind() == ChartKind.STACKED) {
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

    private static double widestLabel(Plan plan, Font font) {
        double w = 0;
        for (ChartSeries series : plan.series()) {
            for (int i = 0; i < series.values().size(); i++) {
                w = Math.max(w, Text.advance(series.labelAt(i), font));
            }
        }
        return w;
    }

    private static double widest(List<String> texts, Font font) {
        double w = 0;
        for (String t : texts) {
            w = Math.max(w, Text.advance(t, font));
        }
        return w;
    }

    /** Rounds up to two significant digits: a readable axis end without doubling the range. */
    static double niceUp(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)) - 1);
        return Math.ceil(x / p - 1e-9) * p;
    }
}
