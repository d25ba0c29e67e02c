package org.threatreport.chart;

import java.awt.Font;
import java.util.Objects;

/**
 * Draws charts as SVG and PNG in one look. Thread-safe: it holds only immutable state and every call
 * builds its own XChart chart, so one drawer serves a whole build from several threads.
 */
public final class ChartDrawer {

    private final ChartTheme theme;
    private final ChartFont chartFont;
    private final Font font;

    public ChartDrawer(ChartTheme theme, ChartFont font) {
        this.theme = Objects.requireNonNull(theme, "theme");
        this.chartFont = Objects.requireNonNull(font, "font");
        this.font = font.font().deriveFont(Font.PLAIN, theme.fontSize());
    }

    /** The font the labels are measured and drawn with. */
    public ChartFont font() {
        return chartFont;
    }

    /**
     * The chart laid out once, to be written in either format or both: laying out (XChart's drawing,
     * read back as text and marks) costs as much as writing the SVG and the PNG together.
     */
    public Drawing draw(ChartInput input) {
        return new Drawing(new SceneBuilder(Objects.requireNonNull(input, "input"), theme, font).build());
    }

    /** The chart as SVG 1.1 text (UTF-8 when written out), with real text and a viewBox. */
    public String svg(ChartInput input) {
        return draw(input).svg();
    }

    /** The chart as PNG at twice the input's size. */
    public byte[] png(ChartInput input) {
        return draw(input).png();
    }

    /** One laid-out chart. Each call writes it anew; the drawing itself is immutable. */
    public final class Drawing {

        private final Scene scene;

        private Drawing(Scene scene) {
            this.scene = scene;
        }

        /** The chart as SVG 1.1 text (UTF-8 when written out), with real text and a viewBox. */
        public String svg() {
            return SvgWriter.write(scene, chartFont.cssFamily(), theme.fontSize());
        }

        /** The chart as PNG at twice the input's size. */
        public byte[] png() {
            return PngWriter.write(scene, font);
        }
    }
}
