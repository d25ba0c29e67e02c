package org.threatreport.aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.threatreport.aggregate.query.Filter;
import org.threatreport.aggregate.query.Grouping;
import org.threatreport.aggregate.query.Measure;
import org.threatreport.aggregate.query.Query;
import org.threatreport.aggregate.query.QueryCheck;
import org.threatreport.aggregate.query.QueryResult;
import org.threatreport.data.CategoryValue;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.ColumnType;
import org.threatreport.model.Cell;
import org.threatreport.model.ChartType;
import org.threatreport.model.Condition;

/**
 * Computes each cell's numbers from the table views, as queries: its years, filters, exclusions, measure,
 * order, top-N and bins applied. A filtered cell leaves out values that count 0 unless it says
 * {@code zeros: true}; months and years always keep theirs.
 */
public final class CellComputer {

    private final Map<String, TableView> tables;
    private final String language;
    private final Wording wording;
    private final int minN;

    public CellComputer(Map<String, TableView> tables, String language) {
        this(tables, language, 0);
    }

    /** @param minN the report's {@code min-n}: the fewest rows a share is printed from (0: any) */
    public CellComputer(Map<String, TableView> tables, String language, int minN) {
        this.tables = Map.copyOf(tables);
        this.language = language;
        this.wording = Wording.forLanguage(language);
        this.minN = minN;
    }

    /** @throws IllegalArgumentException for a cell whose numbers cannot be computed */
    public CellData compute(Cell cell) {
        java.util.Set<Query> asked = new java.util.LinkedHashSet<>();
        CellData numbers = compute(cell, tables.get(cell.table()).observed(asked::add));
        return numbers.withQueries(List.copyOf(asked));
    }

    private CellData compute(Cell cell, TableView table) {
        Cell.Numbers numbers = cell.numbers();
        TableView view = table;
        if (numbers.firstYear() != 0) {
            view = view.years(numbers.firstYear(), numbers.lastYear());
        }
        for (Condition condition : cell.where()) {
            view = where(view, condition);
        }
        view = view.minN(numbers.minN() >= 0 ? numbers.minN() : minN);
        if (!numbers.exclude().isEmpty()) {
            view = view.excluding(cell.column(), numbers.exclude());
        }
        Shape shape = new Shape(cell, view, view.label(cell.column(), language));
        if (cell.chart() == ChartType.HISTOGRAM) {
            return shape.histogram();
        }
        if (cell.chart() == ChartType.STACKED) {
            return shape.stacked();
        }
        if (view.isTemporal(cell.column())) {
            return shape.overTime();
        }
        if (numbers.severalYears()) {
            return cell.chart() == ChartType.LINE ? shape.linePerValue() : shape.yearByYear();
        }
        return shape.perValue();
    }

    private static TableView where(TableView view, Condition condition) {
        if (condition.isRange()) {
            return view.between(condition.column(), condition.from() == null ? "" : condition.from(),
                    condition.to() == null ? "" : condition.to());
        }
        return condition.negated() ? view.whereNot(condition.column(), condition.values())
                : view.where(condition.column(), condition.values());
    }

    /** One cell's numbers, in the shape its chart or table needs. */
    private final class Shape {
        private final Cell cell;
        private final TableView view;
        private final String what;
        private final Query selection;
        private final Measure measure;
        private final boolean keepZeros;
        /** Why rows are not in the numbers, for the note. */
        private final List<String> leftOut = new ArrayList<>();

        Shape(Cell cell, TableView view, String what) {
            this.cell = cell;
            this.view = view;
            this.what = what;
            this.selection = view.selection();
            this.measure = measure(cell.numbers());
            Boolean zeros = cell.numbers().keepZeros();
            this.keepZeros = zeros != null ? zeros : cell.where().isEmpty();
            if (!cell.numbers().exclude().isEmpty()) {
                long excluded = view.withoutExclusions().count() - view.count();
                leftOut.add(wording.excluding(String.join(wording.separator(), labels(cell.numbers().exclude())), excluded));
            }
        }

        private List<String> labels(List<String> values) {
            ColumnSpec spec = QueryCheck.column(view.schema(), cell.column());
            return values.stream().map(v -> spec.value(v).map(CategoryValue::label).orElse(v)).toList();
        }

        // ---- one series per value ---------------------------------------------------------------

