package org.threatreport.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Lists of counts ({@code by}, {@code byGroup}, {@code months}) and what templates do with them:
 * order, top-N folding, head and slice, and the totals and shares of a part of the list.
 * The data is {@link EightIncidents}.
 */
class DistributionTest {

    private final TableView incidents = EightIncidents.zh();

    private static List<Long> counts(Distribution d) {
        return d.entries().stream().map(Entry::count).toList();
    }

    private static List<String> shares(Distribution d) {
        return d.entries().stream().map(e -> e.share().toString()).toList();
    }

    // --- order -------------------------------------------------------------------------------

    @Test
    void byOrdersByCountWithTiesInSchemaOrderNotInTheOrderValuesFirstAppear() {
        // IT appears in the data before 政府部门 and 医疗卫生 before 金融机构; the schema lists them the other way
        Distribution industry = incidents.by("industry");
        assertEquals(List.of("政府部门", "IT", "金融机构", "医疗卫生", "教育"), industry.values());
        assertEquals(List.of("政府部门", "IT 信息技术", "金融机构", "医疗卫生", "教育"), industry.labels());
        assertEquals(List.of(3L, 3L, 1L, 1L, 0L), counts(industry));
        assertEquals(List.of("37.5%", "37.5%", "12.5%", "12.5%", "0.0%"), shares(industry));
    }

    @Test
    void byListsValuesNoRowHasWithCountZero() {
        Entry education = incidents.by("industry").last();
        assertEquals("教育", education.value());
        assertEquals(0, education.count());
        assertEquals("0.0%", education.share().toString());
    }

    @Test
    void entriesAreRankedFromOneInListOrder() {
        assertEquals(List.of(1, 2, 3, 4, 5), incidents.by("industry").entries().stream().map(Entry::rank).toList());
        assertEquals(List.of(1, 2, 3, 4, 5),
                incidents.by("industry").inSchemaOrder().entries().stream().map(Entry::rank).toList());
    }

    @Test
    void inSchemaOrderListsValuesAsTheSchemaDoes() {
        Distribution industry = incidents.by("industry").inSchemaOrder();
        assertEquals(List.of("政府部门", "金融机构", "医疗卫生", "教育", "IT 信息技术"), industry.labels());
        assertEquals(List.of(3L, 1L, 1L, 0L, 3L), counts(industry));
    }

    @Test
    void sortingDoesNotChangeTheListItWasCalledOn() {
        Distribution byCount = incidents.by("industry");
        byCount.inSchemaOrder();
        byCount.top(2);
        byCount.slice(1, 2);
        assertEquals(List.of("政府部门", "IT", "金融机构", "医疗卫生", "教育"), byCount.values());
    }

    // --- top, head, slice -----------------------------------------------------------------------

    @Test
    void topKeepsTheFirstNAndFoldsTheRestIntoOther() {
        Distribution top = incidents.by("industry").top(2);
        assertEquals(List.of("政府部门", "IT 信息技术", "其他"), top.labels());
        assertEquals(List.of(3L, 3L, 2L), counts(top));
        assertEquals(List.of("37.5%", "37.5%", "25.0%"), shares(top));
        assertEquals("其他", top.last().value());
        assertEquals(3, top.last().rank());
    }

    @Test
    void topOfAtLeastTheWholeListFoldsNothing() {
        Distribution industry = incidents.by("industry");
        assertSame(industry, industry.top(5));
        assertEquals(industry.labels(), industry.top(99).labels());
    }

    @Test
    void topInEnglishFoldsIntoOther() {
        assertEquals(List.of("政府部门", "IT 信息技术", "Other"), EightIncidents.en().by("industry").top(2).labels());
    }

