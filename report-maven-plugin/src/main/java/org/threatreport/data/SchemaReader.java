package org.threatreport.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.LocatedYaml;
import org.threatreport.diagnostic.Problem;
import org.threatreport.diagnostic.Problems;
import org.threatreport.diagnostic.Suggestions;

/** Reads a {@code <table>.schema.yaml} file, reporting every mistake in it at once. */
public final class SchemaReader {

    static final String SUFFIX = ".schema.yaml";
    private static final List<String> SCHEMA_KEYS = List.of("table", "label", "id", "file", "engine", "source",
            "encoding", "period", "other-years", "columns");
    private static final List<String> SOURCE_KEYS = List.of("url", "table", "query", "server", "user-variable",
            "password-variable", "timeout");
    private static final List<String> ENGINES = List.of("memory", "duckdb");
    private static final List<String> COLUMN_KEYS = List.of("name", "type", "label", "required", "values", "separator",
            "partial");
    private static final List<String> OTHER_YEARS = List.of("keep", "error");
    private static final List<String> VALUE_KEYS = List.of("value", "label", "group");

    private final Problems problems = new Problems();
    private LocatedYaml yaml;

    public static Schema read(Path schemaFile) throws InputException {
        return new SchemaReader().parse(schemaFile);
    }

    private Schema parse(Path schemaFile) throws InputException {
        String text;
        try {
            text = Files.readString(schemaFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InputException.of(Problem.error(schemaFile, "cannot be read as UTF-8 text: " + e.getMessage()));
        }
        yaml = LocatedYaml.parse(schemaFile, text, 1);
        JsonNode root = yaml.root();
        if (!root.isObject()) {
            throw InputException.of(yaml.problemAt("", "a schema is a YAML mapping with 'table' and 'columns'"));
        }
        checkKeys(root, "", SCHEMA_KEYS);
        String stem = stem(schemaFile);
        String table = tableName(root, stem);
        // The data file is named after the table as written (or the schema's file), before any renaming.
        Path dataFile = dataFile(schemaFile, text(root, "/file", text(root, "/table", stem) + ".csv"));
        Charset encoding = encoding(root);
        List<ColumnSpec> columns = columns(root.path("columns"));
        String id = text(root, "/id", null);
        if (id != null && columns.stream().noneMatch(c -> c.name().equals(id))) {
            problems.add(yaml.problemAt("/id", "id column '" + id + "' is not one of the columns"
                    + Suggestions.didYouMean(id, columns.stream().map(ColumnSpec::name).toList())));
        }
        String period = period(root, columns);
        boolean reportYearOnly = otherYears(root);
        TableSource source = source(root, dataFile);
        if (source instanceof TableSource.Database) {
            dataFile = schemaFile;
        }
        problems.throwIfAny();
        return new Schema(table, schemaFile, dataFile, encoding, id, labels(root.path("label"), "/label"), columns,
                period, reportYearOnly, source);
    }

    /**
     * Where the rows are: {@code source:} (a database over JDBC), else the {@code file:} — read into memory
     * when it is a CSV file, by DuckDB when it is a Parquet file or folder, or a CSV with {@code engine: duckdb}.
     */
    private TableSource source(JsonNode root, Path dataFile) {
        String engine = text(root, "/engine", null);
        if (engine != null && !ENGINES.contains(engine)) {
            problems.add(yaml.problemAt("/engine", "unknown engine '" + engine + "'" + Suggestions.didYouMean(engine, ENGINES)
                    + "; expected memory (the CSV file is read into memory, the default) or duckdb (DuckDB reads the"
                    + " file where it lies: for files too large for memory)"));
        }
        JsonNode source = root.path("source");
        if (!source.isMissingNode()) {
            if (root.has("file") || root.has("engine")) {
                problems.add(yaml.keyProblemAt(root.has("file") ? "/file" : "/engine", "a table comes from a 'file' or"
                        + " from a database 'source', not both"));
            }
            return database(source);
        }
        String name = dataFile.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (Files.isDirectory(dataFile)) {
            return new TableSource.EngineFile(dataFile, TableSource.EngineFile.Format.PARQUET_FOLDER);
        }
        if (name.endsWith(".parquet")) {
            return new TableSource.EngineFile(dataFile, TableSource.EngineFile.Format.PARQUET);
        }
        if ("duckdb".equals(engine)) {
            return new TableSource.EngineFile(dataFile, TableSource.EngineFile.Format.CSV);
        }
        return new TableSource.CsvFile(dataFile);
    }

    private TableSource.Database database(JsonNode node) {
        if (!node.isObject()) {
            problems.add(yaml.problemAt("/source", "expected a source: a mapping with 'url' (jdbc:…) and 'table' or"
                    + " 'query'"));
            return new TableSource.Database("jdbc:none:", "none", null, null, null, null, 1);
        }
        checkKeys(node, "/source", SOURCE_KEYS);
        String url = text(node, "/source/url", null);
        if (url == null || !url.startsWith("jdbc:") || url.indexOf(':', 5) < 0) {
            problems.add(yaml.problemAt(url == null ? "/source" : "/source/url", "expected 'url': a JDBC URL such as"
                    + " jdbc:postgresql://db.example.org:5432/soc, jdbc:duckdb:/data/soc.duckdb or"
                    + " jdbc:trino://trino.example.org:8080/hive/soc"));
            url = "jdbc:none:";
        } else if (url.matches("(?i).*[?&;](password|user|username)=.*") || url.matches("(?i)jdbc:[a-z0-9]+://[^/@]*:[^/@]*@.*")) {
            problems.add(yaml.problemAt("/source/url", "the URL holds a user name or password: credentials never go"
                    + " into the project; name a settings.xml <server> with 'server:', or environment variables with"
                    + " 'user-variable:' and 'password-variable:'"));
        }
        String table = text(node, "/source/table", null);
        String query = text(node, "/source/query", null);
        if ((table == null) == (query == null)) {
            problems.add(yaml.problemAt("/source", "a source names either 'table' (a table or view, e.g."
                    + " public.incidents) or 'query' (a SELECT), one of them"));
        }
        if (query != null && !query.strip().toLowerCase(java.util.Locale.ROOT).matches("(?s)(select|with)\\b.*")) {
            problems.add(yaml.problemAt("/source/query", "a query is one SELECT (or WITH … SELECT) whose rows are the"
                    + " table's"));
        }
        String server = text(node, "/source/server", null);
        String userVariable = text(node, "/source/user-variable", null);
        String passwordVariable = text(node, "/source/password-variable", null);
        if (server != null && (userVariable != null || passwordVariable != null)) {
            problems.add(yaml.problemAt("/source/server", "the credentials come from a settings.xml <server> or from"
                    + " environment variables, not both"));
        }
        int timeout = TableSource.Database.DEFAULT_TIMEOUT;
        JsonNode seconds = node.path("timeout");
        if (!seconds.isMissingNode()) {
            if (seconds.isIntegralNumber() && seconds.asLong() >= 1 && seconds.asLong() <= 86_400) {
                timeout = seconds.asInt();
            } else {
                problems.add(yaml.problemAt("/source/timeout", "expected the seconds one query may take, a whole number"
                        + " from 1 to 86400 (default " + TableSource.Database.DEFAULT_TIMEOUT + ")"));
            }
        }
        return new TableSource.Database(url, table, query, server, userVariable, passwordVariable, timeout);
    }

    /**
     * The name of the table a schema file describes as far as it can be told when the file has mistakes:
     * its {@code table} key when that line reads plainly, else the name made from the file's name.
     */
    public static String tableName(Path schemaFile) {
        try {
            for (String line : Files.readAllLines(schemaFile, StandardCharsets.UTF_8)) {
                java.util.regex.Matcher table = java.util.regex.Pattern.compile("^table:\\s*['\"]?([^'\"#\\s]+)").matcher(line);
                if (table.find()) {
                    return table.group(1);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // the name made from the file's name
        }
        return TableNames.of(stem(schemaFile));
    }

    /** The file name without {@value #SUFFIX}: {@code incidents-2013} for {@code incidents-2013.schema.yaml}. */
    static String stem(Path schemaFile) {
        return schemaFile.getFileName().toString().replace(SUFFIX, "");
    }

    /**
     * The table's name: its {@code table} key, which templates must be able to write ({@code incidents},
     * not {@code incidents-2013}); without one, the file's stem made into such a name.
     */
    private String tableName(JsonNode root, String stem) {
        String given = text(root, "/table", null);
        if (given == null) {
            return TableNames.of(stem);
        }
        String problem = TableNames.problem(given);
        if (problem != null) {
            problems.add(yaml.problemAt("/table", problem));
        }
        return given;
    }

    /** The period column: the {@code period} key, else the first date or year-month column. */
    private String period(JsonNode root, List<ColumnSpec> columns) {
        String named = text(root, "/period", null);
        if (named == null) {
            return Schema.firstTemporal(columns);
        }
        List<String> dates = columns.stream().filter(c -> c.type().isTemporal()).map(ColumnSpec::name).toList();
        if (!dates.contains(named)) {
            problems.add(yaml.problemAt("/period", "the period is the date column that places each row in a year;"
                    + " '" + named + "' is not one" + Suggestions.didYouMean(named, dates)
                    + (dates.isEmpty() ? "; this table has no date or year-month column"
                    : "; expected one of " + String.join(", ", dates))));
            return Schema.firstTemporal(columns);
        }
        return named;
    }

    /** {@code other-years: error} (a row outside the report's year is a mistake) or {@code keep} (the default). */
    private boolean otherYears(JsonNode root) {
        String word = text(root, "/other-years", "keep");
        if (!OTHER_YEARS.contains(word)) {
            problems.add(yaml.problemAt("/other-years", "unknown other-years '" + word + "'"
                    + Suggestions.didYouMean(word, OTHER_YEARS) + "; expected keep (rows of any year; the report"
                    + " reads other years explicitly) or error (a row outside the report's year is a mistake)"));
        }
        return word.equals("error");
    }

    /**
     * The table's data file, which must lie in the schema's own folder (or below it): a schema names a
     * file the site publishes for download, so it can never reach outside the data folder — not by an
     * absolute path, not by {@code ..}, not through a symbolic link. Nothing of a refused file is read.
     */
    private Path dataFile(Path schemaFile, String name) {
        Path folder = schemaFile.toAbsolutePath().normalize().getParent();
        Path file;
        try {
            file = folder.resolve(name).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            problems.add(yaml.problemAt("/file", "'" + name + "' is not a file name; expected e.g. incidents.csv"));
            return folder.resolve("-");
        }
        boolean inside = file.startsWith(folder) && !file.equals(folder);
        if (inside && Files.exists(file)) {
            try {
                inside = file.toRealPath().startsWith(folder.toRealPath());
            } catch (IOException e) {
                inside = false;
            }
        }
        if (!inside) {
            problems.add(yaml.problemAt("/file", "file '" + name + "' is outside the data folder: a table's file must"
                    + " be in " + folder.getFileName() + "/ (e.g. file: " + folder.relativize(folder.resolve(
                    schemaFile.getFileName().toString().replace(SUFFIX, ".csv"))) + "); copy the file there"));
            return folder.resolve("-");
        }
        return file;
    }

    private Charset encoding(JsonNode root) {
        String name = text(root, "/encoding", "UTF-8");
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            problems.add(yaml.problemAt("/encoding", "unknown encoding '" + name + "'; expected e.g. UTF-8 or GBK"));
            return StandardCharsets.UTF_8;
        }
    }

    private List<ColumnSpec> columns(JsonNode node) {
        List<ColumnSpec> columns = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            problems.add(yaml.problemAt("/columns", "expected 'columns': a list of columns, each with a name and a type"));
            return columns;
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "/columns/" + i;
            String name = node.get(i).path("name").asText("");
            if (!name.isEmpty() && seen.putIfAbsent(name, i) != null) {
                problems.add(yaml.problemAt(at + "/name", "column '" + name + "' is listed twice"));
                continue;
            }
            ColumnSpec column = column(node.get(i), at);
            if (column != null) {
                columns.add(column);
            }
        }
        return columns;
    }

    private ColumnSpec column(JsonNode node, String at) {
        if (!node.isObject()) {
            problems.add(yaml.problemAt(at, "expected a column: a mapping with 'name' and 'type'"));
            return null;
        }
        checkKeys(node, at, COLUMN_KEYS);
        String name = text(node, at + "/name", null);
        String typeWord = text(node, at + "/type", null);
        if (name == null || name.isBlank()) {
            problems.add(yaml.problemAt(at, "column has no 'name'"));
            return null;
        }
        if (typeWord == null) {
            problems.add(yaml.problemAt(at, "column '" + name + "' has no 'type'; expected one of "
                    + String.join(", ", ColumnType.keywords())));
            return null;
        }
        ColumnType type = ColumnType.fromKeyword(typeWord).orElse(null);
        if (type == null) {
            problems.add(yaml.problemAt(at + "/type", "unknown type '" + typeWord + "'"
                    + Suggestions.didYouMean(typeWord, ColumnType.keywords())
                    + "; expected one of " + String.join(", ", ColumnType.keywords())));
            return null;
        }
        List<CategoryValue> values = type.isCategorical() ? values(node.path("values"), at + "/values", name) : List.of();
        if (!type.isCategorical() && node.has("values")) {
            problems.add(yaml.problemAt(at + "/values", "only category and multi-category columns list values"));
        }
        String separator = text(node, at + "/separator", null);
        if (type == ColumnType.MULTI_CATEGORY && (separator == null || separator.isEmpty())) {
            problems.add(yaml.problemAt(at, "multi-category column '" + name + "' needs a 'separator', e.g. \";\""));
        }
        boolean required = yaml.booleanAt(at + "/required", false, problems);
        boolean partial = yaml.booleanAt(at + "/partial", false, problems);
        if (partial && !type.isTemporal()) {
            problems.add(yaml.problemAt(at + "/partial", "only date and year-month columns take 'partial'"
                    + " (cells that give only the year, or the year and month)"));
        }
        return new ColumnSpec(name, type, labels(node.path("label"), at + "/label"), required, values, separator,
                partial);
    }

    private List<CategoryValue> values(JsonNode node, String at, String column) {
        List<CategoryValue> values = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            problems.add(yaml.problemAt(at, "category column '" + column + "' needs 'values': its allowed values in display order"));
            return values;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemAt = at + "/" + i;
            CategoryValue value;
            if (item.isObject()) {
                checkKeys(item, itemAt, VALUE_KEYS);
                String v = text(item, itemAt + "/value", null);
                if (v == null) {
                    problems.add(yaml.problemAt(itemAt, "a value given as a mapping needs 'value'"));
                    continue;
                }
                value = new CategoryValue(v, text(item, itemAt + "/label", v), text(item, itemAt + "/group", null));
            } else if (item.isValueNode()) {
                value = new CategoryValue(item.asText(), item.asText(), null);
            } else {
                problems.add(yaml.problemAt(itemAt, "expected a value, or a mapping with value, label and group"));
                continue;
            }
            if (!seen.add(value.value())) {
                problems.add(yaml.problemAt(itemAt, "value '" + value.value() + "' of column '" + column + "' is listed twice"));
                continue;
            }
            values.add(value);
        }
        return values;
    }

    private Map<String, String> labels(JsonNode node, String at) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (node.isTextual()) {
            labels.put("en", node.asText());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        } else if (!node.isMissingNode()) {
            problems.add(yaml.problemAt(at, "expected a label, or labels by language such as {zh: 行业, en: Industry}"));
        }
        return labels;
    }

    private void checkKeys(JsonNode node, String at, List<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!allowed.contains(key)) {
                problems.add(yaml.keyProblemAt(at + "/" + key, "unknown key '" + key + "'"
                        + Suggestions.didYouMean(key, allowed) + "; expected one of " + String.join(", ", allowed)));
            }
        }
    }

    private String text(JsonNode root, String pointer, String fallback) {
        JsonNode node = root.at(pointer.substring(pointer.lastIndexOf('/')));
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isValueNode()) {
            problems.add(yaml.problemAt(pointer, "expected a single value"));
            return fallback;
        }
        return node.asText();
    }
}
