package org.threatreport.render;

import freemarker.core.Environment;
import freemarker.core.TemplateProcessingTracer;
import freemarker.template.Template;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Records every {@code ${…}} of a chapter as it is rendered — where it stands, what it says and
 * the text it produced — by following FreeMarker's processing (a tracer) and the output buffer.
 * One per chapter rendering; not shared between threads.
 */
final class ValueRecorder implements TemplateProcessingTracer {

    private static final int CONTEXT = 24;

    private record Open(TracedElement element, int start) {
    }

    private final String page;
    private final Template template;
    private final StringBuffer out;
    private final Deque<Open> open = new ArrayDeque<>();
    private final List<InlineValue> values = new ArrayList<>();

    /** @param out the buffer the chapter is rendered into */
    ValueRecorder(String page, Template template, StringBuffer out) {
        this.page = page;
        this.template = template;
        this.out = out;
    }

    @Override
    public void enterElement(Environment environment, TracedElement element) {
        if (isInterpolation(element)) {
            open.push(new Open(element, out.length()));
        }
    }

    @Override
    public void exitElement(Environment environment, TracedElement element) {
        if (!isInterpolation(element) || open.isEmpty() || open.peek().element() != element) {
            return;
        }
        int start = open.pop().start();
        String description = element.getDescription();
        String expression = description.substring(2, description.length() - 1);
        int lineStart = out.lastIndexOf("\n", start - 1) + 1;
        String before = unescape(out.substring(Math.max(lineStart, start - CONTEXT * 2), start));
        if (before.length() > CONTEXT) {
            before = "…" + before.substring(before.length() - CONTEXT);
        }
        values.add(new InlineValue(page, element.getBeginLine(), element.getBeginColumn(), expression,
                unescape(out.substring(start)), before.strip()));
    }

    private boolean isInterpolation(TracedElement element) {
        return element.isLeaf() && element.getTemplate() == template && element.getDescription().startsWith("${")
                && element.getDescription().endsWith("}");
    }

    /** The Markdown escapes of {@link MarkdownOutputFormat} removed: the value as readers see it. */
    private static String unescape(String markdown) {
        return markdown.replaceAll("\\\\(.)", "$1");
    }

    List<InlineValue> values() {
        return List.copyOf(values);
    }
}
