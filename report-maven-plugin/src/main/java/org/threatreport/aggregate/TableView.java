package org.threatreport.aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.threatreport.aggregate.query.Exclusion;
import org.threatreport.aggregate.query.Filter;
import org.threatreport.aggregate.query.Grouping;
import org.threatreport.aggregate.query.Measure;
import org.threatreport.aggregate.query.MemoryExecutor;
import org.threatreport.aggregate.query.Period;
import org.threatreport.aggregate.query.Query;
import org.threatreport.aggregate.query.QueryCheck;
import org.threatreport.aggregate.query.QueryExecutor;
import org.threatreport.aggregate.query.QueryResult;
import org.threatreport.data.CategoryValue;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.LoadedTable;
import org.threatreport.data.Schema;

/**
 * A table, or the rows of it selected by a year and filters, as templates and cells see it: the
 * aggregation API documented in the README ("Inline values", "A report series"). The plain table
 * ({@code incidents}) is the rows of the report's year; {@link #year}, {@link #previousYear} and
 * {@link #allYears} reach the others. Every method builds a {@link Query} and runs it on the view's
 * {@link QueryExecutor}; every method is pure; mistakes (an unknown column or value, a year the data does
 * not have) throw {@link IllegalArgumentException} with an editor-facing message.
 */
public final class TableView implements NoTextForm {

    private final Schema schema;
    private final QueryExecutor executor;
    private final Wording wording;
    /** What the view selects: table, period, filters, exclusions, min-n; never grouped, always a count. */
    private final Query selection;

    private TableView(Schema schema, QueryExecutor executor, Wording wording, Query selection) {
        this.schema = schema;
        this.executor = executor;
        this.wording = wording;
        this.selection = selection;
    }

    /** The rows of {@code reportYear} of {@code table}, counted in memory. */
    public static TableView of(LoadedTable table, Wording wording, int reportYear) {
        return of(table.schema(), new MemoryExecutor(Map.of(table.name(), table)), wording, reportYear, 0);
    }

    /**
     * The rows of {@code reportYear} of the table {@code schema} describes (every row when it has no date
     * column), as {@code executor} counts them.
     *
     * @param minN the smallest base a share is printed from (0: any)
     */
    public static TableView of(Schema schema, QueryExecutor executor, Wording wording, int reportYear, int minN) {
        Period period = schema.periodColumn() == null ? Period.all() : Period.year(schema.periodColumn(), reportYear);
        return new TableView(schema, executor, wording, Query.of(schema.table()).in(period).withMinN(minN));
    }

    private TableView with(Query newSelection) {
        QueryCheck.check(newSelection, schema);
        return new TableView(schema, executor, wording, newSelection);
    }

    public String name() {
        return schema.table();
    }

    /** The query this view's rows are: its period, filters and exclusions. */
    public Query selection() {
        return selection;
    }

    public Schema schema() {
        return schema;
    }

    /**
     * The same rows, each query this view, or a view made from it, runs also handed to {@code asked}
     * before it runs.
     */
    TableView observed(java.util.function.Consumer<Query> asked) {
        QueryExecutor observed = query -> {
            asked.accept(query);
            return executor.run(query);
        };
        return new TableView(schema, observed, wording, selection);
    }

    QueryExecutor executor() {
        return executor;
    }

    Wording wording() {
        return wording;
    }

    QueryResult run(Query query) {
        QueryCheck.check(query, schema);
        return executor.run(query);
    }

    // ---- counts and shares ------------------------------------------------------------------------

    /** The number of rows. */
    public long count() {
        return run(selection).base();
    }

    /** Rows whose {@code column} holds {@code value}, or a value of the group {@code value}. */
    public long count(String column, String value) {
        return run(selection.where(in(column, List.of(value)))).base();
    }

    /** {@link #count(String, String)} as a share of all rows of this view. */
    public Share share(String column, String value) {
        return share(count(column, value), count());
    }

    private Share share(long count, long base) {
        return Share.of(count, base, selection.minN(), wording);
    }

    // ---- filters ---------------------------------------------------------------------------------

    /** The rows whose {@code column} holds {@code value} (or a value of that group; for a date, lies in that period). */
    public TableView where(String column, String value) {
        return with(selection.where(in(column, List.of(value))));
    }

