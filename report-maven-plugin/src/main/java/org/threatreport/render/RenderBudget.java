package org.threatreport.render;

import freemarker.core.TemplateProcessingTracer.TracedElement;
import java.nio.file.Path;
import org.threatreport.aggregate.EngineWaits;
import org.threatreport.config.RenderLimits;
import org.threatreport.diagnostic.Problem;

/**
 * The time and output a chapter's or a page's rendering may still use, checked each time FreeMarker
 * enters an element of a template (loops are given a check in every round); past either, the
 * rendering stops with the element it was at. Time the rendering thread spends waiting for an SQL engine's
 * answers is not counted: the source's own {@code timeout:} bounds it.
 */
final class RenderBudget {

    /** Stops the rendering: the budget is spent. */
    static final class Exceeded extends RuntimeException {
        private final String what;
        private final int line;
        private final int column;
        private final String element;
        private final String template;

        private Exceeded(String what, TracedElement at) {
            super(what, null, false, false);
            this.what = what;
            this.line = at.getBeginLine();
            this.column = at.getBeginColumn();
            this.element = at.getDescription();
            this.template = at.getTemplate().getSourceName();
        }

        /** The name of the template the rendering was in: a layout's, for a page. */
        String template() {
            return template;
        }

        Problem problem(Path file) {
            String where = element == null || element.isBlank() ? "" : " (at " + shorten(element) + ")";
            return Problem.error(file, line, column, what + where);
        }

        private static String shorten(String text) {
            String line = text.strip().lines().findFirst().orElse("");
            return line.length() > 60 ? line.substring(0, 60) + "…" : line;
        }
    }

    private final RenderLimits limits;
    private final long deadline;
    private final StringBuffer out;
    private final EngineWaits waits;
    private final long waitedBefore;

    private RenderBudget(RenderLimits limits, StringBuffer out, EngineWaits waits) {
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.time().toNanos();
        this.out = out;
        this.waits = waits;
        this.waitedBefore = waits.ofCurrentThread();
    }

    /** @param out the buffer the chapter is rendered into */
    static RenderBudget start(RenderLimits limits, StringBuffer out) {
        return new RenderBudget(limits, out, new EngineWaits());
    }

    /**
     * @param out   the buffer the chapter is rendered into
     * @param waits the time the rendering thread waits for SQL engines, which the budget leaves out
     */
    static RenderBudget start(RenderLimits limits, StringBuffer out, EngineWaits waits) {
        return new RenderBudget(limits, out, waits);
    }

    void check(TracedElement element) {
        long waited = waits.ofCurrentThread() - waitedBefore;
        if (System.nanoTime() - waited - deadline > 0) {
            throw new Exceeded("rendering the chapter took longer than " + limits.time().toSeconds()
                    + " s (report.renderTimeout): is a loop running far longer than meant?", element);
        }
        if (out.length() > limits.characters()) {
            throw new Exceeded("the chapter's text grew past " + limits.characters()
                    + " characters: is a loop printing far more than meant?", element);
        }
    }
}
