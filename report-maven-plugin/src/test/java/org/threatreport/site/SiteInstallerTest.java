package org.threatreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteInstallerTest {

    private static final FileTime STAMP = FileTime.fromMillis(1_500_000_000_000L);

    @Test
    void aFolderNamedWithDotSegmentsIsTheFolderItNames(@TempDir Path root) throws Exception {
        Path named = root.resolve("./out/../site/2017.0");
        SiteInstaller.install(Map.of("index.html", bytes("<p>1</p>"), "figures/a.svg", bytes("<svg/>")), named, STAMP);
        Path site = root.resolve("site/2017.0");
        assertEquals("<p>1</p>", Files.readString(site.resolve("index.html")));
        assertEquals(STAMP, Files.getLastModifiedTime(site.resolve("figures/a.svg")));
        SiteInstaller.install(Map.of("index.html", bytes("<p>2</p>")), named, STAMP);
        assertEquals("<p>2</p>", Files.readString(site.resolve("index.html")));
        assertFalse(Files.exists(site.resolve("figures/a.svg")), "a rebuild replaces the whole version folder");
    }

    @Test
    void aFileNameLeadingOutOfTheFolderIsRefusedAndTheOldSiteStays(@TempDir Path root) throws Exception {
        Path site = root.resolve("site/2017.0");
        SiteInstaller.install(Map.of("index.html", bytes("<p>good</p>")), site, STAMP);
        assertThrows(java.io.IOException.class,
                () -> SiteInstaller.install(Map.of("../escape.html", bytes("x")), site, STAMP));
        assertEquals("<p>good</p>", Files.readString(site.resolve("index.html")));
        assertFalse(Files.exists(root.resolve("site/escape.html")));
    }

    @Test
    void everyFileAndFolderIsReadableByOtherUsers(@TempDir Path root) throws Exception {
        Path site = root.resolve("report-site");
        SiteInstaller.install(Map.of("index.html", bytes("<p>1</p>"), "figures/a.svg", bytes("<svg/>")),
                site.resolve("2017.0"), STAMP);
        SiteInstaller.replaceFileByFile(Map.of("index.html", bytes("forward")), site.resolve("latest"), STAMP);
        SiteInstaller.writeFile(site.resolve("versions.json"), bytes("[]"), STAMP, FileModes.probe(site));
        // Files 0644 and folders 0755, less the umask, which a folder created with default permissions shows.
        Set<PosixFilePermission> allowed = Files.getPosixFilePermissions(Files.createDirectory(root.resolve("probe")));
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path path : walk.toList()) {
                Set<PosixFilePermission> expected = PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--");
                expected.retainAll(allowed);
                assertEquals(expected, Files.getPosixFilePermissions(path), path.toString());
            }
        }
    }

    @Test
    void latestIsUpdatedFileByFileAndKeepsOnlyTheNewFiles(@TempDir Path root) throws Exception {
        Path latest = root.resolve("latest");
        SiteInstaller.replaceFileByFile(Map.of("index.html", bytes("1"), "old.html", bytes("old"), "sub/a.html", bytes("a")),
                latest, STAMP);
        Path busy = Files.writeString(latest.resolve(Leftovers.name("index.html", "tmp")), "another build's");
        SiteInstaller.replaceFileByFile(Map.of("index.html", bytes("2"), "new.html", bytes("new")), latest, STAMP);
        assertEquals("2", Files.readString(latest.resolve("index.html")));
        assertEquals("new", Files.readString(latest.resolve("new.html")));
        assertFalse(Files.exists(latest.resolve("old.html")));
        assertFalse(Files.exists(latest.resolve("sub")));
        assertTrue(Files.exists(busy), "a temporary file of a running build is left to it");
    }

    @Test
    void whatAKilledBuildLeftIsRemovedByTheNext(@TempDir Path root) throws Exception {
        Path site = Files.createDirectories(root.resolve("report-site"));
        long dead = deadProcess();
        long running = ProcessHandle.current().pid();
        Path staged = Files.createDirectories(site.resolve(".2017.0.new-" + dead + "-a1b2"));
        Files.writeString(staged.resolve("index.html"), "half");
        Path inUse = Files.createDirectories(site.resolve(".2017.0.new-" + running + "-c3d4"));
        Path tmp = Files.writeString(site.resolve(".versions.json.tmp-" + dead + "-e5"), "[");
        Path earlier = Files.createDirectories(site.resolve(".2017.0.new-8461938472"));
        Files.setLastModifiedTime(earlier, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path recentEarlier = Files.createDirectories(site.resolve(".2017.0.old-9461938472"));
        // 2016.0 was moved aside by a build killed before it moved the new one in: it comes back.
        Path movedAside = Files.createDirectories(site.resolve(".2016.0.old-" + dead + "-f6"));
        Files.writeString(movedAside.resolve("index.html"), "2016");
        Path notOurs = Files.createDirectories(site.resolve(".git"));

        SiteInstaller.install(Map.of("index.html", bytes("<p>1</p>")), site.resolve("2017.0"), STAMP);
        assertFalse(Files.exists(staged));
        assertFalse(Files.exists(tmp));
        assertFalse(Files.exists(earlier));
        assertFalse(Files.exists(movedAside));
        assertEquals("2016", Files.readString(site.resolve("2016.0/index.html")));
        assertTrue(Files.exists(inUse), "the staging folder of a build still running");
        assertTrue(Files.exists(recentEarlier), "a folder of an earlier release, younger than an hour");
        assertTrue(Files.exists(notOurs));
    }

    private static long deadProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
