package org.threatreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threatreport.model.Chapter;
import org.threatreport.render.RenderedChapter;

class SearchIndexTest {

    static RenderedChapter page(String slug, String title, String html) {
        Chapter chapter = new Chapter(slug, Path.of("content/" + slug + ".md"), title, "", "", List.of());
        return new RenderedChapter(chapter, "", List.of(), html, List.of(), List.of(), RenderedChapter.Reads.NOTHING);
    }

    static final RenderedChapter ABSTRACT = page("index", "摘要", "<ul>\n<li>全年处置事件 199 起，勒索病毒最多。</li>\n</ul>\n");
    static final RenderedChapter SERVICES = page("03-services", "服务", """
            <p>开篇：终端与服务器&amp;邮箱。</p>
            <h2 id="终端安全">终端安全</h2>
            <p>终端感染勒索
            病毒后文件被加密。</p>
            <figure class="figure" id="fig-x">
            <a class="figure-image" href="figures/fig-x.svg"><img src="figures/fig-x.svg" alt="条形图：挖矿 3 起"></a>
            <figcaption><span class="figure-number">图 1</span> 终端事件类型</figcaption>
            </figure>
            <details class="figure-data" data-figure="fig-x">
            <summary>查看数据</summary>
            <table class="data-table"><thead><tr><th>类型</th><th>数量</th></tr></thead>
            <tbody><tr><th scope="row">蠕虫</th><td>3</td></tr><tr><th scope="row">勒索病毒</th><td>2</td></tr></tbody></table>
            <p><a href="figures/fig-x.csv" download>下载 CSV</a></p>
            </details>
            <h3 id="ddos-攻击">DDoS 攻击</h3>
            <p>Attackers flooded the mail server &lt;smtp&gt;.</p>
            <figure class="table" id="tbl-y">
            <figcaption><span class="table-number">表 1</span> 邮箱事件</figcaption>
            <table class="data-table"><thead><tr><th>现象</th><th>数量</th></tr></thead>
            <tbody><tr><th scope="row">垃圾邮件</th><td>4</td></tr></tbody></table>
            <p class="table-download"><a href="figures/tbl-y.csv" download>下载 CSV</a></p>
            </figure>
            <h2 id="挖矿">挖矿</h2>
            <p>服务器被植入挖矿程序，木马病毒随之而来。</p>
            """);

    static SearchIndex index() {
        return SearchIndex.of("zh-CN", ABSTRACT, "摘要", List.of(SERVICES));
    }

    @Test
    void cutsAPageIntoTheTextBeforeTheFirstHeadingAndOnePassagePerHeading() {
        List<SearchIndex.Entry> passages = index().passages();
        assertEquals(List.of("", "", "终端安全", "fig-x", "ddos-攻击", "tbl-y", "挖矿"),
                passages.stream().map(SearchIndex.Entry::anchor).toList());
        assertEquals(new SearchIndex.Entry(0, "", "摘要", "全年处置事件 199 起，勒索病毒最多。", "", false), passages.get(0));
        assertEquals(new SearchIndex.Entry(1, "", "服务", "开篇：终端与服务器&邮箱。", "", false), passages.get(1));
        assertEquals("终端安全", passages.get(2).section());
        assertEquals("终端安全", passages.get(4).parent(), "a third-level heading knows the second-level one it is under");
        assertEquals("", passages.get(6).parent());
        assertEquals("Attackers flooded the mail server <smtp>.", passages.get(4).text());
    }

    @Test
    void eachFigureAndTableIsAPassageOfItsCaptionAndNumbersAfterItsSectionsProse() {
        List<SearchIndex.Entry> passages = index().passages();
        String prose = passages.get(2).text();
        assertEquals("终端感染勒索病毒后文件被加密。", prose, "no caption, numbers, download, summary or alt text in the prose");
        assertEquals(new SearchIndex.Entry(1, "fig-x", "图 1 终端事件类型", "类型 数量 · 蠕虫 3 · 勒索病毒 2", "终端安全", true),
                passages.get(3));
        assertEquals(new SearchIndex.Entry(1, "tbl-y", "表 1 邮箱事件", "现象 数量 · 垃圾邮件 4", "DDoS 攻击", true),
                passages.get(5));
    }

