package org.threatreport.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.maven.wagon.authentication.AuthenticationInfo;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.BuildOptions;
import org.threatreport.config.PublishOptions;
import org.threatreport.diagnostic.Log;
import org.threatreport.pipeline.ReportBuild;
import org.threatreport.publish.PublishException;
import org.threatreport.publish.PublishResult;
import org.threatreport.publish.TargetException;
import org.threatreport.site.Versions;
import org.threatreport.testing.Requires;

/**
 * Publishing over WebDAV to a real nginx (Debian's nginx with {@code libnginx-mod-http-dav-ext}, basic
 * authentication), started by the test: two versions fetched back over HTTP as a reader gets them,
 * wrong credentials and an unreachable server, immutability, a second publish while one is running,
 * a publish killed halfway, and the time to publish the 2017 report. Skipped where
 * {@code /usr/sbin/nginx} is not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebDavPublishTest {

    static final String USER = "editor";
    static final String PASSWORD = "s3cret-☃";
    static final AuthenticationInfo AUTH = PublishFixture.auth(USER, PASSWORD);

    @TempDir
    static Path work;
    static Nginx nginx;
    static PublishFixture first;
    static PublishFixture second;
    static String url;

    @BeforeAll
    static void startServerAndBuild() throws Exception {
        Requires.that(Nginx.available(), "nginx with WebDAV (apt-get install nginx libnginx-mod-http-dav-ext)");
        nginx = Nginx.start(work.resolve("nginx"), USER, PASSWORD, "/reports/404.html");
        url = nginx.dav("reports/");
        Files.createDirectories(nginx.root().resolve("reports"));
        first = new PublishFixture(work.resolve("first")).build("2017.0");
        second = new PublishFixture(work.resolve("second")).revise().build("2017.1");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
    }

    static Path hosted(String path) {
        return nginx.root().resolve("reports").resolve(path);
    }

    static String get(String path) throws Exception {
        HttpResponse<String> response = nginx.get("reports/" + path);
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    static Document page(String path) throws Exception {
        return Jsoup.parse(get(path), nginx.http("reports/" + path));
    }

    @Test
    @Order(1)
    void wrongCredentialsAndAnUnreachableServerAreOneLineAndChangeNothing() throws Exception {
        Map<String, String> before = PublishFixture.snapshot(nginx.root());
        PublishException denied = assertThrows(PublishException.class,
                () -> first.publish("2017.0", url, PublishFixture.auth(USER, "wrong")));
        assertEquals("The server at " + nginx.http("reports/") + " refused to create the site root (HTTP 401): check the"
                + " user name and password of <server> 'report-site' in ~/.m2/settings.xml", denied.getMessage());
        assertFalse(denied.getMessage().contains("\n"));
        assertEquals(before, PublishFixture.snapshot(nginx.root()));

        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        PublishException unreachable = assertThrows(PublishException.class,
                () -> first.publish("2017.0", "dav:http://127.0.0.1:" + closed + "/reports/", AUTH));
        assertTrue(unreachable.getMessage().startsWith("Cannot reach "), unreachable.getMessage());
        assertTrue(unreachable.getMessage().endsWith("check the address and that the server is running"), unreachable.getMessage());
        assertFalse(unreachable.getMessage().contains("\n"));
    }

    @Test
    @Order(2)
    void twoVersionsAreServedSideBySide() throws Exception {
        first.publish("2017.0", url, AUTH);
        PublishResult result = second.publish("2017.1", url, AUTH);
        assertEquals("2017.0", result.since());

        Versions versions = Versions.parse(get("versions.json").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("2017.1", "2017.0"), versions.entries().stream().map(v -> v.version()).toList());
        assertEquals(List.of("latest"), versions.entries().get(0).aliases());
        assertTrue(get("versions.js").startsWith("// The versions of this report"));
        assertTrue(get("versions.js").contains("window.threatReportVersions = [{\"version\":\"2017.1\""));

        assertEquals("0; url=2017.1/index.html", page("index.html").selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals("0; url=../2017.1/index.html", page("latest/index.html").selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals("0; url=../2017.1/02-other.html", page("latest/02-other.html").selectFirst("meta[http-equiv=refresh]").attr("content"));

        // The version selector: the plain list of links scripts turn into a <select>, and its data.
        Document chapter = page("2017.1/02-other.html");
        Element switcher = chapter.selectFirst("nav.version-switcher");
        assertEquals(List.of("../2017.1/02-other.html", "../2017.0/02-other.html", "../versions.html"),
                switcher.select("a").eachAttr("href"));
        assertEquals("../2017.1/02-other.html", switcher.selectFirst("a[aria-current]").attr("href"));
        assertEquals(List.of("assets/head.js", "../versions.js", "assets/report.js", "assets/nav.js", "assets/search.js"),
                chapter.select("script[src]").eachAttr("src"));
        // The banner: empty and hidden in the page, filled in from versions.js when read.
        for (Document page : List.of(page("2017.0/02-other.html"), chapter)) {
            Element banner = page.getElementById("version-banner");
            assertTrue(banner.hasAttr("hidden"));
            assertEquals("你正在阅读 {1} 发布的 {0} 版，最新版本为 {2}。", banner.attr("data-outdated"));
            assertEquals("阅读本页的最新版本", banner.attr("data-same-page"));
            assertEquals("更正与变更", banner.attr("data-changes"));
        }
        String script = get("2017.0/assets/report.js");
        assertTrue(script.contains("window.threatReportVersions") && script.contains("version-banner"));

        // The corrections log of 2017.1, computed against 2017.0 on the server.
        String corrections = page("2017.1/corrections.html").selectFirst("main").text();
        assertTrue(corrections.contains("图 1 各行业事件数量 政府部门 5（45.5%） → 6（54.5%）"), corrections);

        // Search engines get absolute addresses; a missing page gets the site's 404 page.
        assertTrue(get("sitemap.xml").contains("<loc>" + nginx.http("reports/2017.1/sitemap.xml") + "</loc>"));
        assertTrue(get("2017.1/sitemap.xml").contains("<loc>" + nginx.http("reports/2017.1/corrections.html") + "</loc>"));
        HttpResponse<String> missing = nginx.get("reports/2016.0/01-golden.html");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("<base href=\"/reports/\">"), missing.body());
        assertTrue(missing.body().contains("页面不存在"));
    }

    @Test
    @Order(3)
    void aPublishedVersionDoesNotChangeUnlessReplacedOnPurpose() throws Exception {
        String before = get("2017.1/corrections.html");
        PublishException refused = assertThrows(PublishException.class, () -> second.publish("2017.1", url, AUTH));
        assertTrue(refused.getMessage().startsWith("Version 2017.1 is already published at " + url), refused.getMessage());
        assertEquals(before, get("2017.1/corrections.html"));
        assertFalse(Files.exists(hosted(".publish/lock")), "refused before taking the lock");

        assertTrue(second.publish("2017.1", url, AUTH, true, false, false).replaced());
        assertEquals(before, get("2017.1/corrections.html"));
    }

    @Test
    @Order(4)
    void aSecondPublishIsRefusedAndAKilledPublishLeavesTheSiteWorking() throws Exception {
        second.build("2017.2");
        List<String> before = List.of(get("versions.json"), get("index.html"), get("2017.1/index.html"));

        // A publish in its own JVM, slowed down so it can be caught uploading.
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PublishMain.class.getName(),
                second.siteRoot().toString(), "2017.2", url, USER, PASSWORD, "150")
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int uploads = 0;
            while (uploads < 4 && (line = lines.readLine()) != null) {
                output.add(line);
                uploads += line.startsWith("write .publish/upload-2017.2-") ? 1 : 0;
            }
            assertEquals(4, uploads, "the child publish started uploading: " + output);

            // Meanwhile, a second publish is refused, naming the first.
            // The lock's owner is for editors only: readers get 401, as for every name starting with a dot.
            assertEquals(401, nginx.get("reports/.publish/lock/owner.json").statusCode());
            assertEquals(401, nginx.get("reports/.publish/").statusCode());
            PublishException refused = assertThrows(PublishException.class, () -> second.publish("2017.2", url, AUTH));
            assertTrue(refused.getMessage().matches("Another publish holds the lock of \\Q" + url + "\\E: .+@.+ \\(process "
                    + child.pid() + "\\) started publishing 2017.2 \\d+ s ago\\. Wait for it to finish; if it is no"
                    + " longer running, run again with -Dreport.breakLock=true"), refused.getMessage());

            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        }
        // Killed halfway: readers still get the previous site, whole.
        assertEquals(before, List.of(get("versions.json"), get("index.html"), get("2017.1/index.html")));
        assertEquals(404, nginx.get("reports/2017.2/index.html").statusCode());
        List<String> left = leftovers();
        assertEquals(2, left.size(), "the lock and a half-written upload: " + left);
        assertEquals(".publish/lock", left.get(0));
        assertTrue(left.get(1).startsWith(".publish/upload-2017.2-"), left.toString());

        // The next publish removes the dead publish's lock and leftovers, and succeeds.
        second.log.clear();
        PublishResult result = second.publish("2017.2", url, AUTH);
        assertEquals("2017.2", result.latest());
        assertTrue(second.log.get(0).startsWith("WARN Removing the lock of a publish that stopped"), second.log.toString());
        assertTrue(get("versions.json").contains("\"version\" : \"2017.2\""));
        assertTrue(page("latest/index.html").selectFirst("meta[http-equiv=refresh]").attr("content").endsWith("2017.2/index.html"));
        assertEquals(List.of(), leftovers());
    }

    /** Hidden names at the site root but {@code .publish/}, and what {@code .publish/} holds. */
    static List<String> leftovers() throws Exception {
        List<String> left = new ArrayList<>();
        try (var names = Files.list(hosted(""))) {
            names.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && !n.equals(".publish")).forEach(left::add);
        }
        if (Files.isDirectory(hosted(".publish"))) {
            try (var names = Files.list(hosted(".publish"))) {
                names.map(p -> ".publish/" + p.getFileName()).forEach(left::add);
            }
        }
        return left.stream().sorted().toList();
    }

    @Test
    @Order(5)
    void aLockOfAnotherMachineIsBrokenOnlyWhenAsked() throws Exception {
        Path lock = Files.createDirectories(hosted(".publish/lock"));
        Files.writeString(lock.resolve("owner.json"), """
                {"user": "ci", "host": "build-agent-7", "pid": 77, "version": "2017.3", "started": "%s", "token": "t"}"""
                .formatted(java.time.Instant.now().minusSeconds(3 * 3600)));
        second.build("2017.3");
        PublishException refused = assertThrows(PublishException.class, () -> second.publish("2017.3", url, AUTH));
        assertTrue(refused.getMessage().contains(": ci@build-agent-7 (process 77) started publishing 2017.3 3 h ago."),
                refused.getMessage());
        second.publish("2017.3", url, AUTH, false, true, false);
        assertEquals(200, nginx.get("reports/2017.3/index.html").statusCode());
        assertFalse(Files.exists(lock));
    }

    /** The flagship 2017 report, built once, published over WebDAV: the time is printed for the record. */
    @Test
    @Order(6)
    void theFlagshipReportIsPublishedInSeconds() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path siteRoot = work.resolve("flagship/report-site");
        new ReportBuild(new BuildOptions(root, root.resolve("content"), root.resolve("data"), root.resolve("site-template"),
                siteRoot, work.resolve("flagship/cache"), "2017", Optional.empty()), Log.silent()).run();
        PublishOptions options = new PublishOptions(siteRoot, "2017", nginx.dav("flagship/"), Optional.empty(),
                root.resolve("site-template"), false, false, false);
        long start = System.nanoTime();
        PublishResult result = PublishFixture.publish(options, AUTH, new ArrayList<>());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Published the 2017 report over WebDAV: " + result.files() + " files, " + result.bytes()
                + " bytes in " + millis + " ms");
        assertEquals(200, nginx.get("flagship/2017/02-monitoring.html").statusCode());
        assertTrue(millis < 60_000, millis + " ms");
    }
}
