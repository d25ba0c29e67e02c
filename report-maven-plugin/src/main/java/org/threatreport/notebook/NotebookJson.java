package org.threatreport.notebook;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a notebook's JSON the way Jupyter saves it (Python's {@code json.dumps(nb, indent=1,
 * sort_keys=True, ensure_ascii=False)}): keys sorted, one-space indents, text unescaped beyond what
 * JSON requires. A notebook saved again by Jupyter therefore shows no spurious diff, and two builds
 * write the same bytes.
 */
final class NotebookJson {

    private NotebookJson() {
    }

    /** @param value maps (any key order: they are written sorted), lists, strings, numbers, booleans, null */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.append('\n').toString();
    }

    private static void write(Object value, int indent, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
                out.append(first ? "\n" : ",\n");
                first = false;
                pad(indent + 1, out);
                string((String) entry.getKey(), out);
                out.append(": ");
                write(entry.getValue(), indent + 1, out);
            }
            out.append('\n');
            pad(indent, out);
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "\n" : ",\n");
                pad(indent + 1, out);
                write(list.get(i), indent + 1, out);
            }
            out.append('\n');
            pad(indent, out);
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    private static void pad(int indent, StringBuilder out) {
        out.append(" ".repeat(indent));
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
