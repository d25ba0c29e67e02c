package org.threatreport.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threatreport.data.DataSetFixture;

/** The inline values of README "Inline values" on a table: counts, shares, filters, groups, months. */
class TableViewTest {

    private final TableView incidents = EightIncidents.zh();

    private static List<Long> counts(Distribution d) {
        return d.entries().stream().map(Entry::count).toList();
    }

    // --- count and share ----------------------------------------------------------------------

    @Test
    void countIsTheNumberOfRows() {
        assertEquals(8, incidents.count());
        assertEquals("incidents", incidents.name());
    }

    @ParameterizedTest(name = "count(\"{0}\", \"{1}\") = {2}, share {3}")
    @CsvSource({
            "industry,   政府部门, 3, 37.5%",
            "industry,   IT,       3, 37.5%",
            "industry,   教育,     0, 0.0%",
            "scope,      外部网站, 3, 37.5%",
            "scope,      网站,     4, 50.0%",  // a group: 外部网站 + 内部网站
            "scope,      终端,     2, 25.0%",
            "techniques, 弱口令,   4, 50.0%",  // multi-category: rows containing the value
            "techniques, 木马,     2, 25.0%",
    })
    void countAndShareOfOneValueOrGroup(String column, String value, long count, String share) {
        assertEquals(count, incidents.count(column, value));
        assertEquals(share, incidents.share(column, value).toString());
    }

    @Test
    void shareDigitsZero() {
        assertEquals("38%", incidents.share("industry", "政府部门").digits(0).toString());
    }

    @Test
    void labelIsTheColumnsDisplayNameInTheReportsLanguage() {
        assertEquals("行业", incidents.label("industry", "zh-CN"));
        assertEquals("Industry", incidents.label("industry", "en"));
        assertEquals("summary", incidents.label("summary", "zh-CN"));
    }

    // --- where -----------------------------------------------------------------------------------

    @Test
    void whereByValueKeepsTheRowsWithThatValue() {
        TableView government = incidents.where("industry", "政府部门");
        assertEquals(3, government.count());
        assertEquals(List.of("弱口令", "漏洞", "钓鱼", "木马"), government.by("techniques").labels());
        assertEquals(List.of(3L, 1L, 1L, 1L), counts(government.by("techniques")));
    }

    @Test
    void whereByGroupKeepsTheRowsWithAnyValueOfTheGroup() {
        TableView websites = incidents.where("scope", "网站");
        assertEquals(4, websites.count());
        Distribution industry = websites.by("industry");
        assertEquals(List.of("政府部门", "医疗卫生", "IT 信息技术", "金融机构", "教育"), industry.labels());
        assertEquals(List.of(2L, 1L, 1L, 0L, 0L), counts(industry));
    }

    @Test
    void sharesOfAFilteredTableAreOfItsRows() {
        TableView websites = incidents.where("scope", "网站");
        assertEquals("50.0%", websites.share("industry", "政府部门").toString());
        assertEquals(4, websites.by("industry").base());
        assertEquals("50.0%", websites.by("industry").first().share().toString());
    }

    @Test
    void whereFiltersCanBeChained() {
        assertEquals(2, incidents.where("scope", "网站").where("industry", "政府部门").count());
        assertEquals(0, incidents.where("scope", "网站").where("industry", "金融机构").count());
    }

    @Test
    void whereOnAMultiCategoryColumnKeepsRowsContainingTheValue() {
        assertEquals(2, incidents.where("techniques", "木马").count());
        assertEquals(List.of("政府部门", "IT 信息技术"), incidents.where("techniques", "木马").by("industry").head(2).labels());
    }

    @Test
    void whereOnADateColumnMatchesAPrefixSuchAsAMonth() {
        assertEquals(3, incidents.where("date", "2017-03").count());
        assertEquals(1, incidents.where("date", "2017-12-31").count());
    }

    @Test
    void whereOnATextOrNumberColumnMatchesTheWholeValue() {
        assertEquals(1, incidents.where("summary", "third").count());
        assertEquals(0, incidents.where("summary", "thir").count());
        assertEquals(1, incidents.where("hosts", "5").count());
    }

