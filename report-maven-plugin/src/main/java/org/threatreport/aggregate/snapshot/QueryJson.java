package org.threatreport.aggregate.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.threatreport.aggregate.query.Exclusion;
import org.threatreport.aggregate.query.Filter;
import org.threatreport.aggregate.query.Grouping;
import org.threatreport.aggregate.query.Measure;
import org.threatreport.aggregate.query.Period;
import org.threatreport.aggregate.query.Query;
import org.threatreport.aggregate.query.QueryResult;

/**
 * Queries and results as the JSON of a snapshot (see {@link SnapshotFile} for the fields). A query's JSON,
 * its keys sorted, is also how a snapshot finds its answer: two queries asking the same have the same text.
 * Decimals are written as text, exactly.
 */
final class QueryJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private QueryJson() {
    }

    /** A query without its min-n, which no number depends on. */
    static ObjectNode of(Query query) {
        ObjectNode node = NODES.objectNode();
        if (!query.exclusions().isEmpty()) {
            ArrayNode exclusions = node.putArray("exclusions");
            for (Exclusion exclusion : query.exclusions()) {
                ObjectNode one = exclusions.addObject().put("column", exclusion.column());
                exclusion.values().forEach(one.putArray("values")::add);
            }
        }
        if (!query.filter().equals(Filter.NONE)) {
            node.set("filter", filter(query.filter()));
        }
        if (!query.groupings().isEmpty()) {
            ArrayNode groupings = node.putArray("groupings");
            query.groupings().forEach(g -> groupings.add(grouping(g)));
        }
        node.set("measure", measure(query.measure()));
        if (query.period() instanceof Period.YearSpan span) {
            node.putObject("period").put("column", span.column()).put("first", span.first()).put("last", span.last());
        } else {
            node.put("period", "all");
        }
        node.put("table", query.table());
        return node;
    }

    private static JsonNode filter(Filter filter) {
        ObjectNode node = NODES.objectNode();
        if (filter instanceof Filter.In in) {
            ObjectNode body = node.putObject("in").put("column", in.column());
            in.values().forEach(body.putArray("values")::add);
        } else if (filter instanceof Filter.Range range) {
            ObjectNode body = node.putObject("range").put("column", range.column());
            if (range.from() != null) {
                body.put("from", range.from());
            }
            if (range.to() != null) {
                body.put("to", range.to());
            }
        } else if (filter instanceof Filter.Not not) {
            node.set("not", filter(not.filter()));
        } else {
            ArrayNode all = node.putArray("and");
            ((Filter.And) filter).filters().forEach(f -> all.add(filter(f)));
        }
        return node;
    }

    private static JsonNode grouping(Grouping grouping) {
        ObjectNode node = NODES.objectNode();
        if (grouping instanceof Grouping.Bins bins) {
            ObjectNode body = node.putObject("bins").put("column", bins.column());
            ArrayNode edges = body.putArray("edges");
            bins.edges().forEach(edge -> edges.add(edge.toPlainString()));
        } else {
            String kind = grouping instanceof Grouping.Values ? "values" : grouping instanceof Grouping.Groups ? "groups"
                    : grouping instanceof Grouping.Months ? "months" : "years";
            node.put(kind, grouping.column());
        }
        return node;
    }

    private static JsonNode measure(Measure measure) {
        if (measure instanceof Measure.Count) {
            return NODES.textNode("count");
        }
        ObjectNode node = NODES.objectNode();
        if (measure instanceof Measure.Percentile percentile) {
            node.putObject("percentile").put("column", percentile.column())
                    .put("percent", percentile.percent().toPlainString());
        } else {
            node.put(measure.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT), measure.column());
        }
        return node;
    }

    /** The text that identifies a query: its JSON on one line, keys sorted. */
    static String key(JsonNode query) {
        return sorted(query).toString();
    }

    static ObjectNode result(QueryResult result) {
        ObjectNode node = NODES.objectNode().put("base", result.base());
        ArrayNode rows = node.putArray("rows");
        for (QueryResult.Row row : result.rows()) {
            ObjectNode one = rows.addObject().put("count", row.count());
            row.key().forEach(one.putArray("key")::add);
            one.put("n", row.n());
            if (row.value() != null) {
                one.put("value", row.value().toPlainString());
            }
        }
        return node;
    }

    /** The rows of a result as a snapshot holds them; a malformed one throws with what is wrong. */
    static List<QueryResult.Row> rows(JsonNode result) {
        JsonNode rows = result.path("rows");
        if (!rows.isArray()) {
            throw new IllegalArgumentException("a result without its 'rows'");
        }
        List<QueryResult.Row> read = new ArrayList<>();
        for (JsonNode row : rows) {
            List<String> key = new ArrayList<>();
            row.path("key").forEach(k -> key.add(k.asText()));
            JsonNode value = row.get("value");
            read.add(new QueryResult.Row(key, whole(row, "count"), whole(row, "n"),
                    value == null || value.isNull() ? null : new BigDecimal(value.asText())));
        }
        return read;
    }

    static long whole(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new IllegalArgumentException("'" + field + "' is not a whole number");
        }
        return value.asLong();
    }

    /** {@code node} with the fields of every object in the order of their names. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> i = node.fields(); i.hasNext(); ) {
                Map.Entry<String, JsonNode> field = i.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode copy = NODES.objectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
