package org.threatreport.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.publish.PublishException;
import org.threatreport.publish.PublishResult;
import org.threatreport.publish.TargetException;
import org.threatreport.site.Versions;

/**
 * Publishing to a {@code file:} target (a mounted folder) through Maven's file wagon: two versions
 * side by side, the corrections log computed against the target, immutability, dry runs, the lock,
 * leftovers of an interrupted publish, and each bad input refused before anything changes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FilePublishTest {

    @TempDir
    static Path work;
    static PublishFixture first;
    static PublishFixture second;
    static Path hosting;
    static String url;

    @BeforeAll
    static void buildTwoVersions() throws Exception {
        first = new PublishFixture(work.resolve("first")).build("2017.0");
        // The revision is built on a machine that never saw 2017.0: its corrections log comes from the target.
        second = new PublishFixture(work.resolve("second")).revise().build("2017.1");
        hosting = work.resolve("hosting/reports");
        url = hosting.toUri() + "/";
    }

    static String read(String path) throws Exception {
        return Files.readString(hosting.resolve(path));
    }

    @Test
    @Order(1)
    void aDryRunChangesNothing() throws Exception {
        PublishResult result = first.publish("2017.0", url, null, false, false, true);
        assertTrue(result.dryRun());
        assertTrue(PublishFixture.snapshot(hosting).keySet().equals(java.util.Set.of("/")) || !Files.exists(hosting),
                "nothing is written in a dry run (Maven's file wagon creates the empty folder when it connects)");
        assertTrue(first.log.stream().anyMatch(l -> l.startsWith("INFO [dry run] would publish 2017.0 to " + url)),
                first.log.toString());
        assertTrue(first.log.stream().anyMatch(l -> l.contains("latest → 2017.0")), first.log.toString());
    }

    @Test
    @Order(2)
    void twoVersionsStandSideBySide() throws Exception {
        PublishResult v0 = first.publish("2017.0", url, null);
        assertEquals("2017.0", v0.latest());
        assertFalse(v0.replaced());
        PublishResult v1 = second.publish("2017.1", url, null);
        assertEquals("2017.1", v1.latest());
        assertEquals("2017.0", v1.since());
        assertTrue(v1.changes() > 0);

        Versions versions = Versions.parse(Files.readAllBytes(hosting.resolve("versions.json")));
        assertEquals(List.of("2017.1", "2017.0"), versions.entries().stream().map(v -> v.version()).toList());
        assertTrue(read("versions.js").contains("\"version\":\"2017.1\",\"title\""));
        assertTrue(read("index.html").contains("url=2017.1/index.html"));
        assertTrue(read("latest/01-golden.html").contains("url=../2017.1/01-golden.html"));
        assertTrue(Files.isRegularFile(hosting.resolve("2017.0/figures/fig-industry.svg")));
        assertTrue(Files.isRegularFile(hosting.resolve("404.html")));

        // Computed against 2017.0 on the target, which the second build never saw.
        String corrections = Jsoup.parse(read("2017.1/corrections.html")).selectFirst("main").text();
        assertTrue(corrections.contains("图 1 各行业事件数量 政府部门 5（45.5%） → 6（54.5%）"), corrections);
        assertTrue(corrections.contains("事件 G03 的行业由金融机构更正为政府部门"), corrections);
        // The version list of the new pages holds every version on the target.
        assertEquals(List.of("../2017.1/02-other.html", "../2017.0/02-other.html", "../versions.html"),
                Jsoup.parse(read("2017.1/02-other.html")).select("nav.version-switcher a").eachAttr("href"));
        assertEquals(List.of(), leftovers(), "no lock, upload or temporary file is left");
        // Readable by a web server running as another user: files 0644, folders 0755 (less the umask).
        assertEquals(Set.of("rw-r--r--"), modes(hosting, false), "files");
        assertEquals(Set.of("rwxr-xr-x"), modes(hosting, true), "folders");
    }

    /** What publishes left: hidden names at the root but {@code .publish/}, and anything in it. */
    static List<String> leftovers() throws Exception {
        List<String> left = new ArrayList<>();
        try (var names = Files.list(hosting)) {
            names.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && !n.equals(".publish")).forEach(left::add);
        }
        if (Files.isDirectory(hosting.resolve(".publish"))) {
            try (var names = Files.list(hosting.resolve(".publish"))) {
                names.map(p -> ".publish/" + p.getFileName()).forEach(left::add);
            }
        }
        return left.stream().sorted().toList();
    }

    /** The permissions of the files (or folders) readers see, outside {@code .publish/}. */
    static Set<String> modes(Path root, boolean folders) throws Exception {
        try (var walk = Files.walk(root)) {
            return walk.filter(p -> !root.relativize(p).toString().startsWith(".publish"))
                    .filter(p -> Files.isDirectory(p) == folders)
                    .map(p -> {
                        try {
                            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).collect(Collectors.toSet());
        }
    }

    @Test
    @Order(3)
    void aPublishedVersionDoesNotChange() throws Exception {
        Map<String, String> before = PublishFixture.snapshot(hosting);
        PublishException refused = assertThrows(PublishException.class, () -> second.publish("2017.1", url, null));
        assertEquals("Version 2017.1 is already published at " + url + " and published versions do not change:"
                + " publish under a new version (-Dreport.version=…) or replace it with -Dreport.overwrite=true",
                refused.getMessage());
        assertEquals(before, PublishFixture.snapshot(hosting));

        PublishResult replaced = second.publish("2017.1", url, null, true, false, false);
        assertTrue(replaced.replaced());
        assertEquals(List.of("2017.1", "2017.0"), Versions.parse(Files.readAllBytes(hosting.resolve("versions.json")))
                .entries().stream().map(v -> v.version()).toList());
    }

    @Test
    @Order(4)
    void badInputIsRefusedInOneLineAndChangesNothing() throws Exception {
        Map<String, String> before = PublishFixture.snapshot(hosting);
        for (String version : List.of("2017/1", "../2017.1", "..", "latest", "Latest", "index.html", "versions.json",
                "404.html", "sitemap.xml", "x".repeat(65), "nul")) {
            IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                    () -> PublishFixture.options(second.siteRoot(), version, url, false, false, false));
            assertTrue(wrong.getMessage().startsWith("report.version '" + version.substring(0, Math.min(20, version.length()))),
                    wrong.getMessage());
            assertFalse(wrong.getMessage().contains("\n"));
        }
        PublishException missing = assertThrows(PublishException.class, () -> second.publish("2019.0", url, null));
        assertTrue(missing.getMessage().startsWith("No built site for version 2019.0 at "), missing.getMessage());
        assertTrue(missing.getMessage().endsWith("run `mvn site:report -Dreport.version=2019.0` first"));

        TargetException scheme = assertThrows(TargetException.class, () -> second.publish("2017.1", "ftp://example.org/reports/", null));
        assertEquals(TargetException.Reason.UNSUPPORTED, scheme.reason());
        assertTrue(scheme.getMessage().startsWith("Maven has no Wagon for 'ftp:'"), scheme.getMessage());

        IllegalArgumentException credentials = assertThrows(IllegalArgumentException.class, () -> PublishFixture.options(
                second.siteRoot(), "2017.2", "dav:https://editor:secret@intranet.example/reports/", false, false, false));
        assertTrue(credentials.getMessage().contains("settings.xml"), credentials.getMessage());
        assertEquals(before, PublishFixture.snapshot(hosting));
    }

    @Test
    @Order(5)
    void aSecondPublishIsRefusedWhileTheLockIsHeldAndAStaleLockCanBeBroken() throws Exception {
        Path lock = Files.createDirectories(hosting.resolve(".publish/lock"));
        Files.writeString(lock.resolve("owner.json"), """
                {"user": "editor", "host": "build-agent-7", "pid": 4242, "version": "2017.2",
                 "started": "%s", "token": "x"}""".formatted(java.time.Instant.now().minusSeconds(600)));
        second.build("2017.2");
        PublishException refused = assertThrows(PublishException.class, () -> second.publish("2017.2", url, null));
        assertEquals("Another publish holds the lock of " + url + ": editor@build-agent-7 (process 4242) started"
                + " publishing 2017.2 10 min ago. Wait for it to finish; if it is no longer running, run again with"
                + " -Dreport.breakLock=true", refused.getMessage());
        assertFalse(Files.exists(hosting.resolve("2017.2")));

        second.log.clear();
        second.publish("2017.2", url, null, false, true, false);
        assertTrue(second.log.get(0).startsWith("WARN Breaking the lock of " + url), second.log.toString());
        assertTrue(Files.isRegularFile(hosting.resolve("2017.2/index.html")));
        assertFalse(Files.exists(lock));
    }

    @Test
    @Order(6)
    void whatAnInterruptedPublishLeftIsCleanedUpByTheNext() throws Exception {
        // A publish of this machine that died replacing 2017.2: its process is gone, its uploads half written.
        Path lock = Files.createDirectories(hosting.resolve(".publish/lock"));
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.writeString(lock.resolve("owner.json"), """
                {"user": "editor", "host": "%s", "pid": %d, "version": "2017.2", "overwrite": true, "started": "%s",
                 "token": "deadbeef"}""".formatted(java.net.InetAddress.getLocalHost().getHostName(), dead.pid(),
                java.time.Instant.now()));
        Files.createDirectories(hosting.resolve(".publish/upload-2017.2-deadbeef/figures"));
        Files.writeString(hosting.resolve(".publish/upload-2017.2-deadbeef/index.html"), "half");
        Files.createDirectories(hosting.resolve(".publish/root-deadbeef"));
        Files.writeString(hosting.resolve(".publish/root-deadbeef/versions.json"), "[");
        // What earlier releases of the plugin left at the root.
        Files.createDirectories(hosting.resolve(".staging-2017.2-cafe"));
        Files.writeString(hosting.resolve(".tmp-cafe-versions.json"), "[");

        second.log.clear();
        second.build("2017.3").publish("2017.3", url, null);
        assertTrue(second.log.get(0).startsWith("WARN Removing the lock of a publish that stopped: editor@"), second.log.toString());
        assertTrue(second.log.get(1).startsWith("WARN The publish that stopped was replacing version 2017.2, which may"
                + " now hold files of both builds: publish it again with -Dreport.overwrite=true"), second.log.toString());
        assertEquals(List.of(), leftovers());
        assertEquals("2017.3", Versions.parse(Files.readAllBytes(hosting.resolve("versions.json"))).latest().orElseThrow().version());
    }

    @Test
    @Order(7)
    void aLockWithoutOwnerIsRemoved() throws Exception {
        Files.createDirectories(hosting.resolve(".publish/lock/half"));
        second.log.clear();
        second.build("2017.4").publish("2017.4", url, null);
        assertEquals("WARN Removing a lock without an owner from " + url + ".publish/lock/", second.log.get(0));
        assertEquals(List.of(), leftovers());
    }

    @Test
    @Order(8)
    void aReplacedVersionIsReplacedFileByFileAndKeepsNothingOfTheOld() throws Exception {
        Path stale = hosting.resolve("2017.4/figures/gone.csv");
        Files.writeString(stale, "left from an older build");
        Files.createDirectories(hosting.resolve("2017.4/old-folder"));
        Files.writeString(hosting.resolve("2017.4/old-folder/a.txt"), "a");
        Map<String, String> built = PublishFixture.snapshot(second.siteRoot().resolve("2017.4"));
        assertTrue(second.publish("2017.4", url, null, true, false, false).replaced());
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(hosting.resolve("2017.4/old-folder")));
        assertEquals(built.keySet(), PublishFixture.snapshot(hosting.resolve("2017.4")).keySet());
        assertEquals(List.of(), leftovers());
        assertEquals(Set.of("rw-r--r--"), modes(hosting, false));
    }
}
