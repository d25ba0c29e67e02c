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

    /** A long, double or boolean column of parsed values (null: missing). */
    static Column<?> values(ColumnSpec spec, Object[] values, int rows) {
        Column<?> column = switch (spec.type()) {
            case INTEGER -> LongColumn.create(spec.name());
            case DECIMAL -> DoubleColumn.create(spec.name());
            default -> BooleanColumn.create(spec.name());
        };
        for (int r = 0; r < rows; r++) {
            Object value = values[r];
            if (value == null) {
                column.appendMissing();
            } else if (value instanceof Long l) {
                ((LongColumn) column).append(l);
            } else if (value instanceof Double d) {
                ((DoubleColumn) column).append(d);
            } else {
                ((BooleanColumn) column).append((Boolean) value);
            }
        }
        return column;
    }
}
