package org.threatreport.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Places the exact value label strings at the bars, markers and slices XChart drew: past the end of a
 * bar, above a marker, inside a stack segment or slice (in a colour readable on it).
 */
final class ValueLabels {

    private static final double GAP = 5;

    private final Plan plan;
    private final ChartTheme theme;
    private final List<Scene.Op> ops;
    private final double digitHeight;

    ValueLabels(Plan plan, ChartTheme theme, Font font, List<Scene.Op> ops) {
        this.plan = plan;
        this.theme = theme;
        this.ops = ops;
        this.digitHeight = Text.digitHeight(font);
    }

    /**
     * @param index  the XChart series (the slice for pies)
     * @param boxes  its bars or markers in category order, missing values skipped (for pies: its label)
     */
    void place(int index, List<Rectangle2D> boxes) {
        if (plan.kind().circular()) {
            ChartSeries series = plan.series().get(0);
            if (!boxes.isEmpty() && series.labelAt(index) != null) {
                Rectangle2D b = boxes.get(0);
                Color fill = theme.palette().get(index % theme.palette().size());
                label(series.labelAt(index), b.getCenterX(), b.getCenterY() + digitHeight / 2, Scene.Anchor.MIDDLE,
                        readableOn(fill));
            }
            return;
        }
        ChartSeries series = plan.series().get(index);
        int box = 0;
        for (int c = 0; c < series.values().size() && box < boxes.size(); c++) {
            Double v = series.values().get(c);
            if (v == null) {
                continue; // XChart draws nothing for a missing value
            }
            Rectangle2D b = boxes.get(box++);
            String text = series.labelAt(c);
            if (text != null && !text.isEmpty()) {
                at(text, v, b, index);
            }
        }
    }

    private void at(String text, double v, Rectangle2D b, int index) {
        switch (plan.kind()) {
            case BAR -> {
                double y = b.getCenterY() + digitHeight / 2;
                if (v >= 0) {
                    label(text, b.getMaxX() + GAP, y, Scene.Anchor.START, theme.text());
                } else {
                    label(text, b.getMinX() - GAP, y, Scene.Anchor.END, theme.text());
                }
            }
            case STACKED -> {
                // A label taller than its segment would cover the neighbours; the table below has it.
                if (b.getHeight() >= digitHeight + 2) {
                    Color fill = theme.palette().get(plan.origSeries()[index] % theme.palette().size());
                    label(text, b.getCenterX(), b.getCenterY() + digitHeight / 2, Scene.Anchor.MIDDLE, readableOn(fill));
                }
            }
            default -> { // COLUMN and LINE (b is the marker)
                if (v >= 0 || plan.kind() == ChartKind.LINE) {
                    label(text, b.getCenterX(), b.getMinY() - GAP, Scene.Anchor.MIDDLE, theme.text());
                } else {
                    label(text, b.getCenterX(), b.getMaxY() + GAP + digitHeight, Scene.Anchor.MIDDLE, theme.text());
                }
            }
        }
    }

    private void label(String text, double x, double y, Scene.Anchor anchor, Color color) {
        ops.add(new Scene.Label(text, x, y, anchor, 0, color));
    }

    /** The theme's text colour or white, whichever contrasts more with the fill (WCAG contrast ratio). */
    private Color readableOn(Color fill) {
        double f = luminance(fill);
        double dark = contrast(f, luminance(theme.text()));
        double light = contrast(f, 1.0);
        return dark >= light ? theme.text() : Color.WHITE;
    }

    private static double contrast(double a, double b) {
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
