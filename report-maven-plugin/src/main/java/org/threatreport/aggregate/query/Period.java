package org.threatreport.aggregate.query;

/**
 * Which years of a table a query reads. A row belongs to the year of its table's period column (see
 * {@link org.threatreport.data.Schema#periodColumn()}); a row whose period cell is empty belongs to no
 * year and is read only by {@link AllYears}.
 */
public sealed interface Period permits Period.AllYears, Period.YearSpan {

    /** Every row of the table, whatever its year (also rows with an empty period cell). */
    record AllYears() implements Period {
    }

    /**
     * The rows whose {@code column} lies in the years {@code first} to {@code last}, both included. A
     * cell known only to the year (or the month) belongs to its year.
     */
    record YearSpan(String column, int first, int last) implements Period {
        public YearSpan {
            if (column == null || column.isEmpty()) {
                throw new IllegalArgumentException("a period of years needs its column");
            }
            if (first > last) {
                throw new IllegalArgumentException("years " + first + " to " + last + ": the first is after the last");
            }
        }

        public boolean isOneYear() {
            return first == last;
        }
    }

    static Period all() {
        return new AllYears();
    }

    static Period year(String column, int year) {
        return new YearSpan(column, year, year);
    }

    static Period years(String column, int first, int last) {
        return new YearSpan(column, first, last);
    }
}
