package org.threatreport.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files that make the report readable, as built for the flagship 2017 report: the search
 * index, the whole report on one page, the search and 404 pages, the sitemap, descriptions and
 * link previews, the sidebar and the UI strings.
 */
class ReadingSiteTest {

    static Path site;
    static JsonNode index;

    @BeforeAll
    static void build() throws Exception {
        site = ReadingSite.version();
        String script = Files.readString(site.resolve("search-index.js"));
        String prefix = "window.REPORT_SEARCH_INDEX = ";
        assertTrue(script.startsWith(prefix), "search-index.js sets a global");
        index = new ObjectMapper().readTree(script.substring(prefix.length(), script.lastIndexOf(';')));
    }

    static Document page(String name) throws IOException {
        return Jsoup.parse(site.resolve(name).toFile(), "UTF-8");
    }

    /** The passages the index gives for a query, found as search.js finds them (prefix rules aside, CJK exactly). */
    static Set<String> found(String query) {
        String needle = org.threatreport.site.SearchTokenizer.normalize(query);
        Set<Integer> candidates = null;
        for (String term : org.threatreport.site.SearchTokenizer.tokens(query)) {
            Set<Integer> postings = new HashSet<>();
            index.path("terms").path(term).forEach(p -> postings.add(p.asInt()));
            if (candidates == null) {
                candidates = postings;
            } else {
                candidates.retainAll(postings);
            }
        }
        Set<String> links = new LinkedHashSet<>();
        for (int p : new TreeSet<>(candidates)) {
            JsonNode passage = index.get("passages").get(p);
            String text = org.threatreport.site.SearchTokenizer.normalize(passage.get(2).asText() + "\n" + passage.get(3).asText());
            if (text.contains(needle)) {
                String page = index.get("pages").get(passage.get(0).asInt()).get(0).asText();
                links.add(passage.get(1).asText().isEmpty() ? page : page + "#" + passage.get(1).asText());
            }
        }
        return links;
    }

    @Test
    void theSearchIndexOfThe2017ReportStaysSmall() throws IOException {
        long size = Files.size(site.resolve("search-index.js"));
        assertTrue(size < 300_000, "search-index.js is " + size + " bytes");
        assertEquals("zh-CN", index.get("language").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"勒索", "挖矿", "毒", "政府部门", "DDoS", "ddos", "199"})
    void searchFindsEveryPassageThatContainsTheQueryAndNoOther(String query) throws IOException {
        Set<String> expected = ReportText.containing(site, query);
        assertFalse(expected.isEmpty(), "the report mentions " + query);
        assertEquals(expected, found(query), query);
    }

    @Test
    void everyPassageOfTheReportIsIndexed() throws IOException {
        List<String> links = new ArrayList<>();
        for (JsonNode passage : index.get("passages")) {
            String page = index.get("pages").get(passage.get(0).asInt()).get(0).asText();
            links.add(passage.get(1).asText().isEmpty() ? page : page + "#" + passage.get(1).asText());
        }
        assertEquals(ReportText.passages(site).stream().map(ReportText.Passage::link).toList(), links);
    }

    @Test
    void theBuildLogsTheSearchIndexAsAStage() throws Exception {
        assertTrue(ReadingSite.log().stream().anyMatch(line ->
                line.matches("Indexed \\d+ passages of 5 pages for search \\(\\d+ terms, \\d+ KB\\) in \\d+ ms")),
                ReadingSite.log().toString());
    }

