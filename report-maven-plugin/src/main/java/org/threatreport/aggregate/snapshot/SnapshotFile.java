package org.threatreport.aggregate.snapshot;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.threatreport.aggregate.query.Query;
import org.threatreport.aggregate.query.QueryResult;
import org.threatreport.data.sql.SqlColumn;
import org.threatreport.diagnostic.Problem;

/**
 * A table's snapshot as a file, {@code data/<table>.snapshot.json}: UTF-8 JSON, the keys of every object in
 * alphabetical order and the queries ordered by their text, two spaces of indent and {@code \n} line ends,
 * a small value (a result row, a list of values, a period) on one line — so that the same snapshot is the
 * same bytes on every machine, and a changed one reads well in a diff.
 *
 * <pre>
 * {
 *   "columns": {                                   // the schema's columns as the source holds them
 *     "date": {"source": "reported", "storage": "date", "type": "DATE"},  // its name there, how SQL reads
 *     "industry": {"source": "industry", "storage": "text", "type": "VARCHAR"}  // it, its type there
 *   },
 *   "format": 1,                                   // this layout; a later plugin may write another
 *   "queries": [                                   // every query the report asked, ordered by its JSON text
 *     {
 *       "query": {
 *         "exclusions": [{"column": "actor", "values": ["Unknown"]}],              // only when any
 *         "filter": {"and": [{"in": {"column": "industry", "values": ["Finance"]}},  // only when any; also
 *                            {"not": {"range": {"column": "records", "from": "10"}}}]}, // "to", open ends left out
 *         "groupings": [{"values": "actor"}, {"months": "date"}],                  // also groups, years,
 *                                                  //  {"bins": {"column": "records", "edges": ["0", "10"]}}
 *         "measure": "count",                      // or {"sum": "records"}, mean, min, max,
 *                                                  //  {"percentile": {"column": "records", "percent": "50"}}
 *         "period": {"column": "date", "first": 2017, "last": 2017},               // or "all"
 *         "table": "incidents"
 *       },
 *       "result": {
 *         "base": 540,                             // the rows selected: the base of every share
 *         "rows": [{"count": 41, "key": ["External"], "n": 41, "value": "31.5"}]   // one per key, in order
 *       }
 *     }
 *   ],                                             // "value" only for a measure with cells; decimals as text
 *   "readAt": "2017-12-31T08:00:00Z",              // when the rows were read, UTC
 *   "rows": {"all": 2000, "byYear": {"2016": 430, "2017": 540}},
 *   "source": {"engine": "postgresql", "table": "public.incidents", "url": "jdbc:postgresql://…/soc"},
 *                                                  // or "query": "SELECT …"; a local file:
 *                                                  //  {"engine": "duckdb", "file": "incidents.parquet", "format": "parquet"}
 *   "table": "incidents",
 *   "timing": {"answeringMillis": 120, "readingMillis": 850}   // answering the queries; opening, checking, counting
 * }
 * </pre>
 */
public final class SnapshotFile {

    /** The layout this plugin writes and reads. */
    public static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SnapshotFile() {
    }

    /** The file's bytes. */
    public static byte[] bytes(TableSnapshot snapshot) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode columns = root.putObject("columns");
        snapshot.columns().forEach((name, column) -> columns.putObject(name).put("source", column.sourceName())
                .put("storage", column.storage().name().toLowerCase(java.util.Locale.ROOT)).put("type", column.sqlType()));
        root.put("format", FORMAT);
        ArrayNode queries = root.putArray("queries");
        snapshot.answers().values().forEach(answer -> {
            ObjectNode one = queries.addObject();
            one.set("query", answer.query());
            one.set("result", QueryJson.result(new QueryResult(Query.of(snapshot.table()), answer.base(), answer.rows())));
        });
        root.put("readAt", snapshot.readAt().toString());
        ObjectNode rows = root.putObject("rows").put("all", snapshot.rows());
        ObjectNode byYear = rows.putObject("byYear");
        snapshot.rowsByYear().forEach((year, count) -> byYear.put(Integer.toString(year), count));
        ObjectNode source = root.putObject("source");
        snapshot.source().forEach(source::put);
        root.put("table", snapshot.table());
        root.putObject("timing").put("answeringMillis", snapshot.answering().toMillis())
                .put("readingMillis", snapshot.reading().toMillis());
        StringBuilder json = new StringBuilder();
        write(QueryJson.sorted(root), 0, json);
        return json.append('\n').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The widest line a value is written on in one piece, indent included. */
    private static final int LINE = 100;

