package org.threatreport.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every page and every SVG figure of the built 2017 report passes the Nu Html Checker (the W3C's
 * validator, from Maven Central) with no error. It runs as its own program — its command line calls
 * System.exit — on this test's class path.
 */
class HtmlValidityTest {

    @Test
    void everyPageAndFigurePassesTheNuHtmlChecker() throws Exception {
        Path root = ReadingSite.root();
        List<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).map(Path::toString)
                    .filter(name -> name.endsWith(".html") || name.endsWith(".svg")).sorted().toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.endsWith("2017/all.html")) && files.stream().anyMatch(f -> f.endsWith(".svg")));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "nu.validator.client.SimpleCommandLineValidator",
                "--also-check-svg", "--errors-only", "--no-langdetect", "--format", "gnu", "--stdout"));
        command.addAll(files);
        Process checker = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(checker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(checker.waitFor(120, TimeUnit.SECONDS), "the checker finished");
        List<String> errors = output.lines().filter(line -> line.contains("error:") || line.contains("fatal:")).toList();
        assertEquals(List.of(), errors, output);
        assertEquals(0, checker.exitValue(), output);
    }
}
