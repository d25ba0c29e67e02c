package org.threatreport.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Checks of generated notebooks shared by the notebook and the flagship tests. */
public final class NotebookChecks {

    private static final Pattern CELL_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final List<String> PYTHONS = List.of("/usr/bin/python3", "python3");
    private static final String VALIDATE = """
            import sys, nbformat
            for name in sys.argv[1:]:
                try:
                    notebook = nbformat.read(name, as_version=nbformat.NO_CONVERT)
                    try:
                        nbformat.validate(notebook, version=4, version_minor=5, repair_duplicate_cell_ids=False)
                    except TypeError:
                        nbformat.validate(notebook, version=4, version_minor=5)
                except Exception as e:
                    print("INVALID " + name + ": " + str(e).splitlines()[0])
                else:
                    print("VALID " + name)
            """;

    private NotebookChecks() {
    }

    /** A Python 3 with the nbformat package (Debian: python3-nbformat), or null. */
    public static String pythonWithNbformat() {
        for (String python : PYTHONS) {
            try {
                Process process = new ProcessBuilder(python, "-c", "import nbformat").redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return python;
                }
            } catch (IOException | InterruptedException e) {
                // try the next one
            }
        }
        return null;
    }

    /**
     * Validates notebooks against the official nbformat v4.5 JSON schema with Python's nbformat.
     *
     * @return one line per notebook: {@code VALID <file>} or {@code INVALID <file>: <first error>}
     */
    public static List<String> validateWithNbformat(String python, List<Path> notebooks) throws Exception {
        List<String> command = new ArrayList<>(List.of(python, "-c", VALIDATE));
        notebooks.forEach(n -> command.add(n.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError("nbformat failed: " + output);
        }
        return output.lines().filter(l -> l.startsWith("VALID ") || l.startsWith("INVALID ")).toList();
    }

    /**
     * What the schema and Jupyter ask of every notebook, checked without Python: version 4.5, the
     * Java kernel, unique cell ids of the allowed characters, code cells with outputs and counts.
     */
    public static List<String> structuralProblems(Path notebook) throws IOException {
        List<String> problems = new ArrayList<>();
        JsonNode root = new ObjectMapper().readTree(notebook.toFile());
        if (root.path("nbformat").asInt() != 4 || root.path("nbformat_minor").asInt() != 5) {
            problems.add("not nbformat 4.5");
        }
        JsonNode kernel = root.path("metadata").path("kernelspec");
        if (!kernel.path("name").asText().equals("java") || !kernel.path("display_name").asText().equals("Java")
                || !kernel.path("language").asText().equals("java")) {
            problems.add("kernelspec is not JJava's: " + kernel);
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode cell : root.path("cells")) {
            String id = cell.path("id").asText();
            if (!CELL_ID.matcher(id).matches() || !ids.add(id)) {
                problems.add("cell id '" + id + "' is not unique or not of [a-zA-Z0-9_-]{1,64}");
            }
            if (cell.path("cell_type").asText().equals("code")
                    && (!cell.path("outputs").isArray() || !cell.has("execution_count"))) {
                problems.add("code cell " + id + " lacks outputs or execution_count");
            }
        }
        return problems;
    }

    /**
     * The lines a code cell prints for a cell whose numbers are {@code csv} (its {@code figures/<id>.csv}):
     * {@code label=count (share)} for a count and share per row, {@code label=c1,c2,…} for a stacked chart.
     */
    public static List<String> expectedLines(String csv, String countHeader, String shareHeader) {
        List<List<String>> rows = parseCsv(csv);
        List<String> header = rows.get(0);
        boolean single = header.size() == 3 && header.get(1).equals(countHeader) && header.get(2).equals(shareHeader);
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            lines.add(row.get(0) + "=" + (single ? row.get(1) + " (" + row.get(2) + ")"
                    : String.join(",", row.subList(1, row.size()))));
        }
        return lines;
    }

    /** RFC 4180 CSV, as the build writes it. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString().replaceAll("\r$", ""));
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** The text of a code cell's stdout stream output, by the report cell it computes. */
    public static java.util.Map<String, String> storedPrints(Path notebook) throws IOException {
        java.util.Map<String, String> printed = new java.util.LinkedHashMap<>();
        for (JsonNode cell : new ObjectMapper().readTree(notebook.toFile()).path("cells")) {
            String id = cell.path("metadata").path(NotebookBuilder.METADATA_KEY).path("cell").asText("");
            for (JsonNode output : cell.path("outputs")) {
                if (output.path("output_type").asText().equals("stream")) {
                    StringBuilder text = new StringBuilder();
                    output.path("text").forEach(t -> text.append(t.asText()));
                    printed.put(id, text.toString());
                }
            }
        }
        return printed;
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The picture stored under each figure's code cell (its {@code image/png} output), by cell id. */
    public static java.util.Map<String, byte[]> storedPictures(Path notebook) throws IOException {
        java.util.Map<String, byte[]> pictures = new java.util.LinkedHashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode cell : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(notebook.toFile()).path("cells")) {
            String id = cell.path("metadata").path(NotebookBuilder.METADATA_KEY).path("cell").asText("");
            for (com.fasterxml.jackson.databind.JsonNode output : cell.path("outputs")) {
                String png = output.path("data").path("image/png").asText("");
                if (!id.isEmpty() && !png.isEmpty()) {
                    pictures.put(id, java.util.Base64.getDecoder().decode(png));
                }
            }
        }
        return pictures;
    }

    /** How two PNGs differ as pictures: empty when every pixel is the same, else what differs. */
    public static String pictureDifference(byte[] expected, byte[] actual) throws IOException {
        java.awt.image.BufferedImage a = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(expected));
        java.awt.image.BufferedImage b = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(actual));
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return a.getWidth() + "x" + a.getHeight() + " px, not " + b.getWidth() + "x" + b.getHeight();
        }
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                differing += a.getRGB(x, y) == b.getRGB(x, y) ? 0 : 1;
            }
        }
        return differing == 0 ? "" : differing + " of " + a.getWidth() * a.getHeight() + " pixels differ";
    }
}
