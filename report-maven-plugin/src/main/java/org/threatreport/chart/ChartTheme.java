package org.threatreport.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The look shared by every chart of a build.
 *
 * @param palette    series colours in order (slices of a pie)
 * @param fontSize   label size in CSS px
 * @param text       colour of labels and axis titles; at least 4.5:1 against the background
 * @param grid       colour of grid and axis lines
 * @param background colour behind the chart
 */
public record ChartTheme(List<Color> palette, float fontSize, Color text, Color grid, Color background) {

    /** WCAG 2's contrast for normal text (1.4.3), which every chart text keeps against what is behind it. */
    public static final double TEXT_CONTRAST = 4.5;
    /** WCAG 2's contrast for graphical objects (1.4.11): a dark theme's marks keep it against the background. */
    static final double MARK_CONTRAST = 3.0;

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    /** The site's dark theme: page background and text. */
    private static final Color DARK_BACKGROUND = rgb(0x0D1117);
    private static final Color DARK_TEXT = rgb(0xE6EDF3);
    private static final Color DARK_GRID = rgb(0x3D444D);

    public ChartTheme {
        if (palette == null || palette.isEmpty() || palette.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a chart theme needs at least one palette colour");
        }
        palette = List.copyOf(palette);
        if (!(fontSize > 0 && fontSize <= 200)) {
            throw new IllegalArgumentException("chart font size " + fontSize + " is outside 0..200 px");
        }
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(background, "background");
    }

    /**
     * The Okabe–Ito colour-blind-safe palette in its published order, with its black moved from first
     * to last (a black first bar would dominate every chart), 13 px dark-grey text, light grid, white.
     */
    public static ChartTheme defaults() {
        List<Color> okabeIto = List.of(rgb(0xE69F00), rgb(0x56B4E9), rgb(0x009E73), rgb(0xF0E442),
                rgb(0x0072B2), rgb(0xD55E00), rgb(0xCC79A7), rgb(0x000000));
        return new ChartTheme(okabeIto, 13f, rgb(0x333333), rgb(0xDDDDDD), rgb(0xFFFFFF));
    }

    /**
     * The defaults overridden by the optional keys {@code palette} (comma-separated #rrggbb),
     * {@code fontSize} (px), {@code text}, {@code grid} and {@code background} (#rrggbb).
     *
     * @throws IllegalArgumentException naming the key and the value when a value cannot be used
     */
    public static ChartTheme fromProperties(Properties p) {
        ChartTheme d = defaults();
        float fontSize = d.fontSize();
        String size = p.getProperty("fontSize");
        if (size != null) {
            fontSize = fontSize(size);
        }
        return checked(new ChartTheme(palette(p, "palette", d.palette()), fontSize, colorKey(p, "text", d.text()),
                colorKey(p, "grid", d.grid()), colorKey(p, "background", d.background())), "");
    }

    /**
     * The dark variant of {@code light} (the charts shown to readers whose system prefers a dark scheme):
     * the keys {@code dark.palette}, {@code dark.text}, {@code dark.grid} and {@code dark.background},
     * by default the site's dark colours and the light palette, each colour too dark to stand out on the
     * dark background (below 3:1) lightened until it does.
     */
    public static ChartTheme darkFromProperties(Properties p, ChartTheme light) {
        Color background = colorKey(p, "dark.background", DARK_BACKGROUND);
        List<Color> lifted = new ArrayList<>();
        for (Color c : light.palette()) {
            lifted.add(standingOut(c, background, lifted, light.palette()));
        }
        return checked(new ChartTheme(palette(p, "dark.palette", lifted), light.fontSize(),
                colorKey(p, "dark.text", DARK_TEXT), colorKey(p, "dark.grid", DARK_GRID), background), "dark.");
    }

    /** The dark variant of the defaults. */
    public static ChartTheme darkDefaults() {
        return darkFromProperties(new Properties(), defaults());
    }

    /** Palette colour i; a palette shorter than the series repeats (figures refuse that, see distinctColours). */
    Color color(int i) {
        return palette.get(Math.floorMod(i, palette.size()));
    }

    /** How many series the palette tells apart. */
    public int distinctColours() {
        return new LinkedHashSet<>(palette).size();
    }

    /** The text colour to write on {@code fill}: the theme's text or background, black or white, whichever contrasts most. */
    Color readableOn(Color fill) {
        Color best = text;
        for (Color c : List.of(background, Color.BLACK, Color.WHITE)) {
            if (contrast(c, fill) > contrast(best, fill)) {
                best = c;
            }
        }
        return best;
    }

    /** WCAG 2 contrast ratio of two colours, 1 to 21. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    /**
     * {@code c} mixed with white in steps of 5 % until it reaches 3:1 against {@code background}, and
     * further while it would equal a colour of the palette or one lifted before it (distinct colours stay
     * distinct).
     */
    private static Color standingOut(Color c, Color background, List<Color> before, List<Color> palette) {
        if (contrast(c, background) >= MARK_CONTRAST) {
            return c;
        }
        Color lifted = c;
        for (int step = 1; step <= 20; step++) {
            double k = step / 20.0;
            lifted = new Color((int) Math.round(c.getRed() + (255 - c.getRed()) * k),
                    (int) Math.round(c.getGreen() + (255 - c.getGreen()) * k),
                    (int) Math.round(c.getBlue() + (255 - c.getBlue()) * k));
            if (contrast(lifted, background) >= MARK_CONTRAST && !before.contains(lifted) && !palette.contains(lifted)) {
                return lifted;
            }
        }
        return lifted;
    }

    /** Chart text must be readable on the chart's background. */
    private static ChartTheme checked(ChartTheme theme, String prefix) {
        double contrast = contrast(theme.text, theme.background);
        if (contrast < TEXT_CONTRAST) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "chart theme keys '%stext' and '%sbackground': %s on %s has a contrast of %.1f:1; chart text needs"
                            + " at least %.1f:1 to be readable", prefix, prefix, hex(theme.text), hex(theme.background),
                    contrast, TEXT_CONTRAST));
        }
        return theme;
    }

    private static List<Color> palette(Properties p, String key, List<Color> fallback) {
        String raw = p.getProperty(key);
        if (raw == null) {
            return fallback;
        }
        List<Color> palette = new ArrayList<>();
        for (String part : raw.split(",", -1)) {
            palette.add(color(key, part.trim(), raw));
        }
        return palette;
    }

    private static float fontSize(String value) {
        try {
            float f = Float.parseFloat(value.trim());
            if (f > 0 && f <= 200) {
                return f;
            }
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new IllegalArgumentException("chart theme key 'fontSize': '" + value
                + "' is not a size in px between 0 and 200 (e.g. 13)");
    }

    private static Color colorKey(Properties p, String key, Color fallback) {
        String value = p.getProperty(key);
        return value == null ? fallback : color(key, value.trim(), value);
    }

    private static Color color(String key, String value, String whole) {
        if (!HEX.matcher(value).matches()) {
            String in = whole.equals(value) ? "" : " (in '" + whole + "')";
            throw new IllegalArgumentException("chart theme key '" + key + "': '" + value + "'" + in
                    + " is not a colour of the form #rrggbb (e.g. #0072b2)");
        }
        return rgb(Integer.parseInt(value.substring(1).toLowerCase(Locale.ROOT), 16));
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xFFFFFF);
    }

    private static Color rgb(int rgb) {
        return new Color(rgb);
    }
}
