package org.threatreport.render;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.core.TemplateProcessingTracer.TracedElement;
import freemarker.template.Template;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threatreport.aggregate.EngineWaits;
import org.threatreport.aggregate.query.Query;
import org.threatreport.aggregate.query.QueryExecutor;
import org.threatreport.aggregate.query.QueryResult;
import org.threatreport.config.RenderLimits;

/**
 * A chapter's time budget leaves out the time its thread waited for an SQL engine's answers (a query over
 * 10⁸ rows may take longer than the budget by itself), and only that thread's: time spent in templates still
 * counts.
 */
class EngineWaitsBudgetTest {

    private static final RenderLimits ONE_SECOND = new RenderLimits(Duration.ofSeconds(1), 1_000);

    @Test
    void waitingForAnEngineIsNotCountedAgainstTheBudget() throws Exception {
        EngineWaits waits = new EngineWaits();
        QueryExecutor slowEngine = waits.timing(query -> {
            sleep(1_500);
            return new QueryResult(query, 0, List.of());
        });
        TracedElement element = element();
        RenderBudget budget = RenderBudget.start(ONE_SECOND, new StringBuffer(), waits);
        slowEngine.run(Query.of("incidents"));
        assertDoesNotThrow(() -> budget.check(element));
        assertTrue(waits.ofCurrentThread() >= 1_500_000_000L, "the wait is recorded: " + waits.ofCurrentThread());
    }

    @Test
    void timeOutsideTheEngineStillCounts() throws Exception {
        EngineWaits waits = new EngineWaits();
        Thread other = new Thread(() -> waits.timing(query -> {
            sleep(1_500);
            return new QueryResult(query, 0, List.of());
        }).run(Query.of("incidents")));
        TracedElement element = element();
        RenderBudget budget = RenderBudget.start(ONE_SECOND, new StringBuffer(), waits);
        other.start();
        other.join();
        RenderBudget.Exceeded exceeded = assertThrows(RenderBudget.Exceeded.class, () -> budget.check(element));
        assertTrue(exceeded.getMessage().contains("report.renderTimeout"), exceeded.getMessage());
        assertEquals(0, waits.ofCurrentThread(), "another thread's wait is its own");
    }

    private static TracedElement element() throws Exception {
        Template template = new Template("chapter", "<#list 1..3 as i>${i}</#list>", null);
        TracedElement[] first = new TracedElement[1];
        freemarker.core.Environment environment = template.createProcessingEnvironment(java.util.Map.of(),
                new java.io.StringWriter());
        environment.setTemplateProcessingTracer(new freemarker.core.TemplateProcessingTracer() {
            @Override
            public void enterElement(freemarker.core.Environment env, TracedElement element) {
                if (first[0] == null) {
                    first[0] = element;
                }
            }

            @Override
            public void exitElement(freemarker.core.Environment env, TracedElement element) {
            }
        });
        environment.process();
        return first[0];
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
