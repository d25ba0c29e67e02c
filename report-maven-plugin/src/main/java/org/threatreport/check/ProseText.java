package org.threatreport.check;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a chapter's source with everything that is not prose masked out, keeping every
 * character where it was so that a finding names the file's own line and column.
 *
 * <p>{@link #markdown()} masks what FreeMarker owns — {@code ${…}} values, {@code <#…>} directives,
 * {@code <#-- … -->} comments — and code: fenced blocks (cells are fenced placeholders by then) and
 * inline code spans. {@link #prose()} masks, in addition, what is not running text: link targets,
 * HTML tags and comments, bare URLs, {@code @fig-…} references, heading numbers and list markers.
 */
final class ProseText {

    /** Stands for a masked character: neither a letter, a digit nor a space. */
    static final char MASK = '\u0001';

    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})");
    private static final Pattern HEADING_NUMBER = Pattern.compile("^(\\s{0,3}#{1,6}\\s+)(\\d+(?:\\.\\d+)*[.、]?)");
    private static final Pattern LIST_MARKER = Pattern.compile("^(\\s*)(\\d{1,9}[.)])(?=\\s)");
    private static final Pattern LINK_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*\\S.*$");
    private static final Pattern LINK_TARGET = Pattern.compile("]\\(([^()\\s]*(?:\\([^()\\s]*\\))?[^()\\s]*)(\\s+\"[^\"]*\")?\\)");
    private static final Pattern HTML = Pattern.compile("<!--.*?(-->|$)|</?[A-Za-z][^>]*>?");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp|mailto):[^\\s)>\\]]+|\\bwww\\.[^\\s)>\\]]+");
    static final Pattern REFERENCE = Pattern.compile("@(?:fig|tbl)-[a-z0-9-]+");
    private static final Pattern ENTITY = Pattern.compile("&#?[A-Za-z0-9]+;");

    private final String[] markdown;
    private final String[] prose;

    private ProseText(String[] markdown, String[] prose) {
        this.markdown = markdown;
        this.prose = prose;
    }

    /** @param template a chapter's template text: front matter blanked, cells as placeholders */
    static ProseText of(String template) {
        String[] lines = maskFreeMarkerAndCode(template).split("\n", -1);
        String[] prose = new String[lines.length];
        for (int i = 0; i < lines.length; i++) {
            prose[i] = maskNonProse(lines[i]);
        }
        return new ProseText(lines, prose);
    }

    /** Lines with FreeMarker and code masked: where Markdown links are looked for. */
    String[] markdown() {
        return markdown;
    }

    /** Lines with only running text left: where hand-typed numbers are looked for. */
    String[] prose() {
        return prose;
    }

    private static String maskFreeMarkerAndCode(String text) {
        char[] out = text.toCharArray();
        int i = 0;
        boolean lineStart = true;
        String fence = null;
        while (i < out.length) {
            if (lineStart) {
                int end = lineEnd(text, i);
                Matcher opening = FENCE.matcher(text.substring(i, end));
                if (fence != null || opening.find()) {
                    if (fence == null) {
                        fence = opening.group(1);
                    } else if (closes(text.substring(i, end), fence)) {
                        fence = null;
                    }
                    mask(out, i, end);
                    i = end + 1;
                    continue;
                }
            }
            char c = out[i];
            lineStart = c == '\n';
            if (text.startsWith("<#--", i)) {
                i = maskUntil(text, out, i, "-->");
            } else if (text.startsWith("${", i) || text.startsWith("#{", i)) {
                i = maskExpression(text, out, i + 2, '}', i);
            } else if (text.startsWith("<#", i) || text.startsWith("</#", i) || text.startsWith("<@", i)
                    || text.startsWith("</@", i)) {
                i = maskExpression(text, out, i + 1, '>', i);
            } else if (c == '`') {
                i = maskCodeSpan(text, out, i);
            } else {
                i++;
            }
        }
        return new String(out);
    }

    private static boolean closes(String line, String fence) {
        String stripped = line.strip();
        return stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == fence.charAt(0));
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    private static void mask(char[] out, int from, int to) {
        for (int j = from; j < to && j < out.length; j++) {
            if (out[j] != '\n') {
                out[j] = MASK;
            }
        }
    }

    private static int maskUntil(String text, char[] out, int from, String end) {
        int close = text.indexOf(end, from);
        int to = close < 0 ? text.length() : close + end.length();
        mask(out, from, to);
        return to;
    }

    /** Masks an expression up to its closing character, skipping string literals and nested brackets. */
    private static int maskExpression(String text, char[] out, int from, char close, int start) {
        int to = expressionEnd(text, from, close);
        mask(out, start, to);
        return to;
    }

    /**
     * Where an expression that starts at {@code from} ends: just after its closing character, skipping
     * string literals and nested brackets (or at the end of the text when it is never closed).
     */
    static int expressionEnd(String text, int from, char close) {
        int depth = 0;
        char quote = 0;
        int j = from;
        for (; j < text.length(); j++) {
            char c = text.charAt(j);
            if (quote != 0) {
                if (c == '\\') {
                    j++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == close && depth == 0) {
                break;
            }
        }
        return Math.min(text.length(), j + 1);
    }

    private static int maskCodeSpan(String text, char[] out, int from) {
        int run = from;
        while (run < text.length() && text.charAt(run) == '`') {
            run++;
        }
        String ticks = text.substring(from, run);
        int end = lineEnd(text, run);
        int close = text.indexOf(ticks, run);
        if (close < 0 || close > end) {
            return run;
        }
        mask(out, from, close + ticks.length());
        return close + ticks.length();
    }

    private static String maskNonProse(String line) {
        if (LINK_DEFINITION.matcher(line).matches()) {
            return String.valueOf(MASK).repeat(line.length());
        }
        char[] out = line.toCharArray();
        maskGroup(HEADING_NUMBER.matcher(line), 2, out);
        maskGroup(LIST_MARKER.matcher(line), 2, out);
        Matcher target = LINK_TARGET.matcher(line);
        while (target.find()) {
            mask(out, target.start() + 1, target.end());
        }
        for (Pattern pattern : new Pattern[] {HTML, URL, REFERENCE, ENTITY}) {
            Matcher m = pattern.matcher(line);
            while (m.find()) {
                mask(out, m.start(), m.end());
            }
        }
        return new String(out);
    }

    private static void maskGroup(Matcher matcher, int group, char[] out) {
        if (matcher.find()) {
            mask(out, matcher.start(group), matcher.end(group));
        }
    }
}