    /** The rows whose {@code column} holds any of {@code values}: {@code where("action", ["Hacking", "Malware"])}. */
    public TableView where(String column, List<?> values) {
        return with(selection.where(in(column, texts(values))));
    }

    /** The rows whose {@code column} does not hold {@code value} (empty cells included). */
    public TableView whereNot(String column, String value) {
        return with(selection.where(new Filter.Not(in(column, List.of(value)))));
    }

    /** The rows whose {@code column} holds none of {@code values} (empty cells included). */
    public TableView whereNot(String column, List<?> values) {
        return with(selection.where(new Filter.Not(in(column, texts(values)))));
    }

    /**
     * The rows whose number or date {@code column} lies from {@code from} to {@code to}, both included;
     * either may be empty ({@code ""}) for no bound: {@code between("records", 1000, "")}.
     */
    public TableView between(String column, Object from, Object to) {
        String low = bound(from);
        String high = bound(to);
        if (low == null && high == null) {
            throw new IllegalArgumentException("between(\"" + column + "\", …): give a lower bound, an upper bound or both");
        }
        return with(selection.where(new Filter.Range(column, low, high)));
    }

    /**
     * The view without the rows holding {@code values} in {@code column}, which its lists then leave out too
     * — "Unknown" left out of percentages: {@code excluding("actor", "Unknown")}.
     */
    public TableView excluding(String column, Object values) {
        List<String> excluded = values instanceof List<?> list ? texts(list) : List.of(String.valueOf(values));
        return with(selection.excluding(new Exclusion(column, excluded)));
    }

    /** The same rows before any {@link #excluding} (for saying how many it left out). */
    TableView withoutExclusions() {
        return new TableView(schema, executor, wording, new Query(selection.table(), selection.period(),
                selection.filter(), List.of(), selection.measure(), List.of(), selection.minN()));
    }

