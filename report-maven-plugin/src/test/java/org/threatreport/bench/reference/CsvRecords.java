package org.threatreport.bench.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180: comma-separated, double-quoted fields, doubled quotes inside) into
 * records, remembering where each field starts so that a bad value can be located.
 */
final class CsvRecords {

    /** One record: its first line and, per field, the field's text and starting column. */
    record CsvRecord(int line, List<String> fields, int[] columns) {
    }

    /** A quote opened at this position was never closed. */
    record UnclosedQuote(int line, int column) {
    }

    private final String text;
    private int position;
    private int line = 1;
    private int lineStart;
    private UnclosedQuote unclosedQuote;

    CsvRecords(String text) {
        this.text = text;
    }

    UnclosedQuote unclosedQuote() {
        return unclosedQuote;
    }

    /** The next non-blank record, or null at the end (or after an unclosed quote). */
    CsvRecord next() {
        while (position < text.length() && unclosedQuote == null) {
            if (atLineEnd()) {
                skipLineEnd();
                continue;
            }
            return record();
        }
        return null;
    }

    private CsvRecord record() {
        int recordLine = line;
        List<String> fields = new ArrayList<>();
        int[] columns = new int[16];
        while (true) {
            if (fields.size() == columns.length) {
                columns = java.util.Arrays.copyOf(columns, columns.length * 2);
            }
            columns[fields.size()] = position - lineStart + 1;
            fields.add(position < text.length() && text.charAt(position) == '"' ? quoted() : plain());
            if (unclosedQuote != null) {
                return null;
            }
            if (position < text.length() && text.charAt(position) == ',') {
                position++;
                continue;
            }
            skipLineEnd();
            return new CsvRecord(recordLine, fields, java.util.Arrays.copyOf(columns, fields.size()));
        }
    }

    private String plain() {
        int start = position;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == ',' || c == '\n' || c == '\r') {
                break;
            }
            position++;
        }
        return text.substring(start, position);
    }

    private String quoted() {
        int openLine = line;
        int openColumn = position - lineStart + 1;
        position++;
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                if (position < text.length() && text.charAt(position) == '"') {
                    value.append('"');
                    position++;
                    continue;
                }
                // Text after the closing quote and before the separator is kept, as spreadsheets do.
                value.append(plain());
                return value.toString();
            }
            if (c == '\n') {
                line++;
                lineStart = position;
            }
            value.append(c);
        }
        unclosedQuote = new UnclosedQuote(openLine, openColumn);
        return value.toString();
    }

    private boolean atLineEnd() {
        char c = text.charAt(position);
        return c == '\n' || c == '\r';
    }

    private void skipLineEnd() {
        if (position < text.length() && text.charAt(position) == '\r') {
            position++;
        }
        if (position < text.length() && text.charAt(position) == '\n') {
            position++;
        }
        line++;
        lineStart = position;
    }
}