    @Test
    void topOfZeroIsRejectedWithAClearMessage() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> incidents.by("industry").top(0));
        assertEquals("top(0): expected 1 or more", zero.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> incidents.by("industry").top(-3));
        assertEquals("top(-3): expected 1 or more", negative.getMessage());
    }

    @Test
    void headKeepsTheFirstNWithoutFolding() {
        Distribution head = incidents.by("industry").head(3);
        assertEquals(List.of("政府部门", "IT 信息技术", "金融机构"), head.labels());
        assertEquals(7, head.count());
        assertEquals("87.5%", head.share().toString());
        assertEquals(5, incidents.by("industry").head(10).size());
    }

    @Test
    void headOfZeroIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> incidents.by("industry").head(0));
        assertEquals("head(0): expected 1 or more", e.getMessage());
    }

    @Test
    void sliceIsFromInclusiveToExclusiveCountedFromZero() {
        Distribution slice = incidents.by("industry").slice(2, 4);
        assertEquals(List.of("金融机构", "医疗卫生"), slice.labels());
        assertEquals(2, slice.count());
        assertEquals("25.0%", slice.share().toString());
        assertEquals("25%", slice.share().digits(0).toString());
    }

    @Test
    void sliceBeyondTheEndIsClippedNotAnError() {
        assertEquals(List.of("医疗卫生", "教育"), incidents.by("industry").slice(3, 8).labels());
        assertEquals(0, incidents.by("industry").slice(5, 8).size());
        assertEquals(0, incidents.by("industry").slice(5, 8).count());
        assertEquals(0, incidents.by("industry").slice(4, 2).size());
    }

    @Test
    void sharesOfAPartStayOfAllRows() {
        Distribution slice = incidents.by("industry").slice(2, 4);
        assertEquals(8, slice.base());
        assertEquals("12.5%", slice.first().share().toString());
    }

    // --- totals --------------------------------------------------------------------------------

    @Test
    void countOfTheWholeListOfACategoryIsItsNonEmptyRows() {
        assertEquals(8, incidents.by("industry").count());
        assertEquals("100.0%", incidents.by("industry").share().toString());
        assertEquals(7, incidents.by("scope").count()); // R7 has no scope
        assertEquals("87.5%", incidents.by("scope").share().toString());
    }

    @Test
    void countOfATopListIncludesTheFoldedRows() {
        assertEquals(8, incidents.by("industry").top(2).count());
        assertEquals(2, incidents.by("industry").top(2).slice(2, 3).count());
    }

    // --- multi-category -------------------------------------------------------------------------

    @Test
    void multiCategoryCountsARowOnceForEachOfItsValues() {
        Distribution techniques = incidents.by("techniques");
        // R3 lists 木马 before 钓鱼; the schema lists 钓鱼 first
        assertEquals(List.of("弱口令", "漏洞", "钓鱼", "木马"), techniques.labels());
        assertEquals(List.of(4L, 3L, 2L, 2L), counts(techniques));
        assertEquals(11, counts(techniques).stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void multiCategorySharesAreOfRowsNotOfValues() {
        Distribution techniques = incidents.by("techniques");
        assertEquals(8, techniques.base());
        assertEquals(List.of("50.0%", "37.5%", "25.0%", "25.0%"), shares(techniques));
    }

    @Test
    void countOfSeveralMultiCategoryValuesCountsRowsNotValues() {
        Distribution techniques = incidents.by("techniques");
        // 弱口令 4 + 漏洞 3 = 7 values, but on 5 rows (R1 and R6 have both)
        assertEquals(5, techniques.head(2).count());
        assertEquals("62.5%", techniques.head(2).share().toString());
        // every value: 11 values on the 7 rows that have any (R5 has none)
        assertEquals(7, techniques.count());
        assertEquals("87.5%", techniques.share().toString());
    }

    @Test
    void multiCategoryOtherCountsTheRowsWithAnyFoldedValue() {
        Distribution top = incidents.by("techniques").top(2);
        assertEquals(List.of("弱口令", "漏洞", "其他"), top.labels());
        // 钓鱼 2 + 木马 2, but R3 has both: 3 rows
        assertEquals(List.of(4L, 3L, 3L), counts(top));
        assertEquals("37.5%", top.last().share().toString());
        assertEquals(7, top.count());
        assertEquals(3, top.slice(2, 3).count());
    }

    // --- get, first, last, max, min ------------------------------------------------------------

    @Test
    void getFirstAndLastReturnOneEntry() {
        Distribution industry = incidents.by("industry");
        assertEquals("IT 信息技术", industry.get(1).label());
        assertEquals("政府部门", industry.first().label());
        assertEquals("教育", industry.last().label());
    }

    @Test
    void getOutsideTheListSaysHowManyEntriesThereAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> incidents.by("industry").get(5));
        assertEquals("get(5): this list has 5 entries, numbered 0 to 4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> incidents.by("industry").get(-1));
    }

    @Test
    void maxAndMinTakeTheFirstInOrderOnATie() {
        Distribution industry = incidents.by("industry");
        assertEquals("政府部门", industry.max().value());
        assertEquals("教育", industry.min().value());
        Distribution bySchema = industry.inSchemaOrder();
        assertEquals("政府部门", bySchema.max().value());
        assertEquals("教育", bySchema.min().value());
        Distribution ties = industry.slice(1, 4); // IT 3, 金融机构 1, 医疗卫生 1
        assertEquals("IT", ties.max().value());
        assertEquals("金融机构", ties.min().value());
    }

    @Test
    void maxOfAnEmptyListSaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> incidents.by("industry").slice(5, 5).max());
        assertEquals("this list of counts is empty", e.getMessage());
    }

    @Test
    void printsAsLabelsWithCounts() {
        assertEquals("政府部门 3、IT 信息技术 3、其他 2", incidents.by("industry").top(2).toString());
    }

    // --- README: "d.top(5) — the five largest", kept in the list's own order ----------------------

    @Test
    void topKeepsTheLargestEvenWhenTheListIsInCalendarOrSchemaOrder() {
        Distribution months = incidents.months("date").top(3);
        assertEquals(List.of(2L, 3L, 2L, 1L), counts(months));
        assertEquals(List.of("1 月", "3 月", "7 月", "其他"), months.labels());

        Distribution industry = incidents.by("industry").inSchemaOrder().top(2);
        assertTrue(industry.labels().containsAll(List.of("政府部门", "IT 信息技术")), industry.labels().toString());
        assertEquals(List.of(3L, 3L, 2L), counts(industry).stream().sorted(java.util.Comparator.reverseOrder()).toList());
    }
}
