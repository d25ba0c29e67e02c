package org.threatreport.chart;

/**
 * A chart that cannot be drawn legibly as asked — too small for its labels, or a value that would draw
 * no mark. The message says why and what to change, for the figure's cell to report.
 */
public final class ChartException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ChartException(String message) {
        super(message);
    }
}
