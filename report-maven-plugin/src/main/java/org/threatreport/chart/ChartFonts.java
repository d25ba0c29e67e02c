package org.threatreport.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Chooses the font chart labels are measured and drawn with, in this order: the configured font
 * file, the first font file of the site template's {@code fonts/}, an installed font that draws
 * every label, and last the font bundled with the plugin (Noto Sans SC cut down to GB 2312 and
 * common punctuation), so that a machine without a CJK font still draws Chinese labels. Installed
 * fonts come before the bundled one so that a machine that has them draws exactly as before.
 */
public final class ChartFonts {

    /**
     * Installed families tried first, in this order, so that every chart of a report (with or without
     * Chinese labels) gets the same look; CJK families first because the reports are largely Chinese.
     */
    static final List<String> PREFERRED = List.of(
            "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
            "WenQuanYi Zen Hei", "Droid Sans Fallback", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
            "SimHei", "AR PL UMing CN", "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica");

    /** Java's logical fonts map to different physical fonts per machine: never deterministic, never chosen. */
    private static final Set<String> LOGICAL = Set.of("dialog", "dialoginput", "serif", "sansserif", "monospaced");

    private static final int NAMED_LABELS = 10;

    /** The bundled font's resource (beside this class) and its family name, as browsers know it too. */
    static final String BUNDLED_RESOURCE = "NotoSansSC-Subset.ttf";
    static final String BUNDLED_FAMILY = "Noto Sans SC";

    static final String FIXES = "Fix one of: install a CJK font (Debian/Ubuntu: `apt-get install fonts-wqy-microhei`), "
            + "put a .ttf/.otf/.ttc font in site-template/fonts/, "
            + "or set -Dreport.chartFont=<font file> (<chartFont> in the POM).";

    private ChartFonts() {
    }

    /**
     * Picks the font for chart labels: the configured font file (may be null), else the first
     * .ttf/.otf/.ttc (by file name) in templateFontsDir (may be null or missing), else an installed font
     * that can display every label, else the bundled font when it can display every label.
     *
     * @throws ChartFontException when the chosen file cannot be read, or no font can display every label;
     *                            the message names the file or the labels and the fixes
     */
    public static ChartFont choose(Path configuredFont, Path templateFontsDir, Collection<String> labels)
            throws ChartFontException {
        return choose(configuredFont, templateFontsDir, labels, ChartFonts::candidates);
    }

    /**
     * {@link #choose(Path, Path, Collection)} with the installed families to try given, in order:
     * tests hide installed fonts with it, to choose as a machine without them would.
     */
    static ChartFont choose(Path configuredFont, Path templateFontsDir, Collection<String> labels,
                            Supplier<List<String>> installedFamilies) throws ChartFontException {
        List<String> texts = new ArrayList<>(new LinkedHashSet<>(labels == null ? List.of() : labels));
        texts.removeIf(Objects::isNull);
        if (configuredFont != null) {
            return checked(load(configuredFont, "configured chart font"), texts);
        }
        Path template = firstFontFile(templateFontsDir);
        if (template != null) {
            return checked(load(template, "template font"), texts);
        }
        return installedOrBundled(texts, installedFamilies.get());
    }

    private static ChartFont checked(ChartFont font, List<String> labels) throws ChartFontException {
        List<String> missing = undrawable(font.font(), labels);
        if (!missing.isEmpty()) {
            throw new ChartFontException("The chart font " + font.source() + " cannot draw "
                    + describe(missing) + ". " + FIXES);
        }
        return font;
    }

