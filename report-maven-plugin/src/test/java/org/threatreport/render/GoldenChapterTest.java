package org.threatreport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chapters of {@code render/golden/input/} rendered through {@link ChapterRenderer} give exactly the
 * Markdown and HTML of {@code render/golden/expected/}. After an intended change of the output, run
 * with {@code -Dgolden.update=true} to rewrite the expected files, then review their diff.
 */
class GoldenChapterTest {

    private static final Path EXPECTED = RenderFixture.BASE.resolve("golden/expected");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private static RenderFixture golden;

    @BeforeAll
    static void load() throws Exception {
        golden = RenderFixture.of("golden/input");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"01-golden", "02-other"})
    void rendersAsExpected(String slug) throws Exception {
        RenderedChapter chapter = golden.render(slug);
        compare(EXPECTED.resolve(slug + ".md"), chapter.markdown());
        compare(EXPECTED.resolve(slug + ".html"), chapter.html());
    }

    @Test
    void headingsHaveTheIdsOfTheHtml() throws Exception {
        List<Heading> headings = golden.render("01-golden").headings();
        assertEquals(List.of(new Heading(2, "行业分布", "行业分布"), new Heading(2, "月度与范围", "月度与范围")), headings);
    }

    @Test
    void renderingTwiceGivesTheSameOutput() throws Exception {
        assertEquals(golden.render("01-golden").html(), golden.render("01-golden").html());
    }

    private static void compare(Path expectedFile, String actual) throws Exception {
        if (UPDATE) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual,
                expectedFile + " differs; if the change is intended, run with -Dgolden.update=true and review the diff");
    }
}
