package org.threatreport.aggregate;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import org.threatreport.data.CategoryValue;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.ColumnType;
import org.threatreport.data.LoadedTable;
import org.threatreport.diagnostic.Suggestions;

/**
 * A table, or the rows of it selected by {@link #where}, as templates and cells see it: the
 * aggregation API documented in the README ("Inline values"). Every method is pure; mistakes
 * (an unknown column or value) throw {@link IllegalArgumentException} with an editor-facing message.
 */
public final class TableView {

    private final LoadedTable table;
    private final int[] rows;
    private final Wording wording;
    private final int reportYear;

    private TableView(LoadedTable table, int[] rows, Wording wording, int reportYear) {
        this.table = table;
        this.rows = rows;
        this.wording = wording;
        this.reportYear = reportYear;
    }

    /** All rows of {@code table}; months are counted over {@code reportYear}. */
    public static TableView of(LoadedTable table, Wording wording, int reportYear) {
        return new TableView(table, IntStream.range(0, table.rowCount()).toArray(), wording, reportYear);
    }

    public String name() {
        return table.name();
    }

    /** The number of rows. */
    public long count() {
        return rows.length;
    }

    /** Rows whose {@code column} holds {@code value}, or a value of the group {@code value}. */
    public long count(String column, String value) {
        return matching(column, value).length;
    }

    /** {@link #count(String, String)} as a share of all rows of this view. */
    public Share share(String column, String value) {
        return Share.of(count(column, value), rows.length);
    }

    /** The rows whose {@code column} holds {@code value} (or a value of that group). */
    public TableView where(String column, String value) {
        return new TableView(table, matching(column, value), wording, reportYear);
    }

    /** The display name of a column, in the report's language. */
    public String label(String column, String language) {
        return spec(column).label(language);
    }

    boolean isTemporal(String column) {
        return spec(column).type().isTemporal();
    }

