package org.threatreport.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A part of a Markdown file that a benchmark rewrites on every run, between its own two marker
 * comments; the hand-written text around it, and other benchmarks' parts, stay as they are.
 */
record GeneratedSection(String begin, String end) {

    /**
     * Replaces the text between the markers in {@code doc} with {@code generated}; appends the
     * section when the file lacks the markers, and makes the file when it does not exist.
     *
     * @param newFileIntro the text a new file starts with
     */
    void write(Path doc, String generated, String newFileIntro) throws IOException {
        String block = begin + "\n\n" + generated.strip() + "\n\n" + end + "\n";
        String text;
        if (Files.isRegularFile(doc)) {
            String old = Files.readString(doc, StandardCharsets.UTF_8);
            int from = old.indexOf(begin);
            int to = from < 0 ? -1 : old.indexOf(end, from);
            if (to > from) {
                text = old.substring(0, from) + block + old.substring(to + end.length()).replaceFirst("^\n", "");
            } else {
                text = old.stripTrailing() + "\n\n" + block;
            }
        } else {
            text = newFileIntro + block;
        }
        Files.createDirectories(doc.toAbsolutePath().getParent());
        Files.writeString(doc, text, StandardCharsets.UTF_8);
    }
}
