package org.threatreport.bench;

import java.util.List;
import java.util.Locale;

/**
 * Median, min and max of some measurements, and how the benchmark reports print numbers: three
 * significant figures or so, thousands separated, ratios as {@code 0.52×}.
 */
record Stat(double median, double min, double max, int n) {

    static Stat of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stat(median, sorted.get(0), sorted.get(n - 1), n);
    }

    static Stat of(List<ProbeLine> lines, String key) {
        return of(lines.stream().map(l -> l.num(key)).toList());
    }

    /** {@code 1,234 (1,200–1,310)}, or the value alone for one measurement. */
    String ms() {
        return n == 1 ? num(median) : num(median) + " (" + num(min) + "–" + num(max) + ")";
    }

    static String num(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Rates: {@code 282 k}, {@code 6.58 M}. */
    static String big(double v) {
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.0f k", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }
}
