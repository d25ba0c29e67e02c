package org.threatreport.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;

/**
 * One fill or stroke XChart made, in output coordinates (CSS px).
 *
 * @param shape  the outline, already transformed to the output
 * @param color  the colour XChart set (possibly a {@link Tag})
 * @param stroke the line style for strokes; null for fills
 * @param clip   the clip's bounds in output coordinates; null when unclipped
 */
record Mark(Shape shape, Color color, BasicStroke stroke, Rectangle2D clip) {

    boolean isFill() {
        return stroke == null;
    }

    Tag tag() {
        return color instanceof Tag t ? t : null;
    }
}
