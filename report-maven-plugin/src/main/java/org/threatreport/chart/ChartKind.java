package org.threatreport.chart;

/** The chart shapes the drawer knows. */
public enum ChartKind {
    /** Horizontal bars: categories down the left, values to the right (long labels stay readable). */
    BAR,
    /** Vertical bars. */
    COLUMN,
    /** Stacked vertical bars, one series per stack value. */
    STACKED,
    /** A line per series over the categories (e.g. months). */
    LINE,
    /** A pie of the single series. */
    PIE,
    /** A ring of the single series. */
    DONUT;

    /** Whether this kind draws one slice per category rather than axes. */
    boolean circular() {
        return this == PIE || this == DONUT;
    }
}
