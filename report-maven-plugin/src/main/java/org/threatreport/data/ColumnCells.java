package org.threatreport.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.threatreport.diagnostic.Suggestions;

/**
 * The cells of one column, parsed as the column's schema type says: category codes, dates, text.
 * One instance per column and parsing thread (it appends the rows of every chunk the thread parses).
 * {@link #accept} takes a cell's bytes with the surrounding whitespace already removed, and
 * returns what is wrong with the cell (the same message for the same cell everywhere), or null.
 * A wrong cell is kept as missing.
 */
abstract class ColumnCells {

    private static final int LISTED_CHOICES = 12;
    static final int[] NO_CODES = new int[0];

    final ColumnSpec spec;
    int rows;
    /** Set when a cell was not well-formed UTF-8: the whole file is then reported as such. */
    boolean malformed;

    ColumnCells(ColumnSpec spec) {
        this.spec = spec;
    }

    /**
     * @param reportYear       the year whose months date columns tally (none: no tally)
     * @param rejectOtherYears whether a date outside {@code reportYear} is a mistake
     */
    static ColumnCells of(ColumnSpec spec, Shared shared, OptionalInt reportYear, boolean rejectOtherYears,
                          int capacity) {
        return switch (spec.type()) {
            case CATEGORY -> new Category(spec, shared, capacity);
            case MULTI_CATEGORY -> new Multi(spec, shared, capacity);
            case DATE, YEAR_MONTH -> new Dates(spec, reportYear, rejectOtherYears, capacity);
            case TEXT -> new Text(spec, capacity);
            case INTEGER -> new Integers(spec, capacity);
            case DECIMAL -> new Decimals(spec, capacity);
            case BOOLEAN -> new Values(spec, capacity);
        };
    }

    abstract String accept(byte[] b, int from, int to);

    /**
     * For category and multi-category columns, how many of the rows parsed so far hold each value; for
     * dates, how many fall in each month of the report year. A copy, which a chunk subtracts from the
     * tally after it to get its own; null for other types. Counting here, as each cell is parsed,
     * makes the whole table's counts free for aggregations.
     */
    int[] tally() {
        return null;
    }

    /** The cell as text, noting malformed bytes. */
    final String decode(byte[] b, int from, int to) {
        String text = Utf8.decode(b, from, to);
        if (text.indexOf('\uFFFD') >= 0 && !Utf8.isValid(b, from, to)) {
            malformed = true;
        }
        return text;
    }

    final String emptyError() {
        return spec.required() ? "column '" + spec.name() + "' is required but this cell is empty" : null;
    }

    static String unknownValue(ColumnSpec spec, String value) {
        List<String> allowed = spec.values().stream().map(CategoryValue::value).toList();
        String listed = allowed.stream().limit(LISTED_CHOICES).collect(Collectors.joining(", "))
                + (allowed.size() > LISTED_CHOICES ? ", …" : "");
        return "unknown " + spec.name() + " '" + value + "'" + Suggestions.didYouMean(value, allowed)
                + "; expected one of: " + listed;
    }

    static int grown(int length) {
        return Math.max(16, length + (length >> 1));
    }

    /** What the cells of one column share across chunks: the schema's values, by bytes and by text. */
    static final class Shared {
        final ByteDict index = new ByteDict();
        final Map<String, Integer> codeOf = new HashMap<>();

        Shared(ColumnSpec spec) {
            for (int i = 0; i < spec.values().size(); i++) {
                String value = spec.values().get(i).value();
                codeOf.putIfAbsent(value, i);
                byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                int hash = Utf8.hash(bytes, 0, bytes.length);
                // A value that UTF-8 cannot carry exactly (a lone surrogate) is only looked up by text.
                if (Utf8.decode(bytes, 0, bytes.length).equals(value) && index.find(bytes, 0, bytes.length, hash) < 0) {
                    if (index.add(bytes, 0, bytes.length, hash) != i) {
                        throw new IllegalStateException("schema values of '" + spec.name() + "' are not distinct");
                    }
                }
            }
        }
    }

