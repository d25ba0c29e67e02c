package org.threatreport.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.threatreport.render.InlineValue;
import org.threatreport.render.SpreadsheetCells;

/**
 * The generated part of a version's corrections log: every figure, table and value in the text
 * whose numbers differ from the previous version of the same edition, page by page in reading order,
 * each in the words and numbers readers see.
 *
 * <p>The rows of a figure or table are matched by what they are in the data (a value, group or
 * month), never by their label: two rows may share a label ("DDoS 攻击" of websites and of servers).
 * A version made before the rows were recorded in {@code values.json} is read from its
 * {@code figures/<id>.csv}, a repeated label matched by its occurrence.
 *
 * @param since the version compared with, or null for the first version of an edition
 * @param pages the pages with changes, in reading order
 */
public record ChangeLog(String since, List<PageChanges> pages) {

    public enum Status { CHANGED, ADDED, REMOVED }

    /** The changes of one page, in the order they stand on it. */
    public record PageChanges(String page, String title, List<Change> changes) {
        public PageChanges {
            changes = List.copyOf(changes);
        }
    }

    /** A change: of a figure or table ({@link CellChange}), or of a value in the text ({@link ValueChange}). */
    public sealed interface Change permits CellChange, ValueChange {
        /** {@code cell} or {@code value}, for the layout. */
        String kind();
    }

    /** A figure or table whose numbers changed, with the rows that did. */
    public record CellChange(String id, String label, String caption, String page, Status status, List<RowChange> rows)
            implements Change {
        public CellChange {
            rows = List.copyOf(rows);
        }

        @Override
        public String kind() {
            return "cell";
        }
    }

    /**
     * One number of a row as readers see it: {@code 监管机构通报 24（12.1%）→ 25（12.6%）}.
     *
     * @param column      the series, or empty for a figure of one series
     * @param before      null for a new row
     * @param after       null for a removed row
     * @param beforeShare the row's share before, or empty
     * @param afterShare  its share after, or empty
     */
    public record RowChange(String row, String column, String before, String after, String beforeShare,
                            String afterShare) {
        public RowChange {
            beforeShare = beforeShare == null ? "" : beforeShare;
            afterShare = afterShare == null ? "" : afterShare;
        }

        public RowChange(String row, String column, String before, String after) {
            this(row, column, before, after, "", "");
        }
    }

    /**
     * A value in the text that reads differently, with the words around it as readers see them:
     * {@code 共处置 199 → 200 起}.
     */
    public record ValueChange(String page, int line, String textBefore, String before, String after, String textAfter)
            implements Change {
        @Override
        public String kind() {
            return "value";
        }
    }

    public ChangeLog {
        pages = List.copyOf(pages);
    }

    /** The log of the first version of an edition: nothing to compare with. */
    public static ChangeLog first() {
        return new ChangeLog(null, List.of());
    }

    public boolean isFirst() {
        return since == null;
    }

    /** How many figures, tables and values changed. */
    public int size() {
        return pages.stream().mapToInt(p -> p.changes().size()).sum();
    }

    /** Compares a version with an earlier one: their {@code values.json} (and, for old versions, {@code figures/*.csv}). */
    public static ChangeLog between(VersionManifest before, FileSource beforeFiles, VersionManifest after,
                                    FileSource afterFiles) throws IOException {
        // Each change with where it stands on its page, for reading order.
        Map<String, List<Placed>> byPage = new LinkedHashMap<>();
        ReadingOrder order = new ReadingOrder(after.values());
        after.pages().forEach(p -> byPage.put(p.href(), new ArrayList<>()));
        Map<String, VersionManifest.CellRef> old = new LinkedHashMap<>();
        before.cells().forEach(c -> old.put(c.id(), c));
        for (VersionManifest.CellRef cell : after.cells()) {
            VersionManifest.CellRef earlier = old.remove(cell.id());
            if (earlier == null) {
                place(byPage, cell.page(), order.ofCell(cell), new CellChange(cell.id(), cell.label(), cell.caption(),
                        cell.page(), Status.ADDED, List.of()));
                continue;
            }
            List<RowChange> rows = compare(Numbers.of(earlier, beforeFiles), Numbers.of(cell, afterFiles));
            if (!rows.isEmpty()) {
                place(byPage, cell.page(), order.ofCell(cell), new CellChange(cell.id(), cell.label(), cell.caption(),
                        cell.page(), Status.CHANGED, rows));
            }
        }
        for (VersionManifest.CellRef gone : old.values()) {
            place(byPage, gone.page(), Double.MAX_VALUE, new CellChange(gone.id(), gone.label(), gone.caption(),
                    gone.page(), Status.REMOVED, List.of()));
        }
        compareValues(before, after, order, byPage);
        List<PageChanges> pages = new ArrayList<>();
        for (Map.Entry<String, List<Placed>> page : byPage.entrySet()) {
            if (!page.getValue().isEmpty()) {
                page.getValue().sort(Comparator.comparingDouble(Placed::position));
                String title = after.pages().stream().anyMatch(p -> p.href().equals(page.getKey()))
                        ? after.pageTitle(page.getKey()) : before.pageTitle(page.getKey());
                pages.add(new PageChanges(page.getKey(), title, page.getValue().stream().map(Placed::change).toList()));
            }
        }
        return new ChangeLog(before.version(), pages);
    }

