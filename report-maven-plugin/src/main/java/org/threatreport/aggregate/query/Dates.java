package org.threatreport.aggregate.query;

/**
 * The periods filters name ({@code yyyy}, {@code yyyy-MM}, {@code yyyy-MM-dd}) and the periods cells cover,
 * as ranges of day numbers that compare like dates ({@code year * 372 + (month - 1) * 31 + day - 1}; not
 * a count of days, which no comparison here needs).
 */
final class Dates {

    private Dates() {
    }

    /** A period from its first to its last day number, both included. */
    record Span(int first, int last) {
        boolean within(Span other) {
            return first >= other.first && last <= other.last;
        }
    }

    static int dayNumber(int year, int month, int day) {
        return year * 372 + (month - 1) * 31 + day - 1;
    }

    /** The period {@code text} names, or null when it is none of yyyy, yyyy-MM, yyyy-MM-dd. */
    static Span parse(String text) {
        String t = text.strip();
        try {
            if (t.matches("\\d{4}")) {
                int year = Integer.parseInt(t);
                return new Span(dayNumber(year, 1, 1), dayNumber(year, 12, 31));
            }
            if (t.matches("\\d{4}-\\d{2}")) {
                int year = Integer.parseInt(t.substring(0, 4));
                int month = Integer.parseInt(t.substring(5, 7));
                return month < 1 || month > 12 ? null : new Span(dayNumber(year, month, 1), dayNumber(year, month, 31));
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                java.time.LocalDate day = java.time.LocalDate.parse(t);
                int number = dayNumber(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
                return new Span(number, number);
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    /**
     * The period a cell covers, from the reader's codes: its day when known, else its month, else its
     * year; null for an empty cell.
     */
    static Span ofCell(int year, int monthCode, int packedDay) {
        if (year < 0) {
            return null;
        }
        if (monthCode < 0) {
            return new Span(dayNumber(year, 1, 1), dayNumber(year, 12, 31));
        }
        int month = monthCode % 12 + 1;
        if (packedDay == Integer.MIN_VALUE) {
            return new Span(dayNumber(year, month, 1), dayNumber(year, month, 31));
        }
        int number = dayNumber(year, month, packedDay & 0xFF);
        return new Span(number, number);
    }
}