        CellData perValue() {
            Distribution counts = cell.groups() ? view.byGroup(cell.column()) : view.by(cell.column());
            if (cell.bySchema()) {
                counts = counts.inSchemaOrder();
            }
            if (measure != null) {
                return measuredPerValue(counts);
            }
            counts = cell.top() > 0 ? counts.top(cell.top()) : counts;
            if (!keepZeros) {
                counts = counts.nonZero();
            }
            noteUncounted(counts.count(), view.count(), false);
            CellData.Series series = new CellData.Series(what, counts.entries().stream().map(Entry::count).toList(),
                    counts.entries().stream().map(Entry::share).toList());
            return data(counts.labels(), counts.labels(), List.of(series), view.count(), "", List.of(), "")
                    .withKeys(keys(counts));
        }

        /** A measure per value: largest first (or in schema order), top-N folding the rest's cells into one. */
        private CellData measuredPerValue(Distribution counts) {
            Grouping grouping = cell.groups() ? new Grouping.Groups(cell.column()) : new Grouping.Values(cell.column());
            QueryResult result = view.run(selection.by(grouping).measuring(measure));
            List<Entry> entries = new ArrayList<>(counts.entries());
            Map<String, QueryResult.Row> byKey = new java.util.HashMap<>();
            result.rows().forEach(r -> byKey.put(r.key().get(0), r));
            if (!cell.bySchema()) {
                entries.sort(Comparator.comparing((Entry e) -> byKey.get(e.value()).value(),
                        Comparator.nullsLast(Comparator.reverseOrder())));
            }
            if (!keepZeros) {
                entries.removeIf(e -> e.count() == 0);
            }
            List<String> labels = new ArrayList<>();
            List<Long> rowCounts = new ArrayList<>();
            List<Share> shares = new ArrayList<>();
            List<BigDecimal> values = new ArrayList<>();
            List<Long> n = new ArrayList<>();
            int kept = cell.top() > 0 ? Math.min(cell.top(), entries.size()) : entries.size();
            for (Entry entry : entries.subList(0, kept)) {
                QueryResult.Row row = byKey.get(entry.value());
                labels.add(entry.label());
                rowCounts.add(entry.count());
                shares.add(entry.share());
                values.add(row.value());
                n.add(row.n());
            }
            if (kept < entries.size()) {
                List<String> rest = entries.subList(kept, entries.size()).stream().map(Entry::value).toList();
                QueryResult.Row folded = view.run(selection.where(new Filter.In(cell.column(), rest)).measuring(measure)).single();
                boolean clash = labels.contains(wording.other());
                labels.add(clash ? wording.otherFolded() : wording.other());
                rowCounts.add(folded.count());
                shares.add(Share.of(folded.count(), view.count(), selection.minN(), wording));
                values.add(folded.value());
                n.add(folded.n());
            }
            long measured = view.run(selection.measuring(measure)).single().n();
            noteUncounted(measured, view.count(), true);
            CellData.Series series = new CellData.Series(what, rowCounts, shares, values, n);
            return data(labels, labels, List.of(series), view.count(), valueTitle(), List.of(), "");
        }

        // ---- over time --------------------------------------------------------------------------

        /** A date column per month (one year) or per year (several, or {@code per: year}). */
        CellData overTime() {
            boolean perYear = "year".equals(cell.numbers().per())
                    || cell.numbers().per() == null && cell.numbers().severalYears();
            Grouping grouping = perYear ? new Grouping.Years(cell.column()) : new Grouping.Months(cell.column());
            QueryResult result = view.run(selection.by(grouping).measuring(measure == null ? Measure.COUNT : measure));
            List<String> labels = new ArrayList<>();
            List<String> axis = new ArrayList<>();
            boolean oneYear = result.rows().size() == 12;
            for (QueryResult.Row row : result.rows()) {
                String key = row.key().get(0);
                if (perYear) {
                    labels.add(wording.year(Integer.parseInt(key)));
                    axis.add(key);
                } else {
                    int year = Integer.parseInt(key.substring(0, key.length() - 3));
                    int month = Integer.parseInt(key.substring(key.length() - 2));
                    labels.add(oneYear ? wording.months().get(month - 1) : wording.monthOfYear(year, month, false));
                    axis.add(oneYear ? wording.shortMonths().get(month - 1) : wording.monthOfYear(year, month, true));
                }
            }
            List<Long> counts = result.rows().stream().map(QueryResult.Row::count).toList();
            List<Share> shares = counts.stream().map(c -> Share.of(c, result.base(), selection.minN(), wording)).toList();
            CellData.Series series = measure == null ? new CellData.Series(what, counts, shares)
                    : new CellData.Series(what, counts, shares, result.rows().stream().map(QueryResult.Row::value).toList(),
                    result.rows().stream().map(QueryResult.Row::n).toList());
            long inKeys = measure == null ? counts.stream().mapToLong(Long::longValue).sum()
                    : result.rows().stream().mapToLong(QueryResult.Row::n).sum();
            if (measure == null && !perYear) {
                long noMonth = result.base() - inKeys;
                if (noMonth > 0) {
                    leftOut.add(wording.withoutMonth(noMonth));
                }
            } else {
                noteUncounted(inKeys, result.base(), measure != null);
            }
            List<String> changes = new ArrayList<>();
            if (perYear && cell.chart() == null) {
                for (int i = 0; i < counts.size(); i++) {
                    changes.add(i == 0 ? "" : change(series, i - 1, i, Integer.parseInt(result.rows().get(i).key().get(0))));
                }
            }
            String changeTitle = changes.isEmpty() ? "" : wording.changeTitle();
            return data(labels, axis, List.of(series), result.base(), measure == null ? "" : valueTitle(), changes,
                    changeTitle);
        }

