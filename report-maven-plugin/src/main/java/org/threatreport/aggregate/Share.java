package org.threatreport.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A count as a percentage of a base, rounded half-up to a fixed number of decimals: the one
 * rounding rule used by text, tables and charts, so that they agree to the digit.
 * Prints as {@code 29.6%}.
 */
public record Share(long count, long base, int decimals) {

    public static final int DEFAULT_DECIMALS = 1;

    public Share {
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("a share has 0 to 6 decimals, not " + decimals);
        }
    }

    public static Share of(long count, long base) {
        return new Share(count, base, DEFAULT_DECIMALS);
    }

    /** The same share with {@code n} decimals: {@code share.digits(0)} prints {@code 88%}. */
    public Share digits(int n) {
        return new Share(count, base, n);
    }

    /** The rounded percentage, e.g. 29.6. */
    public BigDecimal percent() {
        if (base == 0) {
            return BigDecimal.ZERO.setScale(decimals, RoundingMode.UNNECESSARY);
        }
        return BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(base), decimals, RoundingMode.HALF_UP);
    }

    @Override
    public String toString() {
        return percent().toPlainString() + "%";
    }
}