    private static ChartFont load(Path file, String what) throws ChartFontException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ChartFontException("The " + what + " " + file + " does not exist or cannot be read. " + FIXES);
        }
        try {
            // createFonts reads .ttc collections too; the first face is the collection's main one.
            Font font = Font.createFonts(file.toFile())[0];
            return new ChartFont(font, font.getFamily(Locale.ENGLISH), file.toString(), java.util.Optional.of(file));
        } catch (FontFormatException | IOException | RuntimeException e) {
            throw new ChartFontException("The " + what + " " + file + " is not a usable TrueType/OpenType font ("
                    + e.getMessage() + "). " + FIXES, e);
        }
    }

    private static Path firstFontFile(Path dir) throws ChartFontException {
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        List<Path> fonts = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.isRegularFile(f) && (name.endsWith(".ttf") || name.endsWith(".otf") || name.endsWith(".ttc"))) {
                    fonts.add(f);
                }
            }
        } catch (IOException e) {
            throw new ChartFontException("Cannot list the template fonts in " + dir + ": " + e.getMessage(), e);
        }
        // Directory order differs between file systems: sort by name for the same choice everywhere.
        fonts.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return fonts.isEmpty() ? null : fonts.get(0);
    }

    private static ChartFont installedOrBundled(List<String> labels, List<String> families)
            throws ChartFontException {
        for (String family : families) {
            Font font = new Font(family, Font.PLAIN, 12);
            if (undrawable(font, labels).isEmpty()) {
                return new ChartFont(font, family, "installed font " + family);
            }
        }
        Font bundled = Bundled.FONT;
        if (bundled != null && undrawable(bundled, labels).isEmpty()) {
            return new ChartFont(bundled, BUNDLED_FAMILY, "bundled font " + BUNDLED_FAMILY + " (GB 2312 subset)");
        }
        List<String> missing = new ArrayList<>(labels);
        missing.removeIf(l -> drawableByAny(l, families, bundled));
        if (missing.isEmpty()) {
            missing = labels; // each label is drawable by some font, but no single font draws them all
        }
        throw new ChartFontException("No installed font, nor the bundled " + BUNDLED_FAMILY + " (GB 2312 and common"
                + " punctuation only), can draw " + describe(missing) + ". " + FIXES);
    }

    private static boolean drawableByAny(String label, List<String> families, Font bundled) {
        if (bundled != null && undrawable(bundled, List.of(label)).isEmpty()) {
            return true;
        }
        for (String family : families) {
            if (undrawable(new Font(family, Font.PLAIN, 12), List.of(label)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The bytes of the bundled font file when {@code font} is the bundled font, for documents that embed
     * it (the PDF); empty for any other font.
     */
    public static java.util.Optional<byte[]> bundledFile(ChartFont font) {
        if (font.file().isPresent() || font.font() != Bundled.FONT) {
            return java.util.Optional.empty();
        }
        try (InputStream in = ChartFonts.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            return in == null ? java.util.Optional.empty() : java.util.Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The font bundled with the plugin, read once when first needed (a machine with a suitable
     * installed font never reads it); null only if the plugin's jar is damaged.
     */
    private static final class Bundled {

        static final Font FONT = read();

        private static Font read() {
            try (InputStream in = ChartFonts.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                return in == null ? null : Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (FontFormatException | IOException e) {
                return null;
            }
        }
    }

    /**
     * The installed physical families in the order fonts are chosen: preferred ones first, then the
     * rest alphabetically (never hash or install order).
     */
    public static List<String> candidates() {
        String[] all = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ENGLISH);
        Set<String> available = new LinkedHashSet<>(Arrays.asList(all));
        List<String> ordered = new ArrayList<>();
        for (String f : PREFERRED) {
            if (available.contains(f)) {
                ordered.add(f);
            }
        }
        List<String> rest = new ArrayList<>(available);
        rest.removeAll(ordered);
        rest.removeIf(f -> LOGICAL.contains(f.toLowerCase(Locale.ROOT)));
        rest.sort(String::compareTo);
        ordered.addAll(rest);
        return ordered;
    }

    /** Labels with a character the font has no glyph for; control characters are never drawn, so ignored. */
    static List<String> undrawable(Font font, Collection<String> labels) {
        List<String> missing = new ArrayList<>();
        for (String label : labels) {
            if (label != null && font.canDisplayUpTo(printable(label)) != -1) {
                missing.add(label);
            }
        }
        return missing;
    }

    private static String printable(String label) {
        StringBuilder b = new StringBuilder(label.length());
        label.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String describe(List<String> labels) {
        StringBuilder b = new StringBuilder(labels.size() == 1 ? "the label " : "these labels: ");
        for (int i = 0; i < Math.min(NAMED_LABELS, labels.size()); i++) {
            b.append(i == 0 ? "" : ", ").append('"').append(escape(labels.get(i))).append('"');
        }
        if (labels.size() > NAMED_LABELS) {
            b.append(" and ").append(labels.size() - NAMED_LABELS).append(" more");
        }
        return b.toString();
    }

    /** Shows invisible or unassigned characters as U+XXXX so the reader can find them. */
    private static String escape(String label) {
        StringBuilder b = new StringBuilder();
        label.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || type == Character.FORMAT) {
                b.append(String.format(Locale.ROOT, "U+%04X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
