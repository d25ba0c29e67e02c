package org.threatreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threatreport.render.InlineValue;
import org.threatreport.render.Messages;

/** The generated corrections log: the numbers of figures, tables and the text that differ between two versions. */
class ChangeLogTest {

    static final String BEFORE_CSV = "发现方式,数量,占比\r\n监管机构通报,24,12.1%\r\n用户自行发现,100,50.3%\r\n\"其他, 未知\",75,37.7%\r\n";
    static final String AFTER_CSV = "发现方式,数量,占比\r\n监管机构通报,25,12.6%\r\n用户自行发现,100,50.3%\r\n安全厂商,1,0.5%\r\n";

    static VersionManifest manifest(String version, List<VersionManifest.CellRef> cells, List<InlineValue> values) {
        return new VersionManifest(version, "2017", "报告", "2018-08-13", "zh-CN",
                List.of(new VersionManifest.PageRef("index.html", "报告"),
                        new VersionManifest.PageRef("02-monitoring.html", "第二章 应急响应监测分析"),
                        new VersionManifest.PageRef("03-services.html", "第三章 应急响应服务分析")), cells, values);
    }

    /** A cell of a version made before rows were recorded: its numbers are in its CSV. */
    static VersionManifest.CellRef cell(String id, String label) {
        return new VersionManifest.CellRef(id, label, "事件的发现方式", "02-monitoring.html", "figures/" + id + ".csv");
    }

    static final List<VersionManifest.Column> COUNT_AND_SHARE = List.of(new VersionManifest.Column("count", "数量", false),
            new VersionManifest.Column("share", "占比", true));

    /** A table of symptoms of one area, as 表 2–5 of the flagship: labels repeat across areas, values never. */
    static VersionManifest.CellRef symptoms(String id, String label, int line, List<VersionManifest.Row> rows) {
        return new VersionManifest.CellRef(id, label, "主要现象", "03-services.html", "figures/" + id + ".csv", line,
                COUNT_AND_SHARE, rows);
    }

    static VersionManifest.Row row(String key, String label, String count, String share) {
        return new VersionManifest.Row(key, label, List.of(count, share));
    }

    static List<VersionManifest.Row> websiteSymptoms(String defaced, String defacedShare, String pages, String pagesShare) {
        return List.of(row("网页被篡改", "网页被篡改", defaced, defacedShare), row("非法子页面", "非法子页面", pages, pagesShare),
                row("网站 DDoS 攻击", "DDoS 攻击", "9", "10.1%"), row("终端运行异常", "运行异常", "0", "0.0%"),
                row("终端 DDoS 攻击", "DDoS 攻击", "0", "0.0%"), row("服务器 DDoS 攻击", "DDoS 攻击", "0", "0.0%"));
    }

    static InlineValue value(String page, int line, int column, String expression, String value, String before, String after) {
        return new InlineValue(page, line, column, expression, value, before, after);
    }

    @Test
    void identicalVersionsHaveNoChangesAlthoughTheirTablesRepeatLabels() throws Exception {
        List<VersionManifest.CellRef> cells = List.of(symptoms("tbl-website", "表 2", 15, websiteSymptoms("28", "31.5%", "18", "20.2%")));
        List<InlineValue> values = List.of(value("03-services.html", 13, 40, "incidents.count()", "199", "共处置", "起"));
        ChangeLog log = ChangeLog.between(manifest("2017.0", cells, values), p -> null, manifest("2017.1", cells, values),
                p -> null);
        assertFalse(log.isFirst());
        assertEquals(0, log.size());
        assertEquals(List.of(), log.pages());
    }

    @Test
    void oneChangedRowListsExactlyItsCountsWithTheirSharesAndNothingElse() throws Exception {
        VersionManifest before = manifest("2017.0", List.of(symptoms("tbl-website", "表 2", 15,
                websiteSymptoms("28", "31.5%", "18", "20.2%"))), List.of());
        VersionManifest after = manifest("2017.1", List.of(symptoms("tbl-website", "表 2", 15,
                websiteSymptoms("27", "30.3%", "19", "21.3%"))), List.of());
        ChangeLog log = ChangeLog.between(before, p -> null, after, p -> null);
        assertEquals(1, log.size());
        ChangeLog.CellChange table = (ChangeLog.CellChange) log.pages().get(0).changes().get(0);
        assertEquals(List.of(new ChangeLog.RowChange("网页被篡改", "", "28", "27", "31.5%", "30.3%"),
                new ChangeLog.RowChange("非法子页面", "", "18", "19", "20.2%", "21.3%")), table.rows());
    }

