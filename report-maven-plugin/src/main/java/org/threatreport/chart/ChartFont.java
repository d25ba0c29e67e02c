package org.threatreport.chart;

import java.util.Objects;

/**
 * The font chosen for chart labels.
 *
 * @param font      the font to measure and draw with (any size; the drawer derives the theme's size)
 * @param cssFamily its family name as browsers know it, first in the SVG's font-family list
 * @param source    where it came from, for messages: a file path, "installed font X" or "bundled font X …"
 */
public record ChartFont(java.awt.Font font, String cssFamily, String source) {

    public ChartFont {
        Objects.requireNonNull(font, "font");
        Objects.requireNonNull(cssFamily, "cssFamily");
        Objects.requireNonNull(source, "source");
    }
}
