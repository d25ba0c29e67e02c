package org.threatreport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.threatreport.diagnostic.InputException;

/**
 * A block of key numbers ({@code ```{keynumbers}}): computed like any value, laid out by
 * {@code keynumbers.ftlh} with a link to the figure or table that explains each number, written
 * as a list in the portable Markdown, and every mistake in it located in the chapter's file.
 */
class KeyNumbersTest {

    @Test
    void eachNumberIsComputedAndLinksToWhatExplainsIt() throws Exception {
        RenderedChapter chapter = RenderFixture.of("keynumbers").render("01-numbers");
        Document html = Jsoup.parse(chapter.html());
        assertEquals(List.of("11", "45.5%"), html.select(".key-number-value").eachText());
        assertEquals(List.of("起事件", "的事件发生在政府部门"), html.select(".key-number-label").eachText());
        assertEquals(List.of("#fig-industry", "#tbl-scope"), html.select("a.key-number-link").eachAttr("href"));
        assertEquals(List.of("见图 1 →", "见表 1 →"), html.select(".key-number-more").eachText());
        assertTrue(html.select("pre, code").isEmpty(), "no YAML is shown: " + chapter.html());
        assertTrue(chapter.reads().references().containsAll(List.of("fig-industry", "tbl-scope")),
                "the page is laid out again when the figure's number changes");
        assertTrue(chapter.reads().layouts().contains("keynumbers.ftlh"));
    }

    @Test
    void itsValuesAreRecordedWithTheirLabelForTheCorrectionsLog() throws Exception {
        RenderedChapter chapter = RenderFixture.of("keynumbers").render("01-numbers");
        InlineValue count = chapter.values().get(0);
        assertEquals("incidents.count()", count.expression());
        assertEquals("11", count.value());
        assertEquals(" 起事件", count.textAfter());
        InlineValue share = chapter.values().stream().filter(v -> v.value().equals("45.5%")).findFirst().orElseThrow();
        assertEquals(" 的事件发生在政府部门", share.textAfter());
    }

    @Test
    void theMarkdownOfOtherFormatsListsThem() throws Exception {
        RenderFixture fixture = RenderFixture.of("keynumbers");
        RenderedChapter chapter = fixture.render("01-numbers");
        MarkdownPart.Prose first = (MarkdownPart.Prose) chapter.parts().get(0);
        assertEquals(List.of("* **11** 起事件（@fig-industry）", "* **45.5%** 的事件发生在政府部门（@tbl-scope）", "", "正文。"),
                first.lines().stream().map(MarkdownPart.Line::text).toList());
        assertEquals(List.of(new MarkdownPart.ReferenceSpan(13, 26, "fig-industry")), first.lines().get(0).spans());
    }

    @Test
    void everyMistakeOfABlockIsLocatedInTheChapter() throws Exception {
        RenderFixture fixture = RenderFixture.of("keynumbers-mistakes");
        InputException e = assertThrows(InputException.class, () -> fixture.render("01-mistakes"));
        Path base = Path.of("src/test/resources/render/keynumbers-mistakes").toAbsolutePath();
        assertEquals(List.of(
                "content/01-mistakes.md:8:3: error: the key number needs a 'label': what the number counts",
                "content/01-mistakes.md:9:3: error: unknown key 'lable' of a key number (did you mean 'label'?);"
                        + " expected value, label and link",
                "content/01-mistakes.md:10:9: error: '@fig-industri' is no figure or table of the report: write the"
                        + " reference of the one that explains the number, e.g. \"@fig-industry\" (in quotes: YAML reads @"
                        + " otherwise)",
                "content/01-mistakes.md:11:3: error: the key number needs a 'link' to the figure or table that"
                        + " explains it, e.g. 'link: \"@fig-industry\"'"),
                e.problems().stream().map(p -> p.format(base)).toList());
    }
}