    @Test
    void rowsAreMatchedByWhatTheyAreInTheDataNotByTheirOrder() throws Exception {
        List<VersionManifest.Row> rows = new ArrayList<>(websiteSymptoms("28", "31.5%", "18", "20.2%"));
        List<VersionManifest.Row> reordered = new ArrayList<>(rows);
        java.util.Collections.reverse(reordered);
        ChangeLog log = ChangeLog.between(manifest("2017.0", List.of(symptoms("tbl-website", "表 2", 15, rows)), List.of()),
                p -> null, manifest("2017.1", List.of(symptoms("tbl-website", "表 2", 15, reordered)), List.of()), p -> null);
        assertEquals(0, log.size());
    }

    @Test
    void aRowOfZeroThatIsLeftOutIsNoChange() throws Exception {
        List<VersionManifest.Row> all = websiteSymptoms("28", "31.5%", "18", "20.2%");
        List<VersionManifest.Row> withoutZeros = all.stream().filter(r -> !r.numbers().get(0).equals("0")).toList();
        ChangeLog log = ChangeLog.between(manifest("2017.0", List.of(symptoms("tbl-website", "表 2", 15, all)), List.of()),
                p -> null, manifest("2017.1", List.of(symptoms("tbl-website", "表 2", 15, withoutZeros)), List.of()), p -> null);
        assertEquals(0, log.size());
    }

