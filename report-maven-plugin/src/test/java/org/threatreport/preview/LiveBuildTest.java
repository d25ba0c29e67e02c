package org.threatreport.preview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Log;
import org.threatreport.testing.Requires;

/**
 * A rebuild after an edit redoes only what the edit affects, and serves exactly the files
 * {@code site:report} makes of the edited project. The tests edit one copy of the flagship report
 * in turn; each compares the incremental result with a fresh full build, byte for byte.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveBuildTest {

    @TempDir
    static Path project;
    static BuildOptions options;
    static LiveBuild live;

    @BeforeAll
    static void build() throws Exception {
        options = PreviewFixture.copyFlagship(project);
        live = new LiveBuild(options, Log.silent());
        LiveBuild.Update first = live.build();
        assertTrue(first.first());
    }

    @AfterAll
    static void close() {
        live.close();
    }

    private static Path file(String name) {
        return project.resolve(name);
    }

    private static void assertSameAsSiteReport() throws Exception {
        Map<String, byte[]> expected = PreviewFixture.siteReport(options);
        Map<String, byte[]> actual = live.files();
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name + " differs from site:report's"));
    }

    private static String page(String name) {
        return new String(live.files().get(name), StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void theFirstBuildIsSiteReports() throws Exception {
        assertSameAsSiteReport();
    }

    @Test
    @Order(1)
    void aBuildWithoutChangesRedoesNothing() throws Exception {
        LiveBuild.Update update = live.build();

        assertFalse(update.first());
        assertEquals(List.of(), update.chapters());
        assertEquals(0, update.figures());
        assertSameAsSiteReport();
    }

    @Test
    @Order(2)
    void aChapterEditReRendersThatChapterOnly() throws Exception {
        PreviewFixture.edit(file("content/02-monitoring.md"), "各月的分布如下", "各月的分布如下表所示");

        LiveBuild.Update update = live.build();

        assertFalse(update.first());
        assertEquals(List.of("content/02-monitoring.md"), update.chapters());
        assertEquals(0, update.figures());
        assertTrue(page("02-monitoring.html").contains("各月的分布如下表所示"));
        assertSameAsSiteReport();
    }

    @Test
    @Order(3)
    void aNewTitleReachesEveryPageThatShowsIt() throws Exception {
        PreviewFixture.edit(file("content/03-services.md"), "title: 应急响应服务分析", "title: 应急响应服务与建议");

        LiveBuild.Update update = live.build();

        assertEquals(List.of("content/03-services.md"), update.chapters());
        for (String page : List.of("index.html", "01-preface.html", "02-monitoring.html", "04-appendix.html")) {
            assertTrue(page(page).contains("应急响应服务与建议"), page);
        }
        assertSameAsSiteReport();
    }

    @Test
    @Order(4)
    void aNewFigureRenumbersTheFiguresAfterItAndTheReferencesToThem() throws Exception {
        PreviewFixture.edit(file("content/02-monitoring.md"), "## 行业排名", """
                ```{figure}
                id: fig-area
                chart: pie
                column: area
                caption: 各攻击对象的事件数量
                ```

                @fig-area 给出各攻击对象的事件数量。

                ## 行业排名""");

        LiveBuild.Update update = live.build();

        assertTrue(update.chapters().contains("content/02-monitoring.md"));
        assertTrue(update.chapters().contains("content/03-services.md"), "its figures are renumbered: " + update.chapters());
        assertEquals(1, update.figures());
        assertSameAsSiteReport();
    }

    @Test
    @Order(5)
    void aDataEditReRendersWhatReadsTheTableAndRedrawsTheFiguresWhoseNumbersChanged() throws Exception {
        PreviewFixture.edit(file("data/incidents.csv"), "IR-2017-001,2017-01-02,媒体,", "IR-2017-001,2017-01-02,能源,");

        LiveBuild.Update update = live.build();

        assertFalse(update.first());
        assertTrue(update.chapters().contains("content/02-monitoring.md"), update.chapters().toString());
        assertTrue(update.figures() >= 1 && update.figures() < 10, "redrew " + update.figures() + " figures");
        assertSameAsSiteReport();
    }

    @Test
    @Order(6)
    void aLayoutEditLaysOutThePagesAgain() throws Exception {
        Path layout = file("site-template/chapter.ftlh");
        Files.write(layout, new org.threatreport.render.TemplateSet(file("none")).readBuiltIn("chapter.ftlh"));
        live.build();
        PreviewFixture.edit(layout, "</article>", "<p class=\"preview-test\">layout edited</p>\n</article>");

        LiveBuild.Update update = live.build();

        assertEquals(List.of(), update.chapters(), "no chapter body depends on the page layout");
        assertTrue(page("02-monitoring.html").contains("layout edited"));
        assertSameAsSiteReport();
    }

    @Test
    @Order(7)
    void anAssetEditIsServedAsItIs() throws Exception {
        Path css = file("site-template/assets/custom.css");
        Files.writeString(css, Files.readString(css) + "\n.preview-test { color: red; }\n");

        live.build();

        assertTrue(new String(live.files().get("assets/custom.css"), StandardCharsets.UTF_8).contains(".preview-test"));
        assertSameAsSiteReport();
    }

    @Test
    @Order(8)
    void aMistakeKeepsTheLastGoodBuildAndIsRedoneWithTheNextChange() throws Exception {
        Map<String, byte[]> good = live.files();
        PreviewFixture.edit(file("content/01-preface.md"), "${incidents.count()}", "${incidents.cont()}");

        InputException mistake = assertThrows(InputException.class,
                () -> live.build());

        assertTrue(mistake.describe(project).startsWith("content/01-preface.md:"), mistake.describe(project));
        assertEquals(good, live.files());
        PreviewFixture.edit(file("content/01-preface.md"), "${incidents.cont()}", "${incidents.count()} 余");
        LiveBuild.Update update = live.build();
        assertEquals(List.of("content/01-preface.md"), update.chapters());
        assertSameAsSiteReport();
    }

    @Test
    @Order(9)
    void chaptersCanBeAddedAndRemoved() throws Exception {
        Path chapter = file("content/05-outlook.md");
        Files.writeString(chapter, "---\ntitle: 展望\n---\n\n共 ${incidents.count()} 起事件。\n");
        live.build();
        assertTrue(live.files().containsKey("05-outlook.html"));
        assertSameAsSiteReport();

        Files.delete(chapter);
        live.build();
        assertFalse(live.files().containsKey("05-outlook.html"));
        assertSameAsSiteReport();
    }

    @Test
    @Order(10)
    void reportYamlRebuildsEverything() throws Exception {
        PreviewFixture.edit(file("content/report.yaml"), "organisation: 360 安服团队", "organisation: 360 安服");

        LiveBuild.Update update = live.build();

        assertEquals(List.of("content/01-preface.md", "content/02-monitoring.md", "content/03-services.md",
                "content/04-appendix.md", "content/index.md"), update.chapters(), "every page shows the organisation");
        assertSameAsSiteReport();
    }

    @Test
    @Order(11)
    void aChartThemeEditRedrawsEveryFigureAndKeepsEveryChapter() throws Exception {
        Path theme = file("site-template/chart-theme.properties");
        Files.writeString(theme, "palette = #000000, #111111, #222222, #333333, #444444, #555555, #666666, #777777\n");

        LiveBuild.Update update = live.build();

        assertEquals(List.of(), update.chapters());
        assertTrue(update.figures() >= 8, "redrew " + update.figures());
        assertSameAsSiteReport();
    }

    @Test
    @Order(12)
    void aFontEditRedrawsTheFigures() throws Exception {
        Path installed = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
        Requires.that(Files.isRegularFile(installed), installed + " (apt-get install fonts-wqy-microhei)");
        Path fonts = file("site-template/fonts");
        Files.createDirectories(fonts);
        Files.copy(installed, fonts.resolve("labels.ttc"));

        LiveBuild.Update update = live.build();

        assertEquals(List.of(), update.chapters());
        assertTrue(update.figures() >= 8, "redrew " + update.figures());
        assertSameAsSiteReport();
    }
}
