package org.threatreport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Values from the data and from report.yaml are text: whatever Markdown or HTML they contain is
 * shown as written, in the prose, in tables and in alt text. The labels are in
 * {@code render/escaping/data/incidents.schema.yaml}.
 */
class EscapingTest {

    private static final List<String> LABELS = List.of(
            "<script>alert(1)</script>",
            "*x* and _y_",
            "[a](b)",
            "![img](http://example.com/x.png)",
            "<b>粗</b> & 'q' \"dq\"",
            "`code` ~~del~~ | pipe",
            "# 标题",
            "- 列表",
            "1. 第一",
            "> 引用",
            "&lt;b&gt; &amp;",
            "a\\*b\\",
            "<http://example.com>",
            "${report.title}");

    private static RenderedChapter chapter;
    private static Document html;

    @BeforeAll
    static void render() throws Exception {
        chapter = RenderFixture.of("escaping").render("01-values");
        html = Jsoup.parseBodyFragment(chapter.html());
    }

    @Test
    void noValueBecomesAnElement() {
        for (String tag : List.of("script", "em", "strong", "i", "b", "code", "del", "h1", "blockquote", "pre")) {
            assertEquals(List.of(), html.select(tag).stream().map(Element::outerHtml).toList(), tag);
        }
        // the only links and pictures are the cells' own
        for (Element link : html.select("a[href]")) {
            assertTrue(link.attr("href").startsWith("figures/"), link.outerHtml());
        }
        assertEquals(List.of("figures/fig-kinds.svg"), html.select("img").eachAttr("src"));
    }

    @Test
    void everyValueReadsAsWrittenInTheProse() {
        String text = html.select("p").first().text();
        assertEquals("全部：" + String.join(" / ", LABELS) + "。", text);
    }

    @Test
    void reportYamlValuesAreTextToo() {
        assertEquals("标题：<em>转义</em> *报告* [x](y)；单位：<script>org()</script>。", html.select("p").get(1).text());
    }

    @Test
    void aValueOnALineOfItsOwnIsStillText() {
        List<String> paragraphs = html.select("body > p").eachText();
        for (String label : LABELS) {
            if (!label.startsWith("- ") && !label.startsWith("1. ")) { // see the disabled test below
                assertTrue(paragraphs.contains(label), label + " not among " + paragraphs);
            }
        }
    }

    @Test
    void theMarkdownEscapesWhatCouldBeMarkup() {
        assertTrue(chapter.markdown().contains("\\<script\\>alert(1)\\</script\\>"), chapter.markdown());
        assertTrue(chapter.markdown().contains("\\*x\\* and \\_y\\_"), chapter.markdown());
        assertTrue(chapter.markdown().contains("\\[a\\](b)"), chapter.markdown());
    }

    @Test
    void tableCellsAndAltTextShowTheValuesAsWritten() {
        Element table = html.selectFirst("figure#tbl-kinds table");
        assertEquals(LABELS, table.select("tbody th[scope=row]").eachText());
        assertEquals("<i>类型</i>", table.selectFirst("thead th").text());
        String alt = html.selectFirst("figure#fig-kinds img").attr("alt");
        assertTrue(alt.startsWith("条形图：<script>alert(1)</script> 1 起（7.1%）；*x* and _y_ 1 起（7.1%）；"), alt);
        assertTrue(alt.contains("；<b>粗</b> & 'q' \"dq\" 1 起（7.1%）；"), alt);
    }

    @Test
    void aValueThatLooksLikeAListItemIsStillText() {
        assertEquals(List.of(), html.select("ul, ol").stream().map(Element::outerHtml).toList());
        List<String> paragraphs = html.select("body > p").eachText();
        assertTrue(paragraphs.contains("- 列表"), paragraphs.toString());
        assertTrue(paragraphs.contains("1. 第一"), paragraphs.toString());
    }
}
