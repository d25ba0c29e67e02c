package org.threatreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list of versions of a site root: order, the latest alias, the previous version of an edition, its files. */
class VersionsTest {

    static VersionEntry entry(String version, String edition) {
        return new VersionEntry(version, "报告 " + edition, "2018-08-13", edition, "zh-CN", List.of(),
                List.of("index.html", "01-intro.html", "corrections.html"));
    }

    @Test
    void versionsAreOrderedAsMavenOrdersThem() {
        List<String> versions = new ArrayList<>(List.of("1.0-sp1", "1.0", "1.0-rc", "1.0.1", "1.0-alpha",
                "1.0-SNAPSHOT", "1.0-beta"));
        versions.sort(VersionOrder.INSTANCE);
        assertEquals(List.of("1.0-alpha", "1.0-beta", "1.0-rc", "1.0-SNAPSHOT", "1.0", "1.0-sp1", "1.0.1"), versions);
    }

    @Test
    void versionsAreOrderedAsPeopleReadThem() {
        List<String> versions = new ArrayList<>(List.of("2017.10", "2017.0", "2018", "2017.0-SNAPSHOT", "2017.2",
                "2017.0.1", "2017.1-rc1", "2017.1"));
        versions.sort(VersionOrder.INSTANCE);
        assertEquals(List.of("2017.0-SNAPSHOT", "2017.0", "2017.0.1", "2017.1-rc1", "2017.1", "2017.2", "2017.10", "2018"),
                versions);
    }

    @Test
    void theNewestVersionIsLatestWhateverTheOrderOfPublishing() {
        Versions versions = Versions.empty().with(entry("2017.1", "2017")).with(entry("2018.0", "2018"))
                .with(entry("2017.0", "2017"));
        assertEquals(List.of("2018.0", "2017.1", "2017.0"), versions.entries().stream().map(VersionEntry::version).toList());
        assertEquals(List.of("latest"), versions.entries().get(0).aliases());
        assertEquals(List.of(), versions.entries().get(1).aliases());
        assertEquals("2018.0", versions.latest().orElseThrow().version());
    }

    @Test
    void aRevisionIsComparedWithThePreviousVersionOfItsEdition() {
        Versions versions = Versions.empty().with(entry("2016.0", "2016")).with(entry("2017.0", "2017"))
                .with(entry("2017.1", "2017")).with(entry("2018.0", "2018"));
        assertEquals("2017.1", versions.previousInEdition("2017.2", "2017").orElseThrow().version());
        assertEquals("2017.0", versions.previousInEdition("2017.1", "2017").orElseThrow().version());
        assertTrue(versions.previousInEdition("2017.0", "2017").isEmpty());
        assertTrue(versions.previousInEdition("2019.0", "2019").isEmpty());
    }

    @Test
    void publishingAVersionAgainReplacesItsEntry() {
        Versions versions = Versions.empty().with(entry("2017.0", "2017")).with(entry("2017.0", "2017"));
        assertEquals(1, versions.entries().size());
    }

    @Test
    void theJsonAndTheScriptHoldTheSameList() throws Exception {
        Versions versions = Versions.empty().with(entry("2017.0", "2017")).with(entry("2017.1", "2017"));
        assertEquals(versions, Versions.parse(versions.json()));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(versions.json());
        assertEquals("2017.1", json.get(0).get("version").asText());
        assertEquals("latest", json.get(0).get("aliases").get(0).asText());
        assertEquals("2017", json.get(0).get("edition").asText());
        assertEquals(0, json.get(1).get("aliases").size());
        String script = new String(versions.script(), StandardCharsets.UTF_8);
        assertTrue(script.contains("window.threatReportVersions = [{\"version\":\"2017.1\""), script);
    }

    @Test
    void noVersionCanBeNamedAfterAFileOfTheSiteRoot() {
        List<String> names = new java.util.ArrayList<>(SiteRoot.rootNames());
        names.add(Versions.LATEST);
        assertEquals(names.stream().sorted().toList(),
                org.threatreport.config.VersionName.ROOT_NAMES.stream().sorted().toList(),
                "the rule for version names knows every name the site root holds");
    }
}
