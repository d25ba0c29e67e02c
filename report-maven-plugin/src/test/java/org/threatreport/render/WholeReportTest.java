package org.threatreport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WholeReportTest {

    @Test
    void idsStayUniqueAndLinksPointIntoThePage() {
        List<WholeReport.Section> sections = WholeReport.sections(List.of(
                new WholeReport.Part("index.html", "摘要", "<p>见 <a href=\"02-b.html#fig-a\">图 1</a></p>"),
                new WholeReport.Part("01-a.html", "第一章", "<h2 id=\"总结\">总结</h2>\n<figure id=\"fig-a\"></figure>"
                        + "<p><a href=\"#总结\">上文</a> <a href=\"02-b.html\">下一章</a> <a href=\"figures/fig-a.csv\">CSV</a>"
                        + " <a href=\"https://example.org/x.html\">外链</a></p>"),
                new WholeReport.Part("02-b.html", "第二章", "<h2 id=\"总结\">总结</h2><h3 id=\"main\">main</h3>"
                        + "<p><a href=\"#总结\">上文</a> <a href=\"01-a.html#总结\">第一章总结</a></p>")),
                Set.of("main"), 1);
        assertEquals(List.of("part-index", "part-01-a", "part-02-b"), sections.stream().map(WholeReport.Section::id).toList());
        assertEquals("part-01-a-title", sections.get(1).titleId());
        assertEquals("<p>见 <a href=\"#fig-a\">图 1</a></p>", sections.get(0).html());
        String first = sections.get(1).html();
        assertTrue(first.contains("<h3 id=\"总结\">总结</h3>"), first);
        assertTrue(first.contains("<a href=\"#总结\">上文</a> <a href=\"#part-02-b\">下一章</a> <a href=\"figures/fig-a.csv\">"), first);
        assertTrue(first.contains("href=\"https://example.org/x.html\""), first);
        String second = sections.get(2).html();
        assertTrue(second.contains("<h3 id=\"总结-2\">总结</h3><h4 id=\"main-2\">main</h4>"), second);
        assertTrue(second.contains("<a href=\"#总结-2\">上文</a> <a href=\"#总结\">第一章总结</a>"), second);
    }

    @Test
    void aHeadingEveryChapterRepeatsTakesTheNextFreeSuffix() {
        // Chapter 2 already has an id "概述-3" of its own: the third "概述" must skip it.
        List<WholeReport.Part> parts = List.of(
                new WholeReport.Part("01-a.html", "一", "<h2 id=\"概述\">概述</h2>"),
                new WholeReport.Part("02-b.html", "二", "<h2 id=\"概述-3\">x</h2><h2 id=\"概述\">概述</h2>"),
                new WholeReport.Part("03-c.html", "三", "<h2 id=\"概述\">概述</h2>"),
                new WholeReport.Part("04-d.html", "四", "<h2 id=\"概述\">概述</h2>"));
        List<String> html = WholeReport.sections(parts, Set.of(), 1).stream().map(WholeReport.Section::html).toList();
        assertEquals(List.of("<h3 id=\"概述\">概述</h3>", "<h3 id=\"概述-3\">x</h3><h3 id=\"概述-2\">概述</h3>",
                "<h3 id=\"概述-4\">概述</h3>", "<h3 id=\"概述-5\">概述</h3>"), html);
    }

    @Test
    void headingsStayWhereTheyAreWithoutAShift() {
        List<WholeReport.Section> sections = WholeReport.sections(List.of(
                new WholeReport.Part("01-a.html", "一", "<h2 id=\"a\">A</h2><h3 id=\"b\">B</h3>")), Set.of(), 0);
        assertEquals("<h2 id=\"a\">A</h2><h3 id=\"b\">B</h3>", sections.get(0).html());
    }
}
