package org.threatreport.aggregate.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.threatreport.data.CategoryValue;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.ColumnType;
import org.threatreport.data.LoadedTable;

/**
 * The keys of one grouping over one table, and which of them each row is in (none, one, or for a
 * multi-category column several).
 */
abstract class Keys {

    final List<String> keys;

    Keys(List<String> keys) {
        this.keys = List.copyOf(keys);
    }

    int size() {
        return keys.size();
    }

    /** Writes the keys row {@code row} is in to {@code into} (distinct); returns how many. */
    abstract int of(int row, int[] into);

    /** The most keys one row can be in. */
    int mostPerRow() {
        return 1;
    }

    static Keys of(LoadedTable table, Grouping grouping, Query query, Selections selections) {
        ColumnSpec spec = table.schema().column(grouping.column()).orElseThrow(() -> new IllegalArgumentException(
                "unknown column '" + grouping.column() + "' of table '" + table.name() + "'"));
        boolean[] excluded = excludedCodes(spec, query.exclusions());
        if (grouping instanceof Grouping.Values) {
            return values(table, spec, excluded);
        }
        if (grouping instanceof Grouping.Groups) {
            return groups(table, spec, query.exclusions());
        }
        if (grouping instanceof Grouping.Months) {
            int[] years = years(table, query.period(), spec.name(), selections);
            return months(table, spec.name(), years);
        }
        if (grouping instanceof Grouping.Years) {
            int[] years = years(table, query.period(), spec.name(), selections);
            return years(table, spec.name(), years);
        }
        return bins(table, spec, (Grouping.Bins) grouping);
    }

    /** The first and last year of the keys: the period's, or the table's for every year; null for none. */
    private static int[] years(LoadedTable table, Period period, String column, Selections selections) {
        if (period instanceof Period.YearSpan span) {
            return new int[] {span.first(), span.last()};
        }
        return selections.yearRange(table, column);
    }

    /** By value code: whether an exclusion on this column names it (directly or by its group). */
    private static boolean[] excludedCodes(ColumnSpec spec, List<Exclusion> exclusions) {
        boolean[] excluded = new boolean[spec.values().size()];
        for (Exclusion exclusion : exclusions) {
            if (exclusion.column().equals(spec.name())) {
                boolean[] named = Selections.wanted(spec, exclusion.values());
                for (int i = 0; i < excluded.length; i++) {
                    excluded[i] |= named[i];
                }
            }
        }
        return excluded;
    }

    private static Keys values(LoadedTable table, ColumnSpec spec, boolean[] excluded) {
        List<String> keys = new ArrayList<>();
        int[] keyOfCode = new int[spec.values().size()];
        for (int code = 0; code < keyOfCode.length; code++) {
            if (excluded[code]) {
                keyOfCode[code] = -1;
            } else {
                keyOfCode[code] = keys.size();
                keys.add(spec.values().get(code).value());
            }
        }
        if (spec.type() == ColumnType.CATEGORY) {
            int[] codes = table.categoryCodes().get(spec.name());
            return new Keys(keys) {
                @Override
                int of(int row, int[] into) {
                    int code = codes[row];
                    if (code < 0 || keyOfCode[code] < 0) {
                        return 0;
                    }
                    into[0] = keyOfCode[code];
                    return 1;
                }
            };
        }
        int[][] codes = table.multiCodes().get(spec.name());
        return new Keys(keys) {
            @Override
            int of(int row, int[] into) {
                int found = 0;
                for (int code : codes[row]) {
                    if (keyOfCode[code] >= 0) {
                        into[found++] = keyOfCode[code];
                    }
                }
                return found;
            }

            @Override
            int mostPerRow() {
                return keyOfCode.length;
            }
        };
    }

    private static Keys groups(LoadedTable table, ColumnSpec spec, List<Exclusion> exclusions) {
        List<String> keys = new ArrayList<>(spec.groups());
        for (Exclusion exclusion : exclusions) {
            if (exclusion.column().equals(spec.name())) {
                keys.removeAll(exclusion.values());
            }
        }
        int[] keyOfCode = new int[spec.values().size()];
        for (int code = 0; code < keyOfCode.length; code++) {
            CategoryValue value = spec.values().get(code);
            keyOfCode[code] = value.group() == null ? -1 : keys.indexOf(value.group());
        }
        if (spec.type() == ColumnType.CATEGORY) {
            int[] codes = table.categoryCodes().get(spec.name());
            return new GroupKeys(keys, keyOfCode) {
                @Override
                int of(int row, int[] into) {
                    int code = codes[row];
                    if (code < 0 || keyOfCode[code] < 0) {
                        return 0;
                    }
                    into[0] = keyOfCode[code];
                    return 1;
                }
            };
        }
        int[][] codes = table.multiCodes().get(spec.name());
        return new GroupKeys(keys, keyOfCode) {
            @Override
            int of(int row, int[] into) {
                int found = 0;
                for (int code : codes[row]) {
                    int key = keyOfCode[code];
                    if (key >= 0 && !holds(into, found, key)) {
                        into[found++] = key;
                    }
                }
                return found;
            }

            @Override
            int mostPerRow() {
                return Math.max(1, keys.size());
            }
        };
    }

