package org.threatreport.chart;

import java.awt.Font;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a chart is laid out before XChart draws it, from text measurements alone (cheap enough for
 * {@code site:check}): which way its bars run, its size, its category labels (upright, wrapped, turned
 * or shortened), its legend — or why it cannot be drawn.
 *
 * <p>Category labels never take room from the plot beyond a fixed share. Under columns they stand
 * upright on one line, else wrapped on up to three, else turned; when even turned they would not fit,
 * columns become horizontal bars. Left of bars they take at most 40 % of the width, wrapped on up to three
 * lines, and a chart whose height is not given grows with its bars; a label longer than that is shortened
 * with an ellipsis (the whole label is the line's SVG title, and the figure's table beside it).
 *
 * @param horizontal   bars run left to right, categories down the left
 * @param categories   per category, the lines its label is shown in (none: not shown)
 * @param turned       labels under columns run bottom to top
 * @param band         px the category labels take beside the plot (left) or under it
 * @param problem      why the chart cannot be drawn legibly, or null
 */
record ChartLayout(ChartInput input, boolean horizontal, int width, int height, Legend legend,
                   List<List<String>> categories, boolean turned, double band, String problem) {

    /** The least a plot may measure across and along (px): less draws no readable marks. */
    static final int MIN_PLOT = 60;
    /** The most of the width a label column left of bars takes. */
    static final double LABEL_COLUMN = 0.4;
    /** The most of the height turned labels under columns take. */
    static final double LABEL_BAND = 0.4;
    static final int MAX_LINES = 3;
    /** Between a label and the plot. */
    static final double GAP = 6;
    private static final int ROW = 32;

    static ChartLayout of(ChartInput input, Font font) {
        Legend legend = Legend.of(input, font);
        int legendHeight = legend == null ? 0 : legend.height();
        if (input.kind().circular()) {
            return circular(input, legend, legendHeight);
        }
        boolean turnable = input.kind() == ChartKind.COLUMN || input.kind() == ChartKind.STACKED;
        if (input.kind() == ChartKind.LINE || (turnable && !input.horizontal())) {
            ChartLayout vertical = vertical(input, font, legend, legendHeight);
            if (vertical != null) {
                return vertical;
            }
        }
        return horizontal(input, font, legend, legendHeight);
    }

    ChartKind kind() {
        return input.kind();
    }

    /** Whether a category's label is shown shorter or broken, so that its whole text goes in a title. */
    boolean partial(int category) {
        List<String> lines = categories.get(category);
        return lines.size() > 1 || (lines.size() == 1 && !lines.get(0).equals(input.categories().get(category)));
    }

    // ---- pies ----------------------------------------------------------------------------------

    private static ChartLayout circular(ChartInput input, Legend legend, int legendHeight) {
        int height = input.height() > 0 ? input.height()
                : (int) Math.round(input.width() >= 600 ? 360 : input.width() * 0.85) + legendHeight;
        double diameter = Math.min(input.width(), height - legendHeight) - 2.0 * XCharts.PADDING;
        String problem = diameter >= MIN_PLOT ? null : "at " + input.width() + " × " + height + " px its "
                + input.kind().name().toLowerCase(Locale.ROOT) + " would be " + Math.max(0, Math.round(diameter))
                + " px across (the legend takes " + legendHeight + " px): make it at least "
                + (MIN_PLOT + 2 * XCharts.PADDING + legendHeight) + " px high and " + (MIN_PLOT + 2 * XCharts.PADDING)
                + " px wide";
        return new ChartLayout(input, false, input.width(), height, legend, List.of(), false, 0, problem);
    }

    // ---- columns and lines ---------------------------------------------------------------------

    /** Columns or lines with their labels under them, or null when the labels cannot go there. */
    private static ChartLayout vertical(ChartInput input, Font font, Legend legend, int legendHeight) {
        int height = input.height() > 0 ? input.height()
                : (input.width() >= 600 ? 400 : Math.max(240, (int) Math.round(input.width() * 0.8))) + legendHeight;
        int n = input.categories().size();
        double lineHeight = Text.lineHeight(font);
        double plotWidth = input.width() - 2.0 * XCharts.PADDING - ValueRange.axisWidth(input, font);
        double slot = plotWidth * XCharts.contentSize(input.kind()) / n;
        double room = height - legendHeight - 2.0 * XCharts.PADDING - GAP - MIN_PLOT;
        double lineWidth = slot - 4;
        // A line's categories are an axis (months): every k-th label on one line reads better than all wrapped.
        int every = input.kind() == ChartKind.LINE ? 1 : Integer.MAX_VALUE;
        for (; every <= 4 && lineHeight <= room; every++) {
            if (widest(input.categories(), font) <= slot * every - 4) {
                List<List<String>> shown = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    shown.add(i % every == 0 ? List.of(input.categories().get(i)) : List.of());
                }
                return new ChartLayout(input, false, input.width(), height, legend, shown, false, lineHeight, null);
            }
        }
        // Upright on one line, or wrapped on up to three without cutting a word.
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 0;
        for (String label : input.categories()) {
            if (widestPiece(label, font) > lineWidth) {
                wrapped = null;
                break;
            }
            List<String> l = Lines.wrap(label, lineWidth, Integer.MAX_VALUE, font);
            lines = Math.max(lines, l.size());
            wrapped.add(l);
        }
        if (wrapped != null && lines <= MAX_LINES && lines * lineHeight <= room) {
            return new ChartLayout(input, false, input.width(), height, legend, wrapped, false, lines * lineHeight,
                    null);
        }
        // Turned, whole.
        double longest = input.categories().stream().mapToDouble(c -> Text.advance(c, font)).max().orElse(0);
        double band = Math.min(LABEL_BAND * (height - legendHeight), room);
        if (slot >= lineHeight + 2 && longest <= band) {
            List<List<String>> whole = input.categories().stream().map(List::of).toList();
            return new ChartLayout(input, false, input.width(), height, legend, whole, true, longest, null);
        }
        if (input.kind() != ChartKind.LINE) {
            return null; // columns that cannot carry their labels become bars
        }
        // A line's categories are an axis (months): shorten them, and show every k-th if they are crowded.
        int step = (int) Math.ceil((lineHeight + 2) / slot);
        List<List<String>> shown = new ArrayList<>();
        double used = 0;
        for (int i = 0; i < n; i++) {
            if (i % step != 0) {
                shown.add(List.of());
                continue;
            }
            String s = Lines.shorten(input.categories().get(i), Math.max(band, 0), font);
            used = Math.max(used, Text.advance(s, font));
            shown.add(List.of(s));
        }
        String problem = band >= lineHeight ? null : "its category labels leave no room for the plot at "
                + input.width() + " × " + height + " px: make it taller (height: "
                + (int) Math.ceil(height - room + MIN_PLOT + 3 * lineHeight) + " or more)";
        return new ChartLayout(input, false, input.width(), height, legend, shown, true, used, problem);
    }

    // ---- bars ----------------------------------------------------------------------------------

    private static ChartLayout horizontal(ChartInput input, Font font, Legend legend, int legendHeight) {
        int n = input.categories().size();
        double lineHeight = Text.lineHeight(font);
        double column = LABEL_COLUMN * input.width();
        double axis = 50 + (input.valueAxisTitle().isBlank() ? 0 : Math.ceil(lineHeight) + 6);
        int needed = 1;
        for (String label : input.categories()) {
            needed = Math.max(needed, Math.min(MAX_LINES, Lines.wrap(label, column, Integer.MAX_VALUE, font).size()));
        }
        int height;
        if (input.height() > 0) {
            height = input.height();
        } else {
            int row = (int) Math.max(ROW, Math.ceil(needed * lineHeight + 10));
            height = (int) Math.max(200, axis + (double) n * row) + legendHeight;
        }
        double slot = (height - legendHeight - axis) / n;
        int maxLines = (int) Math.max(1, Math.min(MAX_LINES, Math.floor((slot - 4) / lineHeight)));
        List<List<String>> lines = new ArrayList<>();
        double widest = 0;
        for (String label : input.categories()) {
            List<String> l = Lines.wrap(label, column, maxLines, font);
            widest = Math.max(widest, Lines.widest(l, font));
            lines.add(l);
        }
        String problem = null;
        int least = (int) Math.ceil(axis + n * (lineHeight + 2) + legendHeight);
        if (slot < lineHeight + 2) {
            problem = "its " + n + " bars need at least " + least + " px of height, and 'height: " + height
                    + "' leaves " + Math.max(0, Math.round(slot)) + " px a bar: remove 'height' (the chart then grows"
                    + " with its bars) or make it " + least + " or more";
        } else if (input.width() - widest - GAP - 2.0 * XCharts.PADDING - ValueRange.labelRoom(input, font) < MIN_PLOT) {
            problem = "at " + input.width() + " px wide its labels leave no room for the bars: make it wider (width: "
                    + (int) Math.ceil((MIN_PLOT + 2.0 * XCharts.PADDING + GAP + ValueRange.labelRoom(input, font))
                    / (1 - LABEL_COLUMN)) + " or more)";
        }
        return new ChartLayout(input, true, input.width(), height, legend, lines, false, widest + GAP, problem);
    }

    private static double widest(List<String> labels, Font font) {
        return labels.stream().mapToDouble(l -> Text.advance(l, font)).max().orElse(0);
    }

    /** The widest stretch of a label no line may break (a word; a single character in Chinese). */
    private static double widestPiece(String label, Font font) {
        BreakIterator breaks = BreakIterator.getLineInstance(Locale.ROOT);
        breaks.setText(label);
        double w = 0;
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            w = Math.max(w, Text.advance(label.substring(start, end).strip(), font));
        }
        return w;
    }
}
