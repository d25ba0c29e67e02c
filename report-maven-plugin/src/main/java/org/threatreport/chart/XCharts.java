package org.threatreport.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.PieSeries.PieSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler.TextAlignment;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.PieStyler;
import org.knowm.xchart.style.PieStyler.ClockwiseDirectionType;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Builds the XChart chart for a {@link Plan}: one look for every kind, colours as {@link Tag}s.
 *
 * <p>Title and legend are off (captions are HTML; the legend is drawn by {@link Legend} so that it
 * looks the same for every kind, turned bars included); XChart's value labels are off because they can
 * only print numbers — {@link SceneBuilder} prints the exact label strings at the tagged bars and markers.
 */
final class XCharts {

    static final int PADDING = 8;
    static final int MARKER_SIZE = 7;

    private XCharts() {
    }

    /** A fresh chart; XChart charts are mutable and single-threaded, so one per drawing. */
    static Chart<?, ?> build(Plan plan, ChartTheme theme, Font font, Tags tags, Function<Double, String> ticks) {
        return plan.kind().circular() ? pie(plan, theme, font, tags) : category(plan, theme, font, tags, ticks);
    }

    private static CategoryChart category(Plan plan, ChartTheme theme, Font font, Tags tags,
                                          Function<Double, String> ticks) {
        CategoryChart chart = new CategoryChart(plan.canvasWidth(), plan.canvasHeight());
        CategoryStyler s = chart.getStyler();
        common(s, theme);
        s.setDefaultSeriesRenderStyle(plan.kind() == ChartKind.LINE ? CategorySeriesRenderStyle.Line
                : CategorySeriesRenderStyle.Bar);
        s.setStacked(plan.kind() == ChartKind.STACKED);
        // Lines share their category's centre; grouped bars sit side by side.
        s.setOverlapped(plan.kind() == ChartKind.LINE);
        s.setAvailableSpaceFill(plan.kind() == ChartKind.STACKED || plan.series().size() == 1 ? 0.6 : 0.8);
        s.setLabelsVisible(false);
        // Below 1 so that the axis' end ticks ("0") keep their labels.
        s.setPlotContentSize(contentSize(plan.kind()));
        s.setPlotMargin(0);
        axes(plan, s, theme, font, tags, ticks);
        s.setSeriesColors(tags.series);
        BasicStroke line = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        s.setSeriesLines(repeat(line, tags.series.length, BasicStroke[]::new));
        s.setSeriesMarkers(repeat(SeriesMarkers.CIRCLE, tags.series.length, Marker[]::new));
        s.setMarkerSize(MARKER_SIZE);
        chart.setYAxisTitle(plan.input().valueAxisTitle());
        ValueRange.apply(plan.layout(), s, font, plan.canvasHeight());
        for (int i = 0; i < plan.series().size(); i++) {
            // Internal names: XChart keys series by name, and the legend is drawn elsewhere.
            chart.addSeries("s" + i, plan.categories(), plan.series().get(i).values());
        }
        return chart;
    }

    /**
     * Light value grid only, no tick marks or axis lines; text in the tag colours. The category axis'
     * labels are left out: the drawer sets them beside the plot itself (wrapped, turned or shortened).
     */
    private static void axes(Plan plan, CategoryStyler s, ChartTheme theme, Font font, Tags tags,
                             Function<Double, String> ticks) {
        s.setAxisTickLabelsFont(font);
        s.setAxisTitleFont(font);
        s.setAxisTickLabelsColor(tags.yTick);
        s.setYAxisTickLabelsColor(tags.yTick);
        s.setYAxisTitleColor(tags.title);
        s.setXAxisTitleVisible(false);
        s.setXAxisTicksVisible(false);
        s.setYAxisTitleVisible(!plan.input().valueAxisTitle().isBlank());
        s.setAxisTitlePadding(6);
        s.setAxisTickPadding(6);
        s.setAxisTicksMarksVisible(false);
        s.setAxisTicksLineVisible(false);
        s.setAxisTickMarksColor(theme.grid());
        s.setPlotGridLinesVisible(true);
        s.setPlotGridVerticalLinesVisible(false);
        s.setPlotGridHorizontalLinesVisible(true);
        s.setPlotGridLinesColor(theme.grid());
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setyAxisTickLabelsFormattingFunction(ticks);
        s.setYAxisLabelAlignment(TextAlignment.Right);
    }

    /** The share of the plot's length the categories take (XChart centres them in it). */
    static double contentSize(ChartKind kind) {
        return kind == ChartKind.LINE ? 0.92 : 0.97;
    }

    private static PieChart pie(Plan plan, ChartTheme theme, Font font, Tags tags) {
        PieChart chart = new PieChart(plan.canvasWidth(), plan.canvasHeight());
        PieStyler s = chart.getStyler();
        common(s, theme);
        boolean donut = plan.kind() == ChartKind.DONUT;
        s.setDefaultSeriesRenderStyle(donut ? PieSeriesRenderStyle.Donut : PieSeriesRenderStyle.Pie);
        s.setDonutThickness(0.45);
        s.setCircular(true);
        // XChart 3.8.8 misplaces slice borders when drawing clockwise; counter-clockwise from 12 o'clock
        // (XChart adds 90° to the start angle, measured from 3 o'clock) with the slices added last-first
        // reads clockwise from 12 o'clock in input order.
        s.setStartAngleInDegrees(0);
        s.setClockwiseDirectionType(ClockwiseDirectionType.COUNTER_CLOCKWISE);
        s.setSliceBorderWidth(1.5);
        s.setSumVisible(false);
        s.setPlotContentSize(0.92);
        // The drawer places the slices' labels itself, inside their slice where they fit.
        s.setLabelsVisible(false);
        List<Color> colors = new ArrayList<>();
        List<Double> values = plan.series().get(0).values();
        for (int i = values.size() - 1; i >= 0; i--) {
            Double v = values.get(i);
            if (v != null && v > 0) { // XChart cannot draw empty slices; they have no label either
                chart.addSeries(Integer.toString(i), v);
                colors.add(tags.series[i]);
            }
        }
        if (!colors.isEmpty()) {
            s.setSeriesColors(colors.toArray(Color[]::new));
        }
        return chart;
    }

    private static void common(Styler s, ChartTheme theme) {
        s.setChartTitleVisible(false);
        s.setLegendVisible(false);
        s.setToolTipsEnabled(false);
        s.setAntiAlias(true);
        s.setChartPadding(PADDING);
        s.setChartBackgroundColor(theme.background());
        s.setPlotBackgroundColor(theme.background());
        s.setPlotBorderVisible(false);
        s.setPlotBorderColor(theme.grid());
    }

    private static <T> T[] repeat(T value, int n, IntFunction<T[]> array) {
        T[] a = array.apply(Math.max(1, n));
        Arrays.fill(a, value);
        return a;
    }
}
