package org.threatreport.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the processes a benchmark measures — fresh JVMs of this class path for "cold" runs, Python,
 * Maven, Hugo — and reads back their {@link ProbeLine}s. A child that fails stops the benchmark with
 * its standard error.
 */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** {@code java -Xmx<heap> <jvmOptions> -cp <this class path> <main> <args>}, with this JVM's own java. */
    static List<String> javaCommand(String heap, List<String> jvmOptions, Class<?> main, List<String> args) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Runs {@code cmd} in {@code dir} to its end and returns its probe lines, echoing its other output
     * indented; standard error goes to a file in {@code scratch} and is shown only if it fails.
     */
    static List<ProbeLine> run(List<String> cmd, Path dir, Path scratch, String what) throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        Path errors = Files.createTempFile(scratch, "stderr-", ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(errors.toFile()).start();
        List<ProbeLine> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String text = out.readLine(); text != null; text = out.readLine()) {
                ProbeLine line = ProbeLine.parse(text);
                if (line == null) {
                    System.out.println("    | " + text);
                } else {
                    lines.add(line);
                }
            }
        }
        int exit = p.waitFor();
        String stderr = Files.readString(errors);
        Files.delete(errors);
        if (exit != 0) {
            System.err.print(stderr);
            throw new IllegalStateException(what + " failed with exit code " + exit + ": " + String.join(" ", cmd));
        }
        return lines;
    }

    /**
     * The wall time of {@code cmd} run in {@code dir} from start to exit, in ms (process start-up
     * included); its output is discarded unless it fails.
     */
    static double wallMillis(List<String> cmd, Path dir, Path scratch, String what) throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        Path output = Files.createTempFile(scratch, "output-", ".txt");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        int exit = p.waitFor();
        long t1 = System.nanoTime();
        String text = Files.readString(output);
        Files.delete(output);
        if (exit != 0) {
            System.err.print(text);
            throw new IllegalStateException(what + " failed with exit code " + exit + ": " + String.join(" ", cmd));
        }
        return (t1 - t0) / 1e6;
    }

    /** Whether {@code cmd} can be started and exits with 0 (a tool that is installed and works). */
    static boolean works(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The first line {@code cmd} prints, or null when it cannot be run. */
    static String firstLine(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && !text.isEmpty() ? text.lines().findFirst().orElse(null) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
