package org.threatreport.render;

/**
 * One value computed into the text of a page, as readers saw it: what the corrections log
 * compares between two versions of a report.
 *
 * @param page       the page it appears on ({@code 02-monitoring.html}, {@code index.html})
 * @param line       the line of the {@code ${…}} in the chapter's file
 * @param column     its column
 * @param expression the expression between {@code ${} and {@code }}, e.g. {@code incidents.count()}
 * @param value      the text it produced
 * @param context    up to a few words of the text just before it on the same line
 */
public record InlineValue(String page, int line, int column, String expression, String value, String context) {
}
