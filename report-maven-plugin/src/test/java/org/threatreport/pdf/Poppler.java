package org.threatreport.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's poppler-utils, as a reader's tools see a PDF: {@code pdftotext}, {@code pdffonts},
 * {@code pdfimages}, {@code pdfinfo} and {@code pdftoppm}. Tests that need them are skipped where
 * they are not installed ({@code apt-get install poppler-utils}).
 */
final class Poppler {

    static final Path BIN = Path.of("/usr/bin");
    static final String MISSING = "needs poppler-utils (apt-get install poppler-utils)";

    private Poppler() {
    }

    static boolean available() {
        return List.of("pdftotext", "pdffonts", "pdfimages", "pdfinfo", "pdftoppm").stream()
                .allMatch(tool -> Files.isExecutable(BIN.resolve(tool)));
    }

    /** The text of pages {@code first} to {@code last} (1-based, inclusive), as pdftotext reads it. */
    static String text(Path pdf, int first, int last, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of("pdftotext", "-enc", "UTF-8", "-f", Integer.toString(first),
                "-l", Integer.toString(last)));
        command.addAll(List.of(options));
        command.addAll(List.of(pdf.toString(), "-"));
        return run(command);
    }

    /**
     * The text inside an A4 page's margins (24 mm top, 22 mm bottom): the body, without running
     * header and footer.
     */
    static String body(Path pdf, int first, int last) throws IOException {
        return text(pdf, first, last, "-x", "0", "-y", "68", "-W", "596", "-H", "712");
    }

    static String run(String... command) throws IOException {
        return run(List.of(command));
    }

    static String run(List<String> command) throws IOException {
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, BIN.resolve(command.get(0)).toString());
        Process process = new ProcessBuilder(resolved).redirectErrorStream(false).start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            process.destroy();
        }
    }
}
