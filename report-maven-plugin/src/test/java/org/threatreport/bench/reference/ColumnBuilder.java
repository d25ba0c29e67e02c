package org.threatreport.bench.reference;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.threatreport.data.CategoryValue;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.ColumnType;
import org.threatreport.diagnostic.Suggestions;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/** Parses one column's cells as its schema type says and collects them into a Tablesaw column. */
final class ColumnBuilder {

    private static final int LISTED_CHOICES = 12;

    private final ColumnSpec spec;
    private final OptionalInt reportYear;
    private final Column<?> column;
    private final Map<String, Integer> codeOf = new HashMap<>();
    private int[] codes = new int[1024];
    private int[][] multiCodes = new int[0][];
    private int rows;

    ColumnBuilder(ColumnSpec spec, OptionalInt reportYear) {
        this.spec = spec;
        this.reportYear = reportYear;
        this.column = switch (spec.type()) {
            case DATE, YEAR_MONTH -> DateColumn.create(spec.name());
            case INTEGER -> LongColumn.create(spec.name());
            case DECIMAL -> DoubleColumn.create(spec.name());
            case BOOLEAN -> BooleanColumn.create(spec.name());
            case CATEGORY, MULTI_CATEGORY, TEXT -> StringColumn.create(spec.name());
        };
        for (int i = 0; i < spec.values().size(); i++) {
            codeOf.put(spec.values().get(i).value(), i);
        }
        if (spec.type() == ColumnType.MULTI_CATEGORY) {
            multiCodes = new int[1024][];
        }
    }

    ColumnSpec spec() {
        return spec;
    }

    Column<?> column() {
        return column;
    }

    int[] codes() {
        return Arrays.copyOf(codes, rows);
    }

    int[][] multiCodes() {
        return Arrays.copyOf(multiCodes, rows);
    }

    /** Appends one cell; returns what is wrong with it, or null. A wrong cell is appended as missing. */
    String append(String cell) {
        ensureCapacity();
        String error = cell.isEmpty() ? appendEmpty() : appendValue(cell);
        rows++;
        return error;
    }

    private String appendEmpty() {
        column.appendMissing();
        codes[rows] = -1;
        if (spec.type() == ColumnType.MULTI_CATEGORY) {
            multiCodes[rows] = new int[0];
        }
        return spec.required() ? "column '" + spec.name() + "' is required but this cell is empty" : null;
    }

    private String appendValue(String cell) {
        try {
            return switch (spec.type()) {
                case DATE -> date(cell, false);
                case YEAR_MONTH -> date(cell, true);
                case CATEGORY -> category(cell);
                case MULTI_CATEGORY -> multiCategory(cell);
                case INTEGER -> {
                    long value = Long.parseLong(cell);
                    if (value == Long.MIN_VALUE) {
                        throw new NumberFormatException("the reader keeps this number for an empty cell");
                    }
                    ((LongColumn) column).append(value);
                    yield null;
                }
                case DECIMAL -> {
                    // Digits, sign, point and exponent only: Java's "NaN", "Infinity", "0x1p3" and "1d" are no numbers.
                    if (!cell.matches("[0-9eE.+-]+") || !Double.isFinite(Double.parseDouble(cell))) {
                        throw new NumberFormatException(cell);
                    }
                    ((DoubleColumn) column).append(Double.parseDouble(cell));
                    yield null;
                }
                case BOOLEAN -> bool(cell);
                case TEXT -> {
                    ((StringColumn) column).append(cell);
                    yield null;
                }
            };
        } catch (NumberFormatException e) {
            column.appendMissing();
            return "'" + cell + "' in column '" + spec.name() + "' is not "
                    + (spec.type() == ColumnType.INTEGER ? "a whole number, e.g. 42" : "a number, e.g. 3.5");
        }
    }

    private String date(String cell, boolean yearMonth) {
        LocalDate date = parseDate(cell, yearMonth);
        if (date == null) {
            column.appendMissing();
            codes[rows] = -1;
            return "'" + cell + "' in column '" + spec.name() + "' is not a "
                    + (yearMonth ? "year-month; expected yyyy-MM, e.g. 2017-03" : "date; expected yyyy-MM-dd, e.g. 2017-03-15");
        }
        ((DateColumn) column).append(date);
        codes[rows] = date.getYear() * 12 + date.getMonthValue() - 1;
        if (reportYear.isPresent() && date.getYear() != reportYear.getAsInt()) {
            return (yearMonth ? "month " : "date ") + cell + " in column '" + spec.name()
                    + "' is outside the report's year " + reportYear.getAsInt();
        }
        return null;
    }

    /** yyyy-MM-dd (or yyyy-MM), parsed by hand: this runs for every row of large files. */
    private static LocalDate parseDate(String cell, boolean yearMonth) {
        int length = yearMonth ? 7 : 10;
        if (cell.length() != length || cell.charAt(4) != '-' || (!yearMonth && cell.charAt(7) != '-')) {
            return null;
        }
        int year = digits(cell, 0, 4);
        int month = digits(cell, 5, 7);
        int day = yearMonth ? 1 : digits(cell, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private String category(String cell) {
        Integer code = codeOf.get(cell);
        codes[rows] = code == null ? -1 : code;
        if (code == null) {
            column.appendMissing();
            return unknownValue(cell);
        }
        ((StringColumn) column).append(cell);
        return null;
    }

    private String multiCategory(String cell) {
        String[] parts = cell.split(java.util.regex.Pattern.quote(spec.separator()), -1);
        int[] found = new int[parts.length];
        int count = 0;
        for (String part : parts) {
            String value = part.strip();
            Integer code = codeOf.get(value);
            if (code == null) {
                multiCodes[rows] = new int[0];
                column.appendMissing();
                return value.isEmpty() ? "an empty value between two '" + spec.separator() + "' in column '"
                        + spec.name() + "'" : unknownValue(value);
            }
            found[count++] = code;
        }
        int[] distinct = Arrays.stream(found, 0, count).distinct().toArray();
        multiCodes[rows] = distinct;
        ((StringColumn) column).append(cell);
        return null;
    }

    private String unknownValue(String value) {
        List<String> allowed = spec.values().stream().map(CategoryValue::value).toList();
        String listed = allowed.stream().limit(LISTED_CHOICES).collect(Collectors.joining(", "))
                + (allowed.size() > LISTED_CHOICES ? ", …" : "");
        return "unknown " + spec.name() + " '" + value + "'" + Suggestions.didYouMean(value, allowed)
                + "; expected one of: " + listed;
    }

    private String bool(String cell) {
        if (cell.equals("true") || cell.equals("false")) {
            ((BooleanColumn) column).append(Boolean.parseBoolean(cell));
            return null;
        }
        column.appendMissing();
        return "'" + cell + "' in column '" + spec.name() + "' is not a boolean; expected true or false";
    }

    private void ensureCapacity() {
        if (rows == codes.length) {
            codes = Arrays.copyOf(codes, rows * 2);
            if (spec.type() == ColumnType.MULTI_CATEGORY) {
                multiCodes = Arrays.copyOf(multiCodes, rows * 2);
            }
        }
    }
}
