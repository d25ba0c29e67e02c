package org.threatreport.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionNameTest {

    @Test
    void usualVersionsAreFine() {
        for (String version : List.of("2017.0", "2017.1-rc1", "2017.0-SNAPSHOT", "v2_final", "2018+1", "a".repeat(64))) {
            assertEquals(Optional.empty(), VersionName.problem("report.version", version), version);
        }
    }

    @Test
    void theNamesOfTheSiteRootAreRefusedInAnyCase() {
        for (String name : List.of("latest", "Latest", "LATEST", "index.html", "INDEX.HTML", "versions.json",
                "versions.js", "versions.html", "404.html", "sitemap.xml")) {
            String problem = VersionName.problem("report.version", name).orElseThrow();
            assertTrue(problem.startsWith("report.version '" + name + "' is the name of a file of the site root"), problem);
        }
    }

    @Test
    void eachMistakeIsOneLineWithTheClosestGoodName() {
        assertEquals("report.version '2017/1' is not a usable version: a version is a folder name of letters, digits,"
                + " '.', '-', '_' or '+' (no '/' or '..'), starting with a letter or digit, at most 64 characters"
                + " (did you mean '2017-1'?)", VersionName.problem("report.version", "2017/1").orElseThrow());
        assertTrue(VersionName.problem("report.version", "../2017.1").orElseThrow().endsWith("(did you mean '2017.1'?)"));
        assertTrue(VersionName.problem("report.version", ".hidden").orElseThrow().endsWith("(did you mean 'hidden'?)"));
        assertTrue(VersionName.problem("report.version", "..").orElseThrow().endsWith(", e.g. 2017.1"));
        String tooLong = VersionName.problem("report.version", "9".repeat(300)).orElseThrow();
        assertEquals("report.version '" + "9".repeat(20) + "…' is 300 characters long: a version is a folder name of"
                + " letters, digits, '.', '-', '_' or '+' (no '/' or '..'), starting with a letter or digit, at most 64"
                + " characters, e.g. 2017.1", tooLong);
        assertTrue(VersionName.problem("report.version", "NUL").orElseThrow().contains("device name on Windows"));
        assertTrue(VersionName.problem("report.version", "").orElseThrow().startsWith("report.version is empty"));
    }

    @Test
    void buildingAndPublishingShareTheRule() {
        Path project = Path.of("project");
        IllegalArgumentException build = assertThrows(IllegalArgumentException.class,
                () -> BuildOptions.conventional(project, "index.html"));
        IllegalArgumentException publish = assertThrows(IllegalArgumentException.class, () -> new PublishOptions(
                project, "index.html", "file:///srv/reports/", Optional.empty(), project, false, false, false));
        assertEquals(build.getMessage(), publish.getMessage());
        assertTrue(build.getMessage().startsWith("report.version 'index.html' is the name of a file of the site root"));
    }
}
