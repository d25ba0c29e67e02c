package org.threatreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threatreport.render.Messages;

class ReadingTest {

    @Test
    void theScriptsStringsCannotCloseTheirScriptElement() {
        String json = Reading.uiJson(new Messages(Map.of("js.a", "</script><b>&", "site.title", "not for scripts")));
        assertEquals("{\"js.a\":\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\"}", json);
        assertFalse(json.contains("site.title"));
    }

    @Test
    void sitemapsLeaveOutTheSearchAndNotFoundPages() {
        VersionEntry entry = new VersionEntry("2017", "报告", "2018-08-13", "2017", "zh-CN", java.util.List.of(),
                java.util.List.of("01-preface.html", "404.html", "all.html", "index.html", "search.html"));
        String xml = new String(SiteRoot.versionSitemap(entry, "https://reports.example.org/2017/"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(xml.contains("<loc>https://reports.example.org/2017/index.html</loc>") && xml.contains("all.html"), xml);
        assertFalse(xml.contains("404.html") || xml.contains("search.html"), xml);
    }

    @Test
    void aSummaryIsThePagesOpeningCutAtASentence() {
        String sentence = "第一句话说明全年共处置事件一百九十九起，其中政府部门最多，事业单位和金融机构次之，合计接近一半。";
        String html = "<p>" + sentence + sentence + sentence + "</p><h2 id=\"a\">A</h2><p>later</p>";
        String summary = Reading.summary(html, "");
        assertTrue(summary.length() <= Reading.SUMMARY_LENGTH, summary);
        assertTrue(summary.endsWith("。") && summary.startsWith("第一句话"), summary);
        assertEquals("short", Reading.summary("<p>short</p>", ""));
        String english = "word ".repeat(40);
        assertTrue(Reading.summary("<p>" + english + "</p>", "").endsWith("…"));
    }
}
