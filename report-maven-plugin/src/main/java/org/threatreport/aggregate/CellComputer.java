package org.threatreport.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.threatreport.model.Cell;
import org.threatreport.model.ChartType;

/** Computes each cell's numbers from the table views, with the cell's filters, order and top-N. */
public final class CellComputer {

    private final Map<String, TableView> tables;
    private final String language;

    public CellComputer(Map<String, TableView> tables, String language) {
        this.tables = Map.copyOf(tables);
        this.language = language;
    }

    /** @throws IllegalArgumentException for a cell whose numbers cannot be computed */
    public CellData compute(Cell cell) {
        TableView view = tables.get(cell.table());
        for (Map.Entry<String, String> filter : cell.where().entrySet()) {
            view = view.where(filter.getKey(), filter.getValue());
        }
        String what = view.label(cell.column(), language);
        if (cell.chart() == ChartType.STACKED) {
            return stacked(cell, view, what);
        }
        Distribution counts = distribution(cell, view);
        CellData.Series series = new CellData.Series(what,
                counts.entries().stream().map(Entry::count).toList(),
                counts.entries().stream().map(Entry::share).toList());
        return new CellData(cell, counts.labels(), List.of(series), view.count(), what, keys(counts));
    }

    private static Distribution distribution(Cell cell, TableView view) {
        Distribution counts = cell.chart() == ChartType.LINE || isTemporal(view, cell)
                ? view.months(cell.column())
                : cell.groups() ? view.byGroup(cell.column()) : view.by(cell.column());
        if (cell.bySchema()) {
            counts = counts.inSchemaOrder();
        }
        return cell.top() > 0 ? counts.top(cell.top()) : counts;
    }

    private static boolean isTemporal(TableView view, Cell cell) {
        return view.isTemporal(cell.column());
    }

    private CellData stacked(Cell cell, TableView view, String what) {
        // Top-N is not applied here: a folded "other" bar has no single value to cross with the stacks.
        Distribution categories = view.by(cell.column());
        if (cell.bySchema()) {
            categories = categories.inSchemaOrder();
        }
        Distribution stacks = view.by(cell.stack()).inSchemaOrder();
        List<CellData.Series> series = new ArrayList<>();
        for (Entry stack : stacks.entries()) {
            TableView slice = view.where(cell.stack(), stack.value());
            List<Long> counts = new ArrayList<>();
            List<Share> shares = new ArrayList<>();
            for (Entry category : categories.entries()) {
                long count = slice.count(cell.column(), category.value());
                counts.add(count);
                shares.add(Share.of(count, view.count()));
            }
            series.add(new CellData.Series(stack.label(), counts, shares, stack.value()));
        }
        return new CellData(cell, categories.labels(), series, view.count(), what, keys(categories));
    }

    /** What each entry is in the data: its value, group or month (labels may repeat, these never do). */
    private static List<String> keys(Distribution counts) {
        return counts.entries().stream().map(Entry::value).toList();
    }
}
