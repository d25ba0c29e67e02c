package org.threatreport.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.threatreport.model.Cell;
import org.threatreport.model.CellKind;
import org.threatreport.model.ChartType;

/** A cell's numbers: its filters, grouping, order and top-N applied, shares of the filtered rows. */
class CellComputerTest {

    private final CellComputer computer = new CellComputer(Map.of("incidents", EightIncidents.zh()), "zh-CN");

    private static Cell figure(ChartType chart, String column, String stack, boolean groups, boolean bySchema, int top,
                               Map<String, String> where) {
        return new Cell(CellKind.FIGURE, "fig-test", "图 1", chart, "incidents", column, stack, groups, bySchema, top,
                where, false, true, "caption", "", 0, 0, Path.of("01-test.md"), 7);
    }

    private static Cell bar(String column) {
        return figure(ChartType.BAR, column, null, false, false, 0, Map.of());
    }

    private static Cell table(String column, int top) {
        return new Cell(CellKind.TABLE, "tbl-test", "表 1", null, "incidents", column, null, false, false, top,
                Map.of(), false, true, "caption", "", 0, 0, Path.of("01-test.md"), 7);
    }

    private static List<String> shares(CellData.Series series) {
        return series.shares().stream().map(Share::toString).toList();
    }

    @Test
    void barCountsPerValueLargestFirst() {
        CellData data = computer.compute(bar("industry"));
        assertEquals(List.of("政府部门", "IT 信息技术", "金融机构", "医疗卫生", "教育"), data.categories());
        assertEquals(1, data.series().size());
        assertEquals(List.of(3L, 3L, 1L, 1L, 0L), data.series().get(0).counts());
        assertEquals(List.of("37.5%", "37.5%", "12.5%", "12.5%", "0.0%"), shares(data.series().get(0)));
        assertEquals("行业", data.series().get(0).name());
        assertEquals("行业", data.what());
        assertEquals(8, data.base());
    }

    @Test
    void sortSchemaKeepsTheSchemasOrder() {
        CellData data = computer.compute(figure(ChartType.PIE, "industry", null, false, true, 0, Map.of()));
        assertEquals(List.of("政府部门", "金融机构", "医疗卫生", "教育", "IT 信息技术"), data.categories());
        assertEquals(List.of(3L, 1L, 1L, 0L, 3L), data.series().get(0).counts());
    }

    @Test
    void topFoldsTheRestIntoOther() {
        CellData data = computer.compute(table("techniques", 2));
        assertEquals(List.of("弱口令", "漏洞", "其他"), data.categories());
        assertEquals(List.of(4L, 3L, 3L), data.series().get(0).counts());
        assertEquals(List.of("50.0%", "37.5%", "37.5%"), shares(data.series().get(0)));
    }

    @Test
    void groupsCountsPerGroup() {
        CellData data = computer.compute(figure(ChartType.DONUT, "scope", null, true, false, 0, Map.of()));
        assertEquals(List.of("网站", "终端"), data.categories());
        assertEquals(List.of(4L, 2L), data.series().get(0).counts());
    }

    @Test
    void whereFiltersTheRowsAndSharesAreOfTheFilteredRows() {
        CellData data = computer.compute(figure(ChartType.BAR, "industry", null, false, false, 0, Map.of("scope", "网站")));
        assertEquals(4, data.base());
        // A filtered cell leaves out the values that count 0.
        assertEquals(List.of("政府部门", "医疗卫生", "IT 信息技术"), data.categories());
        assertEquals(List.of(2L, 1L, 1L), data.series().get(0).counts());
        assertEquals(List.of("50.0%", "25.0%", "25.0%"), shares(data.series().get(0)));
    }

    @Test
    void zerosTrueKeepsTheValuesThatCountZeroInAFilteredCell() {
        Cell base = figure(ChartType.BAR, "industry", null, false, false, 0, Map.of("scope", "网站"));
        Cell.Numbers keep = new Cell.Numbers(0, 0, null, "count", null, List.of(), 0, false, List.of(), -1, null, true);
        Cell cell = new Cell(base.kind(), base.id(), base.label(), base.chart(), base.table(), base.column(), null,
                false, false, 0, base.where(), false, true, "caption", "", 0, 0, base.file(), base.line(), keep, "",
                Cell.Places.NONE);
        CellData data = computer.compute(cell);
        assertEquals(List.of("政府部门", "医疗卫生", "IT 信息技术", "金融机构", "教育"), data.categories());
        assertEquals(List.of(2L, 1L, 1L, 0L, 0L), data.series().get(0).counts());
    }

