package org.threatreport.aggregate.query;

import java.math.BigDecimal;

/**
 * What a query computes per key. {@link Count} counts rows; the others read an integer or decimal column,
 * leaving its empty cells out ({@link QueryResult.Row#n()} says how many cells were used).
 */
public sealed interface Measure permits Measure.Count, Measure.Sum, Measure.Mean, Measure.Percentile,
        Measure.Min, Measure.Max {

    /** The column measured; null for {@link Count}. */
    String column();

    /** The rows (a multi-category row counts once for each value it holds). */
    record Count() implements Measure {
        @Override
        public String column() {
            return null;
        }
    }

    /** The sum of the cells, exact. */
    record Sum(String column) implements Measure {
    }

    /** The sum divided by the number of cells, to 16 significant digits (half-even). */
    record Mean(String column) implements Measure {
    }

    /**
     * The {@code percent}-th percentile (0–100; 50 is the median), interpolated linearly between the two
     * closest ranks: with the {@code n} cells sorted, {@code x[0] ≤ … ≤ x[n-1]}, and
     * {@code h = (n - 1) · percent / 100}, the value is {@code x[⌊h⌋] + (h - ⌊h⌋) · (x[⌊h⌋ + 1] - x[⌊h⌋])},
     * exact. This is pandas' and NumPy's default ({@code interpolation="linear"}), PostgreSQL's
     * {@code percentile_cont(percent / 100.0)} and DuckDB's {@code quantile_cont}.
     */
    record Percentile(String column, BigDecimal percent) implements Measure {
        public static final BigDecimal MEDIAN = BigDecimal.valueOf(50);

        public Percentile {
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("a percentile is from 0 to 100, not " + percent.toPlainString());
            }
            percent = percent.stripTrailingZeros();
        }
    }

    /** The smallest cell. */
    record Min(String column) implements Measure {
    }

    /** The largest cell. */
    record Max(String column) implements Measure {
    }

    Measure COUNT = new Count();

    static Measure median(String column) {
        return new Percentile(column, Percentile.MEDIAN);
    }
}
