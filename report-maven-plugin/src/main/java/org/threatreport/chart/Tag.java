package org.threatreport.chart;

import java.awt.Color;

/**
 * A colour handed to XChart that also says what XChart is drawing with it.
 *
 * <p>XChart draws all text as filled glyph outlines and offers no hook for custom value labels, so the
 * drawer gives each role (tick labels, axis title, series i…) its own Tag instance; {@link Recorder}
 * sees the tag on every fill and stroke and {@link SceneBuilder} turns tagged glyph outlines back into
 * real text and tagged bars into label anchors. A Tag paints as its real colour if anything bypasses that.
 */
final class Tag extends Color {

    private static final long serialVersionUID = 1L;

    enum Role { Y_TICK, AXIS_TITLE, SERIES }

    final Role role;
    /** The series (for pies: slice) index for SERIES. */
    final int index;

    Tag(Role role, int index, Color real) {
        super(real.getRed(), real.getGreen(), real.getBlue(), real.getAlpha());
        this.role = role;
        this.index = index;
    }

    /** Plain copy for output, so that tags never leak out of the package. */
    Color real() {
        return new Color(getRed(), getGreen(), getBlue(), getAlpha());
    }

    @Override
    public boolean equals(Object o) {
        // Identity: tags of the same RGB but different roles must never be taken for one another.
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
