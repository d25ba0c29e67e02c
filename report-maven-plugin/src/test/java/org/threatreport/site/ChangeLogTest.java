package org.threatreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
                        new VersionManifest.PageRef("02-monitoring.html", "第二章 应急响应监测分析")), cells, values);
    }

    static VersionManifest.CellRef cell(String id, String label) {
        return new VersionManifest.CellRef(id, label, "事件的发现方式", "02-monitoring.html", "figures/" + id + ".csv");
    }

    static InlineValue value(int line, String expression, String value) {
        return new InlineValue("02-monitoring.html", line, 5, expression, value, "2017 年共处置");
    }

    @Test
    void changedCountsAreListedRowByRowAndSharesLeftOut() throws Exception {
        VersionManifest before = manifest("2017.0", List.of(cell("fig-discovery", "图 3"), cell("tbl-gone", "表 9")), List.of());
        VersionManifest after = manifest("2017.1", List.of(cell("fig-discovery", "图 3"), cell("fig-new", "图 4")), List.of());
        Map<String, byte[]> old = Map.of("figures/fig-discovery.csv", BEFORE_CSV.getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> now = Map.of("figures/fig-discovery.csv", AFTER_CSV.getBytes(StandardCharsets.UTF_8));
        ChangeLog log = ChangeLog.between(before, old::get, after, now::get);

        assertEquals("2017.0", log.since());
        assertEquals(3, log.cells().size());
        ChangeLog.CellChange discovery = log.cells().get(0);
        assertEquals(ChangeLog.Status.CHANGED, discovery.status());
        assertEquals(List.of(new ChangeLog.RowChange("监管机构通报", "", "24", "25"),
                new ChangeLog.RowChange("安全厂商", "", null, "1"),
                new ChangeLog.RowChange("其他, 未知", "", "75", null)), discovery.rows());
        assertEquals(ChangeLog.Status.ADDED, log.cells().get(1).status());
        assertEquals(ChangeLog.Status.REMOVED, log.cells().get(2).status());
    }

    @Test
    void valuesInTheTextAreMatchedByPageExpressionAndOccurrenceNotByLine() throws Exception {
        VersionManifest before = manifest("2017.0", List.of(), List.of(value(3, "incidents.count()", "198"),
                value(9, "incidents.count()", "198"), value(12, "incidents.share(\"industry\", \"政府部门\")", "29.6%")));
        VersionManifest after = manifest("2017.1", List.of(), List.of(value(5, "incidents.count()", "199"),
                value(11, "incidents.count()", "199"), value(14, "incidents.share(\"industry\", \"政府部门\")", "29.6%")));
        ChangeLog log = ChangeLog.between(before, p -> null, after, p -> null);
        assertEquals(2, log.values().size());
        ChangeLog.ValueChange first = log.values().get(0);
        assertEquals("第二章 应急响应监测分析", first.pageTitle());
        assertEquals("198", first.before());
        assertEquals("199", first.after());
        assertEquals(5, first.line());
    }

    @Test
    void theLogReadsLikeAPublicCorrectionsPage() throws Exception {
        VersionManifest before = manifest("2017.0", List.of(cell("fig-discovery", "图 3")), List.of(value(3, "incidents.count()", "198")));
        VersionManifest after = manifest("2017.1", List.of(cell("fig-discovery", "图 3")), List.of(value(3, "incidents.count()", "199")));
        ChangeLog log = ChangeLog.between(before, p -> BEFORE_CSV.getBytes(StandardCharsets.UTF_8), after,
                p -> AFTER_CSV.getBytes(StandardCharsets.UTF_8));
        Messages messages = new Messages(Map.of("corrections.changes", "数字变化", "corrections.since", "与 {0} 版相比：",
                "corrections.figures", "图表", "corrections.values", "正文中的数值", "corrections.earlier", "更早的变更：{0} 版"));
        String html = Fragments.changes(log, layouts(messages));
        String text = org.jsoup.Jsoup.parse(html).text();
        assertTrue(text.contains("图 3: 事件的发现方式 监管机构通报 24 → 25"), text);
        assertTrue(text.contains("第二章 应急响应监测分析: “2017 年共处置” 198 → 199 incidents.count()"), text);
        assertTrue(html.contains("href=\"02-monitoring.html#fig-discovery\""), html);
        assertTrue(html.contains("href=\"../2017.0/corrections.html\""), html);
        assertTrue(html.startsWith("<!--report:changes-->") && html.endsWith("<!--/report:changes-->"));
    }

    @Test
    void theFirstVersionOfAnEditionSaysSo() throws Exception {
        Messages messages = new Messages(Map.of("corrections.first", "这是本报告的第一个版本。"));
        assertTrue(Fragments.changes(ChangeLog.first(), layouts(messages)).contains("这是本报告的第一个版本。"));
    }

    /** The built-in layouts and UI strings, with {@code messages} instead of the built-in ones they name. */
    private static SiteLayouts layouts(Messages messages) throws java.io.IOException {
        org.threatreport.render.TemplateSet builtIn = new org.threatreport.render.TemplateSet(java.nio.file.Path.of("none"));
        Map<String, String> strings = new java.util.TreeMap<>(Messages.load(builtIn, "zh-CN").strings());
        strings.putAll(messages.strings());
        return new SiteLayouts(builtIn, new Messages(strings), new org.threatreport.render.Engines(java.util.Locale.CHINA,
                builtIn.loader()));
    }

    @Test
    void aFragmentIsReplacedBetweenItsMarkers() {
        String page = "<p>a</p><!--report:versions--><ul>old</ul><!--/report:versions--><p>b</p>";
        assertEquals("<p>a</p>NEW<p>b</p>", Fragments.replace(page, Fragments.VERSIONS, "NEW"));
        assertEquals("<p>custom layout</p>", Fragments.replace("<p>custom layout</p>", Fragments.VERSIONS, "NEW"));
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
