package org.threatreport.notebook;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import org.threatreport.aggregate.CellData;
import org.threatreport.aggregate.Wording;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.ColumnType;
import org.threatreport.data.DataSet;
import org.threatreport.data.DataTable;
import org.threatreport.data.LoadedTable;
import org.threatreport.model.Cell;
import org.threatreport.model.CellKind;
import org.threatreport.model.ChartType;
import org.threatreport.model.ReportInfo;
import org.threatreport.render.Messages;

/**
 * The Java of one notebook (for the JJava kernel, which runs it with JShell): setup cells that load
 * Tablesaw and XChart, read the tables and declare the codebook of the columns counted and the
 * counting rules of the report; then, for each figure or table, a cell that computes its numbers
 * with those rules, prints them ({@code label=count (share)}, or {@code label=c1,c2,…} for stacked
 * charts) and draws the chart or returns the table. The setup only declares the helpers its cells use.
 */
final class JavaCode {

    private static final List<String> CELL_VARIABLES = List.of("counts", "rows", "categories", "stacks", "chart",
            "YEAR", "MONTHS", "OTHER", "FONT");

    private final ReportInfo info;
    private final DataSet data;
    private final Wording wording;
    private final Messages messages;
    private final List<CellData> cells;
    private final String chartFamily;
    private final Map<String, String> tableNames = new LinkedHashMap<>();
    private final SqlCode sqlCode;
    /** The variable of each category column the cells count or filter on, by "table/column". */
    private final Map<String, String> categoryNames = new LinkedHashMap<>();

    /**
     * @param cells       the notebook's cells, in order
     * @param chartFamily the family of the font the report's figures are drawn with: the notebook's charts
     *                    use it where the machine running them has it
     */
    JavaCode(ReportInfo info, DataSet data, Messages messages, List<CellData> cells, String chartFamily) {
        this.info = info;
        this.chartFamily = chartFamily;
        this.data = data;
        this.wording = Wording.forLanguage(info.language());
        this.messages = messages;
        this.cells = List.copyOf(cells);
        Set<String> used = new LinkedHashSet<>(CELL_VARIABLES);
        for (DataTable table : data.withCsv()) {
            tableNames.put(table.name(), identifier(table.name(), "table", used));
        }
        for (CellData cellData : cells) {
            Cell cell = cellData.cell();
            List<String> columns = new ArrayList<>();
            columns.add(cell.column());
            if (cell.chart() == ChartType.STACKED) {
                columns.add(cell.stack());
            }
            cell.where().forEach(condition -> columns.add(condition.column()));
            for (String column : columns) {
                if (spec(cell.table(), column).type().isCategorical()) {
                    categoryNames.computeIfAbsent(cell.table() + "/" + column, k -> identifier(column, cell.table(), used));
                }
            }
        }
        this.sqlCode = new SqlCode(data, cells, used);
    }

    // ---------------------------------------------------------------- setup

    /**
     * The setup cells, run before the others: the libraries and the data; the codebook of the columns
     * counted; the counting rules; the chart helpers — each only when the notebook's cells need it.
     */
    List<String> setup() {
        List<String> setup = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        code.append("%maven ").append(coordinates("tech.tablesaw", "tablesaw-core", "0.44.4")).append('\n');
        code.append("%maven ").append(coordinates("org.knowm.xchart", "xchart", "3.8.8")).append("\n\n");
        code.append("""
                import java.awt.Font;
                import java.awt.GraphicsEnvironment;
                import java.io.File;
                import java.math.*;
                import java.nio.charset.Charset;
                import java.util.*;
                import java.util.regex.Pattern;
                import java.util.stream.*;
                import org.knowm.xchart.*;
                import tech.tablesaw.api.*;
                import tech.tablesaw.io.Source;
                import tech.tablesaw.io.csv.CsvReadOptions;
                import tech.tablesaw.selection.*;

                // The data: each table from its CSV file in data/ beside this notebook, every column as text,
                // however long a field (Tablesaw stops at 4,096 characters unless told otherwise).
                // A text cell a spreadsheet would run as a formula (one starting with =, +, -, @) was saved with
                // an apostrophe in front; it is taken off here, so the values are exactly those the report read.
                Table readCsv(String name, String file, String charset) {
                    Table table = Table.read().usingOptions(CsvReadOptions.builder(new Source(new File(file), Charset.forName(charset)))
                            .tableName(name).columnTypes(column -> ColumnType.STRING).missingValueIndicator("")
                            .maxCharsPerColumn(-1).build());
                    String number = "[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?%?";
                    for (StringColumn column : table.stringColumns()) {
                        for (int i = 0; i < column.size(); i++) {
                            String value = column.get(i);
                            if (value.matches("''*[=+@\\t\\r-](?s).*") && !value.substring(1).matches(number)) {
                                column.set(i, value.substring(1));
                            }
                        }
                    }
                    return table;
                }

                """);
        for (DataTable table : data.withCsv()) {
            code.append("Table ").append(tableNames.get(table.name())).append(" = readCsv(").append(literal(table.name()))
                    .append(", ").append(literal("data/" + table.schema().csvFile().orElseThrow().getFileName())).append(", ")
                    .append(literal(table.schema().encoding().name())).append(");\n");
        }
        setup.add(code.toString().strip());
        String sql = sqlCode.setup();
        if (!sql.isEmpty()) {
            setup.add(sql);
        }
        if (!categoryNames.isEmpty()) {
            code = new StringBuilder();
            appendCodebook(code);
            setup.add(code.toString().strip());
        }
        if (!cells.isEmpty()) {
            code = new StringBuilder();
            appendCounting(code);
            setup.add(code.toString().strip());
        }
        if (cells.stream().anyMatch(c -> c.cell().kind() == CellKind.FIGURE)) {
            code = new StringBuilder();
            appendCharts(code);
            setup.add(code.toString().strip());
        }
        return List.copyOf(setup);
    }

