package org.threatreport.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The look shared by every chart of a build.
 *
 * @param palette    series colours in order (slices of a pie), reused cyclically
 * @param fontSize   label size in CSS px
 * @param text       colour of labels and axis titles
 * @param grid       colour of grid and axis lines
 * @param background colour behind the chart
 */
public record ChartTheme(List<Color> palette, float fontSize, Color text, Color grid, Color background) {

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

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
        List<Color> palette = d.palette();
        String raw = p.getProperty("palette");
        if (raw != null) {
            palette = new ArrayList<>();
            for (String part : raw.split(",", -1)) {
                palette.add(color("palette", part.trim(), raw));
            }
        }
        float fontSize = d.fontSize();
        String size = p.getProperty("fontSize");
        if (size != null) {
            fontSize = fontSize(size);
        }
        return new ChartTheme(palette, fontSize, colorKey(p, "text", d.text()), colorKey(p, "grid", d.grid()),
                colorKey(p, "background", d.background()));
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

    private static Color rgb(int rgb) {
        return new Color(rgb);
    }
}