    @Test
    void lineCountsPerMonthInCalendarOrder() {
        CellData data = computer.compute(figure(ChartType.LINE, "date", null, false, true, 0, Map.of()));
        assertEquals(12, data.categories().size());
        assertEquals("1 月", data.categories().get(0));
        assertEquals(List.of(2L, 0L, 3L, 0L, 0L, 0L, 2L, 0L, 0L, 0L, 0L, 1L), data.series().get(0).counts());
        assertEquals("日期", data.what());
    }

    @Test
    void aDateColumnIsCountedPerMonthWhateverTheChart() {
        CellData data = computer.compute(bar("date"));
        assertEquals(12, data.categories().size());
        assertEquals(8, data.series().get(0).counts().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void stackedCrossesTheColumnWithOneSeriesPerStackValue() {
        CellData data = computer.compute(figure(ChartType.STACKED, "industry", "scope", false, false, 0, Map.of()));
        assertEquals(List.of("政府部门", "IT 信息技术", "金融机构", "医疗卫生", "教育"), data.categories());
        assertEquals(List.of("外部网站", "内部网站", "办公终端", "服务器"), data.series().stream().map(CellData.Series::name).toList());
        assertEquals(List.of(2L, 1L, 0L, 0L, 0L), data.series().get(0).counts()); // 外部网站
        assertEquals(List.of(0L, 0L, 0L, 1L, 0L), data.series().get(1).counts()); // 内部网站
        assertEquals(List.of(1L, 1L, 0L, 0L, 0L), data.series().get(2).counts()); // 办公终端
        assertEquals(List.of(0L, 0L, 1L, 0L, 0L), data.series().get(3).counts()); // 服务器
        assertEquals(List.of("25.0%", "12.5%", "0.0%", "0.0%", "0.0%"), shares(data.series().get(0)));
        assertEquals(8, data.base());
    }

    @Test
    void stackedIgnoresTopSoEveryBarCanBeSplit() {
        CellData data = computer.compute(figure(ChartType.STACKED, "industry", "scope", false, true, 2, Map.of()));
        assertEquals(List.of("政府部门", "金融机构", "医疗卫生", "教育", "IT 信息技术"), data.categories());
    }

    @Test
    void isEmptyWhenEveryCountIsZero() {
        assertFalse(computer.compute(bar("industry")).isEmpty());
        Cell nothing = figure(ChartType.BAR, "techniques", null, false, false, 0, Map.of("industry", "教育"));
        CellData data = computer.compute(nothing);
        assertEquals(0, data.base());
        assertTrue(data.isEmpty());
        assertEquals(List.of(), data.categories(), "a filtered cell leaves out the values that count 0");
    }

    @Test
    void englishReportsFoldIntoOtherAndNameColumnsInEnglish() {
        CellComputer english = new CellComputer(Map.of("incidents", EightIncidents.en()), "en");
        CellData data = english.compute(table("industry", 1));
        assertEquals(List.of("政府部门", "Other"), data.categories());
        assertEquals("Industry", data.what());
    }

    @Test
    void anUnknownFilterValueIsAnErrorWithTheValidChoices() {
        Cell cell = figure(ChartType.BAR, "industry", null, false, false, 0, Map.of("scope", "网页"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> computer.compute(cell));
        assertEquals("unknown value '网页' of column 'scope' (did you mean '网站'?); expected one of:"
                + " 外部网站, 内部网站, 办公终端, 服务器, 网站, 终端", e.getMessage());
    }

    @Test
    void sortSchemaWithTopKeepsTheLargestValues() {
        CellData data = computer.compute(figure(ChartType.BAR, "industry", null, false, true, 2, Map.of()));
        // the two largest are 政府部门 3 and IT 3; all others are folded (2 rows)
        assertTrue(data.categories().containsAll(List.of("政府部门", "IT 信息技术", "其他")), data.categories().toString());
        assertEquals(List.of(3L, 3L, 2L), data.series().get(0).counts().stream().sorted(java.util.Comparator.reverseOrder()).toList());
    }
}
