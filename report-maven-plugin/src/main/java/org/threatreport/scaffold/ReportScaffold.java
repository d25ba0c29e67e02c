package org.threatreport.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a new report project from the example files shipped with the plugin
 * ({@code scaffold/files.txt}): a POM naming this plugin's version, {@code content/} with
 * {@code report.yaml}, an abstract and two chapters (inline values, a figure, a table),
 * {@code data/} with an invented example table and its codebook, and {@code site-template/README.md}
 * — in the report's language. {@code site:report} builds it at once and {@code site:check
 * -Dreport.strict=true} finds nothing.
 *
 * <p>Nothing half-written: the files go into a temporary folder beside the new one, which is then
 * moved into place; an existing folder that is not empty is never touched.
 */
public final class ReportScaffold {

    private static final String BASE = "/org/threatreport/scaffold/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z]+)}}");

    private ReportScaffold() {
    }

    /**
     * Makes the project.
     *
     * @return the files written, relative to the new folder, in the order of {@code files.txt}
     * @throws ScaffoldException when the folder exists and is not empty (nothing is written)
     * @throws IOException       when a file cannot be written (nothing is left behind)
     */
    public static List<String> write(NewReport report) throws ScaffoldException, IOException {
        Path folder = report.folder();
        if (NewReport.notEmpty(folder)) {
            throw new ScaffoldException("report.folder '" + folder + "' already exists and is not empty: nothing was written;"
                    + " choose a new folder with -Dreport.folder=…");
        }
        Path parent = Files.createDirectories(folder.getParent());
        // Not Files.createTempDirectory, whose folder only its owner may read: the project is for everyone the umask allows.
        Path temporary = Files.createDirectory(parent.resolve("." + folder.getFileName() + ".new-"
                + ProcessHandle.current().pid() + "-" + Long.toString(System.nanoTime(), 36)));
        try {
            List<String> written = new ArrayList<>();
            Map<String, String> values = values(report);
            for (String name : fileNames()) {
                String target = name.equals("_gitignore") ? ".gitignore" : name;
                Path file = temporary.resolve(target);
                Files.createDirectories(file.getParent());
                Files.writeString(file, fill(template(report.language(), name), values, target), StandardCharsets.UTF_8);
                written.add(target);
            }
            if (Files.isDirectory(folder)) {
                Files.delete(folder); // empty (checked above); the move needs the name free
            }
            try {
                Files.move(temporary, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, folder);
            }
            return written;
        } finally {
            deleteTree(temporary);
        }
    }

    /** The text of each {@code {{name}}}, before escaping. */
    static Map<String, String> values(NewReport report) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", report.title());
        values.put("organisation", report.organisation());
        values.put("year", Integer.toString(report.year()));
        values.put("date", report.date().toString());
        values.put("language", report.language());
        values.put("groupId", report.groupId());
        values.put("artifactId", report.artifactId());
        values.put("pluginGroupId", report.plugin().groupId());
        values.put("pluginArtifactId", report.plugin().artifactId());
        values.put("pluginVersion", report.plugin().version());
        return values;
    }

    /** A template with its placeholders filled in, each value escaped for the kind of file it goes into. */
    static String fill(String template, Map<String, String> values, String fileName) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(fileName + ": no value for " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(escape(value, fileName)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** XML text in the POM; the inside of a double-quoted string in YAML (the templates quote them); else as is. */
    static String escape(String value, String fileName) {
        if (fileName.endsWith(".xml")) {
            return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
        if (fileName.endsWith(".yaml")) {
            return value.replace("\\", "\\\\").replace("\"", "\\\"");
        }
        return value;
    }

    static List<String> fileNames() {
        List<String> names = new ArrayList<>();
        for (String line : resource("files.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    /** The language's own version of a file, else the common one. */
    static String template(String language, String name) {
        String own = BASE + language + "/" + name;
        return ReportScaffold.class.getResource(own) != null ? resource(language + "/" + name) : resource("common/" + name);
    }

    private static String resource(String name) {
        try (InputStream in = ReportScaffold.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("the plugin's jar lacks " + BASE + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
