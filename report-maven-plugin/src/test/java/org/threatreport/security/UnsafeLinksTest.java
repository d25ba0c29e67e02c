package org.threatreport.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.check.CheckResult;
import org.threatreport.check.ReportCheck;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Problem;
import org.threatreport.diagnostic.Log;
import org.threatreport.pipeline.ReportBuild;
import org.threatreport.testing.ProjectFiles;

/**
 * No output of a report — its pages, its Markdown, its notebooks — carries a link a reader's
 * browser would run, however the target is spelled; an editor's raw HTML is text in every output.
 */
class UnsafeLinksTest {

    static final Path FIXTURES = Path.of("src/test/resources/security");
    static final Path DATA = Path.of("src/test/resources/render/golden/input/data");

    /** A copy of {@code security/<name>} with the golden data, ready to build. */
    static BuildOptions project(String name, Path dir) throws Exception {
        ProjectFiles.copyTree(FIXTURES.resolve(name), dir);
        ProjectFiles.copyTree(DATA, dir.resolve("data"));
        return new BuildOptions(dir, dir.resolve("content"), dir.resolve("data"), dir.resolve("site-template"),
                dir.resolve("target/report-site"), dir.resolve("target/report-cache"), "1.0", Optional.empty());
    }

    @Test
    void everyRefusedTargetWrittenInAChapterIsAnErrorAtItsPlaceInBuildAndCheck(@TempDir Path dir) throws Exception {
        BuildOptions options = project("written-links", dir);
        List<String> expected = List.of(
                "content/01-links.md:6:5: error: link target 'JavaScript:alert(1)' is not allowed",
                "content/01-links.md:6:30: error: link target '&#106;avascript:alert(1)' is not allowed",
                "content/01-links.md:6:60: error: link target 'javascript&colon;alert(1)' is not allowed",
                "content/01-links.md:7:2: error: link target 'JAVASCRIPT:alert(1)' is not allowed",
                "content/01-links.md:7:27: error: link target 'vbscript:msgbox(1)' is not allowed",
                "content/01-links.md:7:51: error: link target 'data:text/html,<script>alert(1)</script>' is not allowed",
                "content/01-links.md:8:6: error: link target 'javascript:alert(1)' is not allowed",
                "content/01-links.md:10:8: error: link target 'javascript:alert(1)' is not allowed");

        InputException build = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> new ReportBuild(options, Log.silent()).run());
        CheckResult check = new ReportCheck(options, Log.silent()).run();

        for (List<String> found : List.of(build.describe(dir).lines().toList(),
                check.errors().stream().map(p -> p.format(dir)).toList())) {
            List<String> links = found.stream().filter(l -> l.contains("link target")).map(l -> l.replaceFirst(
                    ": a link may be .*$", "")).toList();
            assertEquals(expected, links, String.join("\n", found));
        }
    }

    @Test
    void computedTargetsAndRawHtmlNeverBecomeLinksOrMarkupInAnyOutput(@TempDir Path dir) throws Exception {
        BuildOptions options = project("links", dir);
        new ReportBuild(options, Log.silent()).run();
        Path site = options.versionDir();
        for (String file : List.of("01-links.md", "report.md", "01-links.ipynb")) {
            String text = java.nio.file.Files.readString(site.resolve(file), StandardCharsets.UTF_8);
            // A bracket escaped for Markdown (\\<) is text; only a bare one is markup.
            java.util.regex.Matcher markup = java.util.regex.Pattern.compile("(?i)(?<!\\\\)<(javascript:|script>window"
                    + "|img src=|a href=|div onmouseover)|\\(javascript:").matcher(text);
            assertFalse(markup.find(), file + " keeps a link or markup a browser would run:\n" + text);
            assertTrue(text.contains("https://example.org/"), file + " lost a good link");
        }
        for (String file : List.of("01-links.html", "all.html")) {
            org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(site.resolve(file).toFile(), "UTF-8");
            for (org.jsoup.nodes.Element element : html.getAllElements()) {
                for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
                    String name = attribute.getKey();
                    boolean address = List.of("href", "src", "action", "formaction", "xlink:href").contains(name);
                    assertFalse(address && attribute.getValue().toLowerCase(java.util.Locale.ROOT).contains("javascript:"),
                            file + ": " + element);
                    assertFalse(name.startsWith("on") && attribute.getValue().contains("xss"), file + ": " + element);
                }
                if (element.tagName().equals("script")) {
                    assertFalse(element.data().contains("xss"), file + ": " + element);
                }
            }
        }
        String page = java.nio.file.Files.readString(site.resolve("01-links.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("<a href=\"https://example.org/\">示例</a>"), page);
        assertTrue(page.contains("&lt;script&gt;window.xss = 7;&lt;/script&gt;"), page);
    }
}
