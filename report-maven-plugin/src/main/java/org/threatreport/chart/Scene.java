package org.threatreport.chart;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/**
 * A finished chart as shapes and real text in CSS px, written out by {@link SvgWriter} and {@link PngWriter}.
 * Colours are {@link Ink}s, resolved by the theme a file is written in, so one layout serves the light and
 * the dark variant.
 *
 * @param ops in painting order
 */
record Scene(int width, int height, List<Op> ops) {

    enum Anchor { START, MIDDLE, END }

    sealed interface Op permits Paint, Label {
        Part part();
    }

    /**
     * What a shape or text shows, written as its SVG class ("mark s0 c3", "value s0 c3", "category c3"):
     * a text belongs to the marks whose series and category it names.
     *
     * @param series   the input's series (-1: none)
     * @param category the input's category, or slice (-1: none)
     */
    record Part(Kind kind, int series, int category) {

        enum Kind {
            /** A data shape: bar, stack segment, slice, line, marker. */
            MARK,
            /** A legend swatch. */
            KEY,
            GRID,
            /** A category label. */
            CATEGORY,
            /** A value label. */
            VALUE,
            /** A value-axis tick label. */
            TICK,
            /** The value axis' title. */
            TITLE,
            /** A legend entry's name. */
            LEGEND,
            /** Anything else (slice borders). */
            OTHER
        }

        static final Part OTHER = new Part(Kind.OTHER, -1, -1);
        static final Part GRID = new Part(Kind.GRID, -1, -1);
        static final Part TICK = new Part(Kind.TICK, -1, -1);
        static final Part TITLE = new Part(Kind.TITLE, -1, -1);

        /** The SVG class, empty for {@link Kind#OTHER}. */
        String cssClass() {
            if (kind == Kind.OTHER) {
                return "";
            }
            StringBuilder b = new StringBuilder(kind.name().toLowerCase(Locale.ROOT));
            if (series >= 0) {
                b.append(" s").append(series);
            }
            if (category >= 0) {
                b.append(" c").append(category);
            }
            return b.toString();
        }
    }

    /**
     * A filled (stroke == null) or stroked shape.
     *
     * @param clip bounds the shape must be cut to, or null
     */
    record Paint(Shape shape, Ink ink, BasicStroke stroke, Rectangle2D clip, Part part) implements Op {
    }

    /**
     * A line of text.
     *
     * @param x        the anchor point
     * @param y        the baseline
     * @param rotation degrees clockwise about (x, y)
     * @param title    the whole text when this line shows only part of it (wrapped or shortened), else null
     */
    record Label(String text, double x, double y, Anchor anchor, double rotation, Ink ink, Part part, String title)
            implements Op {

        Label moved(double newX, double newY) {
            return new Label(text, newX, newY, anchor, rotation, ink, part, title);
        }
    }
}
