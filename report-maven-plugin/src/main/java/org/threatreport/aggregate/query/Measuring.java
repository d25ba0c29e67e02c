package org.threatreport.aggregate.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;

/**
 * A measure of the cells of one key, exact, as the package documentation defines it. Integer cells are
 * summed as longs until a sum would overflow, then as big integers; decimal cells as the decimals they
 * were written as ({@link BigDecimal#valueOf(double)}).
 */
final class Measuring {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Measuring() {
    }

    /** The measure of {@code values[from..to)} (integer cells), which it may sort; null when empty. */
    static BigDecimal of(Measure measure, long[] values, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return null;
        }
        if (measure instanceof Measure.Sum) {
            return sum(values, from, to);
        }
        if (measure instanceof Measure.Mean) {
            return sum(values, from, to).divide(BigDecimal.valueOf(n), MathContext.DECIMAL64);
        }
        if (measure instanceof Measure.Min) {
            long min = Long.MAX_VALUE;
            for (int i = from; i < to; i++) {
                min = Math.min(min, values[i]);
            }
            return BigDecimal.valueOf(min);
        }
        if (measure instanceof Measure.Max) {
            long max = Long.MIN_VALUE;
            for (int i = from; i < to; i++) {
                max = Math.max(max, values[i]);
            }
            return BigDecimal.valueOf(max);
        }
        Arrays.sort(values, from, to);
        Rank rank = Rank.of(((Measure.Percentile) measure).percent(), n);
        BigDecimal low = BigDecimal.valueOf(values[from + rank.index()]);
        if (rank.fraction().signum() == 0) {
            return low;
        }
        BigDecimal high = BigDecimal.valueOf(values[from + rank.index() + 1]);
        return interpolate(low, high, rank.fraction());
    }

    /** The measure of {@code values[from..to)} (decimal cells), which it may sort; null when empty. */
    static BigDecimal of(Measure measure, double[] values, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return null;
        }
        if (measure instanceof Measure.Sum) {
            return sum(values, from, to);
        }
        if (measure instanceof Measure.Mean) {
            return sum(values, from, to).divide(BigDecimal.valueOf(n), MathContext.DECIMAL64);
        }
        if (measure instanceof Measure.Min || measure instanceof Measure.Max) {
            double best = values[from];
            for (int i = from + 1; i < to; i++) {
                best = measure instanceof Measure.Min ? Math.min(best, values[i]) : Math.max(best, values[i]);
            }
            return decimal(best);
        }
        Arrays.sort(values, from, to);
        Rank rank = Rank.of(((Measure.Percentile) measure).percent(), n);
        BigDecimal low = decimal(values[from + rank.index()]);
        if (rank.fraction().signum() == 0) {
            return low;
        }
        return interpolate(low, decimal(values[from + rank.index() + 1]), rank.fraction());
    }

    /** The decimal a cell was written as (for cells of up to 15 significant digits); -0 is 0. */
    static BigDecimal decimal(double value) {
        return value == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(value);
    }

    private static BigDecimal interpolate(BigDecimal low, BigDecimal high, BigDecimal fraction) {
        return low.add(high.subtract(low).multiply(fraction));
    }

    /** Where percentile {@code percent} of {@code n} sorted cells falls: {@code h = (n - 1) · percent / 100}. */
    record Rank(int index, BigDecimal fraction) {
        static Rank of(BigDecimal percent, int n) {
            BigDecimal h = BigDecimal.valueOf(n - 1L).multiply(percent).divide(HUNDRED);
            BigDecimal whole = h.setScale(0, java.math.RoundingMode.FLOOR);
            return new Rank(whole.intValueExact(), h.subtract(whole));
        }
    }

    private static BigDecimal sum(long[] values, int from, int to) {
        long sum = 0;
        BigInteger big = null;
        for (int i = from; i < to; i++) {
            long value = values[i];
            long next = sum + value;
            // Overflow when both operands have the sign the result does not.
            if (((sum ^ next) & (value ^ next)) < 0) {
                big = (big == null ? BigInteger.ZERO : big).add(BigInteger.valueOf(sum));
                sum = value;
            } else {
                sum = next;
            }
        }
        BigInteger total = big == null ? BigInteger.valueOf(sum) : big.add(BigInteger.valueOf(sum));
        return new BigDecimal(total);
    }

    private static BigDecimal sum(double[] values, int from, int to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            sum = sum.add(decimal(values[i]));
        }
        return sum;
    }
}
