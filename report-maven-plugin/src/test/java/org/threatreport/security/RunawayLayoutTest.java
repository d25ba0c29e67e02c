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

/** A layout of the site template that runs away stops the build at its own line, like a chapter does. */
class RunawayLayoutTest {

    @Test
    void aLayoutThatCallsItselfWithoutEndIsAnErrorInThatLayout(@TempDir Path dir) throws Exception {
        ProjectFiles.copyTree(Path.of("src/test/resources/render/golden/input"), dir);
        Files.createDirectories(dir.resolve("site-template"));
        Files.writeString(dir.resolve("site-template/search.ftlh"),
                "<#-- a slip: the macro calls itself -->\n<#macro again n><@again n + 1/></#macro>\n<@again 1/>\n");
        BuildOptions options = new BuildOptions(dir, dir.resolve("content"), dir.resolve("data"),
                dir.resolve("site-template"), dir.resolve("target/report-site"), dir.resolve("target/report-cache"), "1.0",
                Optional.empty());

        InputException e = assertThrows(InputException.class, () -> new ReportBuild(options, Log.silent()).run());

        assertEquals(List.of("site-template/search.ftlh:2:17: error: the layout calls itself without end: a macro or"
                + " include that never stops?"), e.describe(dir).lines().toList());
    }
}