    private void appendCodebook(StringBuilder code) {
        List<String> files = new ArrayList<>(new LinkedHashSet<>(categoryNames.keySet().stream()
                .map(key -> "data/" + data.tables().get(key.substring(0, key.indexOf('/'))).schema().schemaFile().getFileName())
                .toList()));
        code.append("""

                // The codebook (%s) of the columns counted below: each column's values in the codebook's
                // order, the label shown for a value where it differs, and each value's group.
                record Category(String column, String separator, List<String> values, Map<String, String> labels,
                                Map<String, String> groups) {
                    /** The values of one cell: none, one, or several in a multi-category column. */
                    List<String> valuesIn(String cell) {
                        if (cell.isBlank()) {
                            return List.of();
                        }
                        if (separator.isEmpty()) {
                            return List.of(cell.strip());
                        }
                        return Arrays.stream(cell.split(Pattern.quote(separator), -1)).map(String::strip).toList();
                    }

                    /** Whether a cell holds the value, or a value of the group of that name. */
                    boolean holds(String cell, String valueOrGroup) {
                        return valuesIn(cell).stream().anyMatch(v -> v.equals(valueOrGroup) || valueOrGroup.equals(groups.get(v)));
                    }

                    String label(String value) {
                        return labels.getOrDefault(value, value);
                    }
                }

                /** A map written as keys and values in turn: pairs("a", "1", "b", "2"). */
                Map<String, String> pairs(String... keysAndValues) {
                    Map<String, String> map = new LinkedHashMap<>();
                    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
                        map.put(keysAndValues[i], keysAndValues[i + 1]);
                    }
                    return map;
                }

                """.formatted(String.join(", ", files)));
        for (Map.Entry<String, String> entry : categoryNames.entrySet()) {
            String table = entry.getKey().substring(0, entry.getKey().indexOf('/'));
            ColumnSpec spec = spec(table, entry.getKey().substring(table.length() + 1));
            code.append("Category ").append(entry.getValue()).append(" = new Category(").append(literal(spec.name()))
                    .append(", ").append(literal(spec.type() == ColumnType.MULTI_CATEGORY ? spec.separator() : ""))
                    .append(",\n        List.of(")
                    .append(spec.values().stream().map(v -> literal(v.value())).collect(Collectors.joining(", ")))
                    .append("),\n        pairs(");
            appendPairs(code, spec.values().stream().filter(v -> !v.label().equals(v.value()))
                    .map(v -> List.of(v.value(), v.label())).toList());
            code.append("),\n        pairs(");
            appendPairs(code, spec.values().stream().filter(v -> v.group() != null)
                    .map(v -> List.of(v.value(), v.group())).toList());
            code.append("));\n");
        }
    }

