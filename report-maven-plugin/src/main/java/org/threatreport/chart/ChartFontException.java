package org.threatreport.chart;

/** No usable font for the chart labels; the message says which labels and how to fix it. */
public final class ChartFontException extends Exception {

    private static final long serialVersionUID = 1L;

    public ChartFontException(String message) {
        super(message);
    }

    public ChartFontException(String message, Throwable cause) {
        super(message, cause);
    }
}
