package org.threatreport.chart;

import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Draws one chart: XChart paints the plot into a {@link Recorder}, then its marks become a {@link Scene}
 * — each shape told what it shows, glyph outlines turned back into real text — and the drawer adds what
 * it lays out itself: the category labels beside the plot, the value labels where they can be read, the
 * legend. One instance per drawing.
 */
final class SceneBuilder {

    /** A bar, segment, marker or slice XChart drew, by the input's series (-1 for slices) and category. */
    record Drawn(Shape shape, int series, int category) {
    }

    private final ChartLayout layout;
    private final ChartInput input;
    private final ChartTheme theme;
    private final Font font;
    private final double digitHeight;
    private final double middleToBaseline;
    private final List<Scene.Op> ops = new ArrayList<>();
    private final List<Drawn> drawn = new ArrayList<>();
    private final Set<String> tickTexts = new LinkedHashSet<>(); // insertion order: deterministic
    /** Tick labels, aligned as a column or row once all are known. */
    private final List<Scene.Label> yTicks = new ArrayList<>();
    private final List<Rectangle2D> yTickBoxes = new ArrayList<>();
    private Plan plan;
    private TextMatcher matcher;
    /** Per XChart series, the XChart categories of its values that are not missing, in order. */
    private List<List<Integer>> present;
    /** Per XChart series, how many of its fills were seen. */
    private int[] fills;
    /** The plot's bounds, from the clip XChart draws the series with. */
    private Rectangle2D plot;

    SceneBuilder(ChartLayout layout, ChartTheme theme, Font font) {
        this.layout = layout;
        this.input = layout.input();
        this.theme = theme;
        this.font = font;
        this.digitHeight = Text.digitHeight(font);
        this.middleToBaseline = Text.middleToBaseline(font);
    }

    Scene build() {
        plan = Plan.of(layout);
        Tags tags = new Tags(plan, theme);
        matcher = new TextMatcher(font);
        present = new ArrayList<>();
        for (ChartSeries s : plan.series()) {
            List<Integer> at = new ArrayList<>();
            for (int c = 0; c < s.values().size(); c++) {
                if (s.values().get(c) != null) {
                    at.add(c);
                }
            }
            present.add(at);
        }
        fills = new int[tags.series.length];
        if (hasData()) {
            Chart<?, ?> chart = XCharts.build(plan, theme, font, tags, v -> {
                String s = Text.number(v);
                tickTexts.add(s); // the candidates for the value axis' glyph outlines
                return s;
            });
            Recorder recorder = new Recorder(plan.output());
            chart.paint(recorder, plan.canvasWidth(), plan.canvasHeight());
            recorder.marks().forEach(this::add);
            alignTicks();
            categoryLabels();
        }
        if (layout.legend() != null) {
            layout.legend().paint(ops, layout.width(), layout.height(), font);
        }
        if (input.valueLabels() && hasData()) {
            new ValueLabels(layout, font, ops).place(drawn, plot);
        }
        return new Scene(layout.width(), layout.height(), List.copyOf(ops));
    }

    /** What was drawn for each value, for the drawer's own check that nothing is missing. */
    List<Drawn> drawn() {
        return drawn;
    }

    /** XChart cannot draw a pie without a slice; such a chart is left empty (its legend still says what). */
    private boolean hasData() {
        return !plan.kind().circular()
                || plan.series().get(0).values().stream().anyMatch(v -> v != null && v > 0);
    }

    private void add(Mark mark) {
        Tag tag = mark.tag();
        if (tag == null) {
            if (!invisible(mark)) {
                Ink ink = Ink.of(mark.color(), theme);
                Scene.Part part = ink.role() == Ink.Role.GRID && !mark.isFill() ? Scene.Part.GRID : Scene.Part.OTHER;
                ops.add(new Scene.Paint(mark.shape(), ink, mark.stroke(), mark.clip(), part));
            }
            return;
        }
        if (tag.role == Tag.Role.SERIES) {
            series(mark, tag.index);
            return;
        }
        TextMatcher.Found found = mark.isFill() ? matcher.match(mark.shape(), candidates(tag.role)) : null;
        if (found == null) {
            // Not text we know: keep it as drawn, so nothing is ever lost.
            ops.add(new Scene.Paint(mark.shape(), Ink.TEXT, mark.stroke(), mark.clip(), Scene.Part.OTHER));
        } else if (tag.role == Tag.Role.Y_TICK) {
            yTicks.add(text(found, tag.role, mark.shape().getBounds2D()));
            yTickBoxes.add(mark.shape().getBounds2D());
        } else {
            ops.add(text(found, tag.role, mark.shape().getBounds2D()));
        }
    }

    /** A shape of XChart series (or slice) {@code index}: told which value it shows. */
    private void series(Mark mark, int index) {
        if (plot == null && mark.clip() != null) {
            plot = mark.clip();
        }
        int series;
        int category;
        int colour;
        if (plan.kind().circular()) {
            series = -1;
            category = index;
            colour = index;
        } else {
            series = plan.origSeries()[index];
            colour = series;
            // The k-th fill of a series shows its k-th value that is not missing; a line between markers shows none.
            List<Integer> at = present.get(index);
            category = mark.isFill() && fills[index] < at.size() ? plan.inputCategory(at.get(fills[index]++)) : -1;
        }
        Scene.Part part = new Scene.Part(Scene.Part.Kind.MARK, series, category);
        Rectangle2D b = mark.shape().getBounds2D();
        if (!mark.isFill() || (b.getWidth() > 0 && b.getHeight() > 0)) { // a zero's bar would be an empty path
            ops.add(new Scene.Paint(mark.shape(), Ink.series(colour), mark.stroke(), mark.clip(), part));
        }
        if (mark.isFill()) {
            drawn.add(new Drawn(mark.shape(), series, category));
        }
    }