        /** The change of entry {@code to} from entry {@code from} of a series, signed. */
        private String change(CellData.Series series, int from, int to, int year) {
            if (series.measured()) {
                BigDecimal now = series.values().get(to);
                BigDecimal before = series.values().get(from);
                if (now == null || before == null) {
                    return "—";
                }
                return Change.of(new Measured(now, 1, Measured.DEFAULT, wording, year, () -> null),
                        new Measured(before, 1, Measured.DEFAULT, wording, year - 1, () -> null)).signed();
            }
            return Change.ofCounts(series.counts().get(to), series.counts().get(from), year, year - 1, wording).signed();
        }

        // ---- several years ----------------------------------------------------------------------

        /**
         * Each value's count (or measure) in each year of the cell: one series per year, the values in the
         * order of the last year (or the schema's), and for a table the change of the last year from the one
         * before.
         */
        CellData yearByYear() {
            int first = cell.numbers().firstYear();
            int last = cell.numbers().lastYear();
            List<TableView> years = new ArrayList<>();
            for (int year = first; year <= last; year++) {
                years.add(view.year(year));
            }
            Distribution order = cell.groups() ? years.get(years.size() - 1).byGroup(cell.column())
                    : years.get(years.size() - 1).by(cell.column());
            if (cell.bySchema()) {
                order = order.inSchemaOrder();
            }
            List<Entry> values = new ArrayList<>(order.entries());
            if (!keepZeros) {
                // A value that counts 0 in every year is left out.
                Distribution all = cell.groups() ? view.byGroup(cell.column()) : view.by(cell.column());
                java.util.Set<String> held = new java.util.HashSet<>();
                all.entries().stream().filter(e -> e.count() > 0).forEach(e -> held.add(e.value()));
                values.removeIf(e -> !held.contains(e.value()));
            }
            List<String> rest = new ArrayList<>();
            if (cell.top() > 0 && cell.top() < values.size()) {
                values.subList(cell.top(), values.size()).forEach(e -> rest.add(e.value()));
                values = new ArrayList<>(values.subList(0, cell.top()));
            }
            List<String> labels = new ArrayList<>(values.stream().map(Entry::label).toList());
            if (!rest.isEmpty()) {
                labels.add(labels.contains(wording.other()) ? wording.otherFolded() : wording.other());
            }
            List<CellData.Series> series = new ArrayList<>();
            for (int y = 0; y < years.size(); y++) {
                TableView year = years.get(y);
                Query base = year.selection();
                List<Long> counts = new ArrayList<>();
                List<Share> shares = new ArrayList<>();
                List<BigDecimal> measures = new ArrayList<>();
                List<Long> n = new ArrayList<>();
                long rows = year.count();
                List<List<String>> keys = new ArrayList<>();
                values.forEach(e -> keys.add(List.of(e.value())));
                if (!rest.isEmpty()) {
                    keys.add(rest);
                }
                for (List<String> key : keys) {
                    QueryResult.Row row = year.run(base.where(new Filter.In(cell.column(), key))
                            .measuring(measure == null ? Measure.COUNT : measure)).single();
                    counts.add(row.count());
                    shares.add(Share.of(row.count(), rows, selection.minN(), wording));
                    measures.add(row.value());
                    n.add(row.n());
                }
                String name = Integer.toString(first + y);
                series.add(measure == null ? new CellData.Series(name, counts, shares)
                        : new CellData.Series(name, counts, shares, measures, n));
            }
            List<String> changes = new ArrayList<>();
            String changeTitle = "";
            if (series.size() >= 2 && cell.chart() == null) {
                CellData.Series now = series.get(series.size() - 1);
                CellData.Series before = series.get(series.size() - 2);
                for (int i = 0; i < labels.size(); i++) {
                    changes.add(changeBetween(before, now, i, last));
                }
                changeTitle = wording.changeTitle(last, last - 1);
            }
            return data(labels, labels, series, view.count(), measure == null ? "" : valueTitle(), changes, changeTitle);
        }

