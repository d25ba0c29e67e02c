package org.threatreport.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The PDF's HTML made fit for paper. */
class BookDocumentTest {

    static final String HTML = """
            <!DOCTYPE html><html lang="zh-CN"><head><title>报告</title></head><body>
            <nav class="toc"><a href="#ch">第一章</a></nav>
            <section class="chapter" id="ch"><h1 id="ch-title">第一章</h1>
            <h2 id="a">小节</h2><h3 id="b">小小节</h3>
            <figure class="figure" id="fig-x"><a class="figure-image" href="figures/fig-x.svg"><img src="figures/fig-x.svg" alt="条形图：甲 3 起"></a>
            <figcaption><span class="figure-number">图 1</span> 标题</figcaption></figure>
            <details class="figure-data"><summary>查看数据</summary><table><tr><td>1</td></tr></table></details>
            <details><summary>更多</summary><p>细节</p></details>
            <p>见 <a href="#fig-x">图 1</a>，<a href="#a">小节</a>，<a href="#nowhere">断链</a>，
            <a href="02-other.md">Markdown</a>，<a href="https://example.org/">外链</a>。</p>
            <p><a href="figures/fig-x.csv" download>下载 CSV</a></p>
            <button>打印</button><script>alert(1)</script>
            </section>
            <section class="chapter" id="data"><h1 id="data-title">附录</h1><figure class="table" id="data-fig-x"></figure></section>
            </body></html>""";

    static final Map<String, byte[]> FILES = Map.of("figures/fig-x.svg", """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="720" height="400" viewBox="0 0 720 400"><clipPath id="c0"/><text x="1" y="2">甲</text></svg>
            """.getBytes(StandardCharsets.UTF_8));

    static BookDocument book(Optional<String> versionUrl) {
        return BookDocument.of(HTML, FILES, Map.of("fig-x", "data-fig-x"), Map.of("fig-x", "图 1 的数据"), versionUrl);
    }

    @Test
    void whatOnlyWorksOnScreenGoes() {
        BookDocument book = book(Optional.empty());
        assertTrue(book.select("button, script, details, a[download], a.figure-image").isEmpty());
        assertTrue(book.select("p").stream().noneMatch(p -> p.text().contains("下载 CSV")));
        assertEquals("更多", book.select("div.details > p.summary").text(), "other details stay open, the summary a paragraph");
    }

    @Test
    void aFiguresImageBecomesItsSvgWithTheAltText() {
        Element svg = book(Optional.empty()).select("figure#fig-x svg").first();
        assertNotNull(svg);
        assertEquals("条形图：甲 3 起", svg.attr("alt"));
        assertEquals("chart", svg.className());
        assertEquals("0 0 720 400", svg.attr("viewBox"), "the SVG keeps its case");
        assertEquals(1, svg.select("clipPath").size());
    }

    @Test
    void crossReferencesShowTheirPageAndLinksPointIntoTheDocumentOrOut() {
        BookDocument book = book(Optional.empty());
        assertEquals(List.of("图 1"), book.select("a.xref").eachText(), "only references to figures and tables");
        assertEquals("#a", book.select("a[title=小节]").attr("href"));
        assertNull(book.select("a[href=#nowhere]").first(), "a link to nothing is plain text");
        assertTrue(book.select("p").text().contains("断链"));
        assertNull(book.select("a[href$=.md]").first(), "the site's other files are unknown without its address");
        assertEquals("外链", book.select("a[href^=https]").attr("title"), "every link has a description");
        assertFalse(book.select(".toc a").hasClass("xref"), "the contents give their pages in their own way");
        Element data = book.select("figure#fig-x a.data-ref").first();
        assertEquals("#data-fig-x", data.attr("href"));
        assertEquals("图 1 的数据", data.attr("title"));
    }

    @Test
    void withTheSitesAddressLinksToItsFilesAreAbsolute() {
        BookDocument book = book(Optional.of("https://reports.example.org/2017/"));
        assertEquals("https://reports.example.org/2017/02-other.md", book.select("a:containsOwn(Markdown)").attr("href"));
    }

    @Test
    void theOutlineNestsTheHeadings() {
        BookDocument book = book(Optional.empty());
        Element bookmarks = book.select("head > bookmarks").first();
        assertEquals(List.of("第一章", "附录"), bookmarks.children().eachAttr("name"));
        Element chapter = bookmarks.child(0);
        assertEquals("#ch-title", chapter.attr("href"));
        assertEquals("小节", chapter.child(0).attr("name"));
        assertEquals("小小节", chapter.child(0).child(0).attr("name"));
    }

    @Test
    void theTextOfEachPartIsTold() {
        Map<String, String> texts = book(Optional.empty()).texts(Set.of("ch"));
        assertTrue(texts.get("ch").contains("小节") && texts.get("ch").contains("甲"), texts.get("ch"));
        assertTrue(texts.get("").contains("报告") && texts.get("").contains("附录") && !texts.get("").contains("小节"));
    }
}