    /** XChart left-aligns value ticks; set them flush to the axis (a row under horizontal bars). */
    private void alignTicks() {
        if (plan.horizontal()) {
            double top = yTickBoxes.stream().mapToDouble(Rectangle2D::getMinY).min().orElse(0);
            yTicks.forEach(l -> ops.add(l.moved(l.x(), top + digitHeight)));
        } else {
            double right = yTicks.stream().mapToDouble(Scene.Label::x).max().orElse(0);
            yTicks.forEach(l -> ops.add(l.moved(right, l.y())));
        }
    }

    /**
     * The category labels, each centred on its category as XChart spaces them (its share of the plot,
     * centred, in equal steps): left of horizontal bars, ending at the plot; under columns and lines,
     * upright or turned to end at the plot.
     */
    private void categoryLabels() {
        if (plot == null || plan.kind().circular()) {
            return;
        }
        int n = input.categories().size();
        double along = plan.horizontal() ? plot.getHeight() : plot.getWidth();
        double content = along * XCharts.contentSize(plan.kind());
        double step = content / n;
        double start = (plan.horizontal() ? plot.getMinY() : plot.getMinX()) + (along - content) / 2;
        double lineHeight = Text.lineHeight(font);
        double ascent = Text.ascent(font);
        for (int c = 0; c < n; c++) {
            List<String> lines = layout.categories().get(c);
            double centre = start + (c + 0.5) * step;
            String title = layout.partial(c) ? input.categories().get(c) : null;
            Scene.Part part = new Scene.Part(Scene.Part.Kind.CATEGORY, -1, c);
            for (int k = 0; k < lines.size(); k++) {
                Scene.Label label;
                if (plan.horizontal()) {
                    double top = centre - lines.size() * lineHeight / 2;
                    label = new Scene.Label(lines.get(k), plot.getMinX() - ChartLayout.GAP, top + ascent + k * lineHeight,
                            Scene.Anchor.END, 0, Ink.TEXT, part, title);
                } else if (layout.turned()) {
                    label = new Scene.Label(lines.get(k), centre + middleToBaseline, plot.getMaxY() + ChartLayout.GAP,
                            Scene.Anchor.END, -90, Ink.TEXT, part, title);
                } else {
                    label = new Scene.Label(lines.get(k), centre, plot.getMaxY() + ChartLayout.GAP + ascent
                            + k * lineHeight, Scene.Anchor.MIDDLE, 0, Ink.TEXT, part, title);
                }
                ops.add(label);
            }
        }
    }

    /** A fill in the background colour over nothing (XChart's chart and plot backgrounds): leave out. */
    private boolean invisible(Mark mark) {
        if (!mark.isFill() || mark.color().getRGB() != theme.background().getRGB()) {
            return false;
        }
        Rectangle2D b = mark.shape().getBounds2D();
        for (Scene.Op op : ops) {
            if (op instanceof Scene.Paint p && p.shape().getBounds2D().intersects(b)) {
                return false;
            }
        }
        return true;
    }

    private Collection<String> candidates(Tag.Role role) {
        return switch (role) {
            case Y_TICK -> tickTexts;
            case AXIS_TITLE -> List.of(input.valueAxisTitle());
            case SERIES -> List.of();
        };
    }

    /**
     * Real text where XChart drew the outline. Without a reflection the outline's transform gives the
     * exact baseline and direction; the anchor is made explicit (right-aligned ticks, a centred title) so
     * that a browser's slightly different font stays aligned. Turned (horizontal-bar) charts reflect the
     * text, so it is set upright within the outline's bounds instead.
     */
    private Scene.Label text(TextMatcher.Found found, Tag.Role role, Rectangle2D box) {
        String s = found.text();
        Scene.Part part = role == Tag.Role.Y_TICK ? Scene.Part.TICK : Scene.Part.TITLE;
        AffineTransform t = found.transform();
        double degrees = Math.round(Math.toDegrees(Math.atan2(t.getShearY(), t.getScaleX())) * 100) / 100.0;
        Scene.Anchor anchor = role == Tag.Role.Y_TICK && !plan.horizontal() ? Scene.Anchor.END : Scene.Anchor.MIDDLE;
        if (t.getDeterminant() > 0) {
            double shift = Text.advance(s, font) * (anchor == Scene.Anchor.END ? 1 : 0.5);
            Point2D p = t.transform(new Point2D.Double(shift, 0), null);
            return new Scene.Label(s, p.getX(), p.getY(), anchor, degrees, Ink.TEXT, part, null);
        }
        if (role == Tag.Role.Y_TICK) {
            return new Scene.Label(s, box.getCenterX(), box.getMinY() + digitHeight, anchor, 0, Ink.TEXT, part, null);
        }
        return new Scene.Label(s, box.getCenterX(), box.getCenterY() + middleToBaseline, anchor, 0, Ink.TEXT, part, null);
    }
}
