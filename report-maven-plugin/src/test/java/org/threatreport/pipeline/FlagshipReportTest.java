package org.threatreport.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Log;
import org.threatreport.testing.ProjectFiles;

/**
 * The flagship 2017 report built from this repository: every published figure is reproduced by
 * computation, every link resolves, and two builds are identical to the byte.
 */
class FlagshipReportTest {

    @TempDir
    static Path work;
    static Path site;

    @BeforeAll
    static void build() throws Exception {
        BuildResult result = FlagshipBuild.build(work.resolve("first"), work.resolve("cache"));
        site = result.versionDir();
    }

    static Document page(String name) throws IOException {
        return Jsoup.parse(site.resolve(name).toFile(), "UTF-8");
    }

    /** The text of the first paragraph or list item of the page that contains every one of {@code parts}. */
    static String blockWith(String pageName, String... parts) throws IOException {
        for (Element block : page(pageName).select("main p, main li")) {
            String text = block.text();
            if (Stream.of(parts).allMatch(text::contains)) {
                return text;
            }
        }
        throw new AssertionError(pageName + " has no paragraph containing all of " + List.of(parts));
    }

    @Test
    void everyChapterHasItsPage() {
        for (String name : List.of("index.html", "01-preface.html", "02-monitoring.html", "03-services.html",
                "04-appendix.html")) {
            assertTrue(Files.isRegularFile(site.resolve(name)), name);
        }
    }

    @Test
    void reproducesThePublishedIndustryFigures() throws IOException {
        blockWith("02-monitoring.html", "199");
        blockWith("02-monitoring.html", "政府部门", "59", "29.6%");
        blockWith("02-monitoring.html", "事业单位", "24", "12.1%");
        blockWith("02-monitoring.html", "金融机构", "16", "8.0%");
        // The seed printed 49.6%, an arithmetic slip: the counts give 99 of 199 = 49.7%.
        blockWith("02-monitoring.html", "政府部门、事业单位、金融机构", "49.7%");
        blockWith("02-monitoring.html", "交通运输、教育培训、能源、IT 信息技术、媒体", "33%");
        blockWith("index.html", "199");
        blockWith("index.html", "49.7%");
        for (String name : List.of("index.html", "02-monitoring.html")) {
            assertFalse(page(name).text().contains("49.6%"), name + " repeats the seed's slip");
        }
    }

    @Test
    void reproducesThePublishedDiscoveryAndScopeFigures() throws IOException {
        blockWith("02-monitoring.html", "88%", "12%", "通报");
        blockWith("02-monitoring.html", "内部安全运营巡检", "39%", "49%");
        blockWith("02-monitoring.html", "外部网站和内部网站", "42%", "内部服务器和数据库", "39%");
        blockWith("02-monitoring.html", "办公终端", "9%", "重要业务系统", "3%");
    }

    @Test
    void reproducesThePublishedIntentPhenomenonAndEventFigures() throws IOException {
        String intent = blockWith("02-monitoring.html", "黑产活动", "敲诈勒索", "两大");
        assertTrue(intent.indexOf("黑产活动") < intent.indexOf("敲诈勒索"), intent);
        blockWith("02-monitoring.html", "APT 攻击", "政治原因");
        blockWith("02-monitoring.html", "生产效率低下", "29.1%");
        blockWith("02-monitoring.html", "破坏性攻击", "18%");
        blockWith("02-monitoring.html", "声誉影响", "16%");
        blockWith("02-monitoring.html", "系统不可用", "10%");
        blockWith("02-monitoring.html", "服务器病毒告警", "28%");
        blockWith("02-monitoring.html", "网页被篡改", "12%");
        blockWith("02-monitoring.html", "PC 病毒告警", "8%");
    }

    @Test
    void monthlyTrendIsLowestInJanuaryAndFebruaryAndHighestInNovemberAndDecember() throws IOException {
        List<Long> months = Files.readAllLines(site.resolve("figures/fig-monthly.csv")).stream().skip(1)
                .map(line -> Long.parseLong(line.split(",")[1])).toList();
        assertEquals(12, months.size());
        long middleMin = months.subList(2, 10).stream().min(Long::compare).orElseThrow();
        long middleMax = months.subList(2, 10).stream().max(Long::compare).orElseThrow();
        assertTrue(months.get(0) < middleMin && months.get(1) < middleMin, months.toString());
        assertTrue(months.get(10) > middleMax && months.get(11) > middleMax, months.toString());
    }

