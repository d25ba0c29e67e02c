package org.threatreport.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Problem;
import org.threatreport.diagnostic.Log;
import org.threatreport.testing.ProjectFiles;

/** {@code site:check} over the flagship report and over a copy of it with mistakes. */
class ReportCheckTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static BuildOptions options(Path project, Path content, Path data, Path templates) {
        return new BuildOptions(project, content, data, templates, project.resolve("target/report-site"),
                project.resolve("target/report-cache"), "2017", Optional.empty());
    }

    private static List<String> lines(CheckResult result, Path base) {
        return result.findings().stream().map(p -> p.format(base)).toList();
    }

    @Test
    void theFlagshipChecksCleanOfErrorsAndWritesNothing(@TempDir Path out) throws Exception {
        BuildOptions options = new BuildOptions(ROOT, ROOT.resolve("content"), ROOT.resolve("data"),
                ROOT.resolve("site-template"), out.resolve("site"), out.resolve("cache"), "2017", Optional.empty());

        CheckResult result = new ReportCheck(options, Log.silent()).run();

        assertEquals(List.of(), result.errors().stream().map(p -> p.format(ROOT)).toList());
        assertTrue(result.passes(false));
        result.warnings().forEach(w -> System.out.println("flagship check: " + w.format(ROOT)));
        assertEquals(List.of(), result.warnings().stream().map(p -> p.format(ROOT))
                .filter(w -> w.contains("Chinese characters")).toList(), "the flagship's text is spaced as Chinese is");
        try (Stream<Path> written = Files.list(out)) {
            assertEquals(List.of(), written.toList(), "site:check writes neither the site nor the figure cache");
        }
    }

    @Test
    void reportsEveryMistakeOfEveryFileInOneRun(@TempDir Path project) throws Exception {
        ProjectFiles.copyTree(ROOT.resolve("content"), project.resolve("content"));
        ProjectFiles.copyTree(ROOT.resolve("data"), project.resolve("data"));
        edit(project.resolve("content/02-monitoring.md"), "由@fig-industry 可见",
                "由@fig-industry、@fig-industri与[表](03-services.html#tbl-nope)可见，政府部门 59 起，如 @fig-monthly 所示");
        edit(project.resolve("content/03-services.md"), "title: 应急响应服务分析", "title: 应急响应服务分析\nnumberd: true");
        BuildOptions options = options(project, project.resolve("content"), project.resolve("data"),
                project.resolve("site-template"));

        CheckResult result = new ReportCheck(options, Log.silent()).run();

        List<String> lines = lines(result, project);
        assertEquals(List.of(
                "content/02-monitoring.md:34:16: error: no figure or table has id 'fig-industri' (did you mean 'fig-industry'?)",
                "content/02-monitoring.md:34:34: error: broken link '03-services.html#tbl-nope': 03-services.html has no"
                        + " anchor 'tbl-nope' (did you mean 'tbl-mail'?)",
                "content/02-monitoring.md:34:68: warning: \"59\" is typed by hand; it equals the count of 政府部门 — write"
                        + " it as a computed value, e.g. ${incidents.count(\"industry\", \"政府部门\")}",
                "content/02-monitoring.md:34:74: warning: a space between two Chinese characters: the page reads"
                        + " \"59 起，如 图 1 所示\"; Chinese takes no space between its characters — delete it",
                "content/03-services.md:3:1: error: unknown front matter key 'numberd' (did you mean 'numbered'?);"
                        + " expected one of title, numbered"), lines);
        assertFalse(result.passes(false));
        assertEquals(Problem.Severity.ERROR, result.reported(true).get(2).severity(), "strict: warnings are errors");
    }

    @Test
    void aTableWithMistakesIsNotComparedWithTheText(@TempDir Path project) throws Exception {
        ProjectFiles.copyTree(ROOT.resolve("content"), project.resolve("content"));
        ProjectFiles.copyTree(ROOT.resolve("data"), project.resolve("data"));
        edit(project.resolve("content/02-monitoring.md"), "由@fig-industry 可见", "由@fig-industry 可见，政府部门 59 起");
        edit(project.resolve("data/incidents.csv"), "IR-2017-002,2017-01-03,IT,", "IR-2017-002,2017-01-03,ITT,");

        CheckResult result = new ReportCheck(options(project, project.resolve("content"), project.resolve("data"),
                project.resolve("site-template")), Log.silent()).run();

        List<String> lines = lines(result, project);
        assertEquals(1, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("data/incidents.csv:3:24: error: unknown industry 'ITT' (did you mean 'IT'?)"),
                lines.get(0));
    }

    @Test
    void aTemplateOfTheProjectIsCheckedEvenIfNoPageUsesIt(@TempDir Path project) throws Exception {
        ProjectFiles.copyTree(ROOT.resolve("content"), project.resolve("content"));
        ProjectFiles.copyTree(ROOT.resolve("data"), project.resolve("data"));
        Files.createDirectories(project.resolve("site-template"));
        Files.writeString(project.resolve("site-template/chapter.ftlh"), Files.readString(
                Path.of("src/main/resources/org/threatreport/site-template/chapter.ftlh"))
                .replace("</article>", "<a href=\"assets/missing.css\">x</a>\n</article>"));
        Files.writeString(project.resolve("site-template/partial.ftlh"), "<p>${report.title</p>\n");

        CheckResult result = new ReportCheck(options(project, project.resolve("content"), project.resolve("data"),
                project.resolve("site-template")), Log.silent()).run();

        List<String> lines = lines(result, project);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).matches("site-template/chapter\\.ftlh:\\d+:\\d+: error: broken link 'assets/missing\\.css':"
                + " the site has no file assets/missing\\.css.*"), lines.get(0));
        assertTrue(lines.get(1).startsWith("site-template/partial.ftlh:1:"), lines.get(1));
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " lacks " + from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

}
