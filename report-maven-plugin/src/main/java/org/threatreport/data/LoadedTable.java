package org.threatreport.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A validated table: its schema, its rows as a Tablesaw table whose column types the schema
 * decided, and the category cells as codes (indexes into the schema's values) so that counting
 * never compares strings.
 *
 * <p>The reader validates every cell and keeps the codes; the Tablesaw columns, and the {@link Table}
 * that holds them, are made from the reader's arrays on the first call of {@link #table()}: a report
 * whose cells only count never needs them, and the first Tablesaw table of a JVM scans the whole
 * class path (Tablesaw looks for its readers and writers), which costs a second or more.
 *
 * <p>categoryCodes: per category column, each row's value index, or -1 where empty;
 * multiCodes: per multi-category column, each row's value indexes (rows with the same cell may share
 * one array: treat them as read-only);
 * monthCodes: per date or year-month column, each row's {@code year * 12 + month - 1}, or -1 (also where
 * a partial cell gives only the year);
 * yearCodes: per date or year-month column, each row's year, or -1;
 * dayCodes: per date column, each row's date packed as Tablesaw packs it (see
 * {@link #dayOf}), or {@link Integer#MIN_VALUE} where the day is unknown;
 * integers: per integer column, each row's value, or {@link #NO_INTEGER} where empty;
 * decimals: per decimal column, each row's value, or NaN where empty;
 * valueCounts: per category and multi-category column, how many rows hold each value (by code), counted
 * by the reader as it parsed the cells (as were the months of {@link #monthCounts}), so that counting a
 * whole table never visits its rows.
 */
public final class LoadedTable implements DataTable {

    /** An empty cell of an integer column (the reader refuses this number as a value). */
    public static final long NO_INTEGER = Long.MIN_VALUE;

    /** The reader's arrays, by column name. */
    record Codes(Map<String, int[]> categoryCodes, Map<String, int[][]> multiCodes, Map<String, int[]> monthCodes,
                 Map<String, int[]> yearCodes, Map<String, int[]> dayCodes, Map<String, long[]> integers,
                 Map<String, double[]> decimals) {
        Codes {
            categoryCodes = Map.copyOf(categoryCodes);
            multiCodes = Map.copyOf(multiCodes);
            monthCodes = Map.copyOf(monthCodes);
            yearCodes = Map.copyOf(yearCodes);
            dayCodes = Map.copyOf(dayCodes);
            integers = Map.copyOf(integers);
            decimals = Map.copyOf(decimals);
        }
    }

    private final Schema schema;
    private final int rowCount;
    /** Dropped once the table is made, with the arrays its suppliers hold. */
    private List<Supplier<Column<?>>> columns;
    private final Codes codes;
    private final Map<String, long[]> valueCounts;
    private final OptionalInt countedYear;
    private final Map<String, long[]> monthCounts;
    private volatile Table table;

    /**
     * A table made from a Tablesaw table and its category and month codes (its date columns full dates, its
     * numbers Tablesaw's long and double columns): the other arrays are taken from the table.
     */
    public LoadedTable(Schema schema, Table table, Map<String, int[]> categoryCodes,
                       Map<String, int[][]> multiCodes, Map<String, int[]> monthCodes) {
        this(schema, table.rowCount(), List.of(), fromTable(schema, table, categoryCodes, multiCodes, monthCodes),
                countValues(schema, categoryCodes, multiCodes), OptionalInt.empty(), Map.of());
        this.table = table;
    }

    /** @param columns how to make each schema column's Tablesaw column, in schema order */
    LoadedTable(Schema schema, int rowCount, List<Supplier<Column<?>>> columns, Codes codes,
                Map<String, long[]> valueCounts, OptionalInt countedYear, Map<String, long[]> monthCounts) {
        this.schema = schema;
        this.rowCount = rowCount;
        this.columns = List.copyOf(columns);
        this.codes = codes;
        this.valueCounts = Map.copyOf(valueCounts);
        this.countedYear = countedYear;
        this.monthCounts = Map.copyOf(monthCounts);
    }

    private static Map<String, long[]> countValues(Schema schema, Map<String, int[]> categoryCodes,
                                                   Map<String, int[][]> multiCodes) {
        Map<String, long[]> counts = new java.util.HashMap<>();
        for (ColumnSpec spec : schema.columns()) {
            long[] perValue = new long[spec.values().size()];
            if (categoryCodes.containsKey(spec.name())) {
                for (int code : categoryCodes.get(spec.name())) {
                    if (code >= 0) {
                        perValue[code]++;
                    }
                }
                counts.put(spec.name(), perValue);
            } else if (multiCodes.containsKey(spec.name())) {
                for (int[] codes : multiCodes.get(spec.name())) {
                    for (int code : codes) {
                        perValue[code]++;
                    }
                }
                counts.put(spec.name(), perValue);
            }
        }
        return counts;
    }

    public Schema schema() {
        return schema;
    }

    /** The rows as a Tablesaw table (made on the first call). */
    public Table table() {
        Table made = table;
        if (made == null) {
            synchronized (this) {
                made = table;
                if (made == null) {
                    // Tablesaw's column classes must finish initialising before columns are made in parallel.
                    TablesawColumns.initialise();
                    made = Table.create(schema.table());
                    made.addColumns(columns.parallelStream().map(Supplier::get).toArray(Column<?>[]::new));
                    table = made;
                    columns = null;
                }
            }
        }
        return made;
    }

    private static Codes fromTable(Schema schema, Table table, Map<String, int[]> categoryCodes,
                                   Map<String, int[][]> multiCodes, Map<String, int[]> monthCodes) {
        Map<String, int[]> years = new java.util.HashMap<>();
        Map<String, int[]> days = new java.util.HashMap<>();
        Map<String, long[]> integers = new java.util.HashMap<>();
        Map<String, double[]> decimals = new java.util.HashMap<>();
        for (ColumnSpec spec : schema.columns()) {
            int rows = table.rowCount();
            switch (spec.type()) {
                case DATE, YEAR_MONTH -> {
                    int[] months = monthCodes.get(spec.name());
                    int[] y = new int[rows];
                    int[] d = new int[rows];
                    var dates = table.dateColumn(spec.name());
                    for (int r = 0; r < rows; r++) {
                        y[r] = months[r] < 0 ? -1 : months[r] / 12;
                        d[r] = dates.isMissing(r) ? Integer.MIN_VALUE : dates.getIntInternal(r);
                    }
                    years.put(spec.name(), y);
                    if (spec.type() == ColumnType.DATE) {
                        days.put(spec.name(), d);
                    }
                }
                case INTEGER -> {
                    var cells = table.longColumn(spec.name());
                    long[] v = new long[rows];
                    for (int r = 0; r < rows; r++) {
                        v[r] = cells.isMissing(r) ? NO_INTEGER : cells.getLong(r);
                    }
                    integers.put(spec.name(), v);
                }
                case DECIMAL -> {
                    var cells = table.doubleColumn(spec.name());
                    double[] v = new double[rows];
                    for (int r = 0; r < rows; r++) {
                        v[r] = cells.isMissing(r) ? Double.NaN : cells.getDouble(r);
                    }
                    decimals.put(spec.name(), v);
                }
                default -> {
                }
            }
        }
        return new Codes(categoryCodes, multiCodes, monthCodes, years, days, integers, decimals);
    }

    public Map<String, int[]> categoryCodes() {
        return codes.categoryCodes();
    }

    public Map<String, int[][]> multiCodes() {
        return codes.multiCodes();
    }

    public Map<String, int[]> monthCodes() {
        return codes.monthCodes();
    }

    /** Per date or year-month column, each row's year, or -1 where empty. Read-only. */
    public Map<String, int[]> yearCodes() {
        return codes.yearCodes();
    }

    /**
     * Per date column, each row's date packed as Tablesaw packs it, or {@link Integer#MIN_VALUE}
     * where the day is not known (an empty or partial cell). Read with {@link #dayOf}. Read-only.
     */
    public Map<String, int[]> dayCodes() {
        return codes.dayCodes();
    }

    /** The day of the month of a packed date of {@link #dayCodes()}. */
    public static int dayOf(int packed) {
        return ColumnCells.Dates.dayOf(packed);
    }

    /** Per integer column, each row's value, or {@link #NO_INTEGER} where empty. Read-only. */
    public Map<String, long[]> integers() {
        return codes.integers();
    }

    /** Per decimal column, each row's value, or NaN where empty. Read-only. */
    public Map<String, double[]> decimals() {
        return codes.decimals();
    }

    /**
     * The rows of a date or year-month column in each month of {@code year}, January first, as the
     * reader counted them; empty when it counted another year or none (count {@link #monthCodes} then).
     */
    public Optional<long[]> monthCounts(String column, int year) {
        boolean counted = countedYear.isPresent() && countedYear.getAsInt() == year;
        return counted ? Optional.ofNullable(monthCounts.get(column)).map(long[]::clone) : Optional.empty();
    }

    /** Per category and multi-category column, the rows holding each value (by code); read-only. */
    public Map<String, long[]> valueCounts() {
        return valueCounts;
    }

    @Override
    public String name() {
        return schema.table();
    }

    public int rowCount() {
        return rowCount;
    }

    @Override
    public long rows() {
        return rowCount;
    }

    /** The years of the period column's cells. */
    @Override
    public java.util.SortedSet<Integer> years() {
        java.util.SortedSet<Integer> held = new java.util.TreeSet<>();
        String period = schema.periodColumn();
        if (period != null) {
            for (int year : yearCodes().get(period)) {
                if (year >= 0) {
                    held.add(year);
                }
            }
        }
        return held;
    }

    @Override
    public String toString() {
        return "LoadedTable[" + name() + ", " + rowCount + " rows]";
    }
}