    /** One pair per line when there are several, so that long codebooks stay readable. */
    private static void appendPairs(StringBuilder code, List<List<String>> pairs) {
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.size() > 1) {
                code.append("\n                ");
            }
            code.append(literal(pairs.get(i).get(0))).append(", ").append(literal(pairs.get(i).get(1)));
            if (i + 1 < pairs.size()) {
                code.append(',');
            }
        }
    }

    private void appendCounting(StringBuilder code) {
        code.append("""

                // Counting as the report counts: a row counts once for each value (or group, or month) it
                // holds; a share is of the rows counted, rounded half-up to one decimal; the months are
                // those of the report's year.
                int YEAR = %d;

                /** One bar, slice, point or table row: its label, the rows it counts, and the rows its share is of. */
                record Count(String label, Selection rows, int base) {
                    int count() {
                        return rows.size();
                    }

                    BigDecimal percent() {
                        return base == 0 ? BigDecimal.ZERO.setScale(1)
                                : BigDecimal.valueOf(count() * 100L).divide(BigDecimal.valueOf(base), 1, RoundingMode.HALF_UP);
                    }

                    @Override
                    public String toString() {
                        return label + "=" + count() + " (" + percent().toPlainString() + "%%)";
                    }
                }
                """.formatted(info.year()));
        if (!categoryNames.isEmpty()) {
            code.append("""

                    /** The rows whose column holds the value, or a value of the group of that name. */
                    Selection rowsWith(Table table, Category category, String valueOrGroup) {
                        return table.stringColumn(category.column()).eval(cell -> category.holds(cell, valueOrGroup));
                    }

                    /** Only the rows whose column holds the value or a value of that group (a cell's "where"). */
                    Table where(Table table, Category category, String valueOrGroup) {
                        return table.where(rowsWith(table, category, valueOrGroup));
                    }

                    /** A count for each value, in the codebook's order. */
                    List<Count> perValue(Table table, Category category) {
                        return category.values().stream()
                                .map(v -> new Count(category.label(v), rowsWith(table, category, v), table.rowCount())).toList();
                    }
                    """);
        }
        if (cells.stream().anyMatch(c -> distribution(c.cell()) == Distribution.GROUPS)) {
            code.append("""

                    /** A count for each group of values, in the codebook's order. */
                    List<Count> perGroup(Table table, Category category) {
                        return category.groups().values().stream().distinct()
                                .map(g -> new Count(g, rowsWith(table, category, g), table.rowCount())).toList();
                    }
                    """);
        }
        if (cells.stream().anyMatch(c -> distribution(c.cell()) == Distribution.MONTHS)) {
            code.append("\nList<String> MONTHS = List.of(")
                    .append(wording.months().stream().map(JavaCode::literal).collect(Collectors.joining(", ")))
                    .append(");\n");
            code.append("""

                    /** A count for each month of YEAR, months without rows included. */
                    List<Count> perMonth(Table table, String column) {
                        return IntStream.rangeClosed(1, 12).mapToObj(m -> new Count(MONTHS.get(m - 1),
                                table.stringColumn(column).startsWith(String.format(Locale.ROOT, "%04d-%02d", YEAR, m)),
                                table.rowCount())).toList();
                    }
                    """);
        }
        code.append("""

                /** Largest count first; equal counts keep their order. */
                List<Count> largestFirst(List<Count> counts) {
                    return counts.stream().sorted(Comparator.comparingInt(Count::count).reversed()).toList();
                }
                """);
        if (cells.stream().anyMatch(c -> c.cell().top() > 0 && c.cell().chart() != ChartType.STACKED)) {
            code.append("""

                    String OTHER = %s;

                    /** The first n counts, and the rest folded into one count, OTHER, of the rows that hold any of them. */
                    List<Count> top(List<Count> counts, int n) {
                        if (n >= counts.size()) {
                            return counts;
                        }
                        Selection rest = new BitmapBackedSelection();
                        counts.subList(n, counts.size()).forEach(c -> rest.or(c.rows()));
                        List<Count> kept = new ArrayList<>(counts.subList(0, n));
                        kept.add(new Count(OTHER, rest, counts.get(0).base()));
                        return kept;
                    }
                    """.formatted(literal(wording.other())));
        }
        if (cells.stream().anyMatch(c -> c.cell().chart() == ChartType.STACKED)) {
            code.append("""

                    /** How many rows two counts have in common. */
                    int both(Count a, Count b) {
                        return new BitmapBackedSelection().or(a.rows()).and(b.rows()).size();
                    }

                    /** For each row count, its label and how many of its rows each column count has: label=29,14,… */
                    void printCrossTab(List<Count> rows, List<Count> columns) {
                        for (Count row : rows) {
                            System.out.println(row.label() + "=" + columns.stream()
                                    .map(column -> String.valueOf(both(row, column))).collect(Collectors.joining(",")));
                        }
                    }
                    """);
        }
        appendSeries(code);
        if (cells.stream().anyMatch(c -> c.cell().kind() == CellKind.TABLE && shape(c) == Shape.COUNTS)) {
            code.append("""

                    /** The counts as a table: label, count and share, as the report prints them. */
                    Table table(String title, String what, List<Count> counts) {
                        return Table.create(title,
                                StringColumn.create(what, counts.stream().map(Count::label).toList()),
                                IntColumn.create(%s, counts.stream().mapToInt(Count::count).toArray()),
                                StringColumn.create(%s, counts.stream().map(c -> c.percent().toPlainString() + "%%").toList()));
                    }
                    """.formatted(literal(messages.get("table.count")), literal(messages.get("table.share"))));
        }
    }

    private void appendCharts(StringBuilder code) {
        Set<ChartType> kinds = cells.stream().map(c -> c.cell().chart()).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        code.append("""

                // The charts: XChart draws the same numbers as the report, in XChart's own style.
                /**
                 * The report's chart font where this machine has it; else Java's default font, or an installed font
                 * with every character of the text where the default lacks some (Chinese ones, often).
                 */
                Font fontFor(String family, String text) {
                    Font report = new Font(family, Font.PLAIN, 13);
                    if (report.getFamily(Locale.ROOT).equals(family) && report.canDisplayUpTo(text) == -1) {
                        return report;
                    }
                    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
                    if (font.canDisplayUpTo(text) == -1) {
                        return font;
                    }
                    return Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts())
                            .filter(f -> f.canDisplayUpTo(text) == -1).findFirst()
                            .map(f -> f.deriveFont(Font.PLAIN, 13f)).orElse(font);
                }

                Font FONT = fontFor(%s, %s);

                List<String> labels(List<Count> counts) {
                    return counts.stream().map(Count::label).toList();
                }
                """.formatted(literal(chartFamily), literal(chartCharacters())));
        appendSeriesCharts(code);
        if (kinds.contains(ChartType.BAR) || kinds.contains(ChartType.COLUMN) || kinds.contains(ChartType.LINE)
                || kinds.contains(ChartType.HISTOGRAM)) {
            code.append("""

                    /** Bars of the counts, or of their shares in % (upright: XChart 3.8 draws no horizontal bars). */
                    CategoryChart barChart(List<Count> counts, String axis) {
                        CategoryChart chart = new CategoryChartBuilder().width(720).height(400).build();
                        chart.getStyler().setLegendVisible(false);
                        chart.getStyler().setLabelsVisible(true);
                        chart.getStyler().setLabelsFont(FONT);
                        chart.getStyler().setAxisTickLabelsFont(FONT);
                        chart.getStyler().setXAxisLabelRotation(counts.size() > 6 ? 90 : 0);
                        chart.setYAxisTitle(axis.equals("percent") ? "%" : "");
                        chart.addSeries(axis, labels(counts), counts.stream()
                                .map(c -> axis.equals("percent") ? c.percent().doubleValue() : c.count()).toList());
                        return chart;
                    }
                    """);
        }
        if (cells.stream().anyMatch(c -> c.cell().chart() == ChartType.LINE && shape(c) == Shape.COUNTS)) {
            code.append("""

                    /** A line through the counts, or through their shares in %. */
                    CategoryChart lineChart(List<Count> counts, String axis) {
                        CategoryChart chart = barChart(counts, axis);
                        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
                        chart.getStyler().setXAxisLabelRotation(0);
                        return chart;
                    }
                    """);
        }
        if (kinds.contains(ChartType.PIE) || kinds.contains(ChartType.DONUT)) {
            code.append("""

                    /** A pie of the counts; counts of 0 have no slice. */
                    PieChart pieChart(List<Count> counts) {
                        PieChart chart = new PieChartBuilder().width(720).height(400).build();
                        chart.getStyler().setLabelsFont(FONT);
                        chart.getStyler().setLegendFont(FONT);
                        Set<String> names = new HashSet<>();
                        for (Count count : counts) {
                            String name = count.label();
                            while (!names.add(name)) {
                                name = name + " "; // XChart needs distinct names; a repeated label gets a space
                            }
                            if (count.count() > 0) {
                                chart.addSeries(name, count.count());
                            }
                        }
                        return chart;
                    }
                    """);
        }
        if (kinds.contains(ChartType.DONUT)) {
            code.append("""

                    /** A pie with a hole. */
                    PieChart donutChart(List<Count> counts) {
                        PieChart chart = pieChart(counts);
                        chart.getStyler().setDefaultSeriesRenderStyle(PieSeries.PieSeriesRenderStyle.Donut);
                        chart.getStyler().setDonutThickness(0.45);
                        chart.getStyler().setLabelsDistance(0.78);
                        return chart;
                    }
                    """);
        }
        if (kinds.contains(ChartType.STACKED)) {
            code.append("""

                    /** A bar for each category count, stacked from the rows it has in common with each stack count. */
                    CategoryChart stackedChart(List<Count> categories, List<Count> stacks) {
                        CategoryChart chart = new CategoryChartBuilder().width(720).height(400).build();
                        chart.getStyler().setStacked(true);
                        chart.getStyler().setAxisTickLabelsFont(FONT);
                        chart.getStyler().setLegendFont(FONT);
                        Set<String> names = new HashSet<>();
                        for (Count stack : stacks) {
                            String name = stack.label();
                            while (!names.add(name)) {
                                name = name + " "; // XChart needs distinct names; a repeated label gets a space
                            }
                            chart.addSeries(name, labels(categories), categories.stream().map(c -> both(c, stack)).toList());
                        }
                        return chart;
                    }
                    """);
        }
    }

    /** The chart helpers of the shapes beyond one series of counts. */
    private void appendSeriesCharts(StringBuilder code) {
        boolean figures = cells.stream().anyMatch(c -> c.cell().kind() == CellKind.FIGURE && shape(c) == Shape.GRID);
        if (figures) {
            code.append(SeriesCode.GRID_CHART);
        }
        if (cells.stream().anyMatch(c -> c.cell().kind() == CellKind.FIGURE && shape(c) == Shape.MEASURES)) {
            code.append(SeriesCode.VALUE_CHART);
        }
    }

    /** Every character the charts print, once each, for choosing a font. */
    String chartCharacters() {
        Set<Integer> characters = new java.util.TreeSet<>();
        for (CellData cell : cells) {
            if (cell.cell().kind() == CellKind.FIGURE) {
                cell.categories().forEach(c -> c.codePoints().forEach(characters::add));
                cell.series().forEach(s -> s.name().codePoints().forEach(characters::add));
            }
        }
        characters.removeIf(c -> c <= ' ');
        StringBuilder text = new StringBuilder();
        characters.forEach(text::appendCodePoint);
        return text.toString();
    }

    // ---------------------------------------------------------------- cells

    private enum Distribution { VALUES, GROUPS, MONTHS }

    private Distribution distribution(Cell cell) {
        if (cell.chart() == ChartType.LINE || spec(cell.table(), cell.column()).type().isTemporal()) {
            return Distribution.MONTHS;
        }
        return cell.groups() && cell.chart() != ChartType.STACKED ? Distribution.GROUPS : Distribution.VALUES;
    }

    /** How a cell's numbers are laid out, as the report's {@code CellComputer} shapes them. */
    private enum Shape {
        /** One count per value, group or month of the report's year: the report's first cells. */
        COUNTS,
        /** A count per bin of a number column. */
        BINS,
        /** A count or measure per year, or per month of several years. */
        PERIODS,
        /** A measure per value or group. */
        MEASURES,
        /** One series per year (or per value): a table with a column per year, grouped bars, a line per value. */
        GRID,
        STACKED
    }

    private Shape shape(CellData data) {
        Cell cell = data.cell();
        Cell.Numbers numbers = cell.numbers();
        if (cell.chart() == ChartType.STACKED) {
            return Shape.STACKED;
        }
        if (cell.chart() == ChartType.HISTOGRAM) {
            return Shape.BINS;
        }
        if (spec(cell.table(), cell.column()).type().isTemporal()) {
            boolean perYear = "year".equals(numbers.per()) || numbers.per() == null && numbers.severalYears();
            return perYear || numbers.severalYears() || !numbers.isCount() ? Shape.PERIODS : Shape.COUNTS;
        }
        if (numbers.severalYears()) {
            return Shape.GRID;
        }
        return numbers.isCount() ? Shape.COUNTS : Shape.MEASURES;
    }

    /** The first and last year a cell counts (the report's year when it names none). */
    private int[] years(Cell cell) {
        Cell.Numbers numbers = cell.numbers();
        return numbers.firstYear() == 0 ? new int[] {info.year(), info.year()}
                : new int[] {numbers.firstYear(), numbers.lastYear()};
    }

    /** Whether a cell's table has rows outside its years, which it must leave out first. */
    private boolean needsYears(Cell cell) {
        DataTable table = data.tables().get(cell.table());
        String period = table.schema().periodColumn();
        if (period == null) {
            return false;
        }
        int[] years = years(cell);
        // a row of no year (-1) is outside every span too
        Iterable<Integer> held = table instanceof LoadedTable rows
                ? java.util.Arrays.stream(rows.yearCodes().get(period)).distinct().boxed().toList() : table.years();
        for (int year : held) {
            if (year < years[0] || year > years[1]) {
                return true;
            }
        }
        return false;
    }

    private boolean keepsZeros(Cell cell) {
        Boolean zeros = cell.numbers().keepZeros();
        return zeros != null ? zeros : cell.where().isEmpty();
    }

    /** The helpers of the shapes beyond one year's counts, each when a cell of the notebook needs it. */
    private void appendSeries(StringBuilder code) {
        boolean grids = cells.stream().anyMatch(c -> shape(c) == Shape.GRID);
        if (grids || cells.stream().anyMatch(c -> needsYears(c.cell()))) {
            code.append(SeriesCode.YEARS);
        }
        List<org.threatreport.model.Condition> conditions = cells.stream().flatMap(c -> c.cell().where().stream()).toList();
        java.util.function.Predicate<org.threatreport.model.Condition> categorical = c ->
                data.tables().values().stream().anyMatch(t -> t.schema().column(c.column())
                        .map(spec -> spec.type().isCategorical()).orElse(false));
        if (conditions.stream().anyMatch(c -> !c.isRange() && !c.negated() && c.values().size() > 1 && categorical.test(c))) {
            code.append(SeriesCode.WHERE_ANY);
        }
        if (conditions.stream().anyMatch(c -> c.negated() && categorical.test(c))
                || cells.stream().anyMatch(c -> !c.cell().numbers().exclude().isEmpty())) {
            code.append(SeriesCode.WHERE_NOT);
        }
        if (conditions.stream().anyMatch(c -> !c.isRange() && !categorical.test(c) && (c.negated() || c.values().size() > 1))) {
            code.append(SeriesCode.WHERE_TEXT);
        }
        if (conditions.stream().anyMatch(c -> c.isRange() && isNumeric(c.column()))) {
            code.append(SeriesCode.BETWEEN);
        }
        if (conditions.stream().anyMatch(c -> c.isRange() && !isNumeric(c.column()))) {
            code.append(SeriesCode.DURING);
        }
        if (cells.stream().anyMatch(c -> !keepsZeros(c.cell()) && (shape(c) == Shape.COUNTS || shape(c) == Shape.STACKED)
                && distribution(c.cell()) != Distribution.MONTHS)) {
            code.append(SeriesCode.NON_ZERO);
        }
        if (cells.stream().anyMatch(c -> shape(c) == Shape.PERIODS && c.cell().numbers().isCount())) {
            code.append(SeriesCode.PERIODS);
        }
        boolean measures = cells.stream().anyMatch(c -> !c.cell().numbers().isCount());
        if (measures || grids) {
            code.append(SeriesCode.NUMBERS);
        }
        if (cells.stream().anyMatch(c -> shape(c) == Shape.MEASURES)) {
            code.append(SeriesCode.MEASURE_PER_VALUE);
        }
        if (cells.stream().anyMatch(c -> shape(c) == Shape.PERIODS && !c.cell().numbers().isCount())) {
            code.append(SeriesCode.MEASURE_PER_PERIOD);
        }
        if (cells.stream().anyMatch(c -> shape(c) == Shape.BINS)) {
            code.append(SeriesCode.BINS);
        }
        if (grids || cells.stream().anyMatch(c -> !c.changes().isEmpty())) {
            code.append("\nLocale LOCALE = Locale.").append(info.isChinese() ? "SIMPLIFIED_CHINESE" : "ENGLISH").append(";\n");
            code.append(SeriesCode.CHANGES);
        }
        if (grids) {
            code.append(SeriesCode.GRID);
        }
        if (cells.stream().anyMatch(c -> c.cell().kind() == CellKind.TABLE && shape(c) != Shape.COUNTS
                && shape(c) != Shape.BINS)) {
            code.append(SeriesCode.TEXT_TABLE);
        }
    }

    private boolean isNumeric(String column) {
        return data.tables().values().stream().anyMatch(t -> t.schema().column(column).map(ColumnSpec::isNumeric).orElse(false));
    }

    /** The code cell of one figure or table. */
    String cell(CellData cellData) {
        Cell cell = cellData.cell();
        StringBuilder code = new StringBuilder();
        code.append("// ").append(comment(cell.label() + " " + cell.caption())).append('\n');
        if (!tableNames.containsKey(cell.table())) {
            // Parquet or a database: the site holds no copy of the rows to count again here.
            code.append("// ").append(comment(messages.get("notebook.elsewhere").replace("{0}", cell.table()))).append('\n');
            return sqlCode.counts(cellData) ? code.append(sqlCode.cell(cellData)).toString() : code.toString();
        }
        String rows = rows(cell, code);
        return switch (shape(cellData)) {
            case STACKED -> stacked(cell, rows, code);
            case BINS -> bins(cellData, rows, code);
            case PERIODS -> periods(cellData, rows, code);
            case MEASURES -> measures(cellData, rows, code);
            case GRID -> grid(cellData, rows, code);
            case COUNTS -> counts(cellData, rows, code);
        };
    }

    /** The rows a cell counts, as a variable: its table, or "rows" after its years, filters and exclusions. */
    private String rows(Cell cell, StringBuilder code) {
        String rows = tableNames.get(cell.table());
        boolean declared = false;
        if (needsYears(cell)) {
            int[] years = years(cell);
            code.append("Table rows = inYears(").append(rows).append(", ")
                    .append(literal(data.tables().get(cell.table()).schema().periodColumn())).append(", ")
                    .append(years[0]).append(", ").append(years[1]).append(");\n");
            rows = "rows";
            declared = true;
        }
        for (org.threatreport.model.Condition condition : cell.where()) {
            code.append(declared ? "rows = " : "Table rows = ").append(filter(cell.table(), rows, condition)).append(";\n");
            rows = "rows";
            declared = true;
        }
        if (!cell.numbers().exclude().isEmpty()) {
            code.append(declared ? "rows = " : "Table rows = ").append("whereNot(").append(rows).append(", ")
                    .append(category(cell.table(), cell.column())).append(", ").append(literals(cell.numbers().exclude()))
                    .append(");\n");
            rows = "rows";
        }
        return rows;
    }

    private String stacked(Cell cell, String rows, StringBuilder code) {
        String categories = withoutExcluded(cell, "perValue(" + rows + ", " + category(cell.table(), cell.column()) + ")");
        categories = cell.bySchema() ? categories : "largestFirst(" + categories + ")";
        String stacks = "perValue(" + rows + ", " + category(cell.table(), cell.stack()) + ")";
        if (!keepsZeros(cell)) {
            categories = "nonZero(" + categories + ")";
            stacks = "nonZero(" + stacks + ")";
        }
        code.append("List<Count> categories = ").append(categories).append(";\n");
        code.append("List<Count> stacks = ").append(stacks).append(";\n");
        code.append("printCrossTab(categories, stacks);\n");
        return code.append(figure(cell, "stackedChart(categories, stacks)")).toString();
    }

    /** One count per value, group or month of the report's year (the shape of the report's first cells). */
    private String counts(CellData cellData, String rows, StringBuilder code) {
        Cell cell = cellData.cell();
        String counts = switch (distribution(cell)) {
            case MONTHS -> "perMonth(" + rows + ", " + literal(cell.column()) + ")";
            case GROUPS -> "perGroup(" + rows + ", " + category(cell.table(), cell.column()) + ")";
            case VALUES -> "perValue(" + rows + ", " + category(cell.table(), cell.column()) + ")";
        };
        counts = withoutExcluded(cell, counts);
        if (distribution(cell) != Distribution.MONTHS && !cell.bySchema()) {
            counts = "largestFirst(" + counts + ")";
        }
        if (cell.top() > 0) {
            counts = "top(" + counts + ", " + cell.top() + ")";
        }
        if (distribution(cell) != Distribution.MONTHS && !keepsZeros(cell)) {
            counts = "nonZero(" + counts + ")";
        }
        code.append("List<Count> counts = ").append(counts).append(";\n");
        if (foldClashes(cell, cellData)) {
            code.append("// A value of the column is named ").append(comment(wording.other())).append(": the fold is named apart.\n")
                    .append("Count folded = counts.get(counts.size() - 1);\n")
                    .append("counts = Stream.concat(counts.subList(0, counts.size() - 1).stream(), Stream.of(new Count(")
                    .append(literal(wording.otherFolded())).append(", folded.rows(), folded.base()))).toList();\n");
        }
        code.append("counts.forEach(System.out::println);\n");
        if (cell.kind() == CellKind.TABLE) {
            return code.append("table(").append(literal(cell.label())).append(", ").append(literal(cellData.what()))
                    .append(", counts)").toString();
        }
        String axis = literal(cell.percent() ? "percent" : "count");
        String chart = switch (cell.chart()) {
            case BAR, COLUMN, HISTOGRAM -> "barChart(counts, " + axis + ")";
            case LINE -> "lineChart(counts, " + axis + ")";
            case PIE -> "pieChart(counts)";
            case DONUT -> "donutChart(counts)";
            case STACKED -> throw new IllegalStateException("handled above");
        };
        return code.append(figure(cell, chart)).toString();
    }

    private String bins(CellData cellData, String rows, StringBuilder code) {
        Cell cell = cellData.cell();
        code.append("List<Count> counts = bins(").append(rows).append(", ").append(literal(cell.column())).append(",\n        List.of(")
                .append(cellData.binEdges().stream().map(e -> literal(e.toPlainString())).collect(Collectors.joining(", ")))
                .append("),\n        List.of(").append(literals(cellData.categories())).append("));\n");
        code.append("counts.forEach(System.out::println);\n");
        if (cell.kind() == CellKind.TABLE) {
            return code.append("table(").append(literal(cell.label())).append(", ").append(literal(cellData.what()))
                    .append(", counts)").toString();
        }
        return code.append(figure(cell, "barChart(counts, " + literal(cell.percent() ? "percent" : "count") + ")")).toString();
    }

    /** A count or measure per year, or per month of several years. */
    private String periods(CellData cellData, String rows, StringBuilder code) {
        Cell cell = cellData.cell();
        int[] years = years(cell);
        boolean perYear = "year".equals(cell.numbers().per()) || cell.numbers().per() == null && cell.numbers().severalYears();
        List<String> periods = new ArrayList<>();
        for (int year = years[0]; year <= years[1]; year++) {
            if (perYear) {
                periods.add(Integer.toString(year));
            } else {
                for (int month = 1; month <= 12; month++) {
                    periods.add(String.format(java.util.Locale.ROOT, "%04d-%02d", year, month));
                }
            }
        }
        code.append("List<String> periods = List.of(").append(literals(periods)).append(");\n");
        code.append("List<String> labels = List.of(").append(literals(cellData.categories())).append(");\n");
        boolean counts = cell.numbers().isCount();
        String type = counts ? "Count" : "Measured";
        if (counts) {
            code.append("List<Count> counts = perPeriod(").append(rows).append(", ").append(literal(cell.column()))
                    .append(", periods, labels);\n");
        } else {
            code.append("List<Measured> counts = measurePerPeriod(").append(rows).append(", ").append(literal(cell.column()))
                    .append(", periods, labels, ").append(literal(cell.numbers().measure())).append(", ")
                    .append(literal(cell.numbers().value())).append(");\n");
        }
        boolean changes = !cellData.changes().isEmpty();
        if (changes) {
            String number = counts ? "BigDecimal.valueOf(counts.get(%s).count())" : "counts.get(%s).value()";
            code.append("for (int i = 0; i < counts.size(); i++) {\n")
                    .append("    System.out.println(counts.get(i) + (i == 0 ? \"\" : \" \" + signedChange(")
                    .append(number.formatted("i")).append(", ").append(number.formatted("i - 1")).append(")));\n}\n");
        } else {
            code.append("counts.forEach(System.out::println);\n");
        }
        if (cell.kind() == CellKind.TABLE) {
            return code.append(textTable(cellData, counts ? "String.valueOf(counts.get(i).count())"
                    : "plain(counts.get(i).value())", type)).toString();
        }
        if (counts) {
            String chart = cell.chart() == ChartType.LINE ? "lineChart" : "barChart";
            return code.append(figure(cell, chart + "(counts, " + literal(cell.percent() ? "percent" : "count") + ")")).toString();
        }
        return code.append(figure(cell, "valueChart(counts, " + literal(cellData.valueTitle()) + ")")).toString();
    }

    /** The rows of a per-period table, as the report's: label, number, and the change or share. */
    private String textTable(CellData cellData, String number, String type) {
        boolean changes = !cellData.changes().isEmpty();
        List<String> headings = new ArrayList<>(List.of(cellData.what(),
                cellData.measured() ? cellData.valueTitle() : messages.get("table.count")));
        headings.add(changes ? cellData.changeTitle() : cellData.measured() ? "n" : messages.get("table.share"));
        String last = changes ? "i == 0 ? \"\" : signedChange(" + (cellData.measured() ? "counts.get(i).value(), counts.get(i - 1).value()"
                : "BigDecimal.valueOf(counts.get(i).count()), BigDecimal.valueOf(counts.get(i - 1).count())") + ")"
                : cellData.measured() ? "String.valueOf(counts.get(i).n())" : "counts.get(i).percent().toPlainString() + \"%\"";
        return "textTable(" + literal(cellData.cell().label()) + ", List.of(" + literals(headings) + "),\n"
                + "        IntStream.range(0, counts.size()).mapToObj(i -> List.of(counts.get(i).label(), " + number + ",\n"
                + "                " + last + ")).toList())";
    }

    /** A measure per value or group. */
    private String measures(CellData cellData, String rows, StringBuilder code) {
        Cell cell = cellData.cell();
        String measure = literal(cell.numbers().measure());
        String value = literal(cell.numbers().value());
        code.append("List<Measured> values = ").append(withoutExcluded(cell, "measurePerValue(" + rows + ", "
                + category(cell.table(), cell.column()) + ", " + measure + ", " + value + ")")).append(";\n");
        if (!cell.bySchema()) {
            code.append("values = largestValueFirst(values);\n");
        }
        if (!keepsZeros(cell)) {
            code.append("values = values.stream().filter(v -> v.rows().size() > 0).toList();\n");
        }
        if (cell.top() > 0) {
            code.append("values = topValues(values, ").append(cell.top()).append(", ").append(rows).append(", ")
                    .append(measure).append(", ").append(value).append(");\n");
            if (foldClashes(cell, cellData)) {
                code.append("Measured folded = values.get(values.size() - 1);\n")
                        .append("values = Stream.concat(values.subList(0, values.size() - 1).stream(), Stream.of(new Measured(")
                        .append(literal(wording.otherFolded()))
                        .append(", folded.rows(), folded.value(), folded.n()))).toList();\n");
            }
        }
        code.append("values.forEach(System.out::println);\n");
        if (cell.kind() == CellKind.TABLE) {
            return code.append("textTable(").append(literal(cell.label())).append(", List.of(")
                    .append(literals(List.of(cellData.what(), cellData.valueTitle(), "n"))).append("),\n")
                    .append("        values.stream().map(v -> List.of(v.label(), plain(v.value()),")
                    .append(" String.valueOf(v.n()))).toList())").toString();
        }
        return code.append(figure(cell, "valueChart(values, " + literal(cellData.valueTitle()) + ")")).toString();
    }

    /** Several years: a row per value and a column per year (or, for a line chart, a line per value). */
    private String grid(CellData cellData, String rows, StringBuilder code) {
        Cell cell = cellData.cell();
        int[] years = years(cell);
        boolean line = cell.chart() == ChartType.LINE;
        List<String> labels = line ? cellData.series().stream().map(CellData.Series::name).toList() : cellData.categories();
        ColumnSpec spec = spec(cell.table(), cell.column());
        List<String> listed = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (String label : labels) {
            String value = cell.groups() ? label : spec.values().stream().filter(v -> v.label().equals(label))
                    .map(org.threatreport.data.CategoryValue::value).findFirst().orElse(null);
            if (value == null) {
                // The fold: every value not listed (values that count 0 or were left out add nothing).
                List<String> rest = (cell.groups() ? spec.groups() : spec.values().stream()
                        .map(org.threatreport.data.CategoryValue::value).toList()).stream()
                        .filter(v -> !listed.contains(v)).toList();
                groups.add("List.of(" + literals(rest) + ")");
            } else {
                listed.add(value);
                groups.add("List.of(" + literal(value) + ")");
            }
        }
        String measure = cell.numbers().measure();
        code.append("Grid grid = perValueAndYear(").append(rows).append(", ").append(category(cell.table(), cell.column()))
                .append(", ").append(literal(data.tables().get(cell.table()).schema().periodColumn())).append(",\n        List.of(")
                .append(String.join(", ", groups)).append("),\n        List.of(").append(literals(labels)).append("), ")
                .append(years[0]).append(", ").append(years[1]).append(", ").append(literal(measure)).append(", ")
                .append(cell.numbers().value() == null ? "null" : literal(cell.numbers().value())).append(", ")
                .append(!cellData.changes().isEmpty()).append(");\n");
        if (line) {
            code.append("grid = turned(grid, List.of(").append(literals(cellData.categories())).append("));\n");
        }
        code.append("grid.print();\n");
        if (cell.kind() == CellKind.TABLE) {
            List<String> headings = new ArrayList<>();
            headings.add(cellData.what());
            cellData.series().forEach(series -> headings.add(series.name()));
            boolean changes = !cellData.changes().isEmpty();
            if (changes) {
                headings.add(cellData.changeTitle());
            }
            return code.append("textTable(").append(literal(cell.label())).append(", List.of(").append(literals(headings))
                    .append("),\n        IntStream.range(0, grid.labels().size()).mapToObj(i -> {\n")
                    .append("            List<String> row = new ArrayList<>(List.of(grid.labels().get(i)));\n")
                    .append("            BigDecimal[] numbers = grid.numbers()[i];\n")
                    .append("            Arrays.stream(numbers).forEach(v -> row.add(plain(v)));\n")
                    .append(changes ? "            row.add(signedChange(numbers[numbers.length - 1], numbers[numbers.length - 2]));\n" : "")
                    .append("            return row;\n        }).toList())").toString();
        }
        return code.append(figure(cell, "gridChart(grid, " + line + ")")).toString();
    }

    private static String figure(Cell cell, String chart) {
        if (cell.valueLabels()) {
            return "BitmapEncoder.getBufferedImage(" + chart + ")";
        }
        return "var chart = " + chart + ";\nchart.getStyler().setLabelsVisible(false);\n"
                + "BitmapEncoder.getBufferedImage(chart)";
    }

    /** A filter of the rows of {@code rows} as the report applies one condition of a cell's {@code where}. */
    private String filter(String table, String rows, org.threatreport.model.Condition condition) {
        String column = condition.column();
        ColumnSpec spec = spec(table, column);
        if (condition.isRange()) {
            String from = condition.from() == null ? "null" : literal(condition.from());
            String to = condition.to() == null ? "null" : literal(condition.to());
            return (spec.isNumeric() ? "between(" : "during(") + rows + ", " + literal(column) + ", " + from + ", " + to + ")";
        }
        if (condition.isSingleValue()) {
            return filter(table, rows, column, condition.values().get(0));
        }
        if (spec.type().isCategorical()) {
            return (condition.negated() ? "whereNot(" : "whereAny(") + rows + ", " + category(table, column) + ", "
                    + literals(condition.values()) + ")";
        }
        return "whereText(" + rows + ", " + literal(column) + ", " + spec.type().isTemporal() + ", " + condition.negated()
                + ", " + literals(condition.values()) + ")";
    }

    /** A filter of the rows of {@code rows} as the report applies a cell's {@code where}. */
    private String filter(String table, String rows, String column, String value) {
        ColumnSpec spec = spec(table, column);
        if (spec.type().isCategorical()) {
            return "where(" + rows + ", " + category(table, column) + ", " + literal(value) + ")";
        }
        String test = spec.type().isTemporal() ? "startsWith" : "isEqualTo";
        return rows + ".where(" + rows + ".stringColumn(" + literal(column) + ")." + test + "(" + literal(value) + "))";
    }

    /**
     * The counts or measures of {@code list} without the values the cell's {@code exclude} leaves out (the
     * report does not list them), or {@code list} itself when it excludes none.
     */
    private String withoutExcluded(Cell cell, String list) {
        List<String> excluded = cell.numbers().exclude();
        if (excluded.isEmpty()) {
            return list;
        }
        ColumnSpec spec = spec(cell.table(), cell.column());
        List<String> labels = new ArrayList<>();
        if (cell.groups()) {
            // A group is left out when it is excluded by name; one excluded value leaves the rest of its group.
            spec.groups().stream().filter(excluded::contains).forEach(labels::add);
        } else {
            for (org.threatreport.data.CategoryValue value : spec.values()) {
                if (excluded.contains(value.value()) || value.group() != null && excluded.contains(value.group())) {
                    labels.add(value.label());
                }
            }
        }
        return list + ".stream().filter(c -> !List.of(" + literals(labels) + ").contains(c.label())).toList()";
    }

    /** Whether the report names a cell's fold apart, because a value of its column is named like the fold. */
    private boolean foldClashes(Cell cell, CellData cellData) {
        List<String> labels = cellData.categories();
        return cell.top() > 0 && !labels.isEmpty() && labels.get(labels.size() - 1).equals(wording.otherFolded());
    }

    private static String literals(List<String> texts) {
        return texts.stream().map(JavaCode::literal).collect(Collectors.joining(", "));
    }

    /** What the cell prints when run: the lines of its numbers. */
    List<String> printed(CellData data) {
        List<String> lines = new ArrayList<>();
        boolean several = data.series().size() > 1 || shape(data) == Shape.STACKED || shape(data) == Shape.GRID;
        for (int i = 0; i < data.categories().size(); i++) {
            int row = i;
            String change = data.changes().isEmpty() || data.changes().get(i).isEmpty() ? "" : " " + data.changes().get(i);
            if (several) {
                lines.add(data.categories().get(i) + "=" + data.series().stream()
                        .map(s -> s.measured() ? CellData.measureRaw(s.values().get(row)) : String.valueOf(s.counts().get(row)))
                        .collect(Collectors.joining(",")) + change);
            } else if (data.measured()) {
                CellData.Series series = data.series().get(0);
                lines.add(data.categories().get(i) + "=" + CellData.measureRaw(series.values().get(i)) + " (n="
                        + series.n().get(i) + ")" + change);
            } else {
                CellData.Series series = data.series().get(0);
                lines.add(data.categories().get(i) + "=" + series.counts().get(i) + " ("
                        + series.shares().get(i).percent().toPlainString() + "%)" + change);
            }
        }
        return lines;
    }

    private String category(String table, String column) {
        return categoryNames.get(table + "/" + column);
    }

    private ColumnSpec spec(String table, String column) {
        return data.tables().get(table).schema().column(column).orElseThrow(
                () -> new IllegalStateException("the model checked column " + column + " of " + table));
    }

    // ---------------------------------------------------------------- Java text

    /** A Java identifier for a name of the data, distinct from every one in {@code used} (which it joins). */
    static String identifier(String name, String qualifier, Set<String> used) {
        String base = javaName(name);
        String candidate = base;
        if (!available(candidate, used)) {
            candidate = javaName(qualifier) + "_" + base;
        }
        for (int n = 2; !available(candidate, used); n++) {
            candidate = base + n;
        }
        used.add(candidate);
        return candidate;
    }

    private static boolean available(String name, Set<String> used) {
        return !used.contains(name) && SourceVersion.isName(name) && !name.equals("_");
    }

    private static String javaName(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> out.appendCodePoint(
                Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c) ? c : '_'));
        if (out.isEmpty() || !Character.isJavaIdentifierStart(out.codePointAt(0))) {
            out.insert(0, '_');
        }
        return out.toString();
    }

    /** A Java string literal of {@code text}. */
    /** A Java string literal of {@code text}: JSON's escapes, which Java reads the same. */
    static String literal(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /** Text for a line comment: one line, and no backslash that Java would read as a Unicode escape. */
    private static String comment(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").replace("\\u", "\\ u");
    }

    /** {@code group:artifact:version}, with the version of the library this plugin itself runs with. */
    private static String coordinates(String group, String artifact, String fallbackVersion) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = JavaCode.class.getResourceAsStream(path)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return group + ":" + artifact + ":" + properties.getProperty("version", fallbackVersion);
            }
        } catch (IOException e) {
            // the fallback below
        }
        return group + ":" + artifact + ":" + fallbackVersion;
    }
}
