package org.threatreport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.diagnostic.InputException;
import org.threatreport.testing.ProjectFiles;

/**
 * The chapters as portable Markdown: the golden chapter and {@code report.md} of
 * {@code portable/input/} give exactly {@code portable/expected/} (rewrite with
 * {@code -Dgolden.update=true} and review the diff), and the rules behind them hold.
 */
class PortableMarkdownTest {

    private static PortableFixture fixture;
    private static String chapter;
    private static String whole;

    @BeforeAll
    static void render() throws Exception {
        fixture = PortableFixture.load();
        chapter = fixture.markdown.chapterFile(fixture.chapter("01-golden"));
        whole = fixture.markdown.reportFile(fixture.abstractPage, fixture.chapters);
    }

    @Test
    void theGoldenChapterIsAsExpected() throws Exception {
        PortableFixture.assertGolden("01-golden.md", chapter);
    }

    @Test
    void theWholeReportIsAsExpected() throws Exception {
        PortableFixture.assertGolden("report.md", whole);
    }

    @Test
    void startsWithASmallFrontMatterHoldingTheTitleWhichIsNotRepeated() {
        assertTrue(chapter.startsWith("""
                ---
                title: "Chapter 1 Golden sample"
                report: "Golden sample report"
                version: "1.0"
                lang: "en"
                ---

                In 2017,"""), chapter);
        assertFalse(chapter.contains("# Chapter 1 Golden sample"), "pandoc prints the front matter's title once");
    }

    @Test
    void referencesAreTextOrLinksToTheOtherChaptersFile() {
        assertTrue(chapter.contains("See Figure 1 and Table 1; the next chapter has [Figure 4](02-other.md)."), chapter);
        assertTrue(whole.contains("See Figure 1 and Table 1; the next chapter has Figure 4."), whole);
        assertTrue(whole.contains("Back to Figure 1 of the previous chapter; this one has Figure 4."), whole);
        assertTrue(whole.contains("incidents in all; the sectors are in Figure 1."), whole);
    }

    @Test
    void codeBlocksAreLeftAsTheyAre() {
        assertTrue(chapter.contains("```text\nA code block keeps @fig-sectors and [Figure 4](02-other.html#fig-monthly)"
                + " as they are.\n```"), chapter);
    }

    @Test
    void noLinkLeadsToAPageOfTheSiteOutsideCode() {
        for (String markdown : List.of(chapter, whole)) {
            String prose = markdown.replaceAll("(?s)```text.*?```", "");
            assertFalse(prose.contains(".html"), prose);
            assertFalse(prose.contains("@fig-") || prose.contains("@tbl-"), prose);
            assertFalse(prose.contains("```cell"), prose);
        }
    }

    @Test
    void aFigureIsItsSvgAloneInItsParagraphWithItsCaptionAsItsTextThenLinksToItsPngAndNumbers() {
        assertTrue(chapter.contains("\n\n![**Figure 1** Incidents by sector, as a share of all incidents]"
                + "(figures/fig-sectors.svg \"Column chart: Government 7 (50.0%); Finance 4 (28.6%); Retail 2 (14.3%);"
                + " R&D | *Labs* 1 (7.1%).\")\n\n[PNG](figures/fig-sectors.png) · [CSV](figures/fig-sectors.csv)\n"), chapter);
    }

    @Test
    void withTheReportsAddressKnownLinksPointAtThePublishedVersionAndImagesStayBesideTheFile() {
        PortableMarkdown published = new PortableMarkdown(fixture.report, fixture.cells, fixture.messages,
                "https://reports.example.org/threat/1.0/");
        String file = published.chapterFile(fixture.chapter("01-golden"));
        assertTrue(file.contains("(figures/fig-sectors.svg \""), file);
        assertTrue(file.contains("[PNG](https://reports.example.org/threat/1.0/figures/fig-sectors.png) · "
                + "[CSV](https://reports.example.org/threat/1.0/figures/fig-sectors.csv)"), file);
        assertTrue(file.contains("the next chapter has [Figure 4](https://reports.example.org/threat/1.0/02-other.html#fig-monthly)"),
                file);
        assertTrue(file.contains("· [CSV](https://reports.example.org/threat/1.0/figures/tbl-techniques.csv)"), file);
    }

    @Test
    void aTableIsAGfmTableWithItsValuesEscaped() {
        assertTrue(chapter.contains("""
                **Table 1** The three most common techniques (an incident may use several) · [CSV](figures/tbl-techniques.csv)\\
                *n = 14; 1 not recorded left out*

                | Technique | Count | Share |
                | :--- | ---: | ---: |
                | Weak password | 5 | 35.7% |
                """), chapter);
        String other = fixture.markdown.chapterFile(fixture.chapter("02-other"));
        assertTrue(other.contains("| R\\&D \\| \\*Labs\\* | 1 | 7.1% |"), other);
        assertTrue(chapter.contains("; R&D | *Labs* 1 (7.1%).\")"), "a title is text, not Markdown: " + chapter);
    }

    @Test
    void theBlocksOfAChapterAlternateProseAndCells() {
        List<PortableMarkdown.Block> blocks = fixture.markdown.blocks(fixture.chapter("01-golden"), ".ipynb");
        List<String> kinds = blocks.stream().map(b -> b instanceof PortableMarkdown.CellBlock cell
                ? cell.data().cell().id() : "prose").toList();
        assertEquals(List.of("prose", "fig-sectors", "tbl-techniques", "prose", "fig-channels", "fig-sector-channel",
                "tbl-march-web", "prose"), kinds);
        assertInstanceOf(PortableMarkdown.Prose.class, blocks.get(0));
        assertTrue(((PortableMarkdown.Prose) blocks.get(0)).markdown().contains("[Figure 4](02-other.ipynb)"));
    }

    @Test
    void theFilesAreEachChapterAndTheWholeReport() throws Exception {
        Map<String, byte[]> files = fixture.markdown.files(fixture.abstractPage, fixture.chapters);
        assertEquals(List.of("01-golden.md", "02-other.md", "report.md"), List.copyOf(files.keySet()));
        assertEquals(whole, new String(files.get("report.md"), StandardCharsets.UTF_8));
    }

    @Test
    void aChapterNamedReportWouldOverwriteTheWholeReport(@TempDir Path project) throws Exception {
        ProjectFiles.copyTree(PortableFixture.INPUT, project);
        Files.move(project.resolve("content/02-other.md"), project.resolve("content/report.md"));
        PortableFixture clash = PortableFixture.load(project);
        InputException problem = assertThrows(InputException.class,
                () -> clash.markdown.files(clash.abstractPage, clash.chapters));
        assertTrue(problem.describe(project).startsWith("content/report.md: error: a chapter cannot be named report.md"),
                problem.describe(project));
    }

}
