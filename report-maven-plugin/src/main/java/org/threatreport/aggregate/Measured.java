package org.threatreport.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Supplier;

/**
 * A measure of a numeric column — a sum, mean, median, percentile, minimum or maximum — over the rows of a
 * view: {@code ${incidents.median("dwell_days")}}. Prints rounded half-up to at most one decimal with the
 * language's digit grouping ({@code 1,234.5}, {@code 101}), or with exactly {@link #digits(int)} decimals;
 * a measure of no cells prints that it has no value (never 0 or NaN).
 */
public final class Measured {

    private final BigDecimal value;
    private final long n;
    private final int decimals;
    private final Wording wording;
    private final int year;
    private final Supplier<Measured> previous;

    /**
     * @param value    the exact value, null when {@code n} is 0
     * @param n        the cells it was computed from
     * @param year     the year of the view it measures (0 for several years)
     * @param previous the same measure of the year before, for {@link #change()}
     */
    Measured(BigDecimal value, long n, int decimals, Wording wording, int year, Supplier<Measured> previous) {
        this.value = value;
        this.n = n;
        this.decimals = decimals;
        this.wording = wording;
        this.year = year;
        this.previous = previous;
    }

    /** The exact value, or null when no cell had one (for comparisons: {@code <#if m.value()?? && m.value() > 100>}). */
    public BigDecimal value() {
        return value;
    }

    /** The number of non-empty cells measured. */
    public long n() {
        return n;
    }

    /** The same measure printed with exactly {@code count} decimals (0 to 6). */
    public Measured digits(int count) {
        if (count < 0 || count > 6) {
            throw new IllegalArgumentException("digits(" + count + "): a measure prints with 0 to 6 decimals");
        }
        return new Measured(value, n, count, wording, year, previous);
    }

    /** The value as printed: rounded half-up, then (without {@link #digits}) trailing zeros dropped. */
    public BigDecimal rounded() {
        if (value == null) {
            return null;
        }
        if (decimals >= 0) {
            return value.setScale(decimals, RoundingMode.HALF_UP);
        }
        BigDecimal one = value.setScale(1, RoundingMode.HALF_UP);
        return one.stripTrailingZeros().scale() <= 0 ? one.setScale(0, RoundingMode.UNNECESSARY) : one;
    }

    /** The change from the same measure of the year before: "up 12.0% on 2016". */
    public Change change() {
        return Change.of(this, previous.get());
    }

    int year() {
        return year;
    }

    Wording wording() {
        return wording;
    }

    /** Without {@link #digits}: at most one decimal. */
    static final int DEFAULT = -1;

    @Override
    public String toString() {
        return value == null ? wording.noValue() : wording.number(rounded());
    }
}
