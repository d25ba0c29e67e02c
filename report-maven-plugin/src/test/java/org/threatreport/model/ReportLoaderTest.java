package org.threatreport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threatreport.testing.Strictly;

/**
 * A valid content folder ({@code model/ordered}): chapters in file-name order and numbered, an
 * unnumbered appendix, cells parsed with every option and numbered across chapters.
 */
class ReportLoaderTest {

    private static final Path ORDERED = ModelFixture.CASES.resolve("ordered");
    private static Report report;

    @BeforeAll
    static void load() throws Exception {
        report = ModelFixture.load("ordered");
    }

    private static Chapter chapter(String slug) {
        return report.chapters().stream().filter(c -> c.slug().equals(slug)).findFirst().orElseThrow();
    }

    private static Cell cell(String id) {
        return report.cell(id).orElseThrow().cell();
    }

    @Test
    void readsReportYaml() throws Exception {
        ReportInfo info = Strictly.info(ORDERED, "2017.0");
        assertEquals("测试报告", info.title());
        assertEquals("测试团队", info.organisation());
        assertEquals(LocalDate.of(2018, 1, 15), info.date());
        assertEquals(2017, info.year());
        assertEquals("zh-CN", info.language());
        assertEquals(List.of("测试", "报告"), info.keywords());
        assertEquals("模型阶段的测试报告", info.description());
        assertEquals("2017.0", info.version());
        assertTrue(info.isChinese());
    }

    @Test
    void chaptersComeInFileNameOrder() {
        assertEquals(List.of("01-intro", "02-findings", "03-appendix", "10-closing"),
                report.chapters().stream().map(Chapter::slug).toList());
        assertEquals(List.of("引言", "发现", "附录", "结语"), report.chapters().stream().map(Chapter::title).toList());
        assertEquals("02-findings.html", chapter("02-findings").pageName());
    }

    @Test
    void chaptersAreNumberedInChineseAndNumberedFalseSkipsANumber() {
        assertEquals(List.of("第一章", "第二章", "", "第三章"),
                report.chapters().stream().map(Chapter::numberLabel).toList());
        assertEquals("第一章 引言", chapter("01-intro").fullTitle());
        assertEquals("附录", chapter("03-appendix").fullTitle());
    }

    @Test
    void englishReportsNumberChaptersFiguresAndTablesInEnglish() throws Exception {
        Report english = ModelFixture.load("ordered", "en");
        assertEquals(List.of("Chapter 1", "Chapter 2", "", "Chapter 3"),
                english.chapters().stream().map(Chapter::numberLabel).toList());
        assertEquals("Figure 3", english.cell("fig-scope").orElseThrow().cell().label());
        assertEquals("Table 2", english.cell("tbl-industry").orElseThrow().cell().label());
    }

    @Test
    void theAbstractIsUnnumberedAndTitledAfterTheReport() {
        Chapter abstractPage = report.abstractPage();
        assertEquals("index", abstractPage.slug());
        assertEquals("测试报告", abstractPage.title());
        assertEquals("", abstractPage.numberLabel());
        assertFalse(report.chapters().contains(abstractPage));
    }

    @Test
    void figuresAndTablesAreNumberedSeparatelyAcrossChapters() {
        assertEquals("图 1", cell("fig-industry").label());
        assertEquals("表 1", cell("tbl-tags").label());
        assertEquals("图 2", cell("fig-monthly").label());
        assertEquals("图 3", cell("fig-scope").label());
        assertEquals("图 4", cell("fig-stacked").label());
        assertEquals("表 2", cell("tbl-industry").label()); // in the unnumbered appendix: still numbered
        assertEquals(6, report.cells().size());
    }

    @Test
    void everyCellKnowsItsChapter() {
        assertEquals("01-intro", report.cell("tbl-tags").orElseThrow().chapter().slug());
        assertEquals("03-appendix", report.cell("tbl-industry").orElseThrow().chapter().slug());
        assertEquals(List.of("fig-monthly", "fig-scope", "fig-stacked"),
                chapter("02-findings").cells().stream().map(Cell::id).toList());
        assertTrue(chapter("10-closing").cells().isEmpty());
        assertTrue(report.cell("fig-nothing").isEmpty());
    }

    @Test
    void aCellWithOnlyTheRequiredKeysGetsTheDefaults() {
        Cell industry = cell("fig-industry");
        assertEquals(CellKind.FIGURE, industry.kind());
        assertEquals(ChartType.BAR, industry.chart());
        assertEquals("incidents", industry.table()); // the only table
        assertEquals("industry", industry.column());
        assertFalse(industry.bySchema());
        assertFalse(industry.groups());
        assertFalse(industry.percent());
        assertTrue(industry.valueLabels());
        assertEquals(0, industry.top());
        assertEquals(List.of(), industry.where());
        assertEquals("", industry.alt());
        assertEquals(0, industry.width());
        assertEquals("各行业事件数量", industry.caption());
        assertEquals(ORDERED.resolve("01-intro.md"), industry.file());
        assertEquals(7, industry.line());
    }

    @Test
    void aCellWithEveryOption() {
        Cell scope = cell("fig-scope");
        assertEquals(ChartType.DONUT, scope.chart());
        assertEquals("scope", scope.column());
        assertTrue(scope.groups());
        assertEquals(List.of(Condition.of("industry", "政府部门")), scope.where());
        assertTrue(scope.percent());
        assertFalse(scope.valueLabels());
        assertFalse(scope.bySchema());
        assertEquals(600, scope.width());
        assertEquals(300, scope.height());
        assertEquals("网站占多数", scope.alt());
        assertEquals("政府部门的影响范围", scope.caption());
        assertEquals(14, scope.line());
    }

    @Test
    void lineChartsDefaultToCalendarOrderAndStackedChartsKeepTheirStack() {
        assertEquals(ChartType.LINE, cell("fig-monthly").chart());
        assertTrue(cell("fig-monthly").bySchema());
        assertEquals(ChartType.STACKED, cell("fig-stacked").chart());
        assertEquals("scope", cell("fig-stacked").stack());
    }

    @Test
    void tableCellsHaveNoChart() {
        Cell tags = cell("tbl-tags");
        assertEquals(CellKind.TABLE, tags.kind());
        assertNull(tags.chart());
        assertEquals(2, tags.top());
        assertTrue(cell("tbl-industry").bySchema());
    }

    @Test
    void theTemplateKeepsEveryLineWhereItWasWithCellsReplacedByPlaceholders() throws Exception {
        String source = Files.readString(ORDERED.resolve("01-intro.md"));
        List<String> original = source.lines().toList();
        List<String> template = List.of(chapter("01-intro").template().split("\n", -1));
        assertEquals(source.split("\n", -1).length, template.size());
        assertEquals(List.of("", "", ""), template.subList(0, 3)); // front matter blanked
        assertEquals(original.get(4), template.get(4)); // prose unchanged
        assertEquals("```cell fig-industry", template.get(6));
        assertEquals(List.of("", "", ""), template.subList(7, 10)); // the cell's YAML blanked
        assertEquals("```", template.get(10));
        assertEquals("```cell tbl-tags", template.get(12));
    }

    @Test
    void anEmailAddressIsNotAReference() {
        // 02-findings.md mentions someone@fig-example.com, and loading reported no problem
        assertTrue(chapter("02-findings").template().contains("someone@fig-example.com"));
    }
}
