package org.threatreport.chart;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The font chosen for chart labels.
 *
 * @param font      the font to measure and draw with (any size; the drawer derives the theme's size)
 * @param cssFamily its family name as browsers know it, first in the SVG's font-family list
 * @param source    where it came from, for messages: a file path, "installed font X" or "bundled font X …"
 * @param file      the font file it was read from; empty for an installed font, whose file Java does not tell
 */
public record ChartFont(java.awt.Font font, String cssFamily, String source, Optional<Path> file) {

    public ChartFont {
        Objects.requireNonNull(font, "font");
        Objects.requireNonNull(cssFamily, "cssFamily");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
    }

    /** An installed font, known by its family. */
    public ChartFont(java.awt.Font font, String cssFamily, String source) {
        this(font, cssFamily, source, Optional.empty());
    }
}