    private record Placed(double position, Change change) {
    }

    private static void place(Map<String, List<Placed>> byPage, String page, double position, Change change) {
        byPage.computeIfAbsent(page, p -> new ArrayList<>()).add(new Placed(position, change));
    }

    /**
     * Where things stand on a page of the later version. Values are recorded in the order they are
     * rendered, which is the order readers meet them (also those a {@code <#list>} prints from one line);
     * a figure or table stands before the values rendered from lines after its own.
     */
    private static final class ReadingOrder {
        private final Map<InlineValue, Integer> positions = new java.util.IdentityHashMap<>();
        private final Map<String, List<InlineValue>> byPage = new HashMap<>();

        ReadingOrder(List<InlineValue> values) {
            for (InlineValue value : values) {
                List<InlineValue> page = byPage.computeIfAbsent(value.page(), p -> new ArrayList<>());
                positions.put(value, page.size());
                page.add(value);
            }
        }

        double of(InlineValue value) {
            return positions.getOrDefault(value, 0);
        }

        double ofCell(VersionManifest.CellRef cell) {
            long before = byPage.getOrDefault(cell.page(), List.of()).stream().filter(v -> v.line() <= cell.line()).count();
            return before - 0.5;
        }
    }

    /** Values are matched by page, expression and occurrence, so an edit elsewhere in the text does not matter. */
    private static void compareValues(VersionManifest before, VersionManifest after, ReadingOrder order,
                                      Map<String, List<Placed>> byPage) {
        Map<String, InlineValue> old = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (InlineValue value : before.values()) {
            old.put(key(value, seen), value);
        }
        seen.clear();
        for (InlineValue value : after.values()) {
            InlineValue earlier = old.get(key(value, seen));
            if (earlier != null && !earlier.value().equals(value.value())) {
                place(byPage, value.page(), order.of(value), new ValueChange(value.page(), value.line(),
                        value.textBefore(), earlier.value(), value.value(), value.textAfter()));
            }
        }
    }

    private static String key(InlineValue value, Map<String, Integer> seen) {
        String base = value.page() + '\u0000' + value.expression();
        int occurrence = seen.merge(base, 1, Integer::sum);
        return base + '\u0000' + occurrence;
    }

    /**
     * A cell's numbers: its columns after the row label, and its rows by what they are in the data.
     *
     * @param rows each row's label and numbers, by key
     */
    record Numbers(List<VersionManifest.Column> columns, Map<String, VersionManifest.Row> rows) {

        static Numbers of(VersionManifest.CellRef cell, FileSource files) throws IOException {
            if (!cell.columns().isEmpty()) {
                return of(cell.columns(), cell.rows());
            }
            return ofCsv(csv(files.read(cell.csv())));
        }

        static Numbers of(List<VersionManifest.Column> columns, List<VersionManifest.Row> rows) {
            Map<String, VersionManifest.Row> byKey = new LinkedHashMap<>();
            Map<String, Integer> seen = new HashMap<>();
            for (VersionManifest.Row row : rows) {
                // A key that repeats (it should not) is told apart by its occurrence rather than lost.
                int occurrence = seen.merge(row.key(), 1, Integer::sum);
                byKey.put(occurrence == 1 ? row.key() : row.key() + '\u0000' + occurrence, row);
            }
            return new Numbers(List.copyOf(columns), byKey);
        }

