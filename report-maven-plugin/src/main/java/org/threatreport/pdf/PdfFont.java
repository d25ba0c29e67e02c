package org.threatreport.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.threatreport.chart.ChartFont;
import org.threatreport.chart.ChartFonts;

/**
 * The font the PDF embeds, as a subset of the glyphs it uses: the charts' font (the same choice —
 * {@code report.chartFont}, {@code site-template/fonts/}, an installed font), so the figures' labels
 * and the text match. An installed font is found by its family in the system's font folders. PDFBox
 * can subset only TrueType outlines; when the charts' font has PostScript (CFF) outlines, as Noto
 * Sans CJK has, the PDF takes the first installed TrueType font, in the charts' order of preference,
 * that has every character of the report.
 *
 * @param regular the face of body text and figure labels
 * @param bold    a bold face of the same family, or empty (bold text is then drawn thicker)
 * @param java2d  the regular face as Java2D knows it, to check that it has every character of the text
 * @param note    why this is not the charts' font, or empty
 */
record PdfFont(FontFiles.Face regular, Optional<FontFiles.Face> bold, Font java2d, Optional<String> note) {

    static final String FIXES = "Fix one of: install a TrueType CJK font (Debian/Ubuntu: `apt-get install "
            + "fonts-wqy-microhei`), put a .ttf font in site-template/fonts/, set -Dreport.chartFont=<font file>, "
            + "or leave the PDF out with -Dreport.pdf=false.";

    /** The family the stylesheets name the font by. */
    String family() {
        return regular.family();
    }

    /**
     * The PDF's font for charts drawn with {@code chart}, able to draw every character {@code covers} accepts.
     *
     * @throws IllegalStateException with a message naming the font and the fixes, when no usable font is found
     */
    static PdfFont choose(ChartFont chart, Predicate<Font> covers) {
        chart = withFile(chart);
        List<FontFiles.Face> relatives = chart.file().isPresent()
                ? FontFiles.facesIn(List.of(chart.file().get().toAbsolutePath().getParent()))
                : FontFiles.family(chart.cssFamily(), FontFiles.installedFontDirs());
        Optional<FontFiles.Face> own = chart.file().isPresent()
                ? face(FontFiles.faces(chart.file().get()), chart.cssFamily())
                : face(relatives, chart.cssFamily());
        if (own.isPresent() && !own.get().postScriptOutlines() && covers.test(chart.font())) {
            return new PdfFont(own.get(), bold(relatives, own.get()), chart.font(), Optional.empty());
        }
        String why = own.isEmpty() ? "the file of the charts' font " + chart.source() + " was not found"
                : own.get().postScriptOutlines() ? "the charts' font " + chart.source()
                + " has PostScript (CFF) outlines, which a PDF can embed only whole"
                : "the charts' font " + chart.source() + " lacks characters of the text";
        List<FontFiles.Face> installed = FontFiles.facesIn(FontFiles.installedFontDirs());
        for (String family : ChartFonts.candidates()) {
            Optional<FontFiles.Face> face = face(installed, family).filter(f -> !f.postScriptOutlines());
            if (face.isPresent()) {
                Font java2d = java2d(face.get());
                if (java2d != null && covers.test(java2d)) {
                    return new PdfFont(face.get(), bold(installed, face.get()), java2d,
                            Optional.of(why + "; the PDF uses " + face.get().family() + " (" + face.get().file() + ")"));
                }
            }
        }
        throw new IllegalStateException("No font can be embedded in the PDF: " + why
                + ", and no installed TrueType font has every character of the report. " + FIXES);
    }

    /**
     * The charts' font with a file to embed: the bundled font (a resource of the plugin's jar) is written
     * to a folder of its own, under its own name, for as long as this JVM runs.
     */
    private static ChartFont withFile(ChartFont chart) {
        Optional<byte[]> bundled = ChartFonts.bundledFile(chart);
        if (bundled.isEmpty()) {
            return chart;
        }
        try {
            Path dir = Files.createTempDirectory("threatreport-font");
            Path file = dir.resolve(BUNDLED_FILE);
            Files.write(file, bundled.get());
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return new ChartFont(chart.font(), chart.cssFamily(), chart.source(), Optional.of(file));
        } catch (IOException e) {
            return chart;
        }
    }

    /** The bundled font's file name, as the PDF's id names it: the same on every machine. */
    private static final String BUNDLED_FILE = "NotoSansSC-Subset.ttf";

    /** The regular face of {@code family} (the first face of a file whose family is unknown). */
    private static Optional<FontFiles.Face> face(List<FontFiles.Face> faces, String family) {
        List<FontFiles.Face> named = faces.stream().filter(f -> f.family().equalsIgnoreCase(family)).toList();
        return named.stream().filter(FontFiles.Face::isRegular).findFirst().or(() -> named.stream().findFirst());
    }

    private static Optional<FontFiles.Face> bold(List<FontFiles.Face> faces, FontFiles.Face regular) {
        return faces.stream().filter(f -> f.family().equalsIgnoreCase(regular.family()) && f.isBold()
                && !f.postScriptOutlines()).findFirst();
    }

    /** The face as Java2D knows it, read from its file; null when Java cannot read it. */
    private static Font java2d(FontFiles.Face face) {
        try {
            for (Font font : Font.createFonts(face.file().toFile())) {
                if (font.getPSName().equals(face.postScriptName())) {
                    return font;
                }
            }
            return null;
        } catch (FontFormatException | IOException | RuntimeException e) {
            return null;
        }
    }

    /** The faces loaded into {@code document}, to be subset when it is saved; close after saving. */
    Loaded load(PDDocument document) throws IOException {
        List<Closeable> open = new ArrayList<>();
        try {
            PDFont text = load(document, regular, open);
            PDFont strong = bold.isPresent() ? load(document, bold.get(), open) : null;
            return new Loaded(text, Optional.ofNullable(strong), open);
        } catch (IOException | RuntimeException e) {
            for (Closeable c : open) {
                c.close();
            }
            throw e;
        }
    }

    private static PDFont load(PDDocument document, FontFiles.Face face, List<Closeable> open) throws IOException {
        TrueTypeFont font;
        if (face.file().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(face.file().toFile());
            open.add(collection);
            font = collection.getFontByName(face.postScriptName());
        } else {
            font = new TTFParser().parse(new RandomAccessReadBufferedFile(face.file().toFile()));
            open.add(font);
        }
        if (font == null) {
            throw new IOException("no face " + face.postScriptName() + " in " + face.file());
        }
        return PDType0Font.load(document, font, true);
    }

    /** The fonts in a document being made; the font files stay open until it is saved. */
    record Loaded(PDFont regular, Optional<PDFont> bold, List<Closeable> open) implements Closeable {
        @Override
        public void close() throws IOException {
            for (Closeable c : open) {
                c.close();
            }
        }
    }
}