    @Test
    void aSoftLineBreakBetweenChineseCharactersIsNoBreakAtAll() {
        assertTrue(index().passages().get(2).text().contains("终端感染勒索病毒后"), index().passages().get(2).text());
        assertEquals(List.of("index.html", "03-services.html#终端安全", "03-services.html#fig-x"), index().find("勒索病毒"));
    }

    @Test
    void findsEveryPassageThatContainsTheQueryAndNoOther() {
        SearchIndex index = index();
        assertEquals(List.of("index.html", "03-services.html#终端安全", "03-services.html#挖矿", "03-services.html#fig-x"),
                index.find("毒"));
        assertEquals(List.of("03-services.html#挖矿"), index.find("挖矿"));
        assertEquals(List.of("index.html", "03-services.html#终端安全", "03-services.html#fig-x"), index.find("勒索"));
        // every pair of 病毒木马 occurs somewhere, but not the phrase
        assertEquals(List.of(), index.find("索病毒后被"));
        assertEquals(List.of("03-services.html#fig-x"), index.find("蠕虫"), "words found only in a figure's numbers");
        assertEquals(List.of("03-services.html#tbl-y"), index.find("垃圾邮件"), "and in a table's");
    }

    @Test
    void passagesWithEveryWordComeBeforeThoseWithSomeAndProseBeforeData() {
        // Every word: the section on terminals (prose), then the figure (终端 in its caption, 勒索 in its
        // numbers); some words: the abstract (勒索) and the chapter's opening (终端), in reading order.
        assertEquals(List.of("03-services.html#终端安全", "03-services.html#fig-x", "index.html", "03-services.html"),
                index().find("终端 勒索"));
        // The figure's numbers hold 毒 as often as the text does, yet come after it.
        assertEquals("03-services.html#fig-x", index().find("毒").get(3));
    }

    @Test
    void aHeadingCountsAsPartOfItsPassage() {
        assertEquals(List.of("03-services.html#ddos-攻击"), index().find("ddos"));
        assertEquals(List.of("03-services.html#ddos-攻击"), index().find("ＤＤｏＳ"));
    }

    @Test
    void englishWordsMatchAsPrefixes() {
        SearchIndex index = index();
        assertEquals(List.of("03-services.html#ddos-攻击"), index.find("attack"));
        assertEquals(List.of("03-services.html#ddos-攻击"), index.find("MAIL attackers"));
        assertEquals(List.of("03-services.html#挖矿", "03-services.html#ddos-攻击"), index.find("mail 挖矿"),
                "passages with some of the words, the heading's count more");
        assertEquals(List.of(), index.find("   "));
    }

    @Test
    void theScriptSetsAGlobalHoldingPagesPassagesAndPostings() throws Exception {
        String script = new String(index().script(), StandardCharsets.UTF_8);
        String prefix = "window.REPORT_SEARCH_INDEX = ";
        assertTrue(script.startsWith(prefix) && script.endsWith(";\n"), script.substring(0, 40));
        JsonNode json = new ObjectMapper().readTree(script.substring(prefix.length(), script.length() - 2));
        assertEquals("zh-CN", json.get("language").asText());
        assertEquals("03-services.html", json.get("pages").get(1).get(0).asText());
        assertEquals(7, json.get("passages").size());
        assertEquals(2, json.get("format").asInt());
        assertEquals(1, json.get("passages").get(3).get(5).asInt(), "a figure's data is marked as such");
        assertEquals("[0,2,3]", json.get("terms").get("勒索").toString());
        assertEquals("[0,2,3,6]", json.get("terms").get("毒").toString());
        assertTrue(json.get("terms").has("ddos"));
        assertEquals(script, new String(index().script(), StandardCharsets.UTF_8), "deterministic");
    }
}
