package org.threatreport.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.FontHeaders;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * Font files read only as far as their names and outlines: a PDF embeds a file, and Java tells the
 * family of an installed font but not its file, so the installed font folders are searched for it.
 */
final class FontFiles {

    /**
     * One face of a font file (a {@code .ttf} or {@code .otf} holds one, a {@code .ttc} collection several).
     *
     * @param postScriptOutlines CFF outlines ({@code .otf}, Noto Sans CJK): PDFBox can embed only
     *                           TrueType outlines as a subset
     */
    record Face(Path file, String postScriptName, String family, int weight, boolean italic,
                boolean postScriptOutlines) {

        boolean isRegular() {
            return !italic && weight >= 300 && weight <= 500;
        }

        boolean isBold() {
            return !italic && weight >= 600;
        }
    }

    private static final int MAX_DEPTH = 6;

    private FontFiles() {
    }

    /** The faces of a font file; none when it cannot be read as a font. */
    static List<Face> faces(Path file) {
        List<Face> faces = new ArrayList<>();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".ttc")) {
                TrueTypeCollection.processAllFontHeaders(file.toFile(), headers -> add(faces, file, headers));
            } else {
                try (RandomAccessReadBufferedFile in = new RandomAccessReadBufferedFile(file.toFile())) {
                    TTFParser parser = name.endsWith(".otf") ? new OTFParser(true) : new TTFParser(true);
                    add(faces, file, parser.parseTableHeaders(in));
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of(); // not a font this build can use: as if it were not there
        }
        return faces;
    }

    private static void add(List<Face> faces, Path file, FontHeaders headers) {
        if (headers.getError() != null || headers.getFontFamily() == null || headers.getName() == null) {
            return;
        }
        OS2WindowsMetricsTable os2 = headers.getOS2Windows();
        int weight = os2 == null ? 400 : os2.getWeightClass();
        boolean italic = os2 != null && (os2.getFsSelection() & 1) != 0;
        String style = headers.getFontSubFamily() == null ? "" : headers.getFontSubFamily().toLowerCase(Locale.ROOT);
        if (os2 == null) {
            weight = style.contains("bold") ? 700 : 400;
            italic = style.contains("italic") || style.contains("oblique");
        }
        faces.add(new Face(file, headers.getName(), headers.getFontFamily(), weight, italic,
                headers.isOpenTypePostScript()));
    }

    /** The faces of every font file in {@code dirs}, files in path order (never file-system order). */
    static List<Face> facesIn(List<Path> dirs) {
        List<Face> faces = new ArrayList<>();
        for (Path file : fontFilesIn(dirs)) {
            faces.addAll(faces(file));
        }
        return faces;
    }

    /**
     * The faces of {@code family} in the font files of {@code dirs}: those of the folder of the first file
     * that has the family, since a family's faces (regular, bold …) are installed together. Files whose
     * names share a word with the family are read first ({@code wqy-microhei.ttc} for "WenQuanYi Micro
     * Hei", {@code DejaVuSans.ttf} for "DejaVu Sans"), and the search stops at the first that has it:
     * reading the names of every installed font (a dozen CJK collections of ten faces each) costs a fresh
     * JVM half a second.
     */
    static List<Face> family(String family, List<Path> dirs) {
        List<Path> files = new ArrayList<>(fontFilesIn(dirs));
        List<String> words = Stream.of(family.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 3).toList();
        files.sort(Comparator.comparing((Path f) -> {
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
            return words.stream().noneMatch(name::contains);
        }));
        for (Path file : files) {
            if (faces(file).stream().anyMatch(f -> f.family().equalsIgnoreCase(family))) {
                return facesIn(List.of(file.toAbsolutePath().getParent())).stream()
                        .filter(f -> f.family().equalsIgnoreCase(family)).toList();
            }
        }
        return List.of();
    }

    /** Where fonts are installed on Linux, macOS and Windows, for this user and for all. */
    static List<Path> installedFontDirs() {
        List<Path> dirs = new ArrayList<>();
        String home = System.getProperty("user.home", "");
        for (String dir : List.of("/usr/share/fonts", "/usr/local/share/fonts", home + "/.local/share/fonts",
                home + "/.fonts", "/System/Library/Fonts", "/Library/Fonts", home + "/Library/Fonts")) {
            dirs.add(Path.of(dir));
        }
        String windows = System.getenv("WINDIR");
        if (windows != null) {
            dirs.add(Path.of(windows, "Fonts"));
        }
        String local = System.getenv("LOCALAPPDATA");
        if (local != null) {
            dirs.add(Path.of(local, "Microsoft", "Windows", "Fonts"));
        }
        dirs.add(Path.of(System.getProperty("java.home"), "lib", "fonts"));
        return dirs;
    }

    private static List<Path> fontFilesIn(List<Path> dirs) {
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH)) {
                walk.filter(FontFiles::isFontFile).sorted().forEach(files::add);
            } catch (IOException | RuntimeException e) {
                // an unreadable folder holds no font this build can use
            }
        }
        return files;
    }

    private static boolean isFontFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".ttf") || name.endsWith(".otf") || name.endsWith(".ttc")) && Files.isRegularFile(file);
    }
}
