package org.threatreport.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threatreport.check.CheckResult;
import org.threatreport.check.ReportCheck;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Log;
import org.threatreport.pipeline.BuildResult;
import org.threatreport.pipeline.ReportBuild;

/**
 * A new report project, in each language, is a real report: it builds at once, the strict check
 * finds nothing, and its pages show the computed values, the figures and the table.
 */
class ReportScaffoldTest {

    @TempDir
    Path dir;

    static final Log QUIET = new Log() {
        @Override
        public void info(String message) {
        }

        @Override
        public void debug(String message) {
        }
    };

    NewReport report(String folder, String title, String language) {
        return new NewReport(dir.resolve(folder), title, language.equals("en") ? "ACME CERT" : "某某安全中心", 2024, language,
                "org.example.reports", NewReport.artifactId(folder), LocalDate.of(2025, 3, 14), NewReportTest.PLUGIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void aNewReportBuildsAndPassesTheStrictCheck(String language) throws Exception {
        NewReport report = report("new-" + language, language.equals("en") ? "Threat report 2024" : "2024 年安全报告", language);
        List<String> files = ReportScaffold.write(report);
        assertEquals(List.of("pom.xml", ".gitignore", "README.md", "content/report.yaml", "content/index.md",
                "content/01-overview.md", "content/02-industries.md", "data/incidents.schema.yaml", "data/incidents.csv",
                "site-template/README.md"), files);
        Path project = report.folder();
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(project), left.toList(), "no temporary folder is left beside it");
        }
        assertFalse(Files.readString(project.resolve("data/incidents.csv")).contains("{{"), "every placeholder filled");
        List<String> rows = Files.readAllLines(project.resolve("data/incidents.csv"));
        assertTrue(rows.size() > 30 && rows.size() <= 61, rows.size() + " rows");
        assertTrue(rows.stream().skip(1).allMatch(r -> r.startsWith("EX-") && r.contains(",2024-")), "example ids, in the year");

        BuildOptions options = BuildOptions.conventional(project, "2024.0");
        CheckResult check = new ReportCheck(options, QUIET).run();
        assertEquals(List.of(), check.reported(true), "site:check -Dreport.strict=true finds nothing");
        BuildResult built = new ReportBuild(options, QUIET).run();
        assertEquals(2, built.chapters());
        assertEquals(2, built.figures());

        Path site = built.versionDir();
        Document overview = Jsoup.parse(site.resolve("01-overview.html").toFile(), "UTF-8");
        Document industries = Jsoup.parse(site.resolve("02-industries.html").toFile(), "UTF-8");
        assertTrue(overview.text().contains(language.equals("en") ? "recorded 40 cyber-security incidents" : "共记录网络安全事件 40 起"),
                overview.text());
        assertTrue(industries.text().contains(language.equals("en") ? "Government had the most incidents, 12 or 30.0%"
                : "政府部门的事件最多，共 12 起，占 30.0%"), industries.text());
        assertEquals(1, industries.select("figure img[src=figures/fig-industry.svg]").size());
        assertEquals(1, overview.select("figure img[src=figures/fig-monthly.svg]").size());
        assertTrue(Files.exists(site.resolve("figures/fig-monthly.png")));
        assertEquals(1, industries.select("#tbl-type table").size() + industries.select("table#tbl-type").size());
        assertEquals(language, Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8").selectFirst("html").attr("lang"));
    }

    @Test
    void thePomUsesThisPluginsVersionAndTitlesAreEscaped() throws Exception {
        String title = "\"Q&A\" <2024> \\ report";
        NewReport report = report("escaped", title, "en");
        ReportScaffold.write(report);
        Path pom = report.folder().resolve("pom.xml");
        org.w3c.dom.Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        assertEquals(title, xml.getElementsByTagName("name").item(0).getTextContent());
        assertEquals("escaped", xml.getElementsByTagName("artifactId").item(0).getTextContent());
        assertEquals("2024.0", xml.getElementsByTagName("version").item(0).getTextContent());
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        assertTrue(text.contains("<groupId>org.threatreport</groupId>\n        <artifactId>report-maven-plugin</artifactId>\n"
                + "        <version>2017.0-SNAPSHOT</version>"), text);

        BuildResult built = new ReportBuild(BuildOptions.conventional(report.folder(), "2024.0"), QUIET).run();
        Document index = Jsoup.parse(built.versionDir().resolve("index.html").toFile(), "UTF-8");
        assertEquals(title, index.selectFirst(".site-title").text());
    }

    @Test
    void aFolderThatIsNotEmptyIsNeverWrittenInto() throws Exception {
        Path old = Files.createDirectories(dir.resolve("old"));
        Files.writeString(old.resolve("keep.txt"), "mine");
        ScaffoldException e = assertThrows(ScaffoldException.class, () -> ReportScaffold.write(report("old", "T", "en")));
        assertTrue(e.getMessage().contains("already exists and is not empty: nothing was written"), e.getMessage());
        try (Stream<Path> files = Files.list(old)) {
            assertEquals(List.of(old.resolve("keep.txt")), files.toList());
        }
        // An empty folder is used.
        Files.createDirectories(dir.resolve("empty"));
        ReportScaffold.write(report("empty", "T", "en"));
        assertTrue(Files.isRegularFile(dir.resolve("empty/content/report.yaml")));
    }

    @Test
    void theReadmeStartsAReportWithThePluginThisRepositoryBuilds() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        java.util.regex.Matcher parent = java.util.regex.Pattern.compile("<parent>.*?<version>([^<]+)</version>",
                java.util.regex.Pattern.DOTALL).matcher(pom);
        assertTrue(parent.find());
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("\nmvn org.threatreport:report-maven-plugin:" + parent.group(1) + ":new\n"),
                "the README's command names version " + parent.group(1));
    }

    @Test
    void eachLanguageHasItsOwnTextsAndTheSameFiles() {
        for (String name : ReportScaffold.fileNames()) {
            String zh = ReportScaffold.template("zh-CN", name);
            String en = ReportScaffold.template("en", name);
            if (name.startsWith("content/") || name.startsWith("data/") || name.endsWith("README.md")) {
                assertFalse(zh.equals(en), name + " is written in each language");
            }
        }
        assertTrue(ReportScaffold.template("zh-CN", "content/01-overview.md").contains("起"));
        assertFalse(ReportScaffold.template("en", "content/02-industries.md").matches("(?s).*[\\u4e00-\\u9fff].*"),
                "the English texts have no Chinese");
    }
}
