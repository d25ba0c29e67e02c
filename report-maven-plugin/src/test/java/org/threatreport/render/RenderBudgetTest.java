package org.threatreport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threatreport.config.RenderLimits;
import org.threatreport.diagnostic.InputException;

/**
 * A runaway template stops at its budget with the chapter's file, line and column, and the directive
 * it was running; a chapter within the budget renders as always.
 */
class RenderBudgetTest {

    private static RenderFixture runaway;

    @BeforeAll
    static void load() throws Exception {
        runaway = RenderFixture.of("runaway", new RenderLimits(Duration.ofSeconds(10), 20_000));
    }

    private static List<String> problems(String slug) {
        InputException e = assertThrows(InputException.class, () -> runaway.render(slug));
        return e.describe(runaway.contentDir).lines().toList();
    }

    @Test
    void aLoopThatNeverEndsStopsAtTheTimeBudget() {
        List<String> problems = problems("01-endless");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("01-endless.md:5:"), problems.get(0));
        assertTrue(problems.get(0).contains("longer than 10 s (report.renderTimeout)"), problems.get(0));
        assertTrue(problems.get(0).contains("#list"), problems.get(0));
    }

    @Test
    void aLoopThatPrintsFarTooMuchStopsAtTheSizeBudget() {
        List<String> problems = problems("02-flood");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("02-flood.md:5:"), problems.get(0));
        assertTrue(problems.get(0).contains("grew past 20000 characters"), problems.get(0));
    }

    @Test
    void aChapterWithinItsBudgetRenders() throws Exception {
        assertEquals("1 2 3 ", runaway.render("03-fine").markdown().strip() + " ");
    }

    @Test
    void aMacroThatCallsItselfWithoutEndIsAnErrorAtTheMacro() {
        List<String> problems = problems("04-recursive");
        assertEquals(List.of("04-recursive.md:5:17: error: the template calls itself without end: a macro or function"
                + " that never stops calling itself?"), problems);
    }

    @Test
    void markdownNestedPastWhatTheParserTakesIsAnError() {
        List<String> problems = problems("05-deep");
        assertEquals(List.of("05-deep.md:5:1: error: once its values are filled in, this line opens more than 32 quotes"
                + " or list items inside each other; no report needs that many"), problems);
    }
}
