package org.threatreport.aggregate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.threatreport.aggregate.query.Filter;
import org.threatreport.aggregate.query.Measure;
import org.threatreport.aggregate.query.Query;
import org.threatreport.aggregate.query.QueryResult;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.ColumnType;

/**
 * The bins of a histogram. By default their width follows the Freedman–Diaconis rule,
 * {@code 2 · IQR / ∛n} (Sturges' {@code range / (⌈log2 n⌉ + 1)} when the quartiles are equal), rounded up to
 * 1, 2, 2.5 or 5 times a power of ten (whole numbers for an integer column), between 5 and 50 bins where the
 * values allow; the first bin starts at a multiple of the width. {@code bins: 10} asks for about ten such
 * bins, {@code bins: [0, 10, 100]} for exactly those; {@code scale: log} makes them powers of ten
 * ({@code 1–9}, {@code 10–99}, …, with a bin {@code 0} for zeros), for heavy-tailed columns. Each bin holds
 * its lower edge and not its upper one, except the last, which holds both.
 */
final class Histogram {

    private static final int MOST_BINS = 50;
    private static final int FEWEST_BINS = 5;

    private Histogram() {
    }

    /** The edges for a cell's column over the rows of {@code selection}. */
    static List<BigDecimal> edges(TableView view, Query selection, ColumnSpec spec, List<BigDecimal> given, int bins,
                                  boolean log) {
        if (!given.isEmpty()) {
            return given;
        }
        String column = spec.name();
        QueryResult.Row min = view.run(selection.measuring(new Measure.Min(column))).single();
        if (min.n() == 0) {
            return List.of(BigDecimal.ZERO, BigDecimal.ONE);
        }
        BigDecimal low = min.value();
        BigDecimal high = view.run(selection.measuring(new Measure.Max(column))).single().value();
        boolean integer = spec.type() == ColumnType.INTEGER;
        if (log) {
            return logEdges(view, selection, column, low, high);
        }
        if (low.compareTo(high) == 0) {
            return List.of(low, low.add(BigDecimal.ONE));
        }
        BigDecimal range = high.subtract(low);
        BigDecimal width;
        if (bins > 0) {
            width = range.divide(BigDecimal.valueOf(bins), MathContext.DECIMAL64);
        } else {
            long n = min.n();
            BigDecimal q1 = view.run(selection.measuring(new Measure.Percentile(column, BigDecimal.valueOf(25)))).single().value();
            BigDecimal q3 = view.run(selection.measuring(new Measure.Percentile(column, BigDecimal.valueOf(75)))).single().value();
            BigDecimal iqr = q3.subtract(q1);
            width = iqr.signum() > 0
                    ? iqr.multiply(BigDecimal.valueOf(2)).divide(BigDecimal.valueOf(Math.cbrt(n)), MathContext.DECIMAL64)
                    : range.divide(BigDecimal.valueOf(Math.ceil(Math.log(n) / Math.log(2)) + 1), MathContext.DECIMAL64);
            width = width.max(range.divide(BigDecimal.valueOf(MOST_BINS), MathContext.DECIMAL64));
            width = width.min(range.divide(BigDecimal.valueOf(FEWEST_BINS), MathContext.DECIMAL64));
        }
        width = nice(width, integer);
        BigDecimal start = low.divide(width, 0, RoundingMode.FLOOR).multiply(width);
        List<BigDecimal> edges = new ArrayList<>();
        BigDecimal edge = start;
        edges.add(edge);
        do {
            edge = edge.add(width);
            edges.add(edge);
        } while (edge.compareTo(high) < 0);
        return edges;
    }

    /** Powers of ten from below the smallest positive value to the largest, with 0 first when a value is 0. */
    private static List<BigDecimal> logEdges(TableView view, Query selection, String column, BigDecimal low,
                                             BigDecimal high) {
        if (low.signum() < 0) {
            throw new IllegalArgumentException("'scale: log' needs values of 0 or more; column '" + column
                    + "' has " + low.toPlainString());
        }
        List<BigDecimal> edges = new ArrayList<>();
        if (high.signum() == 0) {
            return List.of(BigDecimal.ZERO, BigDecimal.ONE);
        }
        BigDecimal smallest = low;
        if (low.signum() == 0) {
            edges.add(BigDecimal.ZERO);
            Query positive = selection.where(new Filter.Not(new Filter.In(column, List.of("0"))));
            smallest = view.run(positive.measuring(new Measure.Min(column))).single().value();
        }
        int first = exponent(smallest);
        BigDecimal edge = BigDecimal.ONE.scaleByPowerOfTen(first);
        edges.add(edge);
        while (edge.compareTo(high) <= 0) {
            edge = edge.scaleByPowerOfTen(1);
            edges.add(edge);
        }
        return edges;
    }

    /** The power of ten at or below a positive value: 0 for 1–9, 2 for 100–999, -1 for 0.1–0.9. */
    private static int exponent(BigDecimal value) {
        return value.precision() - value.scale() - 1;
    }

    /** The width rounded up to 1, 2, 2.5 or 5 × 10^k (an integer column's at least 1 and whole). */
    static BigDecimal nice(BigDecimal width, boolean integer) {
        if (width.signum() <= 0) {
            return BigDecimal.ONE;
        }
        int power = exponent(width.round(new MathContext(15)));
        BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(power);
        for (String step : new String[] {"1", "2", "2.5", "5", "10"}) {
            BigDecimal candidate = new BigDecimal(step).multiply(unit);
            if (candidate.compareTo(width) >= 0 && (!integer || candidate.stripTrailingZeros().scale() <= 0)) {
                return integer ? candidate.max(BigDecimal.ONE).setScale(0, RoundingMode.UNNECESSARY) : candidate.stripTrailingZeros();
            }
        }
        return BigDecimal.TEN.multiply(unit);
    }

    /**
     * The label of bin {@code i}: "0–9", "10–99" (whole numbers: the last value it holds), "0.5–1"; the last
     * bin "100–1,000" (both edges).
     */
    static String label(List<BigDecimal> edges, int i, boolean integer, Wording wording) {
        BigDecimal low = edges.get(i);
        BigDecimal high = edges.get(i + 1);
        boolean last = i == edges.size() - 2;
        if (integer && low.stripTrailingZeros().scale() <= 0 && high.stripTrailingZeros().scale() <= 0) {
            BigDecimal top = last ? high : high.subtract(BigDecimal.ONE);
            return top.compareTo(low) <= 0 ? plain(low, wording) : plain(low, wording) + "–" + plain(top, wording);
        }
        return plain(low, wording) + "–" + plain(high, wording);
    }

    private static String plain(BigDecimal value, Wording wording) {
        BigDecimal stripped = value.stripTrailingZeros();
        return wording.number(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
    }
}
