package org.threatreport.chart;

import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Places the exact value label strings at the bars, markers and slices XChart drew — past the end of a
 * bar, above a marker, inside a stack segment or slice — at the first of a few places where the label
 * lies inside the canvas, over no other text, over no mark but its own, and, inside its own mark, wholly
 * inside it (in the colour that reads best on it). A label with no such place is left out: the figure's
 * table has every number.
 */
final class ValueLabels {

    private static final double GAP = 4;
    /** Kept clear around a label's line box. */
    private static final double PAD = 1;

    private record Place(double x, double y, Scene.Anchor anchor, boolean inside) {
    }

    private final ChartLayout layout;
    private final ChartInput input;
    private final Font font;
    private final List<Scene.Op> ops;
    private final double ascent;
    private final double descent;
    private final double middle;
    private final Rectangle2D canvas;
    private final List<Rectangle2D> taken = new ArrayList<>();
    private final List<Scene.Paint> marks = new ArrayList<>();
    private final List<Shape> markAreas = new ArrayList<>();

    ValueLabels(ChartLayout layout, Font font, List<Scene.Op> ops) {
        this.layout = layout;
        this.input = layout.input();
        this.font = font;
        this.ops = ops;
        this.ascent = Text.ascent(font);
        this.descent = Text.descent(font);
        this.middle = Text.middleToBaseline(font);
        this.canvas = new Rectangle2D.Double(0, 0, layout.width(), layout.height());
        for (Scene.Op op : ops) {
            if (op instanceof Scene.Label l) {
                Rectangle2D box = box(l.text(), l.x(), l.y(), l.anchor());
                taken.add(l.rotation() == 0 ? box : AffineTransform.getRotateInstance(Math.toRadians(l.rotation()),
                        l.x(), l.y()).createTransformedShape(box).getBounds2D());
            } else if (op instanceof Scene.Paint p && (p.part().kind() == Scene.Part.Kind.MARK
                    || p.part().kind() == Scene.Part.Kind.KEY)) {
                marks.add(p);
                markAreas.add(p.stroke() == null ? p.shape() : p.stroke().createStrokedShape(p.shape()));
            }
        }
    }

    /** @param plot the plot's bounds (for slices: the pie's) */
    void place(List<SceneBuilder.Drawn> drawn, Rectangle2D plot) {
        if (input.kind().circular()) {
            slices(drawn);
            return;
        }
        for (SceneBuilder.Drawn d : drawn) {
            if (d.category() < 0) {
                continue;
            }
            ChartSeries series = input.series().get(d.series());
            Double v = series.values().get(d.category());
            String text = series.labelAt(d.category());
            if (v == null || text == null || text.isEmpty()) {
                continue;
            }
            put(text, d, places(v, d.shape().getBounds2D()), d.series());
        }
    }

    /** Where a label may go, best first. */
    private List<Place> places(double v, Rectangle2D b) {
        double cx = b.getCenterX();
        double cy = b.getCenterY() + middle;
        if (input.kind() == ChartKind.STACKED) {
            return List.of(new Place(cx, cy, Scene.Anchor.MIDDLE, true));
        }
        if (input.kind() == ChartKind.LINE) {
            return List.of(new Place(cx, b.getMinY() - 2 - descent, Scene.Anchor.MIDDLE, false),
                    new Place(cx, b.getMaxY() + 2 + ascent, Scene.Anchor.MIDDLE, false),
                    new Place(b.getMaxX() + 2, cy, Scene.Anchor.START, false),
                    new Place(b.getMinX() - 2, cy, Scene.Anchor.END, false));
        }
        if (layout.horizontal()) {
            return v >= 0
                    ? List.of(new Place(b.getMaxX() + GAP, cy, Scene.Anchor.START, false),
                            new Place(b.getMaxX() - GAP, cy, Scene.Anchor.END, true))
                    : List.of(new Place(b.getMinX() - GAP, cy, Scene.Anchor.END, false),
                            new Place(b.getMinX() + GAP, cy, Scene.Anchor.START, true));
        }
        return v >= 0
                ? List.of(new Place(cx, b.getMinY() - GAP - descent, Scene.Anchor.MIDDLE, false),
                        new Place(cx, b.getMinY() + GAP + ascent, Scene.Anchor.MIDDLE, true))
                : List.of(new Place(cx, b.getMaxY() + GAP + ascent, Scene.Anchor.MIDDLE, false),
                        new Place(cx, b.getMaxY() - GAP - descent, Scene.Anchor.MIDDLE, true));
    }