    /** A category column: each cell's index among the schema's values, or -1. */
    static final class Category extends ColumnCells {
        private final Shared shared;
        int[] codes;
        /** Rows per value code. */
        private final int[] counts;

        Category(ColumnSpec spec, Shared shared, int capacity) {
            super(spec);
            this.shared = shared;
            this.codes = new int[capacity];
            this.counts = new int[spec.values().size()];
        }

        @Override
        int[] tally() {
            return counts.clone();
        }

        @Override
        String accept(byte[] b, int from, int to) {
            if (rows == codes.length) {
                codes = Arrays.copyOf(codes, grown(rows));
            }
            if (from == to) {
                codes[rows++] = -1;
                return emptyError();
            }
            int code = shared.index.find(b, from, to, Utf8.hash(b, from, to));
            if (code >= 0) {
                codes[rows++] = code;
                counts[code]++;
                return null;
            }
            return notFound(b, from, to);
        }

        /** Kept apart from {@link #accept} so that compiling the common case stays cheap. */
        private String notFound(byte[] b, int from, int to) {
            String cell = decode(b, from, to);
            Integer byText = shared.codeOf.get(cell);
            codes[rows++] = byText == null ? -1 : byText;
            if (byText == null) {
                return unknownValue(spec, cell);
            }
            counts[byText]++;
            return null;
        }
    }

    /**
     * A multi-category column: each row's distinct value indexes, and the cell's text as a number
     * into {@link #cells}. A cell is checked once per chunk however often it recurs.
     */
    static final class Multi extends ColumnCells {
        private final Shared shared;
        private final String separator;
        private final ByteDict seen = new ByteDict();
        final List<String> cells = new ArrayList<>();
        /** Each cell's value codes (empty for a wrong cell), by the cell's number. */
        final List<int[]> cellCodes = new ArrayList<>();
        /** Rows per cell number. */
        private int[] cellCounts = new int[16];
        private final List<String> cellErrors = new ArrayList<>();
        int[][] codes;
        int[] cellIds;

        Multi(ColumnSpec spec, Shared shared, int capacity) {
            super(spec);
            this.shared = shared;
            this.separator = spec.separator();
            this.codes = new int[capacity][];
            this.cellIds = new int[capacity];
        }

        @Override
        String accept(byte[] b, int from, int to) {
            if (rows == codes.length) {
                codes = Arrays.copyOf(codes, grown(rows));
                cellIds = Arrays.copyOf(cellIds, codes.length);
            }
            if (from == to) {
                codes[rows] = NO_CODES;
                cellIds[rows++] = -1;
                return emptyError();
            }
            int hash = Utf8.hash(b, from, to);
            int id = seen.find(b, from, to, hash);
            if (id < 0) {
                id = firstSeen(b, from, to, hash);
            }
            String error = cellErrors.get(id);
            if (error != null) {
                codes[rows] = NO_CODES;
                cellIds[rows++] = -1;
                return error;
            }
            codes[rows] = cellCodes.get(id);
            cellIds[rows++] = id;
            cellCounts[id]++;
            return null;
        }

        /** Rows per cell number (not per value: the reader turns cells into values once per chunk). */
        @Override
        int[] tally() {
            return Arrays.copyOf(cellCounts, seen.size());
        }

        private int firstSeen(byte[] b, int from, int to, int hash) {
            int id = seen.add(b, from, to, hash);
            if (id == cellCounts.length) {
                cellCounts = Arrays.copyOf(cellCounts, id * 2);
            }
            check(decode(b, from, to));
            return id;
        }