        /**
         * The numbers of a version made before rows were recorded, from its CSV: columns whose every value
         * ends in {@code %} are shares, and a row is known by its label and the occurrence of that label.
         */
        static Numbers ofCsv(List<List<String>> csv) {
            if (csv.isEmpty()) {
                return new Numbers(List.of(), Map.of());
            }
            List<String> header = csv.get(0);
            List<VersionManifest.Column> columns = new ArrayList<>();
            boolean oneSeries = header.size() == 3 && isShareColumn(csv, 2);
            for (int c = 1; c < header.size(); c++) {
                boolean share = isShareColumn(csv, c);
                String key = oneSeries ? (share ? VersionHistory.SHARE : VersionHistory.COUNT) : header.get(c);
                columns.add(new VersionManifest.Column(key, header.get(c), share));
            }
            List<VersionManifest.Row> rows = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (List<String> line : csv.subList(1, csv.size())) {
                String label = line.isEmpty() ? "" : line.get(0);
                int occurrence = seen.merge(label, 1, Integer::sum);
                List<String> numbers = new ArrayList<>();
                for (int c = 1; c < header.size(); c++) {
                    numbers.add(c < line.size() ? line.get(c) : "");
                }
                rows.add(new VersionManifest.Row(occurrence == 1 ? label : label + '\u0000' + occurrence, label, numbers));
            }
            return of(columns, rows);
        }

        /** The number of {@code row} in the column with {@code key}, or null. */
        String number(VersionManifest.Row row, String key) {
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).key().equals(key)) {
                    return c < row.numbers().size() ? row.numbers().get(c) : null;
                }
            }
            return null;
        }

        /** The column of shares of a figure or table of one series, or null. */
        String shareKey() {
            return columns.stream().anyMatch(c -> c.share() && c.key().equals(VersionHistory.SHARE))
                    ? VersionHistory.SHARE : null;
        }
    }

    /**
     * The rows of two versions of a cell whose counts differ, in the order of the later version (rows it
     * no longer has last). Shares are shown beside their counts but are no change of their own: they
     * follow from the counts. A row that counts 0 on one side and is absent on the other did not change.
     */
    static List<RowChange> compare(Numbers before, Numbers after) {
        List<VersionManifest.Column> counted = after.columns().stream().filter(c -> !c.share()).toList();
        boolean single = counted.size() == 1;
        String beforeShare = before.shareKey();
        String afterShare = after.shareKey();
        List<RowChange> changes = new ArrayList<>();
        Map<String, VersionManifest.Row> old = new LinkedHashMap<>(before.rows());
        for (Map.Entry<String, VersionManifest.Row> entry : after.rows().entrySet()) {
            VersionManifest.Row row = entry.getValue();
            VersionManifest.Row earlier = old.remove(entry.getKey());
            for (VersionManifest.Column column : counted) {
                String now = after.number(row, column.key());
                String was = earlier == null ? null : before.number(earlier, column.key());
                if (!sameCount(was, now)) {
                    changes.add(new RowChange(row.label(), single ? "" : column.title(), was, now,
                            earlier == null || beforeShare == null ? null : before.number(earlier, beforeShare),
                            afterShare == null ? null : after.number(row, afterShare)));
                }
            }
        }
        for (VersionManifest.Row row : old.values()) {
            for (VersionManifest.Column column : before.columns().stream().filter(c -> !c.share()).toList()) {
                String was = before.number(row, column.key());
                if (!sameCount(was, null)) {
                    changes.add(new RowChange(row.label(), single ? "" : column.title(), was, null,
                            beforeShare == null ? null : before.number(row, beforeShare), null));
                }
            }
        }
        return changes;
    }

    /** Two counts as read: equal, or both nothing (a row of 0, or no row). */
    private static boolean sameCount(String was, String now) {
        return Objects.equals(was, now) || (isNothing(was) && isNothing(now));
    }

    private static boolean isNothing(String count) {
        return count == null || count.isEmpty() || count.equals("0");
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