    /**
     * Slices: inside, around the middle of the slice's arc, else just outside the pie on the same line
     * from its centre. The middle of the arc is measured on the slice's own shape.
     */
    private void slices(List<SceneBuilder.Drawn> drawn) {
        if (drawn.isEmpty()) {
            return;
        }
        Rectangle2D pie = drawn.get(0).shape().getBounds2D();
        for (SceneBuilder.Drawn d : drawn) {
            pie.add(d.shape().getBounds2D());
        }
        double radius = Math.max(pie.getWidth(), pie.getHeight()) / 2;
        double cx = pie.getCenterX();
        double cy = pie.getCenterY();
        ChartSeries series = input.series().get(0);
        boolean donut = input.kind() == ChartKind.DONUT;
        double[] within = donut ? new double[] {0.775, 0.72, 0.83, 0.66, 0.88} : new double[] {0.62, 0.5, 0.74, 0.38, 0.84};
        for (int c = 0; c < series.values().size(); c++) {
            SceneBuilder.Drawn slice = slice(drawn, c);
            String text = series.labelAt(c);
            if (slice == null || text == null || text.isEmpty()) {
                continue;
            }
            double angle = middleAngle(slice.shape(), cx, cy, radius);
            double sin = Math.sin(angle);
            double cos = Math.cos(angle);
            List<Place> places = new ArrayList<>();
            for (double k : within) {
                places.add(new Place(cx + k * radius * sin, cy - k * radius * cos + middle, Scene.Anchor.MIDDLE, true));
            }
            double ox = cx + (radius + GAP) * sin;
            double oy = cy - (radius + GAP) * cos;
            if (Math.abs(sin) < 0.2) {
                places.add(new Place(ox, cos > 0 ? oy - descent : oy + ascent, Scene.Anchor.MIDDLE, false));
            } else {
                double y = oy + middle + (cos > 0.5 ? -middle : cos < -0.5 ? middle : 0);
                places.add(new Place(ox, y, sin > 0 ? Scene.Anchor.START : Scene.Anchor.END, false));
            }
            put(text, slice, places, c);
        }
    }

    /**
     * The direction (clockwise from 12 o'clock, radians) of the middle of a slice's arc: the mean of the
     * whole degrees whose points at 0.8 of the radius lie in the slice (inside the ring of a donut too).
     */
    private static double middleAngle(Shape slice, double cx, double cy, double radius) {
        double x = 0;
        double y = 0;
        for (int degree = 0; degree < 360; degree++) {
            double a = Math.toRadians(degree + 0.5);
            if (slice.contains(cx + 0.8 * radius * Math.sin(a), cy - 0.8 * radius * Math.cos(a))) {
                x += Math.sin(a);
                y += Math.cos(a);
            }
        }
        return Math.atan2(x, y);
    }

    private static SceneBuilder.Drawn slice(List<SceneBuilder.Drawn> drawn, int category) {
        for (SceneBuilder.Drawn d : drawn) {
            if (d.category() == category) {
                return d;
            }
        }
        return null;
    }

    /**
     * The label at the first place that keeps the rules, if any; a line's label may cross its own line
     * where it can go nowhere else.
     */
    private void put(String text, SceneBuilder.Drawn own, List<Place> places, int colour) {
        for (int pass = 0; pass < (input.kind() == ChartKind.LINE ? 2 : 1); pass++) {
            if (put(text, own, places, colour, pass == 1)) {
                return;
            }
        }
    }

    private boolean put(String text, SceneBuilder.Drawn own, List<Place> places, int colour, boolean acrossOwnLine) {
        for (Place p : places) {
            Rectangle2D box = box(text, p.x, p.y, p.anchor);
            if (fits(box, own, p.inside, acrossOwnLine)) {
                taken.add(box);
                Scene.Part part = new Scene.Part(Scene.Part.Kind.VALUE, own.series(), own.category());
                ops.add(new Scene.Label(text, p.x, p.y, p.anchor, 0, p.inside ? Ink.onSeries(colour) : Ink.TEXT, part,
                        null));
                return true;
            }
        }
        return false;
    }

    private boolean fits(Rectangle2D box, SceneBuilder.Drawn own, boolean inside, boolean acrossOwnLine) {
        if (!canvas.contains(box)) {
            return false;
        }
        if (inside && !own.shape().contains(box)) {
            return false;
        }
        for (Rectangle2D t : taken) {
            if (t.intersects(box)) {
                return false;
            }
        }
        for (int i = 0; i < marks.size(); i++) {
            Scene.Part part = marks.get(i).part();
            boolean ownSeries = part.kind() == Scene.Part.Kind.MARK && part.series() == own.series();
            if (ownSeries && part.category() == own.category() && inside) {
                continue; // the label's own mark, which holds it
            }
            if (ownSeries && part.category() < 0 && acrossOwnLine) {
                continue; // the line through its own marker
            }
            if (markAreas.get(i).intersects(box)) {
                return false;
            }
        }
        return true;
    }

    /** A label's line box (ascent to descent of its font), with a pixel kept clear around it. */
    private Rectangle2D box(String text, double x, double y, Scene.Anchor anchor) {
        double advance = Text.advance(text, font);
        double left = switch (anchor) {
            case START -> x;
            case MIDDLE -> x - advance / 2;
            case END -> x - advance;
        };
        return new Rectangle2D.Double(left - PAD, y - ascent - PAD, advance + 2 * PAD, ascent + descent + 2 * PAD);
    }
}
