package org.threatreport.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.notebook.NotebookChecks;
import org.threatreport.notebook.NotebookRunner;
import org.threatreport.config.BuildOptions;
import org.threatreport.testing.ProjectFiles;
import org.threatreport.testing.Requires;

/**
 * The flagship report's chapters as portable Markdown and as Jupyter notebooks: every notebook is
 * valid nbformat 4.5, its code re-run with JShell prints the numbers of the report's own
 * {@code figures/<id>.csv} and draws exactly the pictures stored under its cells — on the report's data
 * with a summary of 20,000 characters and a byte-order mark, which the build reads too — the Markdown
 * converts with pandoc to HTML and docx without a warning, and the pages link to both.
 */
class ChapterFormatsTest {

    static final List<String> CHAPTERS = List.of("01-preface", "02-monitoring", "03-services", "04-appendix");
    private static final Pattern IMAGE_OR_LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"(?:[^\"\\\\]|\\\\.)*\")?\\)");

    @TempDir
    static Path work;
    static Path site;
    static BuildResult result;
    /** The notebooks' run, started as soon as they are built: it takes the longest, and runs in its own JVM. */
    static CompletableFuture<NotebookRunner.Output> run;

    @BeforeAll
    static void build() throws Exception {
        Path project = work.resolve("project");
        for (String folder : List.of("content", "data", "site-template")) {
            ProjectFiles.copyTree(FlagshipBuild.ROOT.resolve(folder), project.resolve(folder));
        }
        Path csv = project.resolve("data/incidents.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
        String[] first = lines.get(1).split(",", -1);
        first[first.length - 1] = "某新闻网站在巡检中发现业务服务器触发木马病毒告警。".repeat(800);
        assertEquals(20_000, first[first.length - 1].length());
        lines.set(1, String.join(",", first));
        Files.writeString(csv, "\uFEFF" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        result = new ReportBuild(new BuildOptions(project, project.resolve("content"), project.resolve("data"),
                project.resolve("site-template"), work.resolve("site"), work.resolve("cache"), "2017",
                Optional.empty()), org.threatreport.diagnostic.Log.silent()).run();
        site = result.versionDir();
        List<String> notebooks = CHAPTERS.stream().map(c -> c + ".ipynb").toList();
        run = CompletableFuture.supplyAsync(() -> {
            try {
                return NotebookRunner.run(site, notebooks);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void everyChapterIsAlsoMarkdownAndANotebookAndTheWholeReportMarkdown() {
        for (String chapter : CHAPTERS) {
            assertTrue(Files.isRegularFile(site.resolve(chapter + ".md")), chapter);
            assertTrue(Files.isRegularFile(site.resolve(chapter + ".ipynb")), chapter);
        }
        assertTrue(Files.isRegularFile(site.resolve("report.md")));
        List<String> stages = result.timings().stream().map(StageTiming::stage).toList();
        assertTrue(stages.indexOf("figures") < stages.indexOf("markdown")
                && stages.indexOf("markdown") < stages.indexOf("notebooks")
                && stages.indexOf("notebooks") < stages.indexOf("pages"), stages.toString());
    }

    @Test
    void theNotebooksFollowTheNbformatSchema() throws Exception {
        List<Path> notebooks = CHAPTERS.stream().map(c -> site.resolve(c + ".ipynb")).toList();
        for (Path notebook : notebooks) {
            assertEquals(List.of(), NotebookChecks.structuralProblems(notebook), notebook.toString());
        }
        String python = NotebookChecks.pythonWithNbformat();
        Requires.that(python != null, "Python with nbformat (apt-get install python3-nbformat)");
        assertEquals(notebooks.stream().map(n -> "VALID " + n).toList(),
                NotebookChecks.validateWithNbformat(python, notebooks));
    }

    @Test
    void theNotebooksCodeRunWithJShellPrintsTheNumbersOfTheReport() throws Exception {
        NotebookRunner.Output run = ChapterFormatsTest.run.get(5, TimeUnit.MINUTES);
        assertEquals(List.of(), run.errors(), run.log());
        List<String> compared = new ArrayList<>();
        List<String> pictures = new ArrayList<>();
        for (String chapter : CHAPTERS) {
            Map<String, List<String>> printed = run.printed().get(chapter + ".ipynb");
            assertNotNull(printed, run.log());
            Map<String, String> stored = NotebookChecks.storedPrints(site.resolve(chapter + ".ipynb"));
            for (Map.Entry<String, List<String>> cell : printed.entrySet()) {
                String csv = Files.readString(site.resolve("figures/" + cell.getKey() + ".csv"), StandardCharsets.UTF_8);
                List<String> expected = NotebookChecks.expectedLines(csv, "数量", "占比");
                assertEquals(expected, cell.getValue(), chapter + " " + cell.getKey());
                assertEquals(String.join("\n", expected) + "\n", stored.get(cell.getKey()), cell.getKey() + " stored output");
                compared.add(cell.getKey());
                byte[] storedPicture = NotebookChecks.storedPictures(site.resolve(chapter + ".ipynb")).get(cell.getKey());
                if (storedPicture != null) {
                    Path drawn = NotebookRunner.picture(site, chapter + ".ipynb", cell.getKey());
                    assertNotNull(drawn, cell.getKey() + " drew no picture");
                    assertEquals("", NotebookChecks.pictureDifference(storedPicture, Files.readAllBytes(drawn)),
                            cell.getKey() + ": running the cell changes its picture");
                    pictures.add(cell.getKey());
                }
            }
        }
        assertEquals(List.of("fig-monthly", "fig-industry", "tbl-industry-top", "fig-discovery", "fig-scope",
                "fig-intent", "fig-phenomenon", "fig-event-type", "fig-area-intent", "tbl-website", "tbl-terminal",
                "tbl-server", "tbl-mail"), compared);
        assertEquals(List.of("fig-monthly", "fig-industry", "fig-discovery", "fig-scope", "fig-intent", "fig-phenomenon",
                "fig-event-type", "fig-area-intent"), pictures);
    }

    @Test
    void theMarkdownLinksOnlyToFilesBesideIt() throws IOException {
        for (String name : markdownFiles()) {
            String markdown = Files.readString(site.resolve(name), StandardCharsets.UTF_8);
            assertTrue(markdown.startsWith("---\ntitle: \""), name);
            assertFalse(markdown.contains("@fig-") || markdown.contains("@tbl-") || markdown.contains("```cell"), name);
            Matcher link = IMAGE_OR_LINK.matcher(markdown);
            int links = 0;
            while (link.find()) {
                String target = link.group(1);
                assertFalse(target.contains(".html") || target.startsWith("/") || target.contains("://"), name + ": " + target);
                assertTrue(Files.isRegularFile(site.resolve(target)), name + " links to a missing " + target);
                links++;
            }
            assertTrue(name.startsWith("01-") || name.startsWith("04-") || links > 0, name);
        }
        String whole = Files.readString(site.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(whole.contains("* **199** 起网络安全应急响应事件，团队全年参与处置（图 1）"), "the key numbers: " + whole);
        assertTrue(whole.contains("\n# 摘要\n") && whole.contains("\n# 第二章 应急响应监测分析\n")
                && whole.contains("\n# 附录 360 安服团队\n"), whole);
        assertTrue(whole.contains("| 政府部门 | 59 | 29.6% |"), whole);
    }

    @Test
    void theMarkdownConvertsWithPandocWithoutWarnings() throws Exception {
        String version = pandocVersion();
        Requires.that(version != null, "pandoc (apt-get install pandoc librsvg2-bin)");
        boolean modern = compare(version, "2.19") >= 0;
        Path out = Files.createDirectories(work.resolve("pandoc"));
        List<String> problems = new ArrayList<>();
        for (String name : markdownFiles()) {
            String base = name.replace(".md", "");
            List<String> html = new ArrayList<>(List.of("pandoc", "--fail-if-warnings", "--standalone"));
            // Embedding the images makes pandoc read each one: a missing image is a warning.
            html.addAll(modern ? List.of("--embed-resources") : List.of("--self-contained"));
            html.addAll(List.of(name, "-o", out.resolve(base + ".html").toString()));
            problems.addAll(pandoc(html));
            problems.addAll(pandoc(List.of("pandoc", "--fail-if-warnings", name, "-o", out.resolve(base + ".docx").toString())));
        }
        assertEquals(List.of(), problems);
        assertTrue(Files.size(out.resolve("report.docx")) > 100_000, "the figures are in the docx");
        String html = Files.readString(out.resolve("02-monitoring.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<svg") || html.contains("data:image/svg+xml"), "the figures are in the HTML");
        assertTrue(html.contains("<table"), "the tables are tables");
        Document converted = Jsoup.parse(html);
        assertEquals(List.of("第二章 应急响应监测分析"), converted.select("h1").eachText(), "one title");
        assertEquals(List.of("图 1 2017 年应急响应事件月度趋势", "图 2 2017 年各行业应急响应事件数量排名", "图 3 2017 年应急响应事件的发现方式",
                "图 4 2017 年应急响应事件的影响范围分布", "图 5 2017 年攻击者的攻击意图分布", "图 6 2017 年应急响应事件的攻击现象排名",
                "图 7 2017 年应急响应事件类型分布"), converted.select("figure > figcaption").eachText(),
                "each figure is a figure with its caption");
        assertEquals(1, Jsoup.parse(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8)).select("h1.title")
                .size());
        String docx = documentXml(out.resolve("02-monitoring.docx"));
        assertEquals(7, docx.split("w:val=\"ImageCaption\"", -1).length - 1, "the docx's figures have captions");
        assertEquals(1, docx.split("w:val=\"Title\"", -1).length - 1, "and one title");
    }

    @Test
    void thePagesLinkEveryChapterFormatAndTheHomePageListsTheDownloads() throws IOException {
        for (String chapter : CHAPTERS) {
            Document page = Jsoup.parse(site.resolve(chapter + ".html").toFile(), "UTF-8");
            assertEquals(List.of(chapter + ".md", chapter + ".ipynb"), page.select(".chapter-formats a").eachAttr("href"));
        }
        Document home = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        List<String> downloads = home.select(".downloads a").eachAttr("href");
        assertEquals(List.of("data/incidents.csv", "report.md", "01-preface.ipynb", "02-monitoring.ipynb",
                "03-services.ipynb", "04-appendix.ipynb"), downloads);
        assertTrue(home.select(".downloads a").text().contains("第二章 应急响应监测分析 · Jupyter 笔记本"));
    }

    /** The text of a .docx: its {@code word/document.xml}. */
    private static String documentXml(Path docx) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(docx.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("word/document.xml")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> markdownFiles() {
        List<String> names = new ArrayList<>(CHAPTERS.stream().map(c -> c + ".md").toList());
        names.add("report.md");
        return names;
    }

    /** pandoc's problems with one conversion: its exit status and every warning. */
    private static List<String> pandoc(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).directory(site.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0 || output.contains("WARNING")) {
            problems.add(String.join(" ", command) + ": " + output.strip());
        }
        return problems;
    }

    private static String pandocVersion() {
        try {
            Process process = new ProcessBuilder("pandoc", "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                return null;
            }
            Matcher version = Pattern.compile("pandoc(?:\\.exe)? ([0-9.]+)").matcher(output);
            return version.find() ? version.group(1) : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    private static int compare(String version, String other) {
        String[] a = version.split("\\.");
        String[] b = other.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? Integer.parseInt(a[i]) : 0;
            int y = i < b.length ? Integer.parseInt(b[i]) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