    @Test
    void whereDoesNotChangeTheTableItWasCalledOn() {
        incidents.where("industry", "IT");
        assertEquals(8, incidents.count());
    }

    // --- byGroup ---------------------------------------------------------------------------------

    @Test
    void byGroupCountsRowsPerGroupLargestFirst() {
        Distribution groups = incidents.byGroup("scope");
        assertEquals(List.of("网站", "终端"), groups.labels());
        assertEquals(List.of(4L, 2L), counts(groups));
        assertEquals(List.of("50.0%", "25.0%"), groups.entries().stream().map(e -> e.share().toString()).toList());
        assertEquals(6, groups.count());
        assertEquals(8, groups.base());
    }

    @Test
    void byGroupOfAColumnWithoutGroupsNamesTheSchemaFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> incidents.byGroup("industry"));
        assertEquals("column 'industry' has no groups: give its values a 'group' in incidents.schema.yaml", e.getMessage());
    }

    // --- months ----------------------------------------------------------------------------------

    @Test
    void monthsGivesTwelveEntriesInCalendarOrderWithZeros() {
        Distribution months = incidents.months("date");
        assertEquals(List.of("1 月", "2 月", "3 月", "4 月", "5 月", "6 月", "7 月", "8 月", "9 月", "10 月", "11 月", "12 月"),
                months.labels());
        assertEquals(List.of(2L, 0L, 3L, 0L, 0L, 0L, 2L, 0L, 0L, 0L, 0L, 1L), counts(months));
        assertEquals("2017-01", months.first().value());
        assertEquals("2017-12", months.last().value());
        assertEquals(8, months.count());
    }

    @Test
    void monthsInEnglishProseAreFullMonthNames() {
        assertEquals(List.of("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"), EightIncidents.en().months("date").labels());
        assertEquals(List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
                EightIncidents.en().months("date", true).labels(), "a chart's axis takes the short names");
    }

    @Test
    void monthsMaxAndMinAreTheFirstMonthWithTheMostAndFewestRows() {
        Distribution months = incidents.months("date");
        assertEquals("3 月", months.max().label());
        assertEquals(3, months.max().count());
        assertEquals("2 月", months.min().label());
        assertEquals(0, months.min().count());
    }

    @Test
    void monthsSliceCountsTheRowsOfAQuarter() {
        Distribution firstQuarter = incidents.months("date").slice(0, 3);
        assertEquals(5, firstQuarter.count());
        assertEquals("62.5%", firstQuarter.share().toString());
    }

    @Test
    void monthsOfAFilteredTable() {
        assertEquals(List.of(0L, 0L, 1L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 1L),
                counts(incidents.where("industry", "政府部门").months("date")));
    }

    @Test
    void monthsOfAYearMonthColumnLeavesEmptyCellsOut() throws Exception {
        TableView good = TableView.of(DataSetFixture.good(), Wording.forLanguage("zh-CN"), 2017);
        assertEquals(List.of(1L, 0L, 2L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), counts(good.months("month")));
        assertEquals(3, good.months("month").count());
        assertEquals(List.of(1L, 0L, 2L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L), counts(good.months("date")));
    }

    @Test
    void monthsOfANonDateColumnIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> incidents.months("industry"));
        assertEquals("months(\"industry\"): column 'industry' is category; expected a date or year-month column",
                e.getMessage());
    }

    // --- crossTab --------------------------------------------------------------------------------

    @Test
    void crossTabCountsEachPairInSchemaOrder() {
        CrossTab tab = incidents.crossTab("industry", "scope");
        assertEquals(List.of("政府部门", "金融机构", "医疗卫生", "教育", "IT 信息技术"), tab.rowLabels());
        assertEquals(List.of("外部网站", "内部网站", "办公终端", "服务器"), tab.columnLabels());
        long[][] expected = {
                {2, 0, 1, 0},
                {0, 0, 0, 1},
                {0, 1, 0, 0},
                {0, 0, 0, 0},
                {1, 0, 1, 0},
        };
        assertEquals(java.util.Arrays.deepToString(expected), java.util.Arrays.deepToString(tab.counts()));
        assertEquals(1, tab.count(4, 2));
    }

    @Test
    void crossTabWithAMultiCategoryColumnCountsARowOncePerValue() {
        CrossTab tab = incidents.crossTab("industry", "techniques");
        assertEquals(List.of("弱口令", "漏洞", "钓鱼", "木马"), tab.columnLabels());
        assertEquals("[3, 1, 1, 1]", java.util.Arrays.toString(tab.counts()[0])); // 政府部门
        assertEquals("[1, 1, 1, 1]", java.util.Arrays.toString(tab.counts()[4])); // IT
    }

    @Test
    void crossTabCountsCannotBeChangedFromOutside() {
        CrossTab tab = incidents.crossTab("industry", "scope");
        tab.counts()[0][0] = 99;
        assertEquals(2, tab.count(0, 0));
    }

    // --- the good fixture of the data stage -------------------------------------------------------

    @Test
    void countsTheDataStagesGoodFixture() throws Exception {
        TableView good = TableView.of(DataSetFixture.good(), Wording.forLanguage("zh-CN"), 2017);
        assertEquals(4, good.count());
        assertEquals(2, good.count("industry", "政府部门"));
        assertEquals("50.0%", good.share("industry", "政府部门").toString());
        assertEquals(List.of("政府部门", "金融机构", "IT 信息技术"), good.by("industry").labels());
        assertEquals(List.of("弱口令", "漏洞", "钓鱼"), good.by("tags").labels());
        assertEquals(List.of(2L, 2L, 1L), counts(good.by("tags")));
        assertEquals(3, good.by("tags").count()); // A2 has no tags
        assertEquals(2, good.count("scope", "网站"));
    }

    // --- mistakes --------------------------------------------------------------------------------

    private static String message(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @Test
    void unknownColumnSuggestsTheClosestAndListsTheColumns() {
        String expected = "unknown column 'industy' of table 'incidents' (did you mean 'industry'?);"
                + " its columns are id, date, industry, scope, techniques, summary, hosts";
        assertEquals(expected, message(() -> incidents.by("industy")));
        assertEquals(expected, message(() -> incidents.count("industy", "IT")));
        assertEquals(expected, message(() -> incidents.share("industy", "IT")));
        assertEquals(expected, message(() -> incidents.where("industy", "IT")));
        assertEquals(expected, message(() -> incidents.months("industy")));
        assertEquals(expected, message(() -> incidents.crossTab("industry", "industy")));
    }

    @Test
    void unknownColumnFarFromAnyNameHasNoSuggestion() {
        assertEquals("unknown column 'xyz' of table 'incidents'; its columns are id, date, industry, scope, techniques,"
                + " summary, hosts", message(() -> incidents.by("xyz")));
    }

    @Test
    void unknownValueSuggestsTheClosestAndListsValuesAndGroups() {
        assertEquals("unknown value '金融机购' of column 'industry' (did you mean '金融机构'?); expected one of:"
                + " 政府部门, 金融机构, 医疗卫生, 教育, IT", message(() -> incidents.count("industry", "金融机购")));
        assertEquals("unknown value '网' of column 'scope' (did you mean '网站'?); expected one of:"
                + " 外部网站, 内部网站, 办公终端, 服务器, 网站, 终端", message(() -> incidents.where("scope", "网")));
        assertEquals("unknown value '病毒' of column 'techniques'; expected one of: 弱口令, 漏洞, 钓鱼, 木马",
                message(() -> incidents.share("techniques", "病毒")));
    }

    @Test
    void valueLabelsAreNotValues() {
        // "IT 信息技术" is how readers see IT; templates and filters name the value
        assertThrows(IllegalArgumentException.class, () -> incidents.count("industry", "IT 信息技术"));
    }

    @Test
    void countingPerValueOfATextColumnIsRejected() {
        assertEquals("column 'summary' is text; counting per value needs a category or multi-category column",
                message(() -> incidents.by("summary")));
        assertEquals("column 'date' is date; counting per value needs a category or multi-category column",
                message(() -> incidents.by("date")));
    }
}
