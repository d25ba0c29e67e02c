package org.threatreport.render;

/**
 * One value computed into the text of a page, as readers saw it: what the corrections log
 * compares between two versions of a report.
 *
 * @param page       the page it appears on ({@code 02-monitoring.html}, {@code index.html})
 * @param line       the line of the {@code ${…}} in the chapter's file
 * @param column     its column
 * @param expression the expression between {@code ${} and {@code }}, e.g. {@code incidents.count()}: how
 *                   the value is told from the others of its page, never shown to readers
 * @param value      the text it produced
 * @param textBefore the words readers see just before it — the end of its sentence, references as their
 *                   labels ("图 2"), without Markdown — or empty
 * @param textAfter  the words readers see right after it, up to the next punctuation ("起"), or empty
 */
public record InlineValue(String page, int line, int column, String expression, String value, String textBefore,
                          String textAfter) {

    public InlineValue {
        textBefore = textBefore == null ? "" : textBefore;
        textAfter = textAfter == null ? "" : textAfter;
    }
}
