package org.threatreport.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs notebooks' code cells as the JJava kernel does, with JShell: each notebook in a fresh JShell,
 * its code cells in order with their {@code %} magic lines left out (the libraries they load are on
 * the classpath already). Every snippet must be valid and run without an exception.
 *
 * <p>{@link #run} starts a JVM in the folder of the notebooks, so that their relative paths
 * ({@code data/incidents.csv}) resolve as they do beside the notebook, and runs {@link #main} there,
 * which prints each report cell's output after a line {@code @@cell <id>}, and writes the picture a
 * cell ends with (as the kernel would show it) to {@code notebook-pictures/<notebook>/<id>.png}.
 */
public final class NotebookRunner {

    private static final String CELL = "@@cell ";
    private static final String ERROR = "@@error ";
    /** Where the pictures the cells draw are written, under the notebooks' folder. */
    public static final String PICTURES = "notebook-pictures";

    /** What the notebooks of one run printed: per notebook, per report cell id, the lines. */
    public record Output(Map<String, Map<String, List<String>>> printed, List<String> errors, String log) {
    }

    /** The picture the cell {@code id} of {@code notebook} drew in a run in {@code dir}, or null. */
    public static Path picture(Path dir, String notebook, String id) {
        Path file = dir.resolve(PICTURES).resolve(notebook).resolve(id + ".png");
        return java.nio.file.Files.isRegularFile(file) ? file : null;
    }

    private NotebookRunner() {
    }

    /** Runs {@code notebooks} (file names in {@code dir}) in a JVM whose working folder is {@code dir}. */
    public static Output run(Path dir, List<String> notebooks) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), NotebookRunner.class.getName()));
        command.addAll(notebooks);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        Map<String, Map<String, List<String>>> printed = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Map<String, List<String>> notebook = null;
            List<String> cell = null;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                log.append(line).append('\n');
                if (line.startsWith("@@notebook ")) {
                    notebook = printed.computeIfAbsent(line.substring(11), k -> new LinkedHashMap<>());
                    cell = null;
                } else if (line.startsWith(CELL) && notebook != null) {
                    cell = notebook.computeIfAbsent(line.substring(CELL.length()), k -> new ArrayList<>());
                } else if (line.startsWith(ERROR)) {
                    errors.add(line.substring(ERROR.length()));
                } else if (cell != null) {
                    cell.add(line);
                }
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            errors.add("the notebooks did not finish within 5 minutes");
        } else if (process.exitValue() != 0) {
            errors.add("the JVM running the notebooks exited with " + process.exitValue());
        }
        return new Output(printed, errors, log.toString());
    }

    /** Runs the notebooks named by {@code args}, in the working folder. */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(out);
        ObjectMapper json = new ObjectMapper();
        for (String name : args) {
            out.println("@@notebook " + name);
            // A fresh JShell for each notebook, as a fresh kernel: nothing carries over from the one before.
            try (JShell shell = JShell.builder().executionEngine("local").out(out).err(out).build()) {
                shell.addToClasspath(System.getProperty("java.class.path"));
                JsonNode notebook = json.readTree(Path.of(name).toFile());
                for (JsonNode cell : notebook.path("cells")) {
                    if (!cell.path("cell_type").asText().equals("code")) {
                        continue;
                    }
                    String id = cell.path("metadata").path(NotebookBuilder.METADATA_KEY).path("cell").asText("");
                    if (!id.isEmpty()) {
                        out.println(CELL + id);
                    }
                    String source = java.util.stream.StreamSupport.stream(cell.path("source").spliterator(), false)
                            .map(JsonNode::asText).collect(Collectors.joining());
                    String code = source.lines().filter(line -> !line.startsWith("%")).collect(Collectors.joining("\n"));
                    String last = evaluate(shell, name, cell.path("id").asText(), code, out);
                    if (!id.isEmpty() && last != null) {
                        savePicture(shell, last, Path.of(PICTURES, name, id + ".png"), out);
                    }
                }
            } catch (RuntimeException | Error e) {
                out.println(ERROR + name + ": " + e);
            }
        }
        out.flush();
    }

    /** The picture a cell ends with, written as the kernel shows it: a PNG of the image. */
    private static void savePicture(JShell shell, String variable, Path file, PrintStream out) {
        String path = file.toAbsolutePath().toString().replace("\\", "\\\\");
        for (SnippetEvent event : shell.eval("if (((Object) " + variable + ") instanceof java.awt.image.RenderedImage image) {"
                + " java.nio.file.Files.createDirectories(java.nio.file.Path.of(\"" + path + "\").getParent());"
                + " javax.imageio.ImageIO.write(image, \"png\", new java.io.File(\"" + path + "\")); }")) {
            if (event.exception() != null || event.status() != Snippet.Status.VALID) {
                out.println(ERROR + "cannot save the picture of " + variable + ": " + event.exception() + " "
                        + shell.diagnostics(event.snippet()).map(d -> d.getMessage(java.util.Locale.ROOT)).toList());
            }
        }
    }

    /** @return the name of the variable holding the value of the cell's last expression, or null */
    private static String evaluate(JShell shell, String notebook, String cellId, String code, PrintStream out) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String last = null;
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                out.println(ERROR + notebook + " cell " + cellId + ": incomplete code: " + oneLine(remaining));
                return null;
            }
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.causeSnippet() != null) {
                    continue;
                }
                Snippet snippet = event.snippet();
                last = event.snippet() instanceof jdk.jshell.VarSnippet variable
                        && event.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND ? variable.name() : null;
                if (event.status() != Snippet.Status.VALID) {
                    String diagnostics = shell.diagnostics(snippet).map(d -> d.getMessage(java.util.Locale.ROOT))
                            .collect(Collectors.joining("; "));
                    String unresolved = snippet instanceof jdk.jshell.DeclarationSnippet declaration
                            ? " unresolved: " + shell.unresolvedDependencies(declaration).toList() : "";
                    out.println(ERROR + notebook + " cell " + cellId + ": " + event.status() + " " + oneLine(info.source())
                            + " — " + oneLine(diagnostics) + unresolved);
                } else if (event.exception() != null) {
                    out.println(ERROR + notebook + " cell " + cellId + ": " + event.exception() + " in "
                            + oneLine(info.source()));
                }
            }
            remaining = info.remaining();
        }
        return last;
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
