package org.threatreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
