package org.threatreport.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.DataSet;
import org.threatreport.data.DataTable;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.LocatedYaml;
import org.threatreport.diagnostic.Problems;
import org.threatreport.diagnostic.Suggestions;

/**
 * Finds the {@code ```{figure}} and {@code ```{table}} cells of a chapter (fenced blocks, as
 * {@link MarkdownSyntax} reads them), checks each against the data, numbers them across the report,
 * and leaves a {@code ```cell <id>} placeholder in their place.
 */
final class CellParser {

    private static final Pattern ID = Pattern.compile("[a-z]+-" + MarkdownSyntax.ID_TAIL);
    private static final List<String> KEYS = List.of("id", "chart", "table", "column", "stack", "groups",
            "sort", "top", "where", "axis", "labels", "caption", "alt", "width", "height", "years", "per", "measure",
            "value", "exclude", "zeros", "min-n", "n", "note", "bins", "scale");
    /** Keys only figures take. */
    private static final List<String> FIGURE_KEYS = List.of("chart", "stack", "axis", "labels", "bins", "scale");
    private static final List<String> PERS = List.of("month", "year");
    private static final List<String> SCALES = List.of("linear", "log");
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(\\.\\d+)?|100)");
    private static final List<String> MEASURES = List.of("count", "sum", "mean", "median", "min", "max", "p90");
    private static final List<String> SORTS = List.of("count", "schema");
    private static final List<String> AXES = List.of("count", "percent");

    private final DataSet data;
    private final Vocabulary words;
    private final int reportYear;
    private final Problems problems;
    private final java.util.Set<String> declaredIds = new java.util.TreeSet<>();
    private int figures;
    private int tables;

    CellParser(DataSet data, Vocabulary words, int reportYear, Problems problems) {
        this.data = data;
        this.words = words;
        this.reportYear = reportYear;
        this.problems = problems;
    }

    /** Every id a cell declared so far, including cells with mistakes. */
    java.util.Set<String> declaredIds() {
        return declaredIds;
    }

    /** The cells of a chapter; replaces them in {@code lines} with placeholders. */
    List<Cell> extract(Path file, String[] lines) {
        List<Cell> cells = new ArrayList<>();
        Document document = MarkdownSyntax.parse(String.join("\n", lines));
        for (FencedCodeBlock block : MarkdownSyntax.fencedBlocks(document)) {
            String kindWord = MarkdownSyntax.sourceCellKind(block);
            if (kindWord == null || kindWord.equals(MarkdownSyntax.KEY_NUMBERS)) {
                continue;
            }
            BasedSequence opening = block.getOpeningMarker();
            int open = document.getLineNumber(opening.getStartOffset());
            if (block.getClosingMarker().isEmpty()) {
                problems.error(file, open + 1, 1, "the cell opened here is never closed with " + opening);
                return cells;
            }
            int close = document.getLineNumber(block.getClosingMarker().getStartOffset());
            CellKind kind = kind(file, open + 1, kindWord);
            String body = String.join("\n", java.util.Arrays.copyOfRange(lines, open + 1, close));
            Cell cell = kind == null ? null : cell(file, open + 1, kind, body, lines);
            int indent = opening.getStartOffset() - document.getChars().startOfLine(opening.getStartOffset());
            lines[open] = lines[open].substring(0, indent) + opening + MarkdownSyntax.CELL_INFO
                    + (cell == null ? "invalid" : cell.id());
            for (int j = open + 1; j < close; j++) {
                lines[j] = "";
            }
            if (cell != null) {
                cells.add(cell);
            }
        }
        return cells;
    }

    private CellKind kind(Path file, int line, String word) {
        for (CellKind kind : CellKind.values()) {
            if (kind.keyword().equals(word)) {
                return kind;
            }
        }
        List<String> kinds = java.util.Arrays.stream(CellKind.values()).map(CellKind::keyword).toList();
        List<String> known = new ArrayList<>(kinds);
        known.add(MarkdownSyntax.KEY_NUMBERS);
        problems.error(file, line, 4, "unknown cell kind '{" + word + "}'" + Suggestions.didYouMean(word, known)
                + "; expected {figure}, {table} or {" + MarkdownSyntax.KEY_NUMBERS + "}");
        return null;
    }

    private Cell cell(Path file, int fenceLine, CellKind kind, String body, String[] lines) {
        LocatedYaml yaml;
        try {
            yaml = LocatedYaml.parse(file, body, fenceLine + 1);
        } catch (InputException e) {
            problems.addAll(e.problems());
            return null;
        }
        JsonNode root = yaml.root();
        if (!root.isObject()) {
            problems.error(file, fenceLine, 1, "a cell's body is YAML: lines such as 'id: fig-industry',"
                    + " 'column: industry', 'caption: …'");
            return null;
        }
        int before = problems.list().size();
        checkKeys(yaml, kind);
        String id = id(yaml, kind);
        DataTable table = table(yaml);
        ChartType chart = kind == CellKind.FIGURE ? chart(yaml) : null;
        String column = column(yaml, table, "column", true);
        String stack = column(yaml, table, "stack", chart == ChartType.STACKED);
        List<Condition> where = where(yaml, table);
        boolean groups = yaml.booleanAt("/groups", false, problems);
        int[] years = years(yaml, table);
        boolean severalYears = years[0] != years[1];
        checkColumnFits(yaml, table, column, chart, groups, severalYears);
        int top = top(yaml);
        checkStackedOptions(yaml, chart);
        String sort = choice(yaml, "sort", SORTS, chart == ChartType.LINE ? "schema" : "count");
        String axis = choice(yaml, "axis", AXES, "count");
        boolean valueLabels = yaml.booleanAt("/labels", true, problems);
        int width = size(yaml, "width");
        int height = size(yaml, "height");
        String caption = root.path("caption").asText("");
        if (kind == CellKind.FIGURE && caption.isBlank()) {
            problems.add(yaml.problemAt("", "a figure needs a 'caption': one line saying what it shows"));
        }
        Cell.Numbers numbers = numbers(yaml, table, column, chart, years);
        if (problems.list().size() > before || id == null || table == null) {
            return null;
        }
        String label = kind == CellKind.FIGURE ? words.figureLabel(++figures) : words.tableLabel(++tables);
        Cell.Places places = new Cell.Places(place(yaml, "caption", lines)[0], place(yaml, "caption", lines)[1],
                place(yaml, "alt", lines)[0], place(yaml, "alt", lines)[1], place(yaml, "note", lines)[0],
                place(yaml, "note", lines)[1]);
        return new Cell(kind, id, label, chart, table.name(), column, stack, groups, sort.equals("schema"), top, where,
                axis.equals("percent"), valueLabels, caption, root.path("alt").asText(""),
                width, height, file, fenceLine, numbers, root.path("note").asText(""),
                places);
    }

    /**
     * Where the value of {@code key} starts in the chapter (line, column; 0, 0 when not written): inside its
     * quotes when quoted, so that a mistake in a {@code ${…}} of it is located exactly.
     */
    private static int[] place(LocatedYaml yaml, String key, String[] lines) {
        if (!yaml.root().has(key)) {
            return new int[] {0, 0};
        }
        var problem = yaml.problemAt("/" + key, "");
        int line = problem.line();
        int column = problem.column();
        if (line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1].length()) {
            char first = lines[line - 1].charAt(column - 1);
            if (first == '"' || first == '\'') {
                column++;
            }
        }
        return new int[] {line, column};
    }

    /** The years a cell counts: {@code years: 2016}, {@code 2013-2017}, {@code all}, {@code last 3}; 0, 0 for the report's. */
    private int[] years(LocatedYaml yaml, DataTable table) {
        JsonNode node = yaml.root().path("years");
        if (node.isMissingNode() || table == null) {
            return new int[] {0, 0};
        }
        String period = table.schema().periodColumn();
        if (period == null) {
            problems.add(yaml.problemAt("/years", "table '" + table.name() + "' has no date or year-month column to"
                    + " place its rows in years"));
            return new int[] {0, 0};
        }
        java.util.SortedSet<Integer> held = table.years();
        String text = node.asText("").strip();
        java.util.regex.Matcher span = Pattern.compile("(\\d{4})\\s*(?:-|–|to|\\.\\.)\\s*(\\d{4})").matcher(text);
        java.util.regex.Matcher last = Pattern.compile("last\\s+(\\d{1,3})").matcher(text);
        int first;
        int end;
        if (text.equals("all")) {
            first = held.isEmpty() ? reportYear : Math.min(held.first(), reportYear);
            end = reportYear;
        } else if (text.matches("\\d{4}")) {
            first = Integer.parseInt(text);
            end = first;
        } else if (span.matches()) {
            first = Integer.parseInt(span.group(1));
            end = Integer.parseInt(span.group(2));
        } else if (last.matches() && Integer.parseInt(last.group(1)) >= 1) {
            end = reportYear;
            first = reportYear - Integer.parseInt(last.group(1)) + 1;
        } else {
            problems.add(yaml.problemAt("/years", "unknown years '" + text + "'; expected a year (2016), a span"
                    + " (2013-2017), 'all' (every year of the table up to the report's) or 'last 3'"));
            return new int[] {0, 0};
        }
        if (first > end) {
            problems.add(yaml.problemAt("/years", "years " + first + " to " + end + ": the first year is after the last"));
            return new int[] {0, 0};
        }
        for (int year : new int[] {first, end}) {
            if (!held.contains(year)) {
                problems.add(yaml.problemAt("/years", "table '" + table.name() + "' has no rows of " + year
                        + (held.isEmpty() ? "" : "; its years are " + (held.size() <= 6
                        ? held.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                        : held.first() + " to " + held.last()))));
                return new int[] {0, 0};
            }
        }
        return first == end && first == reportYear ? new int[] {0, 0} : new int[] {first, end};
    }

    /** The measure, bins, exclusions and bases of a cell. */
    private Cell.Numbers numbers(LocatedYaml yaml, DataTable table, String column, ChartType chart, int[] years) {
        JsonNode root = yaml.root();
        String per = root.has("per") ? choice(yaml, "per", PERS, "month") : null;
        if (per != null && table != null && column != null
                && !table.schema().column(column).map(c -> c.type().isTemporal()).orElse(true)
                && !(chart == ChartType.LINE)) {
            problems.add(yaml.keyProblemAt("/per", "'per' counts a date column per month or per year; '" + column
                    + "' is not a date column"));
        }
        String measure = root.path("measure").asText("count");
        String value = null;
        if (!MEASURES.contains(measure) && !PERCENTILE.matcher(measure).matches()) {
            problems.add(yaml.problemAt("/measure", "unknown measure '" + measure + "'"
                    + Suggestions.didYouMean(measure, MEASURES) + "; expected count, sum, mean, median, min, max or a"
                    + " percentile such as p90"));
            measure = "count";
        }
        if (!measure.equals("count")) {
            if (chart == ChartType.PIE || chart == ChartType.DONUT || chart == ChartType.STACKED
                    || chart == ChartType.HISTOGRAM) {
                problems.add(yaml.problemAt("/measure", "a " + chart.keyword() + " chart counts rows; a measure ("
                        + measure + ") is drawn as a bar, column or line chart, or shown in a table"));
            }
            value = numericColumn(yaml, table, "value", true);
        } else if (root.has("value")) {
            problems.add(yaml.keyProblemAt("/value", "'value' names the number column a measure reads: give"
                    + " 'measure' too, e.g. 'measure: median'"));
        }
        List<java.math.BigDecimal> edges = new ArrayList<>();
        int bins = bins(yaml, edges);
        boolean log = choice(yaml, "scale", SCALES, "linear").equals("log");
        if (log && !edges.isEmpty()) {
            problems.add(yaml.keyProblemAt("/scale", "'scale: log' chooses the bins in powers of ten; 'bins' gives"
                    + " them already: keep one of the two"));
        }
        List<String> exclude = exclude(yaml, table, column);
        int minN = -1;
        if (root.has("min-n")) {
            if (!root.get("min-n").canConvertToInt() || root.get("min-n").asInt() < 0) {
                problems.add(yaml.problemAt("/min-n", "'min-n' is the fewest rows a share is printed from: expected a"
                        + " whole number, e.g. 30"));
            } else {
                minN = root.get("min-n").asInt();
            }
        }
        return new Cell.Numbers(years[0], years[1], per, measure, value, edges, bins, log, exclude, minN,
                bool(yaml, "n"), bool(yaml, "zeros"));
    }

    private Boolean bool(LocatedYaml yaml, String key) {
        JsonNode node = yaml.root().path(key);
        if (node.isMissingNode()) {
            return null;
        }
        if (!node.isBoolean()) {
            problems.add(yaml.problemAt("/" + key, "'" + key + "' is true or false, not '" + node.asText() + "'"));
            return null;
        }
        return node.asBoolean();
    }

    /** A histogram's bins: a number of bins, or their edges in rising order; 0 and none to choose them. */
    private int bins(LocatedYaml yaml, List<java.math.BigDecimal> edges) {
        JsonNode node = yaml.root().path("bins");
        if (node.isMissingNode()) {
            return 0;
        }
        if (node.canConvertToInt() && node.isIntegralNumber() && node.asInt() >= 1 && node.asInt() <= 200) {
            return node.asInt();
        }
        if (node.isArray() && node.size() >= 2) {
            for (JsonNode edge : node) {
                try {
                    java.math.BigDecimal value = new java.math.BigDecimal(edge.asText().strip());
                    if (!edges.isEmpty() && value.compareTo(edges.get(edges.size() - 1)) <= 0) {
                        break;
                    }
                    edges.add(value);
                } catch (NumberFormatException e) {
                    break;
                }
            }
            if (edges.size() == node.size()) {
                return 0;
            }
            edges.clear();
        }
        problems.add(yaml.problemAt("/bins", "'bins' is a number of bins (1 to 200) or their edges in rising order,"
                + " e.g. [0, 10, 100, 1000]"));
        return 0;
    }

    private List<String> exclude(LocatedYaml yaml, DataTable table, String column) {
        JsonNode node = yaml.root().path("exclude");
        if (node.isMissingNode() || table == null || column == null) {
            return List.of();
        }
        ColumnSpec spec = table.schema().column(column).orElseThrow();
        if (!spec.type().isCategorical()) {
            problems.add(yaml.keyProblemAt("/exclude", "'exclude' leaves values of a category column out; '" + column
                    + "' is " + spec.type().keyword()));
            return List.of();
        }
        List<String> values = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        List<String> allowed = spec.valuesAndGroups();
        for (int i = 0; i < items.size(); i++) {
            String value = items.get(i).asText();
            if (!allowed.contains(value)) {
                problems.add(yaml.problemAt("/exclude" + (node.isArray() ? "/" + i : ""), "unknown value '" + value
                        + "' of column '" + column + "'" + Suggestions.didYouMean(value, allowed) + "; expected one of "
                        + String.join(", ", allowed)));
            } else {
                values.add(value);
            }
        }
        return values;
    }

    /** A number column named by {@code key}. */
    private String numericColumn(LocatedYaml yaml, DataTable table, String key, boolean required) {
        if (table == null) {
            return null;
        }
        List<String> numbers = table.schema().columns().stream().filter(ColumnSpec::isNumeric).map(ColumnSpec::name).toList();
        JsonNode node = yaml.root().path(key);
        if (node.isMissingNode()) {
            if (required) {
                problems.add(yaml.problemAt("", "a measure needs 'value': the number column it reads"
                        + (numbers.isEmpty() ? "; table " + table.name() + " has none"
                        : ", one of " + String.join(", ", numbers))));
            }
            return null;
        }
        String name = node.asText();
        var spec = table.schema().column(name);
        if (spec.isEmpty() || !spec.get().isNumeric()) {
            problems.add(yaml.problemAt("/" + key, (spec.isEmpty() ? "unknown column '" + name + "'"
                    : "column '" + name + "' is " + spec.get().type().keyword()) + Suggestions.didYouMean(name, numbers)
                    + "; a measure reads an integer or decimal column" + (numbers.isEmpty()
                    ? ", and table " + table.name() + " has none" : ": " + String.join(", ", numbers))));
            return null;
        }
        return name;
    }

    private void checkKeys(LocatedYaml yaml, CellKind kind) {
        List<String> allowed = kind == CellKind.FIGURE ? KEYS : KEYS.stream().filter(k -> !FIGURE_KEYS.contains(k)).toList();
        for (Iterator<String> keys = yaml.root().fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                problems.add(yaml.keyProblemAt("/" + key, "unknown option '" + key + "' of a {" + kind.keyword() + "} cell"
                        + Suggestions.didYouMean(key, allowed) + "; expected one of " + String.join(", ", allowed)));
            }
        }
    }

    private String id(LocatedYaml yaml, CellKind kind) {
        String id = yaml.root().path("id").asText("");
        if (id.isEmpty()) {
            problems.add(yaml.problemAt("", "the cell needs an 'id', e.g. 'id: " + kind.idPrefix() + "industry'"));
            return null;
        }
        declaredIds.add(id);
        if (!id.startsWith(kind.idPrefix()) || !ID.matcher(id).matches()) {
            problems.add(yaml.problemAt("/id", "id '" + id + "' should start with '" + kind.idPrefix()
                    + "' and use only a-z, 0-9 and '-', e.g. " + kind.idPrefix() + "industry"));
            return null;
        }
        return id;
    }

    private DataTable table(LocatedYaml yaml) {
        List<String> names = new ArrayList<>(data.tables().keySet());
        JsonNode node = yaml.root().path("table");
        if (node.isMissingNode()) {
            if (names.size() == 1 && data.unreadable().isEmpty()) {
                return data.tables().get(names.get(0));
            }
            if (names.isEmpty() || !data.unreadable().isEmpty()) {
                return null; // a table could not be read: its own problems say why
            }
            problems.add(yaml.problemAt("", "say which table to count: 'table: " + String.join("' or 'table: ", names) + "'"));
            return null;
        }
        DataTable table = data.tables().get(node.asText());
        if (table == null && data.unreadable().contains(node.asText())) {
            return null; // its schema or data file could not be read: their problems say why
        }
        if (table == null) {
            problems.add(yaml.problemAt("/table", "unknown table '" + node.asText() + "'"
                    + Suggestions.didYouMean(node.asText(), names) + "; the tables are " + String.join(", ", names)));
        }
        return table;
    }

    private ChartType chart(LocatedYaml yaml) {
        String word = yaml.root().path("chart").asText("bar");
        return ChartType.fromKeyword(word).orElseGet(() -> {
            problems.add(yaml.problemAt("/chart", "unknown chart type '" + word + "'"
                    + Suggestions.didYouMean(word, ChartType.keywords()) + "; expected one of "
                    + String.join(", ", ChartType.keywords())));
            return null;
        });
    }

    private String column(LocatedYaml yaml, DataTable table, String key, boolean required) {
        JsonNode node = yaml.root().path(key);
        if (node.isMissingNode()) {
            if (required) {
                problems.add(yaml.problemAt("", "the cell needs '" + key + "': the column to count"
                        + (table == null ? "" : ", one of " + String.join(", ", table.schema().columnNames()))));
            }
            return null;
        }
        String name = node.asText();
        if (table != null && table.schema().column(name).isEmpty()) {
            problems.add(yaml.problemAt("/" + key, "unknown column '" + name + "'"
                    + Suggestions.didYouMean(name, table.schema().columnNames()) + "; the columns of "
                    + table.name() + " are " + String.join(", ", table.schema().columnNames())));
            return null;
        }
        return name;
    }

    private void checkColumnFits(LocatedYaml yaml, DataTable table, String column, ChartType chart, boolean groups,
                                 boolean severalYears) {
        if (table == null || column == null) {
            return;
        }
        ColumnSpec spec = table.schema().column(column).orElseThrow();
        if (chart == ChartType.HISTOGRAM) {
            if (!spec.isNumeric()) {
                problems.add(yaml.problemAt("/column", "a histogram counts the cells of a number column per bin;"
                        + " '" + column + "' is " + spec.type().keyword()));
            }
        } else if (chart == ChartType.LINE) {
            if (!spec.type().isTemporal() && !(severalYears && spec.type().isCategorical())) {
                problems.add(yaml.problemAt("/column", "a line chart counts per month or year: 'column' must be a date"
                        + " or year-month column (or, with 'years' spanning several years, a category column: a line"
                        + " per value), and '" + column + "' is " + spec.type().keyword()));
            }
        } else if (!spec.type().isCategorical() && !spec.type().isTemporal()) {
            problems.add(yaml.problemAt("/column", "column '" + column + "' is " + spec.type().keyword()
                    + "; a cell counts a category, multi-category or date column"));
        } else if (groups && spec.groups().isEmpty()) {
            problems.add(yaml.problemAt("/groups", "'groups: true' but the values of '" + column
                    + "' have no groups in " + table.schema().schemaFile().getFileName()));
        }
    }

    /**
     * The filters of {@code where}: per column a value or group, a list of them (any), {@code {not: …}}
     * (none of them), or {@code {from: …, to: …}} (a range of a number or date column).
     */
    private List<Condition> where(LocatedYaml yaml, DataTable table) {
        List<Condition> where = new ArrayList<>();
        JsonNode node = yaml.root().path("where");
        if (node.isMissingNode()) {
            return where;
        }
        if (!node.isObject()) {
            problems.add(yaml.problemAt("/where", "expected 'where: {column: value}', a list of values"
                    + " ({column: [a, b]}), {column: {not: a}} or a range {column: {from: 1, to: 9}}"));
            return where;
        }
        node.fields().forEachRemaining(e -> {
            String at = "/where/" + e.getKey();
            if (table == null) {
                return;
            }
            var spec = table.schema().column(e.getKey());
            if (spec.isEmpty()) {
                problems.add(yaml.keyProblemAt(at, "unknown column '" + e.getKey() + "'"
                        + Suggestions.didYouMean(e.getKey(), table.schema().columnNames()) + "; the columns of "
                        + table.name() + " are " + String.join(", ", table.schema().columnNames())));
                return;
            }
            Condition condition = condition(yaml, at, spec.get(), e.getValue());
            if (condition != null) {
                where.add(condition);
            }
        });
        return where;
    }

    private static final List<String> CONDITION_KEYS = List.of("not", "from", "to");

    private Condition condition(LocatedYaml yaml, String at, ColumnSpec spec, JsonNode node) {
        if (node.isObject()) {
            for (java.util.Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!CONDITION_KEYS.contains(key)) {
                    problems.add(yaml.keyProblemAt(at + "/" + key, "unknown filter '" + key + "'"
                            + Suggestions.didYouMean(key, CONDITION_KEYS) + "; expected 'not' (none of the values),"
                            + " or 'from' and 'to' (a range)"));
                    return null;
                }
            }
            if (node.has("not")) {
                if (node.has("from") || node.has("to")) {
                    problems.add(yaml.problemAt(at, "a filter is 'not' or a range ('from', 'to'), not both"));
                    return null;
                }
                List<String> values = filterValues(yaml, at + "/not", spec, node.get("not"));
                return values == null ? null : new Condition(spec.name(), values, true, null, null);
            }
            if (!spec.isOrdered()) {
                problems.add(yaml.problemAt(at, "only number and date columns take a range ('from', 'to'); '"
                        + spec.name() + "' is " + spec.type().keyword()));
                return null;
            }
            String from = bound(yaml, at + "/from", spec, node.get("from"));
            String to = bound(yaml, at + "/to", spec, node.get("to"));
            if (from == null && to == null) {
                return null;
            }
            return new Condition(spec.name(), List.of(), false, from, to);
        }
        List<String> values = filterValues(yaml, at, spec, node);
        return values == null ? null : new Condition(spec.name(), values, false, null, null);
    }

    /** One value or a list of values a filter names; null (a problem reported) when one is unknown. */
    private List<String> filterValues(LocatedYaml yaml, String at, ColumnSpec spec, JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        if (items.isEmpty() || items.stream().anyMatch(i -> !i.isValueNode() || i.asText().isEmpty())) {
            problems.add(yaml.problemAt(at, "expected a value of '" + spec.name() + "', or a list of values: [a, b]"));
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String value = items.get(i).asText();
            String itemAt = at + (node.isArray() ? "/" + i : "");
            List<String> allowed = spec.valuesAndGroups();
            if (spec.type().isCategorical() && !allowed.contains(value)) {
                problems.add(yaml.problemAt(itemAt, "unknown value '" + value + "' of column '" + spec.name() + "'"
                        + Suggestions.didYouMean(value, allowed) + "; expected one of " + String.join(", ", allowed)));
                return null;
            }
            if (spec.type().isTemporal() && !value.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
                problems.add(yaml.problemAt(itemAt, "'" + value + "' is not a period of '" + spec.name()
                        + "'; expected a year, a month or a day: 2017, 2017-03 or 2017-03-15"));
                return null;
            }
            if (spec.isNumeric() && !isNumber(value)) {
                problems.add(yaml.problemAt(itemAt, "'" + value + "' is not a number; '" + spec.name() + "' is "
                        + spec.type().keyword()));
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private String bound(LocatedYaml yaml, String at, ColumnSpec spec, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.asText().strip();
        boolean fits = spec.isNumeric() ? isNumber(value) : value.matches("\\d{4}(-\\d{2}(-\\d{2})?)?");
        if (!fits) {
            problems.add(yaml.problemAt(at, "'" + value + "' is not " + (spec.isNumeric() ? "a number" : "a period"
                    + " (2017, 2017-03 or 2017-03-15)") + "; '" + spec.name() + "' is " + spec.type().keyword()));
            return null;
        }
        return value;
    }

    private static boolean isNumber(String text) {
        try {
            new java.math.BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private int top(LocatedYaml yaml) {
        return yaml.wholeNumberAt("/top", 1, Integer.MAX_VALUE, 0, "keeps the N largest entries", problems);
    }

    /**
     * A stacked chart has one series per value of 'stack' and one column per value of 'column', and
     * folds and groups neither: 'top' and 'groups' would be silently ignored, so they are refused.
     */
    private void checkStackedOptions(LocatedYaml yaml, ChartType chart) {
        if (chart != ChartType.STACKED) {
            return;
        }
        for (String key : List.of("top", "groups")) {
            if (!yaml.root().path(key).isMissingNode()) {
                problems.add(yaml.keyProblemAt("/" + key, "'" + key + "' is not applied to stacked charts: every value"
                        + " of 'column' is a column and every value of 'stack' a series; remove it, or count a column"
                        + " with fewer values"));
            }
        }
    }

    private int size(LocatedYaml yaml, String key) {
        return yaml.wholeNumberAt("/" + key, 100, 2000, 0, "is in pixels", problems);
    }

    private String choice(LocatedYaml yaml, String key, List<String> allowed, String fallback) {
        String value = yaml.root().path(key).asText(fallback);
        if (!allowed.contains(value)) {
            problems.add(yaml.problemAt("/" + key, "unknown " + key + " '" + value + "'"
                    + Suggestions.didYouMean(value, allowed) + "; expected one of " + String.join(", ", allowed)));
        }
        return value;
    }

}