    /** Counts per value of a category column, largest first (ties in schema order). */
    public Distribution by(String column) {
        ColumnSpec spec = categorical(column);
        long[] counts = valueCounts(spec);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            CategoryValue value = spec.values().get(i);
            entries.add(new Entry(value.value(), value.label(), counts[i], Share.of(counts[i], rows.length), 0));
        }
        List<String> order = spec.values().stream().map(CategoryValue::value).toList();
        return new Distribution(entries, order, rows.length, wording, values -> rowsWithAny(spec, values))
                .byCount();
    }

    /** Counts per group of a category column's values, largest first (ties in schema order). */
    public Distribution byGroup(String column) {
        ColumnSpec spec = categorical(column);
        List<String> groups = spec.groups();
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("column '" + column + "' has no groups: give its values a"
                    + " 'group' in " + table.schema().schemaFile().getFileName());
        }
        List<Entry> entries = new ArrayList<>();
        for (String group : groups) {
            long count = rowsWithAny(spec, List.of(group));
            entries.add(new Entry(group, group, count, Share.of(count, rows.length), 0));
        }
        return new Distribution(entries, groups, rows.length, wording, values -> rowsWithAny(spec, values))
                .byCount();
    }

    /** Counts for each month of the report year, in calendar order; months without rows count 0. */
    public Distribution months(String column) {
        ColumnSpec spec = spec(column);
        if (!spec.type().isTemporal()) {
            throw new IllegalArgumentException("months(\"" + column + "\"): column '" + column + "' is "
                    + spec.type().keyword() + "; expected a date or year-month column");
        }
        int[] codes = table.monthCodes().get(column);
        long[] counts = new long[12];
        int first = reportYear * 12;
        for (int row : rows) {
            int month = codes[row] - first;
            if (month >= 0 && month < 12) {
                counts[month]++;
            }
        }
        List<Entry> entries = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            String value = String.format(java.util.Locale.ROOT, "%04d-%02d", reportYear, m + 1);
            order.add(value);
            entries.add(new Entry(value, wording.months().get(m), counts[m], Share.of(counts[m], rows.length), 0));
        }
        return new Distribution(entries, order, rows.length, wording, values -> monthRows(codes, values));
    }

    /** Counts for each pair of values of two category columns, both in schema order. */
    public CrossTab crossTab(String rowColumn, String columnColumn) {
        Distribution rowValues = by(rowColumn).inSchemaOrder();
        Distribution columnValues = by(columnColumn).inSchemaOrder();
        long[][] counts = new long[rowValues.size()][];
        for (int r = 0; r < rowValues.size(); r++) {
            TableView slice = where(rowColumn, rowValues.get(r).value());
            Distribution inRow = slice.by(columnColumn).inSchemaOrder();
            counts[r] = inRow.entries().stream().mapToLong(Entry::count).toArray();
        }
        return new CrossTab(rowValues.entries(), columnValues.entries(), counts);
    }

    private long[] valueCounts(ColumnSpec spec) {
        long[] counts = new long[spec.values().size()];
        if (spec.type() == ColumnType.CATEGORY) {
            int[] codes = table.categoryCodes().get(spec.name());
            for (int row : rows) {
                if (codes[row] >= 0) {
                    counts[codes[row]]++;
                }
            }
        } else {
            int[][] codes = table.multiCodes().get(spec.name());
            for (int row : rows) {
                for (int code : codes[row]) {
                    counts[code]++;
                }
            }
        }
        return counts;
    }

    private long rowsWithAny(ColumnSpec spec, List<String> values) {
        BitSet wanted = codesOf(spec, values);
        return IntStream.of(rows).filter(row -> rowMatches(spec, row, wanted)).count();
    }

    private long monthRows(int[] codes, List<String> months) {
        BitSet wanted = new BitSet();
        for (String month : months) {
            wanted.set(Integer.parseInt(month.substring(0, 4)) * 12 + Integer.parseInt(month.substring(5, 7)) - 1);
        }
        return IntStream.of(rows).filter(row -> codes[row] >= 0 && wanted.get(codes[row])).count();
    }

    private int[] matching(String column, String value) {
        ColumnSpec spec = spec(column);
        if (spec.type().isCategorical()) {
            BitSet wanted = codesOf(spec, List.of(value));
            return IntStream.of(rows).filter(row -> rowMatches(spec, row, wanted)).toArray();
        }
        if (spec.type().isTemporal()) {
            int[] codes = table.monthCodes().get(column);
            var column1 = table.table().dateColumn(column);
            return IntStream.of(rows).filter(row -> codes[row] >= 0
                    && column1.getString(row).startsWith(value)).toArray();
        }
        var cells = table.table().column(column);
        return IntStream.of(rows).filter(row -> !cells.isMissing(row) && cells.getString(row).equals(value)).toArray();
    }

    private boolean rowMatches(ColumnSpec spec, int row, BitSet wanted) {
        if (spec.type() == ColumnType.CATEGORY) {
            int code = table.categoryCodes().get(spec.name())[row];
            return code >= 0 && wanted.get(code);
        }
        for (int code : table.multiCodes().get(spec.name())[row]) {
            if (wanted.get(code)) {
                return true;
            }
        }
        return false;
    }

    /** The codes of the values named directly or through their group. */
    private BitSet codesOf(ColumnSpec spec, List<String> names) {
        BitSet codes = new BitSet();
        for (String name : names) {
            boolean known = false;
            for (int i = 0; i < spec.values().size(); i++) {
                CategoryValue value = spec.values().get(i);
                if (value.value().equals(name) || name.equals(value.group())) {
                    codes.set(i);
                    known = true;
                }
            }
            if (!known) {
                throw new IllegalArgumentException("unknown value '" + name + "' of column '" + spec.name() + "'"
                        + Suggestions.didYouMean(name, spec.valuesAndGroups()) + "; expected one of: "
                        + String.join(", ", spec.valuesAndGroups()));
            }
        }
        return codes;
    }

    private ColumnSpec categorical(String column) {
        ColumnSpec spec = spec(column);
        if (!spec.type().isCategorical()) {
            throw new IllegalArgumentException("column '" + column + "' is " + spec.type().keyword()
                    + "; counting per value needs a category or multi-category column");
        }
        return spec;
    }

    private ColumnSpec spec(String column) {
        return table.schema().column(column).orElseThrow(() -> new IllegalArgumentException(
                "unknown column '" + column + "' of table '" + table.name() + "'"
                        + Suggestions.didYouMean(column, table.schema().columnNames())
                        + "; its columns are " + String.join(", ", table.schema().columnNames())));
    }
}