    @Test
    void theWholeReportIsOnePageWithUniqueIdsAndWorkingLinks() throws IOException {
        Document all = page("all.html");
        assertEquals(1, all.select("h1").size());
        List<String> sectionTitles = all.select("section.whole-chapter > h2").eachText();
        List<String> expected = new ArrayList<>(List.of("摘要"));
        expected.addAll(page("index.html").select(".toc-chapters > li > a").eachText());
        assertEquals(expected, sectionTitles);
        List<String> ids = all.select("[id]").eachAttr("id");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "ids are unique");
        for (Element link : all.select("main a[href^=#]")) {
            assertTrue(all.getElementById(link.attr("href").substring(1)) != null, link.outerHtml());
        }
        for (String chapter : ReportText.chapterPages(site)) {
            assertTrue(all.select("main a[href^=" + chapter + "]").isEmpty(), "links into " + chapter + " stay on the page");
        }
        assertEquals(page("02-monitoring.html").select("figure.figure").size() + page("03-services.html").select("figure.figure").size(),
                all.select("figure.figure").size());
        assertFalse(all.select("button[data-print]").isEmpty());
        assertEquals(all.select("section.whole-chapter").eachAttr("id").stream().map(id -> "#" + id).toList(),
                all.select(".nav-whole .nav-sections a").eachAttr("href"), "the sidebar lists the parts of the page");
    }

    @Test
    void theSidebarListsTheChaptersAndTheSectionsOfTheOneBeingRead() throws IOException {
        Document chapter = page("03-services.html");
        Element current = chapter.selectFirst(".site-nav a[aria-current=page]");
        assertEquals("03-services.html", current.attr("href"));
        List<String> sections = current.parent().select(".nav-sections a").eachAttr("href");
        List<String> headings = chapter.select("article.chapter h2[id], article.chapter h3[id]").eachAttr("id")
                .stream().map(id -> "#" + id).toList();
        assertEquals(headings, sections);
        assertEquals(1, chapter.select(".nav-sections").size(), "only the current chapter is expanded");
        assertEquals("all.html", chapter.selectFirst(".nav-whole a").attr("href"));
        assertEquals("02-monitoring.html", chapter.selectFirst("a[rel=prev]").attr("href"));
        assertEquals("04-appendix.html", chapter.selectFirst("a[rel=next]").attr("href"));
    }

    @Test
    void everyPageHasADescriptionLinkPreviewFaviconAndSearchBox() throws IOException {
        for (String name : List.of("index.html", "01-preface.html", "02-monitoring.html", "all.html", "search.html", "404.html")) {
            Document doc = page(name);
            String description = doc.selectFirst("meta[name=description]").attr("content");
            assertFalse(description.isBlank(), name);
            assertTrue(description.length() <= 160, name + ": " + description);
            assertEquals(description, doc.selectFirst("meta[property=og:description]").attr("content"), name);
            assertEquals(doc.title(), doc.selectFirst("meta[property=og:title]").attr("content"), name);
            assertEquals("zh_CN", doc.selectFirst("meta[property=og:locale]").attr("content"), name);
            assertEquals("assets/favicon.svg", doc.selectFirst("link[rel=icon]").attr("href"), name);
            assertEquals("search.html", doc.selectFirst("form[role=search]").attr("action"), name);
            assertTrue(Files.isRegularFile(site.resolve("assets/favicon.svg")));
        }
        assertTrue(page("index.html").selectFirst("meta[name=description]").attr("content").startsWith("360 安服团队对 2017 年"));
        assertTrue(page("02-monitoring.html").selectFirst("meta[name=description]").attr("content")
                .startsWith("2017 年，360 安服团队在全国范围内共参与处置网络安全应急响应事件 199 起"));
    }

    @Test
    void absoluteAddressesComeFromTheConfiguredSiteUrl() throws IOException {
        String version = ReadingSite.SITE_URL + "2017/";
        Document chapter = page("02-monitoring.html");
        assertEquals(version + "02-monitoring.html", chapter.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(version + "02-monitoring.html", chapter.selectFirst("meta[property=og:url]").attr("content"));
        assertEquals(version + "figures/fig-monthly.png", chapter.selectFirst("meta[property=og:image]").attr("content"));
        assertTrue(Files.isRegularFile(site.resolve("figures/fig-monthly.png")));
        String sitemap = Files.readString(site.resolve("sitemap.xml"));
        List<String> locations = Jsoup.parse(sitemap, "", org.jsoup.parser.Parser.xmlParser()).select("url > loc").eachText();
        List<String> expected = new ArrayList<>(List.of(version + "index.html"));
        ReportText.chapterPages(site).forEach(page -> expected.add(version + page));
        assertTrue(locations.containsAll(expected), locations.toString());
        assertTrue(locations.stream().allMatch(loc -> loc.startsWith(version)), locations.toString());
        // search results and the 404 page are not for search engines
        for (String name : List.of("search.html", "404.html")) {
            assertEquals("noindex", page(name).selectFirst("meta[name=robots]").attr("content"), name);
            assertTrue(page(name).select("link[rel=canonical]").isEmpty(), name);
            assertFalse(locations.contains(version + name));
        }
        // the 404 page is served at any depth: its links resolve from the version folder
        assertEquals("/threat-report/2017/", page("404.html").selectFirst("base").attr("href"));
    }

    @Test
    void withoutASiteUrlNothingAbsoluteIsMadeUp(@org.junit.jupiter.api.io.TempDir Path work) throws Exception {
        Path plain = new org.threatreport.pipeline.ReportBuild(ReadingSite.options(work.resolve("site"), work.resolve("cache")),
                org.threatreport.diagnostic.Log.silent()).run().versionDir();
        Document chapter = Jsoup.parse(plain.resolve("02-monitoring.html").toFile(), "UTF-8");
        assertTrue(chapter.select("link[rel=canonical], meta[property=og:url], meta[property=og:image]").isEmpty());
        assertFalse(chapter.select("meta[property=og:description]").isEmpty());
        assertTrue(Jsoup.parse(plain.resolve("404.html").toFile(), "UTF-8").select("base").isEmpty());
        assertFalse(Files.readString(plain.resolve("sitemap.xml")).contains("http://example"), "no made-up host");
    }

    @Test
    void theScriptsStringsComeFromTheMessageBundleOfTheReportsLanguage() throws IOException {
        String json = page("index.html").getElementById("report-ui").data();
        JsonNode strings = new ObjectMapper().readTree(json);
        assertEquals("链接已复制", strings.get("js.anchor.copied").asText());
        assertEquals("{0} 条结果", strings.get("js.search.count").asText());
        assertTrue(strings.size() >= 10);
    }

    @Test
    void bothBundlesHaveEveryStringOfTheReadingPages() throws IOException {
        Properties en = bundle("messages_en.properties");
        Properties zh = bundle("messages_zh-CN.properties");
        for (String key : List.of("nav.menu", "site.wholeReport", "site.wholeReportIntro", "site.print", "site.search",
                "search.label", "search.placeholder", "search.noscript", "notFound.title", "notFound.text", "notFound.search",
                "notFound.home", "js.search.loading", "js.search.one", "js.search.count", "js.search.none", "js.search.for",
                "js.search.more", "js.search.unavailable", "js.anchor.copy", "js.anchor.copied", "js.figure.open",
                "js.figure.close")) {
            assertTrue(en.containsKey(key), "en: " + key);
            assertTrue(zh.containsKey(key), "zh-CN: " + key);
        }
    }

    @Test
    void everyNewAssetIsListedAndCopied() throws IOException {
        for (String asset : List.of("assets/reading.css", "assets/print.css", "assets/nav.js", "assets/search.js",
                "assets/favicon.svg")) {
            assertTrue(Files.isRegularFile(site.resolve(asset)), asset);
        }
        Document chapter = page("02-monitoring.html");
        assertEquals("print", chapter.selectFirst("link[href=assets/print.css]").attr("media"));
        List<String> styles = chapter.select("link[rel=stylesheet]").eachAttr("href");
        assertTrue(styles.indexOf("assets/reading.css") < styles.indexOf("assets/custom.css"), "custom.css still wins");
    }

    @Test
    void anEnglishReportGetsEnglishSearchAndReadingPages(@org.junit.jupiter.api.io.TempDir Path work) throws Exception {
        Path project = ReadingSite.ROOT.resolve("report-maven-plugin/src/it/english-report");
        var options = new org.threatreport.config.BuildOptions(project, project.resolve("content"), project.resolve("data"),
                project.resolve("site-template"), work.resolve("site"), work.resolve("cache"), "1.0", java.util.Optional.empty());
        Path english = new org.threatreport.pipeline.ReportBuild(options, org.threatreport.diagnostic.Log.silent()).run().versionDir();
        Document search = Jsoup.parse(english.resolve("search.html").toFile(), "UTF-8");
        assertEquals("en", search.selectFirst("html").attr("lang"));
        assertEquals("en", search.selectFirst("meta[property=og:locale]").attr("content"));
        assertEquals("Search the report", search.selectFirst("label[for=search-input]").text());
        JsonNode strings = new ObjectMapper().readTree(search.getElementById("report-ui").data());
        assertEquals("{0} results", strings.get("js.search.count").asText());
        assertEquals("Link copied", strings.get("js.anchor.copied").asText());
        Document all = Jsoup.parse(english.resolve("all.html").toFile(), "UTF-8");
        assertEquals("Whole report on one page", all.selectFirst(".nav-whole a").text());
        assertEquals("Abstract", all.selectFirst("section.whole-chapter > h2").text());
        String script = Files.readString(english.resolve("search-index.js"));
        assertTrue(script.contains("\"language\":\"en\""));
        assertTrue(script.contains("\"phishing\":["), "English words are terms");
        assertFalse(Jsoup.parse(english.resolve("404.html").toFile(), "UTF-8").title().contains("页面"));
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = ReadingSiteTest.class.getResourceAsStream("/org/threatreport/site-template/" + name)) {
            properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        return properties;
    }
}