        private String changeBetween(CellData.Series before, CellData.Series now, int i, int year) {
            if (now.measured()) {
                BigDecimal a = before.values().get(i);
                BigDecimal b = now.values().get(i);
                if (a == null || b == null) {
                    return "—";
                }
                return Change.of(new Measured(b, 1, Measured.DEFAULT, wording, year, () -> null),
                        new Measured(a, 1, Measured.DEFAULT, wording, year - 1, () -> null)).signed();
            }
            return Change.ofCounts(now.counts().get(i), before.counts().get(i), year, year - 1, wording).signed();
        }

        /** A line per value across the cell's years (the largest {@code top} of the last year, the rest folded). */
        CellData linePerValue() {
            int first = cell.numbers().firstYear();
            int last = cell.numbers().lastYear();
            Distribution order = cell.groups() ? view.byGroup(cell.column()) : view.by(cell.column());
            if (cell.bySchema()) {
                order = order.inSchemaOrder();
            }
            List<Entry> values = new ArrayList<>(order.entries());
            if (!keepZeros) {
                values.removeIf(e -> e.count() == 0);
            }
            List<String> rest = new ArrayList<>();
            if (cell.top() > 0 && cell.top() < values.size()) {
                values.subList(cell.top(), values.size()).forEach(e -> rest.add(e.value()));
                values = new ArrayList<>(values.subList(0, cell.top()));
            }
            String period = view.schema().periodColumn();
            List<String> years = new ArrayList<>();
            for (int year = first; year <= last; year++) {
                years.add(Integer.toString(year));
            }
            QueryResult totals = view.run(selection.by(new Grouping.Years(period)));
            List<CellData.Series> series = new ArrayList<>();
            List<List<String>> keys = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Entry value : values) {
                keys.add(List.of(value.value()));
                names.add(value.label());
            }
            if (!rest.isEmpty()) {
                keys.add(rest);
                names.add(names.contains(wording.other()) ? wording.otherFolded() : wording.other());
            }
            for (int s = 0; s < keys.size(); s++) {
                QueryResult result = view.run(selection.where(new Filter.In(cell.column(), keys.get(s)))
                        .by(new Grouping.Years(period)).measuring(measure == null ? Measure.COUNT : measure));
                List<Long> counts = result.rows().stream().map(QueryResult.Row::count).toList();
                List<Share> shares = new ArrayList<>();
                for (int y = 0; y < counts.size(); y++) {
                    shares.add(Share.of(counts.get(y), totals.rows().get(y).count(), selection.minN(), wording));
                }
                series.add(measure == null ? new CellData.Series(names.get(s), counts, shares)
                        : new CellData.Series(names.get(s), counts, shares,
                        result.rows().stream().map(QueryResult.Row::value).toList(),
                        result.rows().stream().map(QueryResult.Row::n).toList()));
            }
            List<String> labels = years.stream().map(y -> wording.year(Integer.parseInt(y))).toList();
            return data(labels, years, series, view.count(), measure == null ? "" : valueTitle(), List.of(), "");
        }

        // ---- stacked and histograms -------------------------------------------------------------

