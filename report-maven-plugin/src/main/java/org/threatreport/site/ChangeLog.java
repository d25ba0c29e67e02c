package org.threatreport.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.threatreport.render.InlineValue;
import org.threatreport.render.SpreadsheetCells;

/**
 * The generated part of a version's corrections log: every figure, table and value in the text
 * whose numbers differ from the previous version of the same edition.
 *
 * @param since the version compared with, or null for the first version of an edition
 */
public record ChangeLog(String since, List<CellChange> cells, List<ValueChange> values) {

    public enum Status { CHANGED, ADDED, REMOVED }

    /** A figure or table whose numbers changed, with the rows that did. */
    public record CellChange(String id, String label, String caption, String page, Status status, List<RowChange> rows) {
        public CellChange {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One number of a row: {@code 监管机构通报 24 → 25}.
     *
     * @param column the series, or empty for a figure of one series
     * @param before null for a new row
     * @param after  null for a removed row
     */
    public record RowChange(String row, String column, String before, String after) {
    }

    /** A value in the text that reads differently. */
    public record ValueChange(String page, String pageTitle, int line, String expression, String context,
                              String before, String after) {
    }

    public ChangeLog {
        cells = List.copyOf(cells);
        values = List.copyOf(values);
    }

    /** The log of the first version of an edition: nothing to compare with. */
    public static ChangeLog first() {
        return new ChangeLog(null, List.of(), List.of());
    }

    public boolean isFirst() {
        return since == null;
    }

    public int size() {
        return cells.size() + values.size();
    }

    /** Compares a version with an earlier one: their {@code values.json} and {@code figures/*.csv}. */
    public static ChangeLog between(VersionManifest before, FileSource beforeFiles, VersionManifest after,
                                    FileSource afterFiles) throws IOException {
        List<CellChange> cells = new ArrayList<>();
        Map<String, VersionManifest.CellRef> old = new LinkedHashMap<>();
        before.cells().forEach(c -> old.put(c.id(), c));
        for (VersionManifest.CellRef cell : after.cells()) {
            VersionManifest.CellRef earlier = old.remove(cell.id());
            if (earlier == null) {
                cells.add(new CellChange(cell.id(), cell.label(), cell.caption(), cell.page(), Status.ADDED, List.of()));
                continue;
            }
            List<RowChange> rows = compare(csv(beforeFiles.read(earlier.csv())), csv(afterFiles.read(cell.csv())));
            if (!rows.isEmpty()) {
                cells.add(new CellChange(cell.id(), cell.label(), cell.caption(), cell.page(), Status.CHANGED, rows));
            }
        }
        old.values().forEach(c -> cells.add(new CellChange(c.id(), c.label(), c.caption(), c.page(), Status.REMOVED,
                List.of())));
        return new ChangeLog(before.version(), cells, compareValues(before, after));
    }

    /** Values are matched by page, expression and occurrence, so an edit elsewhere in the text does not matter. */
    private static List<ValueChange> compareValues(VersionManifest before, VersionManifest after) {
        Map<String, InlineValue> old = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (InlineValue value : before.values()) {
            old.put(key(value, seen), value);
        }
        seen.clear();
        List<ValueChange> changes = new ArrayList<>();
        for (InlineValue value : after.values()) {
            InlineValue earlier = old.get(key(value, seen));
            if (earlier != null && !earlier.value().equals(value.value())) {
                changes.add(new ValueChange(value.page(), after.pageTitle(value.page()), value.line(),
                        value.expression(), value.context(), earlier.value(), value.value()));
            }
        }
        return changes;
    }

    private static String key(InlineValue value, Map<String, Integer> seen) {
        String base = value.page() + '\u0000' + value.expression();
        int occurrence = seen.merge(base, 1, Integer::sum);
        return base + '\u0000' + occurrence;
    }

    /**
     * Rows of two CSVs of a cell's numbers, matched by their label. Columns of shares (every value
     * ending in {@code %}) are left out: they follow from the counts.
     */
    static List<RowChange> compare(List<List<String>> before, List<List<String>> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return List.of();
        }
        List<String> header = after.get(0);
        List<Integer> columns = new ArrayList<>();
        for (int c = 1; c < header.size(); c++) {
            if (!isShareColumn(after, c)) {
                columns.add(c);
            }
        }
        boolean single = columns.size() == 1;
        Map<String, List<String>> old = new LinkedHashMap<>();
        before.subList(1, before.size()).forEach(row -> old.put(row.get(0), row));
        List<String> oldHeader = before.get(0);
        List<RowChange> changes = new ArrayList<>();
        for (List<String> row : after.subList(1, after.size())) {
            List<String> earlier = old.remove(row.get(0));
            for (int c : columns) {
                String column = single ? "" : header.get(c);
                String now = c < row.size() ? row.get(c) : "";
                String was = earlier == null ? null : cellOf(earlier, oldHeader, header.get(c), single ? c : -1);
                if (!Objects.equals(was, now)) {
                    changes.add(new RowChange(row.get(0), column, was, now));
                }
            }
        }
        for (List<String> row : old.values()) {
            for (int c : columns) {
                String was = cellOf(row, oldHeader, header.get(c), single ? c : -1);
                if (was != null) {
                    changes.add(new RowChange(row.get(0), single ? "" : header.get(c), was, null));
                }
            }
        }
        return changes;
    }

    /** The cell of {@code row} under the column named {@code name} (or at {@code index} when ≥ 0), or null. */
    private static String cellOf(List<String> row, List<String> header, String name, int index) {
        int c = index >= 0 ? index : header.indexOf(name);
        return c >= 0 && c < row.size() ? row.get(c) : null;
    }

    private static boolean isShareColumn(List<List<String>> rows, int column) {
        boolean any = false;
        for (List<String> row : rows.subList(1, rows.size())) {
            if (column < row.size() && !row.get(column).isEmpty()) {
                if (!row.get(column).endsWith("%")) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * RFC 4180 CSV as written by the render stage, each cell as it was before it was made safe for
     * spreadsheets (so versions written before and after that compare alike); empty when there is no file.
     */
    static List<List<String>> csv(byte[] bytes) {
        List<List<String>> rows = new ArrayList<>();
        if (bytes == null) {
            return rows;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(SpreadsheetCells.original(cell.toString()));
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(SpreadsheetCells.original(cell.toString()));
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(SpreadsheetCells.original(cell.toString()));
            rows.add(row);
        }
        return rows;
    }
}
