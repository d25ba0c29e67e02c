package org.threatreport.chart;

import java.awt.Color;

/**
 * A colour by its role in the chart, resolved by the theme a drawing is written in: the same layout is
 * written once in the light theme and once in the dark one.
 *
 * @param index   the palette entry, for {@link Role#SERIES} and {@link Role#ON_SERIES}
 * @param literal the colour itself, for {@link Role#LITERAL}
 */
record Ink(Role role, int index, Color literal) {

    enum Role {
        BACKGROUND, TEXT, GRID,
        /** The palette's colour {@code index}. */
        SERIES,
        /** Text on the palette's colour {@code index}: whichever of dark and light reads best on it. */
        ON_SERIES,
        /** A colour XChart chose that the theme does not name. */
        LITERAL
    }

    static final Ink BACKGROUND = new Ink(Role.BACKGROUND, 0, null);
    static final Ink TEXT = new Ink(Role.TEXT, 0, null);
    static final Ink GRID = new Ink(Role.GRID, 0, null);

    static Ink series(int index) {
        return new Ink(Role.SERIES, index, null);
    }

    static Ink onSeries(int index) {
        return new Ink(Role.ON_SERIES, index, null);
    }

    /** The role of a colour XChart drew with, when it is one of the theme's. */
    static Ink of(Color drawn, ChartTheme theme) {
        int rgb = drawn.getRGB();
        if (rgb == theme.background().getRGB()) {
            return BACKGROUND;
        }
        if (rgb == theme.grid().getRGB()) {
            return GRID;
        }
        if (rgb == theme.text().getRGB()) {
            return TEXT;
        }
        return new Ink(Role.LITERAL, 0, new Color(drawn.getRed(), drawn.getGreen(), drawn.getBlue(), drawn.getAlpha()));
    }

    Color in(ChartTheme theme) {
        return switch (role) {
            case BACKGROUND -> theme.background();
            case TEXT -> theme.text();
            case GRID -> theme.grid();
            case SERIES -> theme.color(index);
            case ON_SERIES -> theme.readableOn(theme.color(index));
            case LITERAL -> literal;
        };
    }
}
