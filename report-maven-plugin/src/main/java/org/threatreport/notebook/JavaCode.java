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
    private final Map<String, String> tableNames = new LinkedHashMap<>();
    /** The variable of each category column the cells count or filter on, by "table/column". */
    private final Map<String, String> categoryNames = new LinkedHashMap<>();

    /** @param cells the notebook's cells, in order */
    JavaCode(ReportInfo info, DataSet data, Messages messages, List<CellData> cells) {
        this.info = info;
        this.data = data;
        this.wording = Wording.forLanguage(info.language());
        this.messages = messages;
        this.cells = List.copyOf(cells);
        Set<String> used = new LinkedHashSet<>(CELL_VARIABLES);
        for (LoadedTable table : data.all()) {
            tableNames.put(table.name(), identifier(table.name(), "table", used));
        }
        for (CellData cellData : cells) {
            Cell cell = cellData.cell();
            List<String> columns = new ArrayList<>();
            columns.add(cell.column());
            if (cell.chart() == ChartType.STACKED) {
                columns.add(cell.stack());
            }
            columns.addAll(cell.where().keySet());
            for (String column : columns) {
                if (spec(cell.table(), column).type().isCategorical()) {
                    categoryNames.computeIfAbsent(cell.table() + "/" + column, k -> identifier(column, cell.table(), used));
                }
            }
        }
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
                Table readCsv(String name, String file, String charset) {
                    return Table.read().usingOptions(CsvReadOptions.builder(new Source(new File(file), Charset.forName(charset)))
                            .tableName(name).columnTypes(column -> ColumnType.STRING).missingValueIndicator("")
                            .maxCharsPerColumn(-1).build());
                }

                """);
        for (LoadedTable table : data.all()) {
            code.append("Table ").append(tableNames.get(table.name())).append(" = readCsv(").append(literal(table.name()))
                    .append(", ").append(literal("data/" + table.schema().dataFile().getFileName())).append(", ")
                    .append(literal(table.schema().encoding().name())).append(");\n");
        }
        setup.add(code.toString().strip());
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
        if (cells.stream().anyMatch(c -> c.cell().kind() == CellKind.TABLE)) {
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
                /** A font with every character of the text: Java's default font may lack Chinese ones. */
                Font fontFor(String text) {
                    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
                    if (font.canDisplayUpTo(text) == -1) {
                        return font;
                    }
                    return Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts())
                            .filter(f -> f.canDisplayUpTo(text) == -1).findFirst()
                            .map(f -> f.deriveFont(Font.PLAIN, 13f)).orElse(font);
                }

                Font FONT = fontFor(%s);

                List<String> labels(List<Count> counts) {
                    return counts.stream().map(Count::label).toList();
                }
                """.formatted(literal(chartCharacters())));
        if (kinds.contains(ChartType.BAR) || kinds.contains(ChartType.COLUMN) || kinds.contains(ChartType.LINE)) {
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
        if (kinds.contains(ChartType.LINE)) {
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

    /** The code cell of one figure or table. */
    String cell(CellData cellData) {
        Cell cell = cellData.cell();
        StringBuilder code = new StringBuilder();
        code.append("// ").append(comment(cell.label() + " " + cell.caption())).append('\n');
        String rows = tableNames.get(cell.table());
        if (!cell.where().isEmpty()) {
            boolean first = true;
            for (Map.Entry<String, String> filter : cell.where().entrySet()) {
                code.append(first ? "Table rows = " : "rows = ").append(filter(cell.table(), first ? rows : "rows",
                        filter.getKey(), filter.getValue())).append(";\n");
                first = false;
            }
            rows = "rows";
        }
        if (cell.chart() == ChartType.STACKED) {
            String categories = "perValue(" + rows + ", " + category(cell.table(), cell.column()) + ")";
            code.append("List<Count> categories = ").append(cell.bySchema() ? categories : "largestFirst(" + categories + ")")
                    .append(";\n");
            code.append("List<Count> stacks = perValue(").append(rows).append(", ")
                    .append(category(cell.table(), cell.stack())).append(");\n");
            code.append("printCrossTab(categories, stacks);\n");
            return code.append(figure(cell, "stackedChart(categories, stacks)")).toString();
        }
        String counts = switch (distribution(cell)) {
            case MONTHS -> "perMonth(" + rows + ", " + literal(cell.column()) + ")";
            case GROUPS -> "perGroup(" + rows + ", " + category(cell.table(), cell.column()) + ")";
            case VALUES -> "perValue(" + rows + ", " + category(cell.table(), cell.column()) + ")";
        };
        if (distribution(cell) != Distribution.MONTHS && !cell.bySchema()) {
            counts = "largestFirst(" + counts + ")";
        }
        if (cell.top() > 0) {
            counts = "top(" + counts + ", " + cell.top() + ")";
        }
        code.append("List<Count> counts = ").append(counts).append(";\n");
        code.append("counts.forEach(System.out::println);\n");
        if (cell.kind() == CellKind.TABLE) {
            return code.append("table(").append(literal(cell.label())).append(", ").append(literal(cellData.what()))
                    .append(", counts)").toString();
        }
        String axis = literal(cell.percent() ? "percent" : "count");
        String chart = switch (cell.chart()) {
            case BAR, COLUMN -> "barChart(counts, " + axis + ")";
            case LINE -> "lineChart(counts, " + axis + ")";
            case PIE -> "pieChart(counts)";
            case DONUT -> "donutChart(counts)";
            case STACKED -> throw new IllegalStateException("handled above");
        };
        return code.append(figure(cell, chart)).toString();
    }

    private static String figure(Cell cell, String chart) {
        if (cell.valueLabels()) {
            return "BitmapEncoder.getBufferedImage(" + chart + ")";
        }
        return "var chart = " + chart + ";\nchart.getStyler().setLabelsVisible(false);\n"
                + "BitmapEncoder.getBufferedImage(chart)";
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

    /** What the cell prints when run: the lines of its numbers. */
    static List<String> printed(CellData data) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < data.categories().size(); i++) {
            int row = i;
            if (data.cell().chart() == ChartType.STACKED) {
                lines.add(data.categories().get(i) + "=" + data.series().stream()
                        .map(s -> String.valueOf(s.counts().get(row))).collect(Collectors.joining(",")));
            } else {
                CellData.Series series = data.series().get(0);
                lines.add(data.categories().get(i) + "=" + series.counts().get(i) + " (" + series.shares().get(i) + ")");
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
