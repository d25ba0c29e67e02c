package org.threatreport.chart;

import java.awt.Font;
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
 * Draws one chart: XChart paints into a {@link Recorder}, then its marks become a {@link Scene} —
 * glyph outlines become real text, tagged bars and markers get their exact value labels, and the
 * legend is added. One instance per drawing.
 */
final class SceneBuilder {

    private final ChartInput input;
    private final ChartTheme theme;
    private final Font font;
    private final double digitHeight;
    private final double middleToBaseline;
    private final List<Scene.Op> ops = new ArrayList<>();
    /** Per XChart series (per slice for pies): the bounds of its bars, markers or label, in order. */
    private final List<List<Rectangle2D>> anchors = new ArrayList<>();
    private final Set<String> tickTexts = new LinkedHashSet<>(); // insertion order: deterministic
    /** Tick labels, aligned as a column or row once all are known. */
    private final List<Scene.Label> xTicks = new ArrayList<>();
    private final List<Scene.Label> yTicks = new ArrayList<>();
    private final List<Rectangle2D> yTickBoxes = new ArrayList<>();
    private Plan plan;
    private Tags tags;
    private TextMatcher matcher;

    SceneBuilder(ChartInput input, ChartTheme theme, Font font) {
        this.input = input;
        this.theme = theme;
        this.font = font;
        this.digitHeight = Text.digitHeight(font);
        this.middleToBaseline = Text.middleToBaseline(font);
    }

    Scene build() {
        Legend legend = Legend.of(input, theme, font);
        plan = Plan.of(input, input.height() - (legend == null ? 0 : legend.height()));
        tags = new Tags(plan, theme);
        matcher = new TextMatcher(font);
        for (int i = 0; i < tags.series.length; i++) {
            anchors.add(new ArrayList<>());
        }
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
            if (input.valueLabels()) {
                valueLabels();
            }
        }
        if (legend != null) {
            legend.paint(ops, input, theme, font);
        }
        return new Scene(input.width(), input.height(), theme.background(), List.copyOf(ops));
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
                ops.add(new Scene.Paint(mark.shape(), mark.color(), mark.stroke(), mark.clip()));
            }
            return;
        }
        if (tag.role == Tag.Role.SERIES) {
            ops.add(new Scene.Paint(mark.shape(), tag.real(), mark.stroke(), mark.clip()));
            if (mark.isFill()) {
                anchors.get(tag.index).add(mark.shape().getBounds2D());
            }
            return;
        }
        TextMatcher.Found found = mark.isFill() ? matcher.match(mark.shape(), candidates(tag.role)) : null;
        if (found == null) {
            // Not text we know: keep it as drawn, so nothing is ever lost.
            ops.add(new Scene.Paint(mark.shape(), tag.real(), mark.stroke(), mark.clip()));
        } else if (tag.role == Tag.Role.SLICE_LABEL) {
            anchors.get(Integer.parseInt(found.text())).add(mark.shape().getBounds2D());
        } else if (tag.role == Tag.Role.X_TICK) {
            xTicks.add(text(found, tag.role, mark.shape().getBounds2D()));
        } else if (tag.role == Tag.Role.Y_TICK) {
            yTicks.add(text(found, tag.role, mark.shape().getBounds2D()));
            yTickBoxes.add(mark.shape().getBounds2D());
        } else {
            ops.add(text(found, tag.role, mark.shape().getBounds2D()));
        }
    }

    /**
     * XChart aligns tick labels by their ink (so "金融" and "政府部门" get different baselines) and
     * left-aligns value ticks; set category labels on one baseline and value ticks flush to the axis.
     */
    private void alignTicks() {
        if (plan.horizontal()) {
            double right = xTicks.stream().mapToDouble(Scene.Label::x).max().orElse(0);
            xTicks.forEach(l -> ops.add(moved(l, right, l.y())));
            double top = yTickBoxes.stream().mapToDouble(Rectangle2D::getMinY).min().orElse(0);
            yTicks.forEach(l -> ops.add(moved(l, l.x(), top + digitHeight)));
        } else {
            // Upright labels share the lowest baseline; turned ones (all at -90°) end nearest the axis.
            double baseline = xTicks.stream().mapToDouble(Scene.Label::y).max().orElse(0);
            double end = xTicks.stream().mapToDouble(Scene.Label::y).min().orElse(0);
            xTicks.forEach(l -> ops.add(moved(l, l.x(), l.rotation() == 0 ? baseline : end)));
            double right = yTicks.stream().mapToDouble(Scene.Label::x).max().orElse(0);
            yTicks.forEach(l -> ops.add(moved(l, right, l.y())));
        }
    }

    private static Scene.Label moved(Scene.Label l, double x, double y) {
        return new Scene.Label(l.text(), x, y, l.anchor(), l.rotation(), l.color());
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
            case X_TICK -> plan.categories();
            case Y_TICK -> tickTexts;
            case AXIS_TITLE -> List.of(input.valueAxisTitle());
            case SLICE_LABEL -> sliceNames();
            case SERIES -> List.of();
        };
    }

    private List<String> sliceNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < plan.categories().size(); i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    /**
     * Real text where XChart drew the outline. Without a reflection the outline's transform gives the
     * exact baseline and direction; the anchor is made explicit (centred category labels, right-aligned
     * ticks) so that a browser's slightly different font stays aligned. Turned (horizontal-bar) charts
     * reflect the text, so it is set upright within the outline's bounds instead.
     */
    private Scene.Label text(TextMatcher.Found found, Tag.Role role, Rectangle2D box) {
        String s = found.text();
        AffineTransform t = found.transform();
        double degrees = Math.round(Math.toDegrees(Math.atan2(t.getShearY(), t.getScaleX())) * 100) / 100.0;
        Scene.Anchor anchor = switch (role) {
            case Y_TICK -> plan.horizontal() ? Scene.Anchor.MIDDLE : Scene.Anchor.END;
            // Turned category labels end at their tick.
            case X_TICK -> plan.horizontal() || degrees != 0 ? Scene.Anchor.END : Scene.Anchor.MIDDLE;
            default -> Scene.Anchor.MIDDLE;
        };
        if (t.getDeterminant() > 0) {
            double along = Text.advance(s, font) * switch (anchor) {
                case START -> 0;
                case MIDDLE -> 0.5;
                case END -> 1;
            };
            Point2D p = t.transform(new Point2D.Double(along, 0), null);
            return new Scene.Label(s, p.getX(), p.getY(), anchor, degrees, theme.text());
        }
        double middle = box.getCenterY() + middleToBaseline;
        return switch (role) {
            case X_TICK -> new Scene.Label(s, box.getMaxX(), middle, anchor, 0, theme.text());
            case Y_TICK -> new Scene.Label(s, box.getCenterX(), box.getMinY() + digitHeight, anchor, 0, theme.text());
            default -> new Scene.Label(s, box.getCenterX(), middle, anchor, 0, theme.text());
        };
    }

    private void valueLabels() {
        ValueLabels labels = new ValueLabels(plan, theme, font, ops);
        for (int j = 0; j < anchors.size(); j++) {
            labels.place(j, anchors.get(j));
        }
    }
}