    /**
     * A value on one line when it fits and holds no object or array of more than scalars (a result row, a
     * list of values, a period); else one field or element a line, indented by two spaces.
     */
    private static void write(JsonNode node, int indent, StringBuilder out) {
        String inline = inline(node);
        if (!node.isContainerNode() || inline.length() + indent <= LINE && flat(node)) {
            out.append(inline);
            return;
        }
        boolean object = node.isObject();
        out.append(object ? "{" : "[");
        String pad = " ".repeat(indent + 2);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        Iterator<JsonNode> elements = node.elements();
        boolean first = true;
        while (object ? fields.hasNext() : elements.hasNext()) {
            out.append(first ? "\n" : ",\n").append(pad);
            first = false;
            JsonNode value;
            if (object) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(MAPPER.getNodeFactory().textNode(field.getKey())).append(": ");
                value = field.getValue();
            } else {
                value = elements.next();
            }
            write(value, indent + 2, out);
        }
        out.append(first ? "" : "\n" + " ".repeat(indent)).append(object ? "}" : "]");
    }

    /** Whether a container holds only scalars and containers of scalars. */
    private static boolean flat(JsonNode node) {
        for (JsonNode child : node) {
            for (JsonNode grandchild : child) {
                if (grandchild.isContainerNode()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String inline(JsonNode node) {
        if (!node.isContainerNode()) {
            return node.toString();
        }
        StringBuilder out = new StringBuilder(node.isObject() ? "{" : "[");
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        Iterator<JsonNode> elements = node.elements();
        boolean first = true;
        while (node.isObject() ? fields.hasNext() : elements.hasNext()) {
            out.append(first ? "" : ", ");
            first = false;
            if (node.isObject()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(MAPPER.getNodeFactory().textNode(field.getKey())).append(": ").append(inline(field.getValue()));
            } else {
                out.append(inline(elements.next()));
            }
        }
        return out.append(node.isObject() ? "}" : "]").toString();
    }

    /** A snapshot file that cannot be used: the problem, at its place in the file. */
    public static final class Unreadable extends Exception {
        private final transient Problem problem;

        Unreadable(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * The snapshot in {@code file}, or empty when there is none.
     *
     * @throws Unreadable when the file is not a snapshot this plugin can read
     * @throws IOException when the file cannot be read at all
     */
    public static java.util.Optional<TableSnapshot> read(Path file) throws Unreadable, IOException {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new Unreadable(Problem.error(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage()));
        }
        try {
            return java.util.Optional.of(snapshot(root));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new Unreadable(Problem.error(file, "is not a table snapshot this plugin can read: " + e.getMessage()
                    + "; build once online (without -Dreport.offline) to write it again"));
        }
    }

    private static TableSnapshot snapshot(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        long format = QueryJson.whole(root, "format");
        if (format != FORMAT) {
            throw new IllegalArgumentException("its format is " + format + ", this plugin reads format " + FORMAT);
        }
        SortedMap<String, String> source = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> i = root.path("source").fields(); i.hasNext(); ) {
            Map.Entry<String, JsonNode> field = i.next();
            source.put(field.getKey(), field.getValue().asText());
        }
        if (source.isEmpty()) {
            throw new IllegalArgumentException("'source' is missing");
        }
        SortedMap<String, SqlColumn> columns = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> i = root.path("columns").fields(); i.hasNext(); ) {
            Map.Entry<String, JsonNode> field = i.next();
            JsonNode column = field.getValue();
            String storage = column.path("storage").asText("").toUpperCase(java.util.Locale.ROOT);
            if (!column.path("source").isTextual() || java.util.Arrays.stream(SqlColumn.Storage.values())
                    .noneMatch(s -> s.name().equals(storage))) {
                throw new IllegalArgumentException("column '" + field.getKey() + "' needs its 'source' name and a 'storage'"
                        + " (one of text, date, integer, decimal, float, boolean)");
            }
            columns.put(field.getKey(), new SqlColumn(field.getKey(), column.get("source").asText(),
                    SqlColumn.Storage.valueOf(storage), column.path("type").asText("")));
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("'columns' is missing");
        }
        SortedMap<Integer, Long> byYear = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> i = root.path("rows").path("byYear").fields(); i.hasNext(); ) {
            Map.Entry<String, JsonNode> field = i.next();
            byYear.put(Integer.valueOf(field.getKey()), QueryJson.whole(root.path("rows").path("byYear"), field.getKey()));
        }
        SortedMap<String, TableSnapshot.Answer> answers = new TreeMap<>();
        for (JsonNode one : root.path("queries")) {
            JsonNode query = one.get("query");
            if (query == null || !query.isObject()) {
                throw new IllegalArgumentException("a query without its 'query'");
            }
            JsonNode result = one.path("result");
            answers.put(QueryJson.key(query), new TableSnapshot.Answer(QueryJson.sorted(query),
                    QueryJson.whole(result, "base"), QueryJson.rows(result)));
        }
        String table = root.path("table").asText("");
        if (table.isEmpty()) {
            throw new IllegalArgumentException("'table' is missing");
        }
        JsonNode timing = root.path("timing");
        return new TableSnapshot(table, source, columns, Instant.parse(root.path("readAt").asText("")),
                Duration.ofMillis(timing.path("readingMillis").asLong()),
                Duration.ofMillis(timing.path("answeringMillis").asLong()),
                QueryJson.whole(root.path("rows"), "all"), byYear, answers);
    }
}
