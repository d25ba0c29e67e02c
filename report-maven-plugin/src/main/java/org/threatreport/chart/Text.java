package org.threatreport.chart;

import java.awt.Font;
import java.awt.font.LineMetrics;
import java.awt.font.TextLayout;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Text measurement with the fixed render context, and the one number format of chart text. */
final class Text {

    private Text() {
    }

    static double advance(String text, Font font) {
        return text == null || text.isEmpty() ? 0 : new TextLayout(text, font, Recorder.FRC).getAdvance();
    }

    static double lineHeight(Font font) {
        LineMetrics m = font.getLineMetrics("0", Recorder.FRC);
        return m.getAscent() + m.getDescent();
    }

    static double ascent(Font font) {
        return font.getLineMetrics("0", Recorder.FRC).getAscent();
    }

    static double descent(Font font) {
        return font.getLineMetrics("0", Recorder.FRC).getDescent();
    }

    /** How far below a text's visual middle its baseline lies. */
    static double middleToBaseline(Font font) {
        LineMetrics m = font.getLineMetrics("0", Recorder.FRC);
        return (m.getAscent() - m.getDescent()) / 2;
    }

    /** Height of a digit above the baseline, to top-align numbers. */
    static double digitHeight(Font font) {
        return new TextLayout("0", font, Recorder.FRC).getBounds().getHeight();
    }

    /** Tick and default value labels: Locale.ROOT so that no machine prints "1 000,5". */
    static String number(double v) {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String s = f.format(v);
        return s.equals("-0") ? "0" : s;
    }
}
