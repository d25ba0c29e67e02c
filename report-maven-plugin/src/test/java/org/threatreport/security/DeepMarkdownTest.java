package org.threatreport.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Log;
import org.threatreport.pipeline.ReportBuild;
import org.threatreport.testing.ProjectFiles;

/** Markdown nested or repeated past what the parser can take is a located error, not a crash. */
class DeepMarkdownTest {

    @Test
    void eachKindOfRunawayNestingIsAnErrorAtItsLine(@TempDir Path dir) throws Exception {
        ProjectFiles.copyTree(Path.of("src/test/resources/render/golden/input"), dir);
        Files.writeString(dir.resolve("content/03-deep.md"), "---\ntitle: Deep\n---\n\n" + ">".repeat(20_000) + " x\n");
        Files.writeString(dir.resolve("content/04-lists.md"), "---\ntitle: Lists\n---\n\n" + "- ".repeat(5_000) + "x\n");
        Files.writeString(dir.resolve("content/05-stars.md"), "---\ntitle: Stars\n---\n\n"
                + "*".repeat(100_000) + "a" + "*".repeat(100_000) + "\n");
        BuildOptions options = new BuildOptions(dir, dir.resolve("content"), dir.resolve("data"),
                dir.resolve("site-template"), dir.resolve("target/report-site"), dir.resolve("target/report-cache"), "1.0",
                Optional.empty());

        InputException e = assertThrows(InputException.class, () -> new ReportBuild(options, Log.silent()).run());

        assertEquals(List.of(
                "content/03-deep.md:5:1: error: this line opens more than 32 quotes or list items inside each other;"
                        + " no report needs that many",
                "content/04-lists.md:5:1: error: this line opens more than 32 quotes or list items inside each other;"
                        + " no report needs that many",
                "content/05-stars.md:5:1: error: this line repeats '*' more than 200 times in a row; write it as text"
                        + " (\\*) or in code"), e.describe(dir).lines().toList());
    }
}
