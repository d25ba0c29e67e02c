package org.threatreport.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages as CSS {@code content} values: quoted text, with the page numbers a message's
 * placeholders stand for ({@code 第 {0} 页} → {@code "第 " counter(page) " 页"}).
 */
final class CssText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

    private CssText() {
    }

    /** {@code text} as a CSS string: quotes and backslashes escaped, line breaks as {@code \A}. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\A ");
                case '\r', '\t' -> out.append(' ');
                case '<' -> out.append("\\3C "); // never "</style>" in the page
                default -> out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }

    /** {0}: this page's number, {1}: the number of pages. */
    static String pageCounter(String message) {
        return content(message, List.of("counter(page)", "counter(pages)"));
    }

    /** {0}: the page number of the link's target. */
    static String targetCounter(String message) {
        return content(message, List.of("target-counter(attr(href), page)"));
    }

    private static String content(String message, List<String> values) {
        List<String> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(message);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(quoted(message.substring(at, m.start())));
            }
            int index = Integer.parseInt(m.group(1));
            parts.add(index < values.size() ? values.get(index) : quoted(m.group()));
            at = m.end();
        }
        if (at < message.length()) {
            parts.add(quoted(message.substring(at)));
        }
        return parts.isEmpty() ? "\"\"" : String.join(" ", parts);
    }
}
