package org.threatreport.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A count as a percentage of a base, rounded half-up to a fixed number of decimals: the one
 * rounding rule used by text, tables and charts, so that they agree to the digit.
 * Prints as {@code 29.6%}; a share of fewer rows than its {@code minN} prints no percentage but says
 * so ({@link Wording#tooFew}).
 *
 * @param minN    the smallest base a percentage is printed from (0: any)
 * @param wording how a share too small to print says so; null for English
 */
public record Share(long count, long base, int decimals, int minN, Wording wording) {

    public static final int DEFAULT_DECIMALS = 1;

    public Share {
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("a share has 0 to 6 decimals, not " + decimals);
        }
    }

    public Share(long count, long base, int decimals) {
        this(count, base, decimals, 0, null);
    }

    public static Share of(long count, long base) {
        return new Share(count, base, DEFAULT_DECIMALS);
    }

    /** A share that prints no percentage when {@code base} is below {@code minN}. */
    public static Share of(long count, long base, int minN, Wording wording) {
        return new Share(count, base, DEFAULT_DECIMALS, minN, wording);
    }

    /** The same share with {@code n} decimals: {@code share.digits(0)} prints {@code 88%}. */
    public Share digits(int n) {
        return new Share(count, base, n, minN, wording);
    }

    /** Whether the base is too small for a percentage to be printed ({@code min-n}). */
    public boolean suppressed() {
        return base < minN;
    }

    /** The rounded percentage, e.g. 29.6 (also when {@link #suppressed()}: for comparisons in templates). */
    public BigDecimal percent() {
        if (base == 0) {
            return BigDecimal.ZERO.setScale(decimals, RoundingMode.UNNECESSARY);
        }
        return BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(base), decimals, RoundingMode.HALF_UP);
    }

    @Override
    public String toString() {
        if (suppressed()) {
            return (wording == null ? new Wording(false) : wording).tooFew(base, minN);
        }
        return percent().toPlainString() + "%";
    }
}
