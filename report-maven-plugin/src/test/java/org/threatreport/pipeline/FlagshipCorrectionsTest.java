package org.threatreport.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.BuildOptions;
import org.threatreport.testing.ProjectFiles;

/**
 * The corrections log of the flagship report, whose tables of chapter 3 repeat labels ("DDoS 攻击" of
 * websites, terminals, servers and mail): a version built from the same files lists no change, and a
 * version in which one incident's symptom is corrected lists exactly the numbers readers see change —
 * counted here from the CSV itself, not by the build.
 */
class FlagshipCorrectionsTest {

    static final String INCIDENT = "IR-2017-006";
    static final int AREA = 8;
    static final int SYMPTOM = 9;

    @TempDir
    static Path project;
    static List<String[]> before;
    static List<String[]> after;

    @BeforeAll
    static void buildThreeVersions() throws Exception {
        for (String folder : List.of("content", "data", "site-template")) {
            ProjectFiles.copyTree(FlagshipBuild.ROOT.resolve(folder), project.resolve(folder));
        }
        build("2017.0");
        build("2017.1");
        Path csv = project.resolve("data/incidents.csv");
        before = rows(csv);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals(INCIDENT)) {
                assertEquals("网页被篡改", cells[SYMPTOM]);
                cells[SYMPTOM] = "非法子页面";
                line = String.join(",", cells);
            }
            lines.add(line);
        }
        Files.write(csv, lines, StandardCharsets.UTF_8);
        after = rows(csv);
        build("2017.2");
    }

    static void build(String version) throws Exception {
        new ReportBuild(new BuildOptions(project, project.resolve("content"), project.resolve("data"),
                project.resolve("site-template"), project.resolve("target/report-site"), project.resolve("target/cache"),
                version, Optional.empty()), org.threatreport.diagnostic.Log.silent()).run();
    }

    static List<String[]> rows(Path csv) throws Exception {
        return Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1).map(l -> l.split(",", -1)).toList();
    }

    static Document corrections(String version) throws Exception {
        return Jsoup.parse(project.resolve("target/report-site/" + version + "/corrections.html").toFile(), "UTF-8");
    }

    /** Incidents of 网站安全 with that symptom. */
    static long count(List<String[]> rows, String symptom) {
        return rows.stream().filter(r -> r[AREA].equals("网站安全") && r[SYMPTOM].equals(symptom)).count();
    }

    /** "28（31.5%）": the count and its share of the area's incidents, rounded half-up to one decimal. */
    static String countAndShare(List<String[]> rows, String symptom) {
        long area = rows.stream().filter(r -> r[AREA].equals("网站安全")).count();
        long count = count(rows, symptom);
        BigDecimal share = BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(area), 1, RoundingMode.HALF_UP);
        return count + "（" + share.toPlainString() + "%）";
    }

    @Test
    void aVersionBuiltFromTheSameFilesListsNoChange() throws Exception {
        Document page = corrections("2017.1");
        assertEquals(List.of(), page.select(".changes-list li").eachText());
        assertTrue(page.selectFirst(".changes").text().contains("与 2017.0 版相比，图表和正文中的数值均无变化。"),
                page.selectFirst(".changes").text());
    }

    @Test
    void oneCorrectedIncidentListsExactlyTheNumbersReadersSeeChange() throws Exception {
        Document page = corrections("2017.2");
        assertEquals(List.of("第三章 应急响应服务分析"), page.select(".changes h3").eachText());
        List<String> entries = page.select(".changes-list > li").eachText();
        assertEquals(2, entries.size(), entries.toString());
        // The sentence before 表 2 names the most common symptom of websites and its count.
        assertTrue(entries.get(0).endsWith("其中最常见的现象是“网页被篡改”（" + count(before, "网页被篡改") + " → "
                + count(after, "网页被篡改") + " 起"), entries.get(0));
        assertEquals("表 2 2017 年网站安全事件的主要现象"
                + " 网页被篡改 " + countAndShare(before, "网页被篡改") + " → " + countAndShare(after, "网页被篡改")
                + " 非法子页面 " + countAndShare(before, "非法子页面") + " → " + countAndShare(after, "非法子页面"), entries.get(1));
        assertEquals("03-services.html#tbl-website", page.selectFirst(".change-cell a").attr("href"));
    }
}
