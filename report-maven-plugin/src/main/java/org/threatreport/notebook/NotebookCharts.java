package org.threatreport.notebook;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.PieChartBuilder;
import org.knowm.xchart.PieSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.threatreport.aggregate.CellData;
import org.threatreport.model.Cell;
import org.threatreport.model.ChartType;

/**
 * The picture a notebook's chart cell draws, drawn at build time: the notebook stores under each chart
 * cell what its own code draws with XChart — not the report's figure, which is drawn otherwise — so
 * that running the notebook changes nothing.
 *
 * <p>The helpers between the markers are a line-for-line copy of the chart helpers {@link JavaCode}
 * writes into the notebook (its {@code appendCharts}); change both together. A test runs the
 * notebooks with JShell and compares each picture with the stored one, pixel by pixel. {@link Count}
 * stands for the notebook's own {@code Count}, with the same {@code label()}, {@code count()} and
 * {@code percent()}, so the copied lines read the same.
 */
final class NotebookCharts {

    /**
     * A bar, slice or point as the notebook counts it.
     *
     * @param index its place among the cell's categories (or stacks), to find the rows two counts share
     */
    record Count(String label, int count, BigDecimal percent, int index) {
    }

    /** The notebook's font, chosen as its code chooses it, for the characters of its charts. */
    private final Font FONT;
    /** For a stacked chart: how many rows of each category each stack has, by stack then category. */
    private List<List<Long>> crossCounts = List.of();

    /**
     * @param chartFamily     the family of the report's chart font
     * @param chartCharacters every character the notebook's charts draw
     */
    NotebookCharts(String chartFamily, String chartCharacters) {
        this.FONT = fontFor(chartFamily, chartCharacters);
    }

    /**
     * Whether the chart of {@code data} is one drawn here: counts or shares of one series, or a stacked
     * chart. A measure per category or a series per year or value is drawn by the notebook when it runs.
     */
    static boolean draws(CellData data) {
        Cell cell = data.cell();
        return !data.measured() && (cell.chart() == ChartType.STACKED || data.series().size() == 1);
    }

    /** The PNG of the chart the code cell of {@code data} draws, as the kernel shows it. */
    byte[] png(CellData data) {
        Cell cell = data.cell();
        Chart<?, ?> chart;
        if (cell.chart() == ChartType.STACKED) {
            List<Count> categories = new ArrayList<>();
            for (int i = 0; i < data.categories().size(); i++) {
                categories.add(new Count(data.categories().get(i), 0, BigDecimal.ZERO, i));
            }
            List<Count> stacks = new ArrayList<>();
            for (int s = 0; s < data.series().size(); s++) {
                stacks.add(new Count(data.series().get(s).name(), 0, BigDecimal.ZERO, s));
            }
            crossCounts = data.series().stream().map(CellData.Series::counts).toList();
            chart = stackedChart(categories, stacks);
        } else {
            CellData.Series series = data.series().get(0);
            List<Count> counts = new ArrayList<>();
            for (int i = 0; i < data.categories().size(); i++) {
                counts.add(new Count(data.categories().get(i), Math.toIntExact(series.counts().get(i)),
                        series.shares().get(i).percent(), i));
            }
            String axis = cell.percent() ? "percent" : "count";
            chart = switch (cell.chart()) {
                case BAR, COLUMN, HISTOGRAM -> barChart(counts, axis);
                case LINE -> lineChart(counts, axis);
                case PIE -> pieChart(counts);
                case DONUT -> donutChart(counts);
                case STACKED -> throw new IllegalStateException("handled above");
            };
        }
        if (!cell.valueLabels()) {
            // As the cell's code does: var chart = …; chart.getStyler().setLabelsVisible(false);
            if (chart instanceof CategoryChart bars) {
                bars.getStyler().setLabelsVisible(false);
            } else if (chart instanceof PieChart pie) {
                pie.getStyler().setLabelsVisible(false);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** How many rows two counts have in common: a category's rows in a stack. */
    int both(Count a, Count b) {
        return Math.toIntExact(crossCounts.get(b.index()).get(a.index()));
    }

    // ---- the notebook's chart helpers, line for line (JavaCode#appendCharts) ----

    /**
     * The report's chart font where this machine has it; else Java's default font, or an installed font
     * with every character of the text where the default lacks some (Chinese ones, often).
     */
    Font fontFor(String family, String text) {
        Font report = new Font(family, Font.PLAIN, 13);
        if (report.getFamily(Locale.ROOT).equals(family) && report.canDisplayUpTo(text) == -1) {
            return report;
        }
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        if (font.canDisplayUpTo(text) == -1) {
            return font;
        }
        return Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts())
                .filter(f -> f.canDisplayUpTo(text) == -1).findFirst()
                .map(f -> f.deriveFont(Font.PLAIN, 13f)).orElse(font);
    }

    List<String> labels(List<Count> counts) {
        return counts.stream().map(Count::label).toList();
    }

    /** Bars of the counts, or of their shares in % (upright: XChart 3.8 draws no horizontal bars). */
    CategoryChart barChart(List<Count> counts, String axis) {
        CategoryChart chart = new CategoryChartBuilder().width(720).height(400).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(FONT);
        chart.getStyler().setAxisTickLabelsFont(FONT);
        chart.getStyler().setXAxisLabelRotation(counts.size() > 6 ? 90 : 0);
        chart.setYAxisTitle(axis.equals("percent") ? "%" : "");
        chart.addSeries(axis, labels(counts), counts.stream()
                .map(c -> axis.equals("percent") ? c.percent().doubleValue() : c.count()).toList());
        return chart;
    }

    /** A line through the counts, or through their shares in %. */
    CategoryChart lineChart(List<Count> counts, String axis) {
        CategoryChart chart = barChart(counts, axis);
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setXAxisLabelRotation(0);
        return chart;
    }

    /** A pie of the counts; counts of 0 have no slice. */
    PieChart pieChart(List<Count> counts) {
        PieChart chart = new PieChartBuilder().width(720).height(400).build();
        chart.getStyler().setLabelsFont(FONT);
        chart.getStyler().setLegendFont(FONT);
        Set<String> names = new HashSet<>();
        for (Count count : counts) {
            String name = count.label();
            while (!names.add(name)) {
                name = name + " "; // XChart needs distinct names; a repeated label gets a space
            }
            if (count.count() > 0) {
                chart.addSeries(name, count.count());
            }
        }
        return chart;
    }

    /** A pie with a hole. */
    PieChart donutChart(List<Count> counts) {
        PieChart chart = pieChart(counts);
        chart.getStyler().setDefaultSeriesRenderStyle(PieSeries.PieSeriesRenderStyle.Donut);
        chart.getStyler().setDonutThickness(0.45);
        chart.getStyler().setLabelsDistance(0.78);
        return chart;
    }

    /** A bar for each category count, stacked from the rows it has in common with each stack count. */
    CategoryChart stackedChart(List<Count> categories, List<Count> stacks) {
        CategoryChart chart = new CategoryChartBuilder().width(720).height(400).build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setAxisTickLabelsFont(FONT);
        chart.getStyler().setLegendFont(FONT);
        Set<String> names = new HashSet<>();
        for (Count stack : stacks) {
            String name = stack.label();
            while (!names.add(name)) {
                name = name + " "; // XChart needs distinct names; a repeated label gets a space
            }
            chart.addSeries(name, labels(categories), categories.stream().map(c -> both(c, stack)).toList());
        }
        return chart;
    }

    // ---- end of the copy ----
}