        /**
         * The rules of a multi-category cell, on its text (split at every separator, as
         * {@code split(quote(separator), -1)} does); the result is kept for the cell's next occurrences.
         */
        private void check(String cell) {
            cells.add(cell);
            int[] found = new int[4];
            int count = 0;
            int from = 0;
            while (true) {
                int at = cell.indexOf(separator, from);
                String value = (at < 0 ? cell.substring(from) : cell.substring(from, at)).strip();
                Integer code = shared.codeOf.get(value);
                if (code == null) {
                    cellCodes.add(NO_CODES);
                    cellErrors.add(value.isEmpty() ? "an empty value between two '" + separator + "' in column '"
                            + spec.name() + "'" : unknownValue(spec, value));
                    return;
                }
                boolean seen = false;
                for (int i = 0; i < count; i++) {
                    seen |= found[i] == code;
                }
                if (!seen) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = code;
                }
                if (at < 0) {
                    break;
                }
                from = at + separator.length();
            }
            cellCodes.add(Arrays.copyOf(found, count));
            cellErrors.add(null);
        }
    }

    /**
     * A date or year-month column: Tablesaw's packed dates, {@code year * 12 + month - 1} and the year (each
     * -1 where unknown). A partial column also takes cells that give only the year and month, or only the
     * year: their packed date is missing and, for a year alone, their month too.
     */
    static final class Dates extends ColumnCells {
        /** Tablesaw's missing date. */
        static final int MISSING = Integer.MIN_VALUE;
        private static final int[] DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

        private final boolean yearMonth;
        private final OptionalInt reportYear;
        private final boolean rejectOtherYears;
        int[] packed;
        int[] months;
        int[] years;
        /** Rows per month of the report year (none without one). */
        private final int[] monthCounts;

        /**
         * @param reportYear       the year whose months are tallied (none: no tally)
         * @param rejectOtherYears whether a date outside {@code reportYear} is a mistake
         */
        Dates(ColumnSpec spec, OptionalInt reportYear, boolean rejectOtherYears, int capacity) {
            super(spec);
            this.yearMonth = spec.type() == ColumnType.YEAR_MONTH;
            this.reportYear = reportYear;
            this.rejectOtherYears = rejectOtherYears && reportYear.isPresent();
            this.packed = new int[capacity];
            this.months = new int[capacity];
            this.years = new int[capacity];
            this.monthCounts = reportYear.isPresent() ? new int[12] : null;
        }

        /** Rows per month of the report year, January first; null without a report year. */
        @Override
        int[] tally() {
            return monthCounts == null ? null : monthCounts.clone();
        }

        @Override
        String accept(byte[] b, int from, int to) {
            if (rows == packed.length) {
                packed = Arrays.copyOf(packed, grown(rows));
                months = Arrays.copyOf(months, packed.length);
                years = Arrays.copyOf(years, packed.length);
            }
            if (from == to) {
                packed[rows] = MISSING;
                months[rows] = -1;
                years[rows++] = -1;
                return emptyError();
            }
            // yyyy-MM-dd (or yyyy-MM), by hand: this runs for every row of large files.
            int length = to - from;
            int full = yearMonth ? 7 : 10;
            int year = -1;
            int month = -1;
            int day = -1;
            if (length == full && b[from + 4] == '-' && (yearMonth || b[from + 7] == '-')) {
                year = digits(b, from, from + 4);
                month = digits(b, from + 5, from + 7);
                day = yearMonth ? 1 : digits(b, from + 8, from + 10);
            } else if (spec.partial() && (length == 4 || length == 7 && !yearMonth && b[from + 4] == '-')) {
                return partial(b, from, to);
            }
            if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
                packed[rows] = MISSING;
                months[rows] = -1;
                years[rows++] = -1;
                return notADate(b, from, to);
            }
            packed[rows] = pack(year, month, day);
            months[rows] = year * 12 + month - 1;
            years[rows++] = year;
            return inYear(year, month, b, from, to);
        }

        /** A cell of a partial column that gives only the year ({@code yyyy}) or the year and month of a date. */
        private String partial(byte[] b, int from, int to) {
            int year = digits(b, from, from + 4);
            int month = to - from == 7 ? digits(b, from + 5, from + 7) : 0;
            packed[rows] = MISSING;
            if (year < 0 || month < 0 || month > 12 || to - from == 7 && month == 0) {
                months[rows] = -1;
                years[rows++] = -1;
                return notADate(b, from, to);
            }
            months[rows] = month == 0 ? -1 : year * 12 + month - 1;
            years[rows++] = year;
            return inYear(year, month, b, from, to);
        }

        /** Tallies a month of the report year; a date of another year is a mistake when only that year is allowed. */
        private String inYear(int year, int month, byte[] b, int from, int to) {
            if (reportYear.isPresent() && year != reportYear.getAsInt()) {
                return rejectOtherYears ? outsideTheYear(b, from, to) : null;
            }
            if (monthCounts != null && month > 0) {
                monthCounts[month - 1]++;
            }
            return null;
        }

        private String notADate(byte[] b, int from, int to) {
            String cell = "'" + decode(b, from, to) + "' in column '" + spec.name() + "' is not a ";
            if (spec.partial()) {
                return cell + (yearMonth ? "year-month; expected yyyy-MM or yyyy, e.g. 2017-03 or 2017"
                        : "date; expected yyyy-MM-dd, yyyy-MM or yyyy, e.g. 2017-03-15, 2017-03 or 2017");
            }
            return cell + (yearMonth ? "year-month; expected yyyy-MM, e.g. 2017-03" : "date; expected yyyy-MM-dd, e.g. 2017-03-15");
        }

        private String outsideTheYear(byte[] b, int from, int to) {
            return (yearMonth ? "month " : "date ") + decode(b, from, to) + " in column '" + spec.name()
                    + "' is outside the report's year " + reportYear.getAsInt();
        }

        /** As Tablesaw's {@code PackedLocalDate.pack}. */
        static int pack(int year, int month, int day) {
            return ((year >> 8 & 0xFF) << 24) | ((year & 0xFF) << 16) | (month << 8) | day;
        }

        /** The day of a packed date. */
        static int dayOf(int packed) {
            return packed & 0xFF;
        }

        private static int daysIn(int year, int month) {
            boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
            return month == 2 && leap ? 29 : DAYS[month - 1];
        }

        private static int digits(byte[] b, int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                int c = b[i] - '0';
                if (c < 0 || c > 9) {
                    return -1;
                }
                value = value * 10 + c;
            }
            return value;
        }
    }

    /**
     * A text column, kept as UTF-8 bytes until the table is built (so that a million Strings do not
     * live through the whole parse): each row's cell is {@code starts[r]..ends[r]} of {@link #arena}
     * ({@code starts[r] < 0}: empty). Recurring cells are stored once and numbered ({@code ids[r]});
     * the numbering stops after {@link #CACHED} distinct cells (ids and other unique text: -1), and
     * when the cells hardly ever recur after that, they are no longer looked up at all.
     */
    static final class Text extends ColumnCells {
        private static final int CACHED = 1024;
        private final ByteDict seen = new ByteDict();
        private int lookups;
        private int hits;
        private boolean unique;
        private int[] seenStarts = new int[64];
        byte[] arena;
        int used;
        int[] starts;
        int[] ends;
        int[] ids;
        private String[] decoded = new String[64];

        Text(ColumnSpec spec, int capacity) {
            super(spec);
            this.starts = new int[capacity];
            this.ends = new int[capacity];
            this.ids = new int[capacity];
            // Small at first: the arena grows while the code is still being profiled, not later.
            this.arena = new byte[1024];
        }

        @Override
        String accept(byte[] b, int from, int to) {
            if (rows == starts.length) {
                int n = grown(rows);
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
                ids = Arrays.copyOf(ids, n);
            }
            if (from == to) {
                starts[rows] = -1;
                ends[rows] = -1;
                ids[rows++] = -1;
                return emptyError();
            }
            if (!unique) {
                int hash = Utf8.hash(b, from, to);
                int id = seen.find(b, from, to, hash);
                if (id >= 0) {
                    hits++;
                    int start = seenStarts[id];
                    starts[rows] = start;
                    ends[rows] = start + (to - from);
                    ids[rows++] = id;
                    return null;
                }
                if (seen.size() < CACHED) {
                    int start = store(b, from, to);
                    starts[rows] = start;
                    ends[rows] = used;
                    ids[rows++] = remember(b, from, to, hash, start);
                    return null;
                }
                // The numbering is full: keep looking up only while cells recur.
                unique = ++lookups >= 4 * CACHED && hits < lookups / 64;
            }
            int start = store(b, from, to);
            starts[rows] = start;
            ends[rows] = used;
            ids[rows++] = -1;
            return null;
        }

        private int store(byte[] b, int from, int to) {
            // Checked here, where the bytes are at hand; the cell becomes a String only when the table is made.
            if (!Utf8.isValid(b, from, to)) {
                malformed = true;
            }
            int length = to - from;
            if (used + length > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(used + length, arena.length + (arena.length >> 1)));
            }
            System.arraycopy(b, from, arena, used, length);
            int start = used;
            used += length;
            return start;
        }

        private int remember(byte[] b, int from, int to, int hash, int start) {
            int id = seen.add(b, from, to, hash);
            if (id == seenStarts.length) {
                seenStarts = Arrays.copyOf(seenStarts, id * 2);
            }
            seenStarts[id] = start;
            return id;
        }

        /** Row {@code r}'s text (null where empty); a recurring cell is decoded once. Not thread-safe. */
        String text(int r) {
            int start = starts[r];
            if (start < 0) {
                return null;
            }
            int id = ids[r];
            if (id < 0) {
                return decode(arena, start, ends[r]);
            }
            if (id >= decoded.length) {
                decoded = Arrays.copyOf(decoded, Math.max(id + 1, decoded.length * 2));
            }
            String text = decoded[id];
            if (text == null) {
                text = decode(arena, start, ends[r]);
                decoded[id] = text;
            }
            return text;
        }
    }

    /** An integer column: each cell's value, {@link #MISSING} where empty or wrong. */
    static final class Integers extends ColumnCells {
        /** Marks an empty cell; the reader refuses it as a value. */
        static final long MISSING = Long.MIN_VALUE;
        long[] values;

        Integers(ColumnSpec spec, int capacity) {
            super(spec);
            this.values = new long[Math.min(capacity, 1024)];
        }

        @Override
        String accept(byte[] b, int from, int to) {
            if (rows == values.length) {
                values = Arrays.copyOf(values, grown(rows));
            }
            if (from == to) {
                values[rows++] = MISSING;
                return emptyError();
            }
            long value = MISSING;
            String cell = decode(b, from, to);
            try {
                value = Long.parseLong(cell);
            } catch (NumberFormatException e) {
                // reported below
            }
            values[rows++] = value;
            return value == MISSING ? "'" + cell + "' in column '" + spec.name() + "' is not a whole number, e.g. 42" : null;
        }
    }

    /** A decimal column: each cell's value, NaN where empty or wrong. */
    static final class Decimals extends ColumnCells {
        double[] values;

        Decimals(ColumnSpec spec, int capacity) {
            super(spec);
            this.values = new double[Math.min(capacity, 1024)];
        }

        @Override
        String accept(byte[] b, int from, int to) {
            if (rows == values.length) {
                values = Arrays.copyOf(values, grown(rows));
            }
            if (from == to) {
                values[rows++] = Double.NaN;
                return emptyError();
            }
            String cell = decode(b, from, to);
            double value = Double.NaN;
            if (plainNumber(b, from, to)) {
                try {
                    value = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            values[rows++] = Double.isFinite(value) ? value : Double.NaN;
            return Double.isFinite(value) ? null : "'" + cell + "' in column '" + spec.name() + "' is not a number, e.g. 3.5";
        }
    }

    /** Digits, signs, a point, an exponent: not Java's "NaN", "Infinity", "0x1p3" or "1d", which parseDouble takes. */
    private static boolean plainNumber(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
    }

    /** A boolean column: the parsed values (null where empty or wrong). */
    static final class Values extends ColumnCells {
        Object[] values;

        Values(ColumnSpec spec, int capacity) {
            super(spec);
            this.values = new Object[Math.min(capacity, 1024)];
        }

        @Override
        String accept(byte[] b, int from, int to) {
            if (rows == values.length) {
                values = Arrays.copyOf(values, grown(rows));
            }
            if (from == to) {
                values[rows++] = null;
                return emptyError();
            }
            String cell = decode(b, from, to);
            Object value = null;
            String error = null;
            if (cell.equals("true") || cell.equals("false")) {
                value = Boolean.parseBoolean(cell);
            } else {
                error = "'" + cell + "' in column '" + spec.name() + "' is not a boolean; expected true or false";
            }
            values[rows++] = value;
            return error;
        }
    }
}