    /** The same view, printing no share of fewer than {@code n} rows as a percentage. */
    public TableView minN(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("minN(" + n + "): expected 0 or more");
        }
        return with(selection.withMinN(n));
    }

    private static Filter in(String column, List<String> values) {
        return new Filter.In(column, values);
    }

    private static List<String> texts(List<?> values) {
        List<String> texts = new ArrayList<>();
        for (Object value : values) {
            texts.add(value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value));
        }
        return texts;
    }

    private static String bound(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString().strip();
    }

    // ---- years -----------------------------------------------------------------------------------

    /** The rows of {@code year} with this view's filters: {@code incidents.year(2016)}. */
    public TableView year(int year) {
        return years(year, year);
    }

    /** The rows of the years {@code first} to {@code last}, with this view's filters. */
    public TableView years(int first, int last) {
        String column = periodColumn("years(" + first + ", " + last + ")");
        if (first > last) {
            throw new IllegalArgumentException("years(" + first + ", " + last + "): the first year is after the last");
        }
        List<Entry> years = tableYears();
        for (int year : new int[] {first, last}) {
            if (years.stream().noneMatch(e -> e.value().equals(Integer.toString(year)) && e.count() > 0)) {
                throw new IllegalArgumentException("table '" + name() + "' has no rows of " + year + yearsItHas(years));
            }
        }
        return with(selection.in(Period.years(column, first, last)));
    }

    /** The same rows one year earlier: {@code incidents.previousYear()}. */
    public TableView previousYear() {
        return year(year() - 1);
    }

    /** Every row of the table, whatever its year, with this view's filters. */
    public TableView allYears() {
        return with(selection.in(Period.all()));
    }

    /** The year of a view of one year. */
    public int year() {
        if (selection.period() instanceof Period.YearSpan span && span.isOneYear()) {
            return span.first();
        }
        throw new IllegalArgumentException("this view of '" + name() + "' spans "
                + (selection.period() instanceof Period.YearSpan span ? "the years " + span.first() + " to " + span.last()
                : "every year") + "; take one year of it first, e.g. " + name() + ".year(…)");
    }

    /**
     * Counts per year: for a view of one year, every year of the table up to it (the trend to this edition);
     * for a view of several years, those; years without rows count 0.
     */
    public Distribution byYear() {
        String column = periodColumn("byYear()");
        Period period = selection.period();
        if (period instanceof Period.YearSpan span && span.isOneYear()) {
            List<Entry> years = tableYears();
            int first = years.isEmpty() ? span.first() : Integer.parseInt(years.get(0).value());
            period = Period.years(column, Math.min(first, span.first()), span.first());
        }
        QueryResult result = run(selection.in(period).by(new Grouping.Years(column)));
        List<Entry> entries = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (QueryResult.Row row : result.rows()) {
            String year = row.key().get(0);
            order.add(year);
            entries.add(new Entry(year, wording.year(Integer.parseInt(year)), row.count(), share(row.count(), result.base()), 0));
        }
        Query within = selection.in(period);
        return new Distribution(entries, order, result.base(), wording, values -> anyOf(within, column, values));
    }

    /** Every year the table has, with its rows (years without rows between the first and last count 0). */
    private List<Entry> tableYears() {
        String column = periodColumn("year(…)");
        QueryResult result = run(Query.of(name()).by(new Grouping.Years(column)));
        return result.rows().stream().map(r -> new Entry(r.key().get(0), r.key().get(0), r.count(),
                Share.of(r.count(), result.base()), 0)).toList();
    }

    private static String yearsItHas(List<Entry> years) {
        List<String> held = years.stream().filter(e -> e.count() > 0).map(Entry::value).toList();
        if (held.isEmpty()) {
            return "; it has no rows with a year";
        }
        return "; its years are " + (held.size() <= 6 ? String.join(", ", held)
                : held.get(0) + " to " + held.get(held.size() - 1));
    }

    private String periodColumn(String call) {
        if (schema.periodColumn() == null) {
            throw new IllegalArgumentException(call + ": table '" + name() + "' has no date or year-month column to"
                    + " place its rows in years");
        }
        return schema.periodColumn();
    }

    // ---- changes ---------------------------------------------------------------------------------

    /** The change in the number of rows from the year before: "up 23.1% on 2016". */
    public Change change() {
        TableView before = previousYear();
        return Change.ofCounts(count(), before.count(), year(), before.year(), wording);
    }

    /** The change in the rows holding {@code value} from the year before. */
    public Change change(String column, String value) {
        TableView before = previousYear();
        return Change.ofCounts(count(column, value), before.count(column, value), year(), before.year(), wording);
    }

    /** The change in the number of rows since {@code year}. */
    public Change changeSince(int year) {
        TableView before = year(year);
        return Change.ofCounts(count(), before.count(), year(), year, wording);
    }

    /** The change in the rows holding {@code value} since {@code year}. */
    public Change changeSince(int year, String column, String value) {
        TableView before = year(year);
        return Change.ofCounts(count(column, value), before.count(column, value), year(), year, wording);
    }

    /** The change in the share of {@code value} from the year before, in percentage points. */
    public Change shareChange(String column, String value) {
        TableView before = previousYear();
        return Change.ofShares(share(column, value), before.share(column, value), year(), before.year(), wording);
    }

    // ---- measures --------------------------------------------------------------------------------

    /** The sum of a number column's cells (empty cells left out). */
    public Measured sum(String column) {
        return measure(new Measure.Sum(column));
    }

    /** The mean of a number column's cells. */
    public Measured mean(String column) {
        return measure(new Measure.Mean(column));
    }

    /** The median of a number column's cells (linear interpolation, as pandas and {@code percentile_cont}). */
    public Measured median(String column) {
        return measure(Measure.median(column));
    }

    /** The {@code percent}-th percentile (0–100) of a number column's cells: {@code percentile(90, "records")}. */
    public Measured percentile(Number percent, String column) {
        BigDecimal p = percent instanceof BigDecimal d ? d : new BigDecimal(percent.toString());
        if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("percentile(" + p.toPlainString() + ", \"" + column
                    + "\"): a percentile is from 0 to 100 (50 is the median)");
        }
        return measure(new Measure.Percentile(column, p));
    }

    public Measured min(String column) {
        return measure(new Measure.Min(column));
    }

    public Measured max(String column) {
        return measure(new Measure.Max(column));
    }

    Measured measure(Measure measure) {
        QueryResult.Row row = run(selection.measuring(measure)).single();
        int year = selection.period() instanceof Period.YearSpan span && span.isOneYear() ? span.first() : 0;
        Supplier<Measured> previous = () -> previousYear().measure(measure);
        return new Measured(row.value(), row.n(), Measured.DEFAULT, wording, year, previous);
    }

    // ---- lists -----------------------------------------------------------------------------------

    /** The display name of a column, in the report's language. */
    public String label(String column, String language) {
        return QueryCheck.column(schema, column).label(language);
    }

    boolean isTemporal(String column) {
        return QueryCheck.column(schema, column).type().isTemporal();
    }

    /** Counts per value of a category column, largest first (ties in schema order). */
    public Distribution by(String column) {
        ColumnSpec spec = QueryCheck.categorical(schema, column);
        QueryResult result = run(selection.by(new Grouping.Values(column)));
        List<Entry> entries = new ArrayList<>();
        for (QueryResult.Row row : result.rows()) {
            CategoryValue value = spec.value(row.key().get(0)).orElseThrow();
            entries.add(new Entry(value.value(), value.label(), row.count(), share(row.count(), result.base()), 0));
        }
        List<String> order = spec.values().stream().map(CategoryValue::value).toList();
        return new Distribution(entries, order, result.base(), wording, values -> anyOf(selection, column, values))
                .byCount();
    }

    /** Counts per group of a category column's values, largest first (ties in schema order). */
    public Distribution byGroup(String column) {
        QueryResult result = run(selection.by(new Grouping.Groups(column)));
        List<Entry> entries = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (QueryResult.Row row : result.rows()) {
            String group = row.key().get(0);
            order.add(group);
            entries.add(new Entry(group, group, row.count(), share(row.count(), result.base()), 0));
        }
        return new Distribution(entries, order, result.base(), wording, values -> anyOf(selection, column, values))
                .byCount();
    }

    /**
     * Counts for each month of the view's years, in calendar order; months without rows count 0. A date
     * known only to the year is in no month.
     */
    public Distribution months(String column) {
        ColumnSpec spec = QueryCheck.column(schema, column);
        if (!spec.type().isTemporal()) {
            throw new IllegalArgumentException("months(\"" + column + "\"): column '" + column + "' is "
                    + spec.type().keyword() + "; expected a date or year-month column");
        }
        return months(column, false);
    }

    /** The months, labelled for prose ({@code shortLabels} false) or for a chart's axis. */
    Distribution months(String column, boolean shortLabels) {
        QueryResult result = run(selection.by(new Grouping.Months(column)));
        boolean oneYear = result.rows().size() == 12;
        List<Entry> entries = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (QueryResult.Row row : result.rows()) {
            String month = row.key().get(0);
            int year = Integer.parseInt(month.substring(0, month.length() - 3));
            int m = Integer.parseInt(month.substring(month.length() - 2));
            String label = oneYear ? (shortLabels ? wording.shortMonths() : wording.months()).get(m - 1)
                    : wording.monthOfYear(year, m, shortLabels);
            order.add(month);
            entries.add(new Entry(month, label, row.count(), share(row.count(), result.base()), 0));
        }
        return new Distribution(entries, order, result.base(), wording, values -> anyOf(selection, column, values));
    }

    /** Counts for each pair of values of two category columns, both in schema order. */
    public CrossTab crossTab(String rowColumn, String columnColumn) {
        Distribution rowValues = by(rowColumn).inSchemaOrder();
        Distribution columnValues = by(columnColumn).inSchemaOrder();
        QueryResult result = run(selection.by(new Grouping.Values(rowColumn)).by(new Grouping.Values(columnColumn)));
        int width = columnValues.size();
        long[][] counts = new long[rowValues.size()][width];
        List<QueryResult.Row> rows = result.rows();
        for (int i = 0; i < rows.size(); i++) {
            counts[i / width][i % width] = rows.get(i).count();
        }
        return new CrossTab(rowValues.entries(), columnValues.entries(), counts, result.base(),
                share(0, result.base()));
    }

    /** How many rows of {@code within} hold any of {@code values} in {@code column}. */
    private long anyOf(Query within, String column, List<String> values) {
        if (values.isEmpty()) {
            return 0;
        }
        return run(within.where(in(column, values))).base();
    }

    @Override
    public String whatToWrite() {
        return "a table has no text of its own: print one of its numbers, e.g. ${" + name() + ".count()}";
    }

    @Override
    public String toString() {
        return "TableView[" + selection + "]";
    }
}
