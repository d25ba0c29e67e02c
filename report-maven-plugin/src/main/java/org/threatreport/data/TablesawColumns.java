package org.threatreport.data;

import java.time.LocalDate;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.dates.PackedLocalDate;

/**
 * Makes Tablesaw columns from the reader's arrays, through Tablesaw's public API: a column made here
 * is the column appending the cells one by one would make.
 */
final class TablesawColumns {

    private TablesawColumns() {
    }

    /**
     * Initialises Tablesaw's column classes. Tablesaw's column types refer to each other while they
     * initialise, so two threads making the first columns of a JVM at once can deadlock; the reader
     * calls this on one thread (while the others parse) before it builds columns in parallel.
     */
    static void initialise() {
        StringColumn.create("-").append("-").appendMissing();
        DateColumn.create("-").appendMissing();
        LongColumn.create("-").appendMissing();
        DoubleColumn.create("-").appendMissing();
        BooleanColumn.create("-").appendMissing();
        java.util.Objects.requireNonNull(tech.tablesaw.api.ColumnType.STRING);
    }

    /**
     * A string column whose row {@code r} holds {@code values[codes[r]]}, or is missing where
     * {@code codes[r] < 0}.
     */
    static StringColumn strings(String name, int[] codes, String[] values) {
        StringColumn column = StringColumn.create(name);
        for (int code : codes) {
            if (code < 0) {
                column.appendMissing();
            } else {
                column.append(values[code]);
            }
        }
        return column;
    }

    /** A string column of texts (null: missing). */
    static StringColumn texts(String name, String[] texts, int rows) {
        StringColumn column = StringColumn.create(name);
        for (int r = 0; r < rows; r++) {
            if (texts[r] == null) {
                column.appendMissing();
            } else {
                column.append(texts[r]);
            }
        }
        return column;
    }

    /** A date column from packed dates ({@link ColumnCells.Dates#pack}, or Tablesaw's missing value). */
    static DateColumn dates(String name, int[] packed) {
        DateColumn column = DateColumn.create(name);
        for (int date : packed) {
            LocalDate day = PackedLocalDate.asLocalDate(date);
            if (day == null) {
                column.appendMissing();
            } else {
                column.append(day);
            }
        }
        return column;
    }

    /**
     * A partial date column as text, each cell as the CSV gave it: {@code yyyy-MM-dd}, {@code yyyy-MM} or
     * {@code yyyy} (a Tablesaw date cannot leave out the day).
     */
    static StringColumn partialDates(String name, int[] years, int[] months, int[] packed) {
        StringColumn column = StringColumn.create(name);
        for (int r = 0; r < years.length; r++) {
            LocalDate day = PackedLocalDate.asLocalDate(packed[r]);
            if (day != null) {
                column.append(day.toString());
            } else if (months[r] >= 0) {
                column.append(String.format(java.util.Locale.ROOT, "%04d-%02d", years[r], months[r] % 12 + 1));
            } else if (years[r] >= 0) {
                column.append(String.format(java.util.Locale.ROOT, "%04d", years[r]));
            } else {
                column.appendMissing();
            }
        }
        return column;
    }

    /** A long column ({@link LoadedTable#NO_INTEGER}: missing). */
    static LongColumn integers(String name, long[] values) {
        LongColumn column = LongColumn.create(name);
        for (long value : values) {
            if (value == LoadedTable.NO_INTEGER) {
                column.appendMissing();
            } else {
                column.append(value);
            }
        }
        return column;
    }

    /** A double column (NaN: missing). */
    static DoubleColumn decimals(String name, double[] values) {
        DoubleColumn column = DoubleColumn.create(name);
        for (double value : values) {
            if (Double.isNaN(value)) {
                column.appendMissing();
            } else {
                column.append(value);
            }
        }
        return column;
    }

    /** A boolean column of parsed values (null: missing). */
    static Column<?> values(ColumnSpec spec, Object[] values, int rows) {
        BooleanColumn column = BooleanColumn.create(spec.name());
        for (int r = 0; r < rows; r++) {
            Object value = values[r];
            if (value == null) {
                column.appendMissing();
            } else {
                column.append((Boolean) value);
            }
        }
        return column;
    }
}
