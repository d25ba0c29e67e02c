package org.threatreport.notebook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table as text, laid out exactly as Tablesaw's {@code Table.print()} lays it out (what JJava shows
 * for a cell returning a table): a centred title, centred headers, right-aligned cells, and only the
 * first and last ten rows, around a row of "...", when there are more than twenty.
 *
 * <p>Written out rather than asking Tablesaw because the first Tablesaw {@code Table} of a JVM scans
 * the whole class path, which costs the notebook stage most of a second in every build;
 * {@code TextTableTest} holds the two layouts to each other.
 */
final class TextTable {

    /** As Tablesaw's {@code Table.print()}: at most this many rows are shown. */
    static final int MAX_ROWS = 20;
    private static final String ELLIPSIS = "...";

    private TextTable() {
    }

    static String of(String title, List<String> header, List<List<String>> rows) {
        List<List<String>> shown = shown(rows, header.size());
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : shown) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        String headerLine = headerLine(header, widths);
        StringBuilder text = new StringBuilder();
        text.append(centred(title, headerLine.length())).append('\n');
        text.append(headerLine).append('\n');
        text.append("-".repeat(headerLine.length()));
        for (List<String> row : shown) {
            text.append('\n');
            for (int c = 0; c < widths.length; c++) {
                text.append(c == 0 ? " " : "  ");
                text.append(" ".repeat(widths[c] - row.get(c).length())).append(row.get(c)).append("  |");
            }
        }
        return text.toString();
    }

    private static List<List<String>> shown(List<List<String>> rows, int columns) {
        if (rows.size() <= MAX_ROWS) {
            return rows;
        }
        List<List<String>> shown = new ArrayList<>(rows.subList(0, MAX_ROWS / 2));
        shown.add(Collections.nCopies(columns, ELLIPSIS));
        shown.addAll(rows.subList(rows.size() - MAX_ROWS / 2, rows.size()));
        return shown;
    }

    private static String headerLine(List<String> header, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            int space = widths[c] - header.get(c).length();
            line.append(c == 0 ? "" : " ").append(" ".repeat(space / 2 + 1)).append(header.get(c))
                    .append(" ".repeat(space - space / 2)).append("  |");
        }
        return line.toString();
    }

    private static String centred(String text, int width) {
        int space = Math.max(0, width - text.length());
        return " ".repeat(space / 2) + text + " ".repeat(space - space / 2);
    }
}
