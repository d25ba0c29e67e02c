package org.threatreport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.threatreport.diagnostic.InputException;

/**
 * A wrong inline value fails its chapter with the chapter's file, line and column, and says what
 * would be right. Each mistake is a chapter of {@code render/mistakes/content/}; the expression
 * stands on line 5 of each.
 */
class TemplateMistakesTest {

    private static RenderFixture mistakes;

    @BeforeAll
    static void load() throws Exception {
        mistakes = RenderFixture.of("mistakes");
    }

    private static List<String> problems(String slug) {
        InputException e = assertThrows(InputException.class, () -> mistakes.render(slug));
        return e.describe(mistakes.contentDir).lines().toList();
    }

    static List<Arguments> cases() {
        return List.of(
                Arguments.of("01-unknown-variable",
                        "01-unknown-variable.md:5:5: error: 'incidnts' is not defined (did you mean 'incidents'?); the values available are incidents, report"),
                Arguments.of("02-bad-argument",
                        "02-bad-argument.md:5:6: error: unknown column 'industy' of table 'incidents' (did you mean 'industry'?); its columns are id, date, industry, scope"),
                Arguments.of("03-unknown-value",
                        "03-unknown-value.md:5:6: error: unknown value '金融机购' of column 'industry' (did you mean '金融机构'?); expected one of: 政府部门, 金融机构, 教育, IT"),
                Arguments.of("04-syntax",
                        "04-syntax.md:5:21: error: template syntax: Encountered \"}\", but at this place only this can be closed: \"(\"."),
                Arguments.of("05-unknown-method",
                        "05-unknown-method.md:5:5: error: 'incidents.cout' is not defined"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMistakeNamesTheChapterLineAndColumn(String slug, String expected) {
        assertEquals(List.of(expected), problems(slug));
    }

    @Test
    void everyMistakeOfAChapterIsReportedTogether() {
        assertEquals(List.of(
                "06-several.md:5:5: error: 'incidnts' is not defined (did you mean 'incidents'?); the values available are incidents, report",
                "06-several.md:7:6: error: unknown column 'industy' of table 'incidents' (did you mean 'industry'?); its columns are id, date, industry, scope",
                "06-several.md:7:50: error: top(0): expected 1 or more"),
                problems("06-several"));
    }

    @Test
    void aFailedChapterDoesNotSpoilTheNextOne() throws Exception {
        problems("06-several");
        assertEquals("共 11 起。", mistakes.render("07-fine").markdown().strip());
    }
}
