package org.threatreport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** {@code @fig-…} / {@code @tbl-…} become links labelled with the cell's number. */
class ReferenceLinkTest {

    private static RenderFixture golden;

    @BeforeAll
    static void load() throws Exception {
        golden = RenderFixture.of("golden/input");
    }

    private static Document html(RenderFixture fixture, String slug) throws Exception {
        return Jsoup.parseBodyFragment(fixture.render(slug).html());
    }

    @Test
    void aReferenceInTheSameChapterLinksToTheAnchor() throws Exception {
        Document chapter = html(golden, "01-golden");
        assertEquals(List.of("#fig-industry", "#tbl-top", "02-other.html#tbl-scope"),
                chapter.select("body > p a").eachAttr("href"));
        assertEquals(List.of("图 1", "表 1", "表 2"), chapter.select("body > p a").eachText());
    }

    @Test
    void aReferenceToAnotherChapterLinksToItsPage() throws Exception {
        Document chapter = html(golden, "02-other");
        assertEquals(List.of("01-golden.html#fig-industry", "#tbl-scope"), chapter.select("body > p a").eachAttr("href"));
    }

    @Test
    void everyLinkedAnchorExists() throws Exception {
        Document first = html(golden, "01-golden");
        Document second = html(golden, "02-other");
        for (String id : List.of("fig-industry", "tbl-top")) {
            assertEquals(1, first.select("figure#" + id).size(), id);
        }
        assertEquals(1, second.select("figure#tbl-scope").size());
    }

    @Test
    void aReferenceInACodeBlockStaysAsWritten() throws Exception {
        assertEquals("代码块里的 @fig-industry 保持原样", html(golden, "01-golden").selectFirst("pre code").text());
    }

    @Test
    void aReferenceInInlineCodeStaysAsWritten() throws Exception {
        Document chapter = html(RenderFixture.of("references"), "01-refs");
        assertEquals(List.of("@fig-industry"), chapter.select("p code").eachText());
    }

    @Test
    void referencesWrittenWithoutSpacesOrWithShortIdsAreLinked() throws Exception {
        Document chapter = html(RenderFixture.of("references"), "01-refs");
        assertTrue(chapter.select("body > p a").eachAttr("href").containsAll(List.of("#fig-industry", "#fig-1")));
        List<String> unlinked = chapter.select("p").stream().map(p -> {
            var text = p.clone();
            text.select("code").remove();
            return text.text();
        }).filter(t -> t.contains("@fig-")).toList();
        assertEquals(List.of(), unlinked);
    }
}
