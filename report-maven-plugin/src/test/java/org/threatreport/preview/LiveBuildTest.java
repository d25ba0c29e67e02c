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
import org.threatreport.pipeline.BuildLog;

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
        live = new LiveBuild(options, BuildLog.silent());
        LiveBuild.Update first = live.build();
        assertTrue(first.full());
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
    void theFlagshipIsRebuiltIncrementally() throws Exception {
        assertTrue(live.isIncremental(), "the incremental rebuild makes other files than site:report");
        assertSameAsSiteReport();
    }

    @Test
    @Order(2)
    void aChapterEditReRendersThatChapterOnly() throws Exception {
        PreviewFixture.edit(file("content/02-monitoring.md"), "各月的分布如下", "各月的分布如下表所示");

        LiveBuild.Update update = live.update(List.of(file("content/02-monitoring.md")));

        assertFalse(update.full());
        assertEquals(List.of("content/02-monitoring.md"), update.chapters());
        assertEquals(0, update.figures());
        assertTrue(page("02-monitoring.html").contains("各月的分布如下表所示"));
        assertSameAsSiteReport();
    }

    @Test
    @Order(3)
    void aNewTitleReachesEveryPageThatShowsIt() throws Exception {
        PreviewFixture.edit(file("content/03-services.md"), "title: 应急响应服务分析", "title: 应急响应服务与建议");

        LiveBuild.Update update = live.update(List.of(file("content/03-services.md")));

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

        LiveBuild.Update update = live.update(List.of(file("content/02-monitoring.md")));

        assertTrue(update.chapters().contains("content/02-monitoring.md"));
        assertTrue(update.chapters().contains("content/03-services.md"), "its figures are renumbered: " + update.chapters());
        assertEquals(1, update.figures());
        assertSameAsSiteReport();
    }

    @Test
    @Order(5)
    void aDataEditReRendersWhatReadsTheTableAndRedrawsTheFiguresWhoseNumbersChanged() throws Exception {
        PreviewFixture.edit(file("data/incidents.csv"), "IR-2017-001,2017-01-02,媒体,", "IR-2017-001,2017-01-02,能源,");

        LiveBuild.Update update = live.update(List.of(file("data/incidents.csv")));

        assertFalse(update.full());
        assertTrue(update.chapters().contains("content/02-monitoring.md"), update.chapters().toString());
        assertTrue(update.figures() >= 1 && update.figures() < 10, "redrew " + update.figures() + " figures");
        assertSameAsSiteReport();
    }

    @Test
    @Order(6)
    void aLayoutEditLaysOutThePagesAgain() throws Exception {
        Path layout = file("site-template/chapter.ftlh");
        Files.write(layout, new org.threatreport.render.TemplateSet(file("none")).readBuiltIn("chapter.ftlh"));
        live.update(List.of(layout));
        PreviewFixture.edit(layout, "</article>", "<p class=\"preview-test\">layout edited</p>\n</article>");

        LiveBuild.Update update = live.update(List.of(layout));

        assertFalse(update.full());
        assertEquals(List.of(), update.chapters(), "no chapter body depends on the page layout");
        assertTrue(page("02-monitoring.html").contains("layout edited"));
        assertSameAsSiteReport();
    }

    @Test
    @Order(7)
    void anAssetEditIsServedAsItIs() throws Exception {
        Path css = file("site-template/assets/custom.css");
        Files.writeString(css, Files.readString(css) + "\n.preview-test { color: red; }\n");

        live.update(List.of(css));

        assertTrue(new String(live.files().get("assets/custom.css"), StandardCharsets.UTF_8).contains(".preview-test"));
        assertSameAsSiteReport();
    }

    @Test
    @Order(8)
    void aMistakeKeepsTheLastGoodBuildAndIsRedoneWithTheNextChange() throws Exception {
        Map<String, byte[]> good = live.files();
        PreviewFixture.edit(file("content/01-preface.md"), "${incidents.count()}", "${incidents.cont()}");

        InputException mistake = assertThrows(InputException.class,
                () -> live.update(List.of(file("content/01-preface.md"))));

        assertTrue(mistake.describe(project).startsWith("content/01-preface.md:"), mistake.describe(project));
        assertEquals(good, live.files());
        PreviewFixture.edit(file("content/01-preface.md"), "${incidents.cont()}", "${incidents.count()} 余");
        LiveBuild.Update update = live.update(List.of());
        assertEquals(List.of("content/01-preface.md"), update.chapters());
        assertSameAsSiteReport();
    }

    @Test
    @Order(9)
    void chaptersCanBeAddedAndRemoved() throws Exception {
        Path chapter = file("content/05-outlook.md");
        Files.writeString(chapter, "---\ntitle: 展望\n---\n\n共 ${incidents.count()} 起事件。\n");
        live.update(List.of(chapter));
        assertTrue(live.files().containsKey("05-outlook.html"));
        assertSameAsSiteReport();

        Files.delete(chapter);
        live.update(List.of(chapter));
        assertFalse(live.files().containsKey("05-outlook.html"));
        assertSameAsSiteReport();
    }

    @Test
    @Order(10)
    void reportYamlRebuildsEverything() throws Exception {
        PreviewFixture.edit(file("content/report.yaml"), "organisation: 360 安服团队", "organisation: 360 安服");

        LiveBuild.Update update = live.update(List.of(file("content/report.yaml")));

        assertTrue(update.full());
        assertSameAsSiteReport();
    }
}