    /** Groups: each value code's group key (-1: none). */
    abstract static class GroupKeys extends Keys {
        final int[] keyOfCode;

        GroupKeys(List<String> keys, int[] keyOfCode) {
            super(keys);
            this.keyOfCode = keyOfCode;
        }
    }

    private static boolean holds(int[] keys, int count, int key) {
        for (int i = 0; i < count; i++) {
            if (keys[i] == key) {
                return true;
            }
        }
        return false;
    }

    /** Months from January of the first year to December of the last; none without years. */
    static Keys months(LoadedTable table, String column, int[] years) {
        List<String> keys = new ArrayList<>();
        int first = years == null ? 0 : years[0] * 12;
        if (years != null) {
            for (int year = years[0]; year <= years[1]; year++) {
                for (int month = 1; month <= 12; month++) {
                    keys.add(monthKey(year, month));
                }
            }
        }
        int[] codes = table.monthCodes().get(column);
        int n = keys.size();
        return new MonthKeys(keys, codes, first, n);
    }

    /** Months: a row is in month {@code code - first}; kept apart so that counting them can skip {@link #of}. */
    static final class MonthKeys extends Keys {
        final int[] codes;
        final int first;
        private final int n;

        MonthKeys(List<String> keys, int[] codes, int first, int n) {
            super(keys);
            this.codes = codes;
            this.first = first;
            this.n = n;
        }

        @Override
        int of(int row, int[] into) {
            int key = codes[row] - first;
            if (codes[row] < 0 || key < 0 || key >= n) {
                return 0;
            }
            into[0] = key;
            return 1;
        }
    }

    /** {@code yyyy-MM}, as {@code String.format("%04d-%02d")} writes it, without its first-call cost. */
    static String monthKey(int year, int month) {
        return (year < 1000 ? String.format(Locale.ROOT, "%04d", year) : Integer.toString(year))
                + (month < 10 ? "-0" : "-") + month;
    }

    private static Keys years(LoadedTable table, String column, int[] years) {
        List<String> keys = new ArrayList<>();
        if (years != null) {
            for (int year = years[0]; year <= years[1]; year++) {
                keys.add(year < 1000 ? String.format(Locale.ROOT, "%04d", year) : Integer.toString(year));
            }
        }
        int[] codes = table.yearCodes().get(column);
        int first = years == null ? 0 : years[0];
        int n = keys.size();
        return new Keys(keys) {
            @Override
            int of(int row, int[] into) {
                int key = codes[row] - first;
                if (codes[row] < 0 || key < 0 || key >= n) {
                    return 0;
                }
                into[0] = key;
                return 1;
            }
        };
    }

    private static Keys bins(LoadedTable table, ColumnSpec spec, Grouping.Bins bins) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < bins.count(); i++) {
            keys.add(Integer.toString(i));
        }
        List<BigDecimal> edges = bins.edges();
        int last = bins.count() - 1;
        if (spec.type() == ColumnType.INTEGER) {
            long[] values = table.integers().get(spec.name());
            // value >= edge exactly when value >= ⌈edge⌉; the last edge is included: value <= ⌊edge⌋.
            long[] lower = edges.stream().mapToLong(e -> clamp(e.setScale(0, RoundingMode.CEILING))).toArray();
            long top = clamp(edges.get(edges.size() - 1).setScale(0, RoundingMode.FLOOR));
            return new Keys(keys) {
                @Override
                int of(int row, int[] into) {
                    long value = values[row];
                    if (value == LoadedTable.NO_INTEGER || value < lower[0] || value > top) {
                        return 0;
                    }
                    into[0] = bin(value, lower, last);
                    return 1;
                }
            };
        }
        double[] values = table.decimals().get(spec.name());
        double[] lower = edges.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        double top = lower[lower.length - 1];
        return new Keys(keys) {
            @Override
            int of(int row, int[] into) {
                double value = values[row];
                if (Double.isNaN(value) || value < lower[0] || value > top) {
                    return 0;
                }
                int bin = last;
                for (int i = 1; i <= last; i++) {
                    if (value < lower[i]) {
                        bin = i - 1;
                        break;
                    }
                }
                into[0] = bin;
                return 1;
            }
        };
    }

    /** The bin of a value from the first lower edge to the top, by binary search of the lower edges. */
    private static int bin(long value, long[] lower, int last) {
        int lo = 0;
        int hi = last;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (value >= lower[mid]) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static long clamp(BigDecimal whole) {
        if (whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        if (whole.compareTo(BigDecimal.valueOf(Long.MIN_VALUE + 1)) < 0) {
            return Long.MIN_VALUE + 1;
        }
        return whole.longValueExact();
    }
}