        CellData stacked() {
            // Top-N is not applied here: a folded "other" bar has no single value to cross with the stacks.
            Distribution categories = view.by(cell.column());
            if (cell.bySchema()) {
                categories = categories.inSchemaOrder();
            }
            Distribution stacks = view.by(cell.stack()).inSchemaOrder();
            if (!keepZeros) {
                categories = categories.nonZero();
                stacks = stacks.nonZero();
            }
            QueryResult crossed = view.run(selection.by(new Grouping.Values(cell.column()))
                    .by(new Grouping.Values(cell.stack())));
            Map<List<String>, Long> pairs = new java.util.HashMap<>();
            crossed.rows().forEach(r -> pairs.put(r.key(), r.count()));
            long[] columnTotals = new long[categories.size()];
            for (int c = 0; c < categories.size(); c++) {
                for (Entry stack : stacks.entries()) {
                    columnTotals[c] += pairs.get(List.of(categories.get(c).value(), stack.value()));
                }
            }
            List<CellData.Series> series = new ArrayList<>();
            for (Entry stack : stacks.entries()) {
                List<Long> counts = new ArrayList<>();
                List<Share> shares = new ArrayList<>();
                for (int c = 0; c < categories.size(); c++) {
                    long count = pairs.get(List.of(categories.get(c).value(), stack.value()));
                    counts.add(count);
                    // With 'axis: percent' each column is split into 100 %: the share of its own segments.
                    shares.add(Share.of(count, cell.percent() ? columnTotals[c] : view.count(), selection.minN(), wording));
                }
                series.add(new CellData.Series(stack.label(), counts, shares, stack.value()));
            }
            return data(categories.labels(), categories.labels(), series, view.count(), "", List.of(), "")
                    .withKeys(keys(categories));
        }

        CellData histogram() {
            ColumnSpec spec = QueryCheck.column(view.schema(), cell.column());
            List<BigDecimal> edges = Histogram.edges(view, selection, spec, cell.numbers().binEdges(),
                    cell.numbers().bins(), cell.numbers().logScale());
            QueryResult result = view.run(selection.by(new Grouping.Bins(cell.column(), edges)));
            boolean integer = spec.type() == ColumnType.INTEGER;
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < edges.size() - 1; i++) {
                labels.add(Histogram.label(edges, i, integer, wording));
            }
            long withValue = view.run(selection.measuring(new Measure.Min(cell.column()))).single().n();
            List<Long> counts = result.rows().stream().map(QueryResult.Row::count).toList();
            long binned = counts.stream().mapToLong(Long::longValue).sum();
            List<Share> shares = counts.stream().map(c -> Share.of(c, withValue, selection.minN(), wording)).toList();
            if (withValue < result.base()) {
                leftOut.add(wording.withoutValue(result.base() - withValue));
            }
            if (binned < withValue) {
                leftOut.add(wording.outsideBins(withValue - binned));
            }
            CellData.Series series = new CellData.Series(what, counts, shares);
            return data(labels, labels, List.of(series), withValue, "", List.of(), "").withBins(edges);
        }

        // ---- common -----------------------------------------------------------------------------

        /** Notes the rows the numbers leave out: those with an empty cell in the column, or in the measured one. */
        private void noteUncounted(long counted, long base, boolean measured) {
            if (counted < base) {
                leftOut.add(measured ? wording.withoutValue(base - counted) : wording.withoutCategory(base - counted));
            }
        }

        private CellData data(List<String> labels, List<String> axis, List<CellData.Series> series, long base,
                              String valueTitle, List<String> changes, String changeTitle) {
            Boolean show = cell.numbers().showBase();
            boolean suppressed = series.stream().anyMatch(s -> s.shares().stream().anyMatch(Share::suppressed));
            if (suppressed) {
                leftOut.add(wording.tooFewNote(selection.minN()));
            }
            String note = "";
            if (show == null ? !leftOut.isEmpty() : show) {
                note = wording.base(base) + (leftOut.isEmpty() ? "" : wording.noteSeparator()
                        + String.join(wording.noteSeparator(), leftOut));
            }
            return new CellData(cell, labels, series, base, what, axis, valueTitle, changes, changeTitle, note, wording,
                    List.of(), labels, List.of());
        }

        private String valueTitle() {
            String column = view.label(cell.numbers().value(), language);
            return wording.measureTitle(cell.numbers().measure(), column);
        }
    }

    /** What each entry is in the data: its value, group or month (labels may repeat, these never do). */
    private static List<String> keys(Distribution counts) {
        return counts.entries().stream().map(Entry::value).toList();
    }

    /** The measure a cell asks for, or null for counts. */
    static Measure measure(Cell.Numbers numbers) {
        String value = numbers.value();
        return switch (numbers.measure()) {
            case "count" -> null;
            case "sum" -> new Measure.Sum(value);
            case "mean" -> new Measure.Mean(value);
            case "median" -> Measure.median(value);
            case "min" -> new Measure.Min(value);
            case "max" -> new Measure.Max(value);
            default -> new Measure.Percentile(value, new BigDecimal(numbers.measure().substring(1)));
        };
    }
}
