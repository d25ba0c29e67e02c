package org.threatreport.render;

import freemarker.core.Environment;
import freemarker.core.TemplateProcessingTracer;
import freemarker.core.TextBlock;
import freemarker.template.Template;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.threatreport.diagnostic.Problem;

/**
 * Records every {@code ${…}} of a chapter as it is rendered — where it stands, what it says and
 * the text it produced — by following FreeMarker's processing (a tracer) and the output buffer; and,
 * as it follows every step, keeps the rendering within its budget.
 * One per chapter rendering; not shared between threads.
 */
final class ValueRecorder implements TemplateProcessingTracer {

    /** An interpolation being rendered: its description ({@code ${…}}) and where its output starts. */
    private record Open(TracedElement element, String description, int start) {
    }

    private final String page;
    private final Template template;
    private final StringBuffer out;
    private final Deque<Open> open = new ArrayDeque<>();
    /** The directives being run ({@code #list}, {@code #if} …), innermost first: where a budget ran out. */
    private final Deque<TracedElement> directives = new ArrayDeque<>();
    /** The element of the chapter entered last: where a rendering that overflowed its stack was. */
    private TracedElement last;
    private final List<Recorded> values = new ArrayList<>();
    private final RenderBudget budget;

    /**
     * @param out    the buffer the chapter is rendered into
     * @param budget checked at every element: the tracer sees each step of the rendering
     */
    ValueRecorder(String page, Template template, StringBuffer out, RenderBudget budget) {
        this.page = page;
        this.template = template;
        this.out = out;
        this.budget = budget;
    }

    @Override
    public void enterElement(Environment environment, TracedElement element) {
        if (element.getTemplate() == template) {
            last = element;
            if (!element.isLeaf()) {
                directives.push(element);
            }
        }
        budget.check(directives.isEmpty() ? element : directives.peek());
        String description = interpolation(element);
        if (description != null) {
            open.push(new Open(element, description, out.length()));
        }
    }

    @Override
    public void exitElement(Environment environment, TracedElement element) {
        if (!directives.isEmpty() && directives.peek() == element) {
            directives.pop();
        }
        if (open.isEmpty() || open.peek().element() != element) {
            return;
        }
        Open value = open.pop();
        int start = value.start();
        String description = value.description();
        String expression = description.substring(2, description.length() - 1);
        values.add(new Recorded(new InlineValue(page, element.getBeginLine(), element.getBeginColumn(), expression,
                unescape(out.substring(start)), "", ""), start, out.length()));
    }

    /**
     * A value as recorded, with where its text stands in the rendered Markdown: the words readers see
     * around it are read there once the Markdown is parsed ({@link ReaderText}).
     */
    record Recorded(InlineValue value, int start, int end) {
    }

    /**
     * The description ({@code ${…}}) of an interpolation of this chapter, else null. Text is ruled out
     * first: describing a block of text copies it, and a chapter is mostly text.
     */
    private String interpolation(TracedElement element) {
        if (!element.isLeaf() || element instanceof TextBlock || element.getTemplate() != template) {
            return null;
        }
        String description = element.getDescription();
        return description.startsWith("${") && description.endsWith("}") ? description : null;
    }

    /** The Markdown escapes of {@link MarkdownOutputFormat} removed: the value as readers see it. */
    private static String unescape(String markdown) {
        return markdown.replaceAll("\\\\(.)", "$1");
    }

    /** A problem at the element of the chapter the rendering entered last, or at the chapter's start. */
    Problem where(java.nio.file.Path file, String message) {
        TracedElement at = last;
        return at == null ? Problem.error(file, 1, 1, message)
                : Problem.error(file, at.getBeginLine(), at.getBeginColumn(), message);
    }

    List<Recorded> values() {
        return List.copyOf(values);
    }
}
