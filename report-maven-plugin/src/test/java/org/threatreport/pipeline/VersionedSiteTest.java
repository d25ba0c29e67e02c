package org.threatreport.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.site.VersionManifest;
import org.threatreport.site.Versions;

/**
 * Two versions of one edition built into one site root by {@code site:report}: the root lists both
 * and lands on the latest, every page carries the version selector and the banner's data, and the
 * second version's corrections log names each number that changed.
 */
class VersionedSiteTest {

    @TempDir
    static Path project;
    static Path root;

    @BeforeAll
    static void buildTwoVersions() throws Exception {
        VersionedProject report = new VersionedProject(project);
        root = report.siteRoot();
        report.build("2017.0").revise().build("2017.1");
    }

    /**
     * Every page of the site root and of both versions keeps to the Content-Security-Policy the site
     * is served with (site/ServingHeaders): no inline script, style or event handler anywhere; the
     * scripts of the root's forwarding and 404 pages are files of the latest version.
     */
    @Test
    void noPageHasAnInlineScriptStyleOrHandler() throws Exception {
        List<Path> pages;
        try (var walk = Files.walk(root)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(pages.size() > 10, pages.toString());
        for (Path file : pages) {
            Document page = Jsoup.parse(file.toFile(), "UTF-8");
            String name = root.relativize(file).toString();
            assertEquals(List.of(), page.select("script:not([src]):not([type=application/json])").eachText(), name);
            assertEquals(List.of(), page.select("style, [style]").eachAttr("style"), name);
            assertEquals(0, page.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                    .filter(a -> a.getKey().startsWith("on")).count(), name);
        }
        assertEquals(List.of("2017.1/assets/forward.js"), page("index.html").select("script").eachAttr("src"));
        assertEquals(List.of("../2017.1/assets/forward.js"), page("latest/02-other.html").select("script").eachAttr("src"));
        assertEquals(List.of("versions.js", "2017.1/assets/root-404.js"), page("404.html").select("script").eachAttr("src"));
        for (String asset : List.of("head.js", "forward.js", "root-404.js")) {
            assertTrue(Files.isRegularFile(root.resolve("2017.1/assets/" + asset)), asset);
        }
    }

    static Document page(String path) throws Exception {
        return Jsoup.parse(root.resolve(path).toFile(), "UTF-8");
    }

    static String text(String path) throws Exception {
        return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
    }

    @Test
    void theSiteRootListsBothVersionsAndLandsOnTheLatest() throws Exception {
        Versions versions = Versions.parse(Files.readAllBytes(root.resolve("versions.json")));
        assertEquals(List.of("2017.1", "2017.0"), versions.entries().stream().map(v -> v.version()).toList());
        assertEquals(List.of("latest"), versions.entries().get(0).aliases());
        assertEquals("2017", versions.entries().get(0).edition());
        assertTrue(versions.entries().get(0).pages().containsAll(List.of("index.html", "01-golden.html", "02-other.html",
                "corrections.html")));
        assertTrue(text("versions.js").contains("window.threatReportVersions = [{\"version\":\"2017.1\""));

        Document index = page("index.html");
        assertEquals("0; url=2017.1/index.html", index.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals("2017.1/index.html", index.selectFirst("a").attr("href"));
        assertEquals("0; url=../2017.1/02-other.html", page("latest/02-other.html").selectFirst("meta[http-equiv=refresh]")
                .attr("content"));
        assertEquals(List.of("2017.1/index.html", "2017.1/corrections.html", "2017.0/index.html", "2017.0/corrections.html"),
                page("versions.html").select("main a").eachAttr("href"));
        assertTrue(text("404.html").contains("<script src=\"versions.js\"></script>"));
        assertTrue(text("sitemap.xml").contains("<loc>2017.1/sitemap.xml</loc>"), text("sitemap.xml"));
        assertTrue(text("2017.1/sitemap.xml").contains("<loc>02-other.html</loc>"));
        try (var names = Files.list(root)) {
            assertEquals(List.of(), names.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList());
        }
    }

    @Test
    void everyPageHasTheVersionSelectorAndTheBannerData() throws Exception {
        for (String version : List.of("2017.0", "2017.1")) {
            for (String name : List.of("index.html", "01-golden.html", "02-other.html", "corrections.html")) {
                Document page = page(version + "/" + name);
                assertEquals(version, page.selectFirst("meta[name=report-version]").attr("content"), name);
                assertEquals(name, page.selectFirst("meta[name=report-page]").attr("content"), name);
                Element banner = page.getElementById("version-banner");
                assertTrue(banner.hasAttr("hidden"), "the banner is shown by the script, decided when read");
                assertTrue(banner.attr("data-outdated").contains("{2}"), banner.outerHtml());
                List<String> scripts = page.select("script[src]").eachAttr("src");
                assertTrue(scripts.indexOf("../versions.js") >= 0
                        && scripts.indexOf("../versions.js") < scripts.indexOf("assets/report.js"),
                        "the versions are known before the page's own scripts run: " + scripts);
                Element switcher = page.selectFirst("nav.version-switcher");
                assertTrue(switcher.selectFirst("a[aria-current]").attr("href").startsWith("../" + version + "/"));
            }
        }
        // Without scripts, the selector is a list of links to the same page in each version built so far.
        assertEquals(List.of("../2017.1/02-other.html", "../2017.0/02-other.html", "../versions.html"),
                page("2017.1/02-other.html").select("nav.version-switcher a").eachAttr("href"));
        assertTrue(text("2017.1/assets/report.js").contains("window.threatReportVersions"));
    }

    @Test
    void valuesJsonRecordsEveryInlineValueWithItsPlace() throws Exception {
        VersionManifest manifest = VersionManifest.parse(Files.readAllBytes(root.resolve("2017.1/values.json")));
        assertEquals("2017.1", manifest.version());
        assertEquals("2017", manifest.edition());
        var count = manifest.values().stream().filter(v -> v.page().equals("01-golden.html")
                && v.expression().equals("incidents.count(\"industry\", \"政府部门\")")).findFirst().orElseThrow();
        assertEquals("6", count.value());
        assertEquals(5, count.line());
        assertTrue(count.textBefore().strip().endsWith("其中政府部门"), count.textBefore());
        assertEquals(" 起", count.textAfter());
        assertTrue(manifest.cells().stream().anyMatch(c -> c.id().equals("fig-industry") && c.label().equals("图 1")
                && c.page().equals("01-golden.html") && c.csv().equals("figures/fig-industry.csv")));
    }

    /**
     * The revision moves one incident (G03) from 金融机构 to 政府部门. Counted by hand from the 11 rows of
     * {@code data/incidents.csv}: 政府部门 5 → 6 of 11, 金融机构 2 → 1, 教育 and IT 2 each; the three largest
     * are 政府部门、金融机构、教育 (ties in schema order) → 政府部门、教育、IT. Every number that depends on the
     * industry changes, and nothing else: the months and the scopes are the same.
     */
    @Test
    void theCorrectionsLogNamesExactlyEveryNumberThatChangedInReadingOrder() throws Exception {
        Document corrections = page("2017.1/corrections.html");
        assertEquals("更正说明", corrections.selectFirst("main h1").text());
        String text = corrections.selectFirst("main").text();
        assertTrue(text.contains("事件 G03 的行业由金融机构更正为政府部门（共 11 起事件）"), text);
        assertTrue(text.contains("与 2017.0 版相比"), text);
        assertEquals(List.of("第一章 黄金样例"), corrections.select(".changes h3").eachText());
        assertEquals(List.of(
                "2017 年，测试团队共处置 11 起事件，其中政府部门 5 → 6 起",
                "…测试团队共处置 11 起事件，其中政府部门 6 起（45.5% → 54.5%",
                "…其中政府部门 6 起（54.5%，约 45% → 55%",
                "排名前三的行业是政府部门、金融机构、教育 → 政府部门、教育、IT 信息技术",
                "排名前三的行业是政府部门、教育、IT 信息技术，合计占 81.8% → 90.9%",
                "图 1 各行业事件数量 政府部门 5（45.5%） → 6（54.5%） 金融机构 2（18.2%） → 1（9.1%）",
                "第 1 位：政府部门，5 → 6 起",
                "第 1 位：政府部门，6 起（45.5% → 54.5%",
                "第 2 位：金融机构 → 教育",
                "第 3 位：其他，4 → 3 起",
                "第 3 位：其他，3 起（36.4% → 27.3%",
                "表 1 事件最多的两个行业 政府部门 5（45.5%） → 6（54.5%） 教育 — → 2（18.2%） 其他 4（36.4%） → 3（27.3%）"
                        + " 金融机构 2（18.2%） → —"), corrections.select(".changes-list > li").eachText());
        assertFalse(text.contains("incidents.") || text.contains("@fig") || text.contains("${"), text);
        assertEquals("../2017.0/corrections.html", corrections.selectFirst(".changes-earlier a").attr("href"));

        String first = page("2017.0/corrections.html").selectFirst("main").text();
        assertTrue(first.contains("这是本报告的第一个版本。"), first);
    }
}
