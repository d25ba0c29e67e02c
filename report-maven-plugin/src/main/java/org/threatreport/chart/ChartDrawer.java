package org.threatreport.chart;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Draws charts as SVG and PNG in one look, in a light and a dark theme. Thread-safe: it holds only
 * immutable state and every call builds its own XChart chart, so one drawer serves a whole build from
 * several threads.
 */
public final class ChartDrawer {

    private final ChartTheme theme;
    private final ChartTheme dark;
    private final ChartFont chartFont;
    private final Font font;

    /** A drawer whose dark theme is the default one for {@code theme}. */
    public ChartDrawer(ChartTheme theme, ChartFont font) {
        this(theme, ChartTheme.darkFromProperties(new Properties(), theme), font);
    }

    /** @param dark the colours of the dark variant (same palette length) */
    public ChartDrawer(ChartTheme theme, ChartTheme dark, ChartFont font) {
        this.theme = Objects.requireNonNull(theme, "theme");
        this.dark = Objects.requireNonNull(dark, "dark");
        this.chartFont = Objects.requireNonNull(font, "font");
        this.font = font.font().deriveFont(Font.PLAIN, theme.fontSize());
    }

    /** The font the labels are measured and drawn with. */
    public ChartFont font() {
        return chartFont;
    }

    /** That font at the theme's size, as chart text is measured and drawn. */
    public Font labelFont() {
        return font;
    }

    /** How many series the palette tells apart. */
    public int distinctColours() {
        return Math.min(theme.distinctColours(), dark.distinctColours());
    }

    /**
     * Why {@code input} cannot be drawn legibly (too small for its labels and marks), found from text
     * measurements alone, without drawing: what {@link #draw} would refuse.
     */
    public Optional<String> problem(ChartInput input) {
        return Optional.ofNullable(ChartLayout.of(Objects.requireNonNull(input, "input"), font).problem());
    }

    /**
     * The chart laid out once, to be written in either format and theme: laying out (XChart's drawing,
     * read back as text and marks) costs as much as writing the SVG and the PNG together.
     *
     * @throws ChartException when it cannot be drawn legibly, or a value would draw no mark
     */
    public Drawing draw(ChartInput input) {
        ChartLayout layout = ChartLayout.of(Objects.requireNonNull(input, "input"), font);
        if (layout.problem() != null) {
            throw new ChartException(layout.problem());
        }
        SceneBuilder builder = new SceneBuilder(layout, theme, font);
        Scene scene = builder.build();
        checkMarks(input, builder, scene);
        return new Drawing(scene);
    }

    /** The chart as SVG 1.1 text (UTF-8 when written out), with real text and a viewBox. */
    public String svg(ChartInput input) {
        return draw(input).svg();
    }

    /** The chart as PNG at twice the input's size. */
    public byte[] png(ChartInput input) {
        return draw(input).png();
    }

    /** Every value that is not zero or missing drew a mark of some size inside the canvas. */
    private static void checkMarks(ChartInput input, SceneBuilder builder, Scene scene) {
        Rectangle2D canvas = new Rectangle2D.Double(-0.5, -0.5, scene.width() + 1, scene.height() + 1);
        for (int s = 0; s < input.series().size(); s++) {
            for (int c = 0; c < input.categories().size(); c++) {
                Double v = input.series().get(s).values().get(c);
                if (v == null || v == 0 || (input.kind().circular() && v < 0)) {
                    continue;
                }
                int series = input.kind().circular() ? -1 : s;
                int category = c;
                boolean shown = builder.drawn().stream().anyMatch(d -> d.series() == series && d.category() == category
                        && visible(d.shape().getBounds2D(), canvas));
                if (!shown) {
                    throw new ChartException("the value " + Text.number(v) + " of '" + input.categories().get(c) + "'"
                            + (input.series().size() > 1 ? " in '" + input.series().get(s).name() + "'" : "")
                            + " would draw no mark inside the " + scene.width() + " × " + scene.height()
                            + " px chart: make it larger");
                }
            }
        }
    }

    private static boolean visible(Rectangle2D b, Rectangle2D canvas) {
        return (b.getWidth() > 0 || b.getHeight() > 0) && canvas.contains(b);
    }

    /** One laid-out chart. Each call writes it anew; the drawing itself is immutable. */
    public final class Drawing {

        private final Scene scene;

        private Drawing(Scene scene) {
            this.scene = scene;
        }

        /** In CSS px. */
        public int width() {
            return scene.width();
        }

        /** In CSS px: the input's height, or the height the chart needed. */
        public int height() {
            return scene.height();
        }

        /** The chart as SVG 1.1 text (UTF-8 when written out), with real text and a viewBox. */
        public String svg() {
            return SvgWriter.write(scene, theme, chartFont.cssFamily(), theme.fontSize());
        }

        /** The same SVG in the dark theme's colours. */
        public String darkSvg() {
            return SvgWriter.write(scene, dark, chartFont.cssFamily(), theme.fontSize());
        }

        /** The chart as PNG at twice its size. */
        public byte[] png() {
            return PngWriter.write(scene, theme, font);
        }
    }
}