    @Test
    void aVersionMadeBeforeRowsWereRecordedIsReadFromItsCsvWithRepeatedLabelsByOccurrence() throws Exception {
        String csv = "主要现象,数量,占比\r\n网页被篡改,28,31.5%\r\nDDoS 攻击,9,10.1%\r\nDDoS 攻击,0,0.0%\r\nDDoS 攻击,0,0.0%\r\n";
        VersionManifest.CellRef old = new VersionManifest.CellRef("tbl-website", "表 2", "主要现象", "03-services.html",
                "figures/tbl-website.csv");
        ChangeLog log = ChangeLog.between(manifest("2017.0", List.of(old), List.of()),
                p -> csv.getBytes(StandardCharsets.UTF_8), manifest("2017.1", List.of(old), List.of()),
                p -> csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(0, log.size());
    }

    @Test
    void changedCountsOfAnOldVersionAreListedRowByRowAddedAndRemovedCellsToo() throws Exception {
        VersionManifest before = manifest("2017.0", List.of(cell("fig-discovery", "图 3"), cell("tbl-gone", "表 9")), List.of());
        VersionManifest after = manifest("2017.1", List.of(cell("fig-discovery", "图 3"), cell("fig-new", "图 4")), List.of());
        Map<String, byte[]> old = Map.of("figures/fig-discovery.csv", BEFORE_CSV.getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> now = Map.of("figures/fig-discovery.csv", AFTER_CSV.getBytes(StandardCharsets.UTF_8));
        ChangeLog log = ChangeLog.between(before, old::get, after, now::get);

        assertEquals("2017.0", log.since());
        assertEquals(3, log.size());
        List<ChangeLog.Change> changes = log.pages().get(0).changes();
        ChangeLog.CellChange discovery = (ChangeLog.CellChange) changes.get(0);
        assertEquals(ChangeLog.Status.CHANGED, discovery.status());
        assertEquals(List.of(new ChangeLog.RowChange("监管机构通报", "", "24", "25", "12.1%", "12.6%"),
                new ChangeLog.RowChange("安全厂商", "", null, "1", null, "0.5%"),
                new ChangeLog.RowChange("其他, 未知", "", "75", null, "37.7%", null)), discovery.rows());
        assertEquals(ChangeLog.Status.ADDED, ((ChangeLog.CellChange) changes.get(1)).status());
        assertEquals(ChangeLog.Status.REMOVED, ((ChangeLog.CellChange) changes.get(2)).status());
    }

    @Test
    void changesAreListedPageByPageInTheOrderTheyStandOnThePage() throws Exception {
        VersionManifest before = manifest("2017.0", List.of(symptoms("tbl-website", "表 2", 15,
                websiteSymptoms("28", "31.5%", "18", "20.2%"))), List.of(
                value("index.html", 5, 3, "incidents.count()", "198", "全年共处置", "起"),
                value("03-services.html", 13, 80, "incidents.count(\"area\", \"网站安全\")", "89", "全年共处置网站安全事件", "起"),
                value("03-services.html", 13, 200, "top.count()", "28", "（", "起"),
                value("03-services.html", 30, 9, "incidents.count()", "198", "合计", "起")));
        VersionManifest after = manifest("2017.1", List.of(symptoms("tbl-website", "表 2", 15,
                websiteSymptoms("27", "30.3%", "18", "20.2%"))), List.of(
                value("index.html", 5, 3, "incidents.count()", "198", "全年共处置", "起"),
                value("03-services.html", 13, 80, "incidents.count(\"area\", \"网站安全\")", "89", "全年共处置网站安全事件", "起"),
                value("03-services.html", 13, 200, "top.count()", "27", "…最常见的现象是“网页被篡改”（", "起"),
                value("03-services.html", 30, 9, "incidents.count()", "199", "合计", "起")));
        ChangeLog log = ChangeLog.between(before, p -> null, after, p -> null);
        assertEquals(List.of("03-services.html"), log.pages().stream().map(ChangeLog.PageChanges::page).toList());
        assertEquals("第三章 应急响应服务分析", log.pages().get(0).title());
        List<ChangeLog.Change> changes = log.pages().get(0).changes();
        assertEquals(List.of("value", "cell", "value"), changes.stream().map(ChangeLog.Change::kind).toList());
        assertEquals(new ChangeLog.ValueChange("03-services.html", 13, "…最常见的现象是“网页被篡改”（", "28", "27", "起"),
                changes.get(0));
        assertEquals(new ChangeLog.ValueChange("03-services.html", 30, "合计", "198", "199", "起"), changes.get(2));
    }

    @Test
    void theLogReadsLikeAPublicCorrectionsPageWithNoMarkupOrExpressions() throws Exception {
        VersionManifest before = manifest("2017.0", List.of(cell("fig-discovery", "图 3")),
                List.of(value("02-monitoring.html", 3, 20, "incidents.count()", "198", "2017 年共处置 ", " 起")));
        VersionManifest after = manifest("2017.1-SNAPSHOT", List.of(cell("fig-discovery", "图 3")),
                List.of(value("02-monitoring.html", 3, 20, "incidents.count()", "199", "2017 年共处置 ", " 起")));
        ChangeLog log = ChangeLog.between(before, p -> BEFORE_CSV.getBytes(StandardCharsets.UTF_8), after,
                p -> AFTER_CSV.getBytes(StandardCharsets.UTF_8));
        String html = Fragments.changes(log, layouts());
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        assertEquals(List.of("图 3 事件的发现方式 监管机构通报 24（12.1%） → 25（12.6%）"
                        + " 安全厂商 — → 1（0.5%） 其他, 未知 75（37.7%） → —", "2017 年共处置 198 → 199 起"),
                page.select(".changes-list > li").eachText());
        assertEquals(List.of("第二章 应急响应监测分析"), page.select("h3").eachText());
        assertFalse(html.contains("incidents.count()"), "no editor's expression is shown: " + html);
        assertTrue(html.contains("href=\"02-monitoring.html#fig-discovery\""), html);
        assertTrue(html.contains("href=\"../2017.0/corrections.html\""), html);
        assertTrue(html.startsWith("<!--report:changes-->") && html.endsWith("<!--/report:changes-->"));
    }

    @Test
    void aDraftIsComparedWithUnderItsDraftName() throws Exception {
        VersionManifest draft = manifest("2017.0-SNAPSHOT", List.of(), List.of());
        String html = Fragments.changes(ChangeLog.between(draft, p -> null, manifest("2017.1", List.of(), List.of()),
                p -> null), layouts());
        String text = org.jsoup.Jsoup.parse(html).text();
        assertTrue(text.contains("与 2017.0（草稿） 版相比") || text.contains("与 2017.0（草稿）版相比"), text);
        assertFalse(text.contains("SNAPSHOT"), text);
    }

    @Test
    void theFirstVersionOfAnEditionSaysSo() throws Exception {
        assertTrue(Fragments.changes(ChangeLog.first(), layouts()).contains("这是本报告的第一个版本。"));
    }

    /** The built-in layouts and Chinese UI strings. */
    private static SiteLayouts layouts() throws java.io.IOException {
        org.threatreport.render.TemplateSet builtIn = new org.threatreport.render.TemplateSet(java.nio.file.Path.of("none"));
        Messages messages = Messages.load(builtIn, "zh-CN");
        return new SiteLayouts(builtIn, messages, new org.threatreport.render.Engines(java.util.Locale.CHINA,
                builtIn.loader()));
    }

    @Test
    void aFragmentIsReplacedBetweenItsMarkers() {
        String page = "<p>a</p><!--report:versions--><ul>old</ul><!--/report:versions--><p>b</p>";
        assertEquals("<p>a</p>NEW<p>b</p>", Fragments.replace(page, Fragments.VERSIONS, "NEW"));
        assertEquals("<p>custom layout</p>", Fragments.replace("<p>custom layout</p>", Fragments.VERSIONS, "NEW"));
        assertEquals("<p>a</p>NEW<p>b</p>NEW", Fragments.replace(page + "<!--report:versions--><ul>old</ul><!--/report:versions-->",
                Fragments.VERSIONS, "NEW"), "the header's list and the contents menu's");
    }

    @Test
    void numbersAreComparedAsTheyWereBeforeTheyWereMadeSafeForSpreadsheets() {
        // A version published before labels were marked, and one after: the same labels.
        List<List<String>> before = ChangeLog.csv("label,count\r\n-其他,5\r\n".getBytes(StandardCharsets.UTF_8));
        List<List<String>> after = ChangeLog.csv("label,count\r\n'-其他,5\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(before, after);
        assertEquals(List.of("-其他", "5"), after.get(1));
    }
}
