package org.threatreport.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.threatreport.aggregate.Distribution;
import org.threatreport.aggregate.Entry;
import org.threatreport.aggregate.Share;
import org.threatreport.aggregate.TableView;
import org.threatreport.aggregate.snapshot.ReplayingExecutor;
import org.threatreport.data.CategoryValue;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.DataTable;

/**
 * The values a number typed in the prose is compared with: for every table, its number of rows;
 * for every value and group of every category column, its count and share; for every month of
 * every date column, its count and share; for every number column, its median, mean and sum; and where
 * the table has the year before, the change of its rows and of each value's. Each with the expression an
 * editor would write instead.
 */
final class ComputedValues {

    /**
     * One computed value.
     *
     * @param description what it is, for messages: "the count of 政府部门"
     * @param expression  the inline value that prints it, without the share's {@code .digits(n)}
     * @param count       the count, or for a share the count it is a share of
     * @param share       the share, or null for a count
     * @param number      for a measure its exact value, for a change its exact percent; else null
     * @param change      whether {@code number} is a change in percent (typed after "up", "增长" …)
     */
    record Value(String description, String expression, long count, Share share, BigDecimal number, boolean change) {

        Value(String description, String expression, long count, Share share) {
            this(description, expression, count, share, null, false);
        }

        /** The expression printing this value as typed: a share with {@code decimals} decimals. */
        String expression(int decimals) {
            boolean asPrinted = number == null ? share == null || decimals == Share.DEFAULT_DECIMALS
                    : change && decimals == 1;
            return asPrinted ? "${" + expression + "}" : "${" + expression + ".digits(" + decimals + ")}";
        }
    }

    private final List<Value> values = new ArrayList<>();

    /** @param tables the tables to compare with, by name; each with its view of all rows */
    static ComputedValues of(Map<String, ? extends DataTable> tables, Map<String, TableView> views) {
        ComputedValues computed = new ComputedValues();
        tables.forEach((name, table) -> {
            TableView view = views.get(name);
            if (view != null) {
                computed.addTable(name, table, view);
            }
        });
        return computed;
    }

    /**
     * Adds what {@code adding} computes; offline, where the table's snapshot does not hold it (the report
     * never asked it), nothing: the text is compared with the values the snapshot holds.
     */
    private static void ifRecorded(Runnable adding) {
        try {
            adding.run();
        } catch (ReplayingExecutor.MissingAnswer e) {
            // not asked when the snapshot was recorded
        }
    }

    private void addTable(String name, DataTable table, TableView view) {
        ifRecorded(() -> values.add(new Value("the number of rows of " + name, name + ".count()", view.count(), null)));
        ifRecorded(() -> addMeasures(name, table, view));
        ifRecorded(() -> addChanges(name, table, view));
        for (ColumnSpec column : table.schema().columns()) {
            if (column.type().isCategorical()) {
                for (CategoryValue value : column.values()) {
                    ifRecorded(() -> addCountAndShare(name, view, column.name(), value.value()));
                }
                for (String group : column.groups()) {
                    if (column.value(group).isEmpty()) {
                        ifRecorded(() -> addCountAndShare(name, view, column.name(), group));
                    }
                }
            } else if (column.type().isTemporal()) {
                ifRecorded(() -> addMonths(name, view, column));
            }
        }
    }

    private void addMonths(String name, TableView view, ColumnSpec column) {
        Distribution months = view.months(column.name());
        for (int i = 0; i < months.size(); i++) {
            Entry month = months.get(i);
            String at = name + ".months(\"" + column.name() + "\").get(" + i + ")";
            String what = month.value() + " (" + column.name() + ")";
            values.add(new Value("the count of " + what, at + ".count()", month.count(), null));
            values.add(new Value("the share of " + what, at + ".share()", month.count(), month.share()));
        }
    }

    private void addCountAndShare(String table, TableView view, String column, String value) {
        String arguments = "(\"" + column + "\", \"" + value + "\")";
        long count = view.count(column, value);
        values.add(new Value("the count of " + value, table + ".count" + arguments, count, null));
        values.add(new Value("the share of " + value, table + ".share" + arguments, count, view.share(column, value)));
    }

    /** The median, mean and sum of every number column. */
    private void addMeasures(String name, DataTable table, TableView view) {
        for (ColumnSpec column : table.schema().columns()) {
            if (!column.isNumeric()) {
                continue;
            }
            String quoted = "(\"" + column.name() + "\")";
            addMeasure("the median of " + column.name(), name + ".median" + quoted, view.median(column.name()).value());
            addMeasure("the mean of " + column.name(), name + ".mean" + quoted, view.mean(column.name()).value());
            addMeasure("the sum of " + column.name(), name + ".sum" + quoted, view.sum(column.name()).value());
        }
    }

    private void addMeasure(String description, String expression, BigDecimal value) {
        if (value != null) {
            values.add(new Value(description, expression, 0, null, value, false));
        }
    }

    /** The change from the year before of the rows, and of each value's rows, where the table has that year. */
    private void addChanges(String name, DataTable table, TableView view) {
        if (table.schema().periodColumn() == null) {
            return;
        }
        TableView before;
        try {
            before = view.previousYear();
        } catch (IllegalArgumentException e) {
            return; // no year before this one
        }
        addChange("the change of the rows of " + name, name + ".change()", view.count(), before.count());
        for (ColumnSpec column : table.schema().columns()) {
            if (column.type().isCategorical()) {
                for (CategoryValue value : column.values()) {
                    addChange("the change of " + value.value(), name + ".change(\"" + column.name() + "\", \""
                            + value.value() + "\")", view.count(column.name(), value.value()),
                            before.count(column.name(), value.value()));
                }
            }
        }
    }

    private void addChange(String description, String expression, long now, long before) {
        if (before > 0 && now != before) {
            BigDecimal percent = BigDecimal.valueOf(now - before).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(before), 12, java.math.RoundingMode.HALF_UP).abs();
            values.add(new Value(description, expression, 0, null, percent, true));
        }
    }

    /** The measures that print as {@code number} with that many decimals (at least one decimal, or whole ones from 10). */
    List<Value> measuresEqualTo(BigDecimal number) {
        int decimals = Math.max(0, number.scale());
        return values.stream().filter(v -> v.number() != null && !v.change() && decimals <= 6
                && v.number().setScale(decimals, java.math.RoundingMode.HALF_UP).compareTo(number) == 0).toList();
    }

    /** The changes whose size in percent prints as {@code percent} with that many decimals. */
    List<Value> changesEqualTo(BigDecimal percent) {
        int decimals = Math.max(0, percent.scale());
        return values.stream().filter(v -> v.change() && decimals <= 6
                && v.number().setScale(decimals, java.math.RoundingMode.HALF_UP).compareTo(percent) == 0).toList();
    }

    /** The counts equal to {@code number}, in catalogue order. */
    List<Value> countsEqualTo(long number) {
        return values.stream().filter(v -> v.share() == null && v.count() == number).toList();
    }

    /** The shares that print as {@code percent} with that many decimals. */
    List<Value> sharesEqualTo(BigDecimal percent) {
        int decimals = Math.max(0, percent.scale());
        return values.stream()
                .filter(v -> v.share() != null && decimals <= 6 && v.share().digits(decimals).percent().compareTo(percent) == 0)
                .toList();
    }
}