    @Test
    void everyFigureIsDrawnNumberedAndDescribed() throws IOException {
        Document chapter = page("02-monitoring.html");
        List<String> ids = chapter.select("figure.figure").eachAttr("id");
        assertEquals(List.of("fig-monthly", "fig-industry", "fig-discovery", "fig-scope", "fig-intent",
                "fig-phenomenon", "fig-event-type"), ids);
        for (int i = 0; i < ids.size(); i++) {
            Element figure = chapter.getElementById(ids.get(i));
            assertEquals("图 " + (i + 1), figure.selectFirst(".figure-number").text());
            assertTrue(Files.size(site.resolve("figures/" + ids.get(i) + ".svg")) < 150_000, ids.get(i));
            assertTrue(Files.isRegularFile(site.resolve("figures/" + ids.get(i) + ".png")), ids.get(i));
            assertFalse(figure.selectFirst("img").attr("alt").isBlank(), ids.get(i));
        }
        String alt = chapter.getElementById("fig-industry").selectFirst("img").attr("alt");
        assertTrue(alt.startsWith("条形图：政府部门 59 起（29.6%）、") || alt.startsWith("条形图：政府部门 59 起（29.6%）；"), alt);
    }

    @Test
    void theChosenChartFontDrawsEveryLabelOfTheReport() throws Exception {
        java.util.Set<String> labels = new java.util.TreeSet<>();
        try (Stream<Path> csvs = Files.list(site.resolve("figures"))) {
            for (Path csv : csvs.filter(f -> f.toString().endsWith(".csv")).toList()) {
                List<String> lines = Files.readAllLines(csv);
                labels.addAll(List.of(lines.get(0).split(",")));
                lines.stream().skip(1).map(line -> line.split(",")[0]).forEach(labels::add);
            }
        }
        var font = org.threatreport.chart.ChartFonts.choose(null, null, labels).font();
        for (String label : labels) {
            assertEquals(-1, font.canDisplayUpTo(label), font.getFontName() + " cannot draw " + label);
        }
    }

    @Test
    void theReportsOwnTemplateOverridesTheBuiltInOne() throws IOException {
        assertTrue(Files.readString(site.resolve("assets/custom.css")).contains("--accent: #1d5c96"));
        assertTrue(page("index.html").select("link[rel=stylesheet]").eachAttr("href").contains("assets/custom.css"));
    }

    @Test
    void noInternalLinkIsBroken() throws IOException {
        List<String> broken = new ArrayList<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path html : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document doc = Jsoup.parse(html.toFile(), "UTF-8");
                for (Element link : doc.select("[href], [src]")) {
                    String target = link.hasAttr("href") ? link.attr("href") : link.attr("src");
                    if (target.startsWith("http") || target.startsWith("mailto:")) {
                        continue;
                    }
                    assertFalse(target.startsWith("/"), "absolute link " + target + " in " + html);
                    String[] parts = target.split("#", 2);
                    Path file = parts[0].isEmpty() ? html : html.resolveSibling(parts[0]).normalize();
                    if (!Files.isRegularFile(file)) {
                        broken.add(site.relativize(html) + " → " + target);
                    } else if (parts.length == 2 && file.toString().endsWith(".html")
                            && Jsoup.parse(file.toFile(), "UTF-8").getElementById(parts[1]) == null) {
                        broken.add(site.relativize(html) + " → " + target + " (no such id)");
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void twoBuildsAreIdenticalToTheByte() throws Exception {
        Path second = FlagshipBuild.build(work.resolve("second"), work.resolve("cache-second")).versionDir();
        Map<String, byte[]> first = files(site);
        Map<String, byte[]> again = files(second);
        assertEquals(first.keySet(), again.keySet());
        for (String name : first.keySet()) {
            assertArrayEquals(first.get(name), again.get(name), name);
        }
    }

    @Test
    void aFailedBuildLeavesTheLastGoodSiteUntouched(@TempDir Path project) throws Exception {
        ProjectFiles.copyTree(FlagshipBuild.ROOT.resolve("content"), project.resolve("content"));
        ProjectFiles.copyTree(FlagshipBuild.ROOT.resolve("data"), project.resolve("data"));
        Path output = project.resolve("target/report-site");
        var options = new org.threatreport.config.BuildOptions(project, project.resolve("content"),
                project.resolve("data"), project.resolve("site-template"), output, project.resolve("target/cache"),
                "2017", java.util.Optional.empty());
        new ReportBuild(options, Log.silent()).run();
        Map<String, byte[]> good = files(output.resolve("2017"));

        Path chapter = project.resolve("content/02-monitoring.md");
        Files.writeString(chapter, Files.readString(chapter).replace("incidents.count()", "incidents.cont()"));
        InputException failure = assertThrows(InputException.class, () -> new ReportBuild(options, Log.silent()).run());
        assertTrue(failure.describe(project).startsWith("content/02-monitoring.md:"), failure.describe(project));

        Map<String, byte[]> after = files(output.resolve("2017"));
        assertEquals(good.keySet(), after.keySet());
        good.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
        try (Stream<Path> left = Files.list(output)) {
            // The version folder and the site root's files (versions.json, index.html, …), no temporary leftovers.
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList());
        }
    }

    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }


}
