package org.threatreport.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threatreport.diagnostic.Problem;
import org.threatreport.model.Chapter;
import org.threatreport.render.InlineValue;

/** Spaces between Chinese characters, found in the text as readers see it. */
class ChineseSpacingTest {

    static final Map<String, String> LABELS = Map.of("fig-monthly", "图 1", "fig-industry", "Figure 2");

    /** The findings of one line of a chapter, as "column: the page reads …". */
    static List<String> findings(String line, InlineValue... values) {
        Chapter chapter = new Chapter("01-x", Path.of("content/01-x.md"), "x", "", line, List.of());
        List<Problem> found = new ArrayList<>();
        ChineseSpacing.check(chapter, ProseText.of(line), List.of(values), LABELS::get, found);
        return found.stream().map(p -> p.column() + ": " + p.message().replaceAll(".*the page reads \"([^\"]*)\".*", "$1"))
                .toList();
    }

    static InlineValue value(int column, String printed) {
        return new InlineValue("01-x.html", 1, column, "x", printed, "", "");
    }

    @Test
    void aSpaceAroundAReferenceOrAValueBetweenChineseCharactersIsFound() {
        assertEquals(List.of("2: 如 图 1 所示"), findings("如 @fig-monthly 所示"));
        String line = "最多的是${m.label()} 达到 ${m.count()} 起";
        assertEquals(List.of("17: 的是12 月 达到 30 "),
                findings(line, value(line.indexOf("${m.label") + 1, "12 月"), value(line.indexOf("${m.count") + 1, "30")));
        assertEquals(List.of("3: 详见 附录。"), findings("详见 [附录](04-appendix.html)。"));
        assertEquals(List.of("5: 主要现象 网站"), findings("主要现象 **网站**"));
    }

    @Test
    void spacesTheDataOrGoodStyleHasAreLeftAlone() {
        assertEquals(List.of(), findings("如@fig-monthly 所示，共 199 起 DDoS 攻击"));
        String line = "现象是${x}。";
        assertEquals(List.of(), findings(line, value(4, "网站 DDoS 攻击 网站 安全")));
        assertEquals(List.of(), findings("**攻击手段**\u3000综合各次现场处置的情况"));
        assertEquals(List.of(), findings("as @fig-industry shows, 59 incidents"));
        assertEquals(List.of(), findings("代码 `如 图` 不算"));
    }

    @Test
    void aValueTheRenderingDidNotRecordIsNotGuessed() {
        assertEquals(List.of(), findings("最多的是${m.label()} 达到"));
    }
}
