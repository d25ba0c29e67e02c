package org.threatreport.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.DataSet;
import org.threatreport.data.LoadedTable;
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
            "sort", "top", "where", "axis", "labels", "caption", "alt", "width", "height");
    private static final List<String> SORTS = List.of("count", "schema");
    private static final List<String> AXES = List.of("count", "percent");

    private final DataSet data;
    private final Vocabulary words;
    private final Problems problems;
    private final java.util.Set<String> declaredIds = new java.util.TreeSet<>();
    private int figures;
    private int tables;

    CellParser(DataSet data, Vocabulary words, Problems problems) {
        this.data = data;
        this.words = words;
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
            Cell cell = kind == null ? null : cell(file, open + 1, kind, body);
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

    private Cell cell(Path file, int fenceLine, CellKind kind, String body) {
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
        LoadedTable table = table(yaml);
        ChartType chart = kind == CellKind.FIGURE ? chart(yaml) : null;
        String column = column(yaml, table, "column", true);
        String stack = column(yaml, table, "stack", chart == ChartType.STACKED);
        Map<String, String> where = where(yaml, table);
        boolean groups = root.path("groups").asBoolean(false);
        checkColumnFits(yaml, table, column, chart, groups);
        int top = top(yaml);
        String sort = choice(yaml, "sort", SORTS, chart == ChartType.LINE ? "schema" : "count");
        String axis = choice(yaml, "axis", AXES, "count");
        String caption = root.path("caption").asText("");
        if (kind == CellKind.FIGURE && caption.isBlank()) {
            problems.add(yaml.problemAt("", "a figure needs a 'caption': one line saying what it shows"));
        }
        if (problems.list().size() > before || id == null) {
            return null;
        }
        String label = kind == CellKind.FIGURE ? words.figureLabel(++figures) : words.tableLabel(++tables);
        return new Cell(kind, id, label, chart, table.name(), column, stack, groups, sort.equals("schema"), top, where,
                axis.equals("percent"), root.path("labels").asBoolean(true), caption, root.path("alt").asText(""),
                size(yaml, "width"), size(yaml, "height"), file, fenceLine);
    }

    private void checkKeys(LocatedYaml yaml, CellKind kind) {
        List<String> allowed = kind == CellKind.FIGURE ? KEYS : KEYS.stream().filter(k -> !k.equals("chart")
                && !k.equals("stack") && !k.equals("axis") && !k.equals("labels")).toList();
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

    private LoadedTable table(LocatedYaml yaml) {
        List<String> names = new ArrayList<>(data.tables().keySet());
        JsonNode node = yaml.root().path("table");
        if (node.isMissingNode()) {
            if (names.size() == 1) {
                return data.tables().get(names.get(0));
            }
            problems.add(yaml.problemAt("", "say which table to count: 'table: " + String.join("' or 'table: ", names) + "'"));
            return null;
        }
        LoadedTable table = data.tables().get(node.asText());
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

    private String column(LocatedYaml yaml, LoadedTable table, String key, boolean required) {
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

    private void checkColumnFits(LocatedYaml yaml, LoadedTable table, String column, ChartType chart, boolean groups) {
        if (table == null || column == null) {
            return;
        }
        ColumnSpec spec = table.schema().column(column).orElseThrow();
        if (chart == ChartType.LINE) {
            if (!spec.type().isTemporal()) {
                problems.add(yaml.problemAt("/column", "a line chart counts per month: 'column' must be a date"
                        + " or year-month column, and '" + column + "' is " + spec.type().keyword()));
            }
        } else if (!spec.type().isCategorical() && !spec.type().isTemporal()) {
            problems.add(yaml.problemAt("/column", "column '" + column + "' is " + spec.type().keyword()
                    + "; a cell counts a category, multi-category or date column"));
        } else if (groups && spec.groups().isEmpty()) {
            problems.add(yaml.problemAt("/groups", "'groups: true' but the values of '" + column
                    + "' have no groups in " + table.schema().schemaFile().getFileName()));
        }
    }

    private Map<String, String> where(LocatedYaml yaml, LoadedTable table) {
        Map<String, String> where = new LinkedHashMap<>();
        JsonNode node = yaml.root().path("where");
        if (node.isMissingNode()) {
            return where;
        }
        if (!node.isObject()) {
            problems.add(yaml.problemAt("/where", "expected 'where: {column: value}'"));
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
            String value = e.getValue().asText();
            List<String> allowed = spec.get().valuesAndGroups();
            if (spec.get().type().isCategorical() && !allowed.contains(value)) {
                problems.add(yaml.problemAt(at, "unknown value '" + value + "' of column '" + e.getKey() + "'"
                        + Suggestions.didYouMean(value, allowed) + "; expected one of " + String.join(", ", allowed)));
                return;
            }
            where.put(e.getKey(), value);
        });
        return where;
    }

    private int top(LocatedYaml yaml) {
        JsonNode node = yaml.root().path("top");
        if (node.isMissingNode()) {
            return 0;
        }
        if (!node.canConvertToInt() || node.asInt() < 1) {
            problems.add(yaml.problemAt("/top", "'top' keeps the N largest entries: expected a whole number 1 or more, not '"
                    + node.asText() + "'"));
            return 0;
        }
        return node.asInt();
    }

    private int size(LocatedYaml yaml, String key) {
        JsonNode node = yaml.root().path(key);
        if (node.isMissingNode()) {
            return 0;
        }
        if (!node.canConvertToInt() || node.asInt() < 100 || node.asInt() > 2000) {
            problems.add(yaml.problemAt("/" + key, "'" + key + "' is in pixels: expected a whole number from 100 to 2000"));
            return 0;
        }
        return node.asInt();
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
