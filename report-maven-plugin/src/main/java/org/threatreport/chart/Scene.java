package org.threatreport.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * A finished chart as shapes and real text in CSS px, written out by {@link SvgWriter} and {@link PngWriter}.
 *
 * @param ops in painting order
 */
record Scene(int width, int height, Color background, List<Op> ops) {

    enum Anchor { START, MIDDLE, END }

    sealed interface Op permits Paint, Label {
    }

    /**
     * A filled (stroke == null) or stroked shape.
     *
     * @param clip bounds the shape must be cut to, or null
     */
    record Paint(Shape shape, Color color, BasicStroke stroke, Rectangle2D clip) implements Op {
    }

    /**
     * A line of text.
     *
     * @param x        the anchor point
     * @param y        the baseline
     * @param rotation degrees clockwise about (x, y)
     */
    record Label(String text, double x, double y, Anchor anchor, double rotation, Color color) implements Op {
    }
}
