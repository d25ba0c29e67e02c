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
        runaway = RenderFixture.of("runaway", new RenderLimits(Duration.ofSeconds(2), 100_000));
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
        assertTrue(problems.get(0).contains("longer than 2 s (report.renderTimeout)"), problems.get(0));
        assertTrue(problems.get(0).contains("#list"), problems.get(0));
    }

    @Test
    void aLoopThatPrintsFarTooMuchStopsAtTheSizeBudget() {
        List<String> problems = problems("02-flood");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("02-flood.md:5:"), problems.get(0));
        assertTrue(problems.get(0).contains("grew past 100000 characters"), problems.get(0));
    }

    @Test
    void aChapterWithinItsBudgetRenders() throws Exception {
        assertEquals("1 2 3 ", runaway.render("03-fine").markdown().strip() + " ");
    }
}
