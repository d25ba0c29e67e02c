package org.threatreport.diagnostic;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document (a schema, {@code report.yaml}, a chapter's front matter or a cell body) that
 * remembers where each of its nodes stands in the file, so that a problem found in its values can
 * name the line and column to fix.
 */
public final class LocatedYaml {

    private static final String KEY = "#key";
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path file;
    private final JsonNode root;
    private final Map<String, int[]> positions;
    private final int firstLine;

    private LocatedYaml(Path file, JsonNode root, Map<String, int[]> positions, int firstLine) {
        this.file = file;
        this.root = root;
        this.positions = positions;
        this.firstLine = firstLine;
    }

    /**
     * Parses {@code text}, which starts at line {@code firstLine} of {@code file}.
     *
     * @throws InputException for a YAML syntax error, located in the file
     */
    public static LocatedYaml parse(Path file, String text, int firstLine) throws InputException {
        Map<String, int[]> positions = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonNode root = readTree(parser, positions);
            return new LocatedYaml(file, root == null ? MissingNode.getInstance() : root, positions, firstLine);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr() + firstLine - 1;
            int column = at == null ? 0 : at.getColumnNr();
            throw InputException.of(Problem.error(file, line, column,
                    "this is not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("")));
        } catch (IOException e) {
            throw InputException.of(Problem.error(file, "cannot be read: " + e.getMessage()));
        }
    }

    /**
     * The first document as a tree, built in the same pass that notes every node's position (no
     * ObjectMapper: making one costs about 0.3 s in a fresh JVM, more than reading every schema and
     * chapter of a report). The tree is the one {@code ObjectMapper.readTree} makes: a later duplicate
     * key replaces the earlier one; floating-point numbers are doubles. Null for an empty document.
     */
    private static JsonNode readTree(JsonParser parser, Map<String, int[]> positions) throws IOException {
        Deque<ContainerNode<?>> open = new ArrayDeque<>();
        JsonNode root = null;
        String field = null;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            // Every token is read, later documents too, so that a syntax error anywhere is reported.
            boolean building = root == null || !open.isEmpty();
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            JsonLocation at = parser.currentTokenLocation();
            int[] position = {at.getLineNr(), at.getColumnNr()};
            if (token == JsonToken.FIELD_NAME) {
                positions.put(pointer + KEY, position);
                positions.putIfAbsent(pointer, position);
                field = parser.currentName();
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                if (building) {
                    open.pop();
                }
            } else {
                positions.put(pointer, position);
                if (building) {
                    JsonNode node = switch (token) {
                        case START_OBJECT -> NODES.objectNode();
                        case START_ARRAY -> NODES.arrayNode();
                        default -> scalar(parser, token);
                    };
                    if (open.isEmpty()) {
                        root = node;
                    } else if (open.peek() instanceof ObjectNode object) {
                        object.set(field, node);
                    } else {
                        ((ArrayNode) open.peek()).add(node);
                    }
                    if (node instanceof ContainerNode<?> container) {
                        open.push(container);
                    }
                }
            }
        }
        return root;
    }

    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
                    ? NODES.numberNode(parser.getDecimalValue()) : NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_EMBEDDED_OBJECT -> NODES.pojoNode(parser.getEmbeddedObject());
            default -> NODES.nullNode();
        };
    }

    public Path file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** A problem located at the key (not the value) of the node with this JSON pointer. */
    public Problem keyProblemAt(String pointer, String message) {
        int[] position = positions.get(pointer + KEY);
        return position == null ? problemAt(pointer, message)
                : Problem.error(file, position[0] + firstLine - 1, position[1], message);
    }

    /** A problem located at the node with this JSON pointer (e.g. {@code /columns/2/type}). */
    public Problem problemAt(String pointer, String message) {
        String path = pointer;
        int[] position = positions.get(path);
        while (position == null && !path.isEmpty()) {
            path = path.substring(0, Math.max(0, path.lastIndexOf('/')));
            position = positions.get(path);
        }
        if (position == null) {
            return Problem.error(file, firstLine, 0, message);
        }
        return Problem.error(file, position[0] + firstLine - 1, position[1], message);
    }

    /**
     * The value at {@code pointer} as {@code true} or {@code false} — YAML's booleans, nothing else;
     * {@code fallback} when absent. Any other value is a problem, and gives {@code fallback}.
     */
    public boolean booleanAt(String pointer, boolean fallback, Problems problems) {
        JsonNode node = root.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            problems.add(problemAt(pointer, "'" + pointer.substring(pointer.lastIndexOf('/') + 1) + "' is true or false,"
                    + " not '" + node.asText() + "'"));
            return fallback;
        }
        return node.booleanValue();
    }

    /**
     * The value at {@code pointer} as a whole number from {@code min} to {@code max}; {@code fallback}
     * when absent. A fraction, a word or a number out of range is a problem, and gives {@code fallback}.
     */
    public int wholeNumberAt(String pointer, int min, int max, int fallback, String meaning, Problems problems) {
        JsonNode node = root.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            problems.add(problemAt(pointer, "'" + pointer.substring(pointer.lastIndexOf('/') + 1) + "' " + meaning
                    + ": expected a whole number " + (max == Integer.MAX_VALUE ? min + " or more" : "from " + min + " to " + max)
                    + ", not '" + node.asText() + "'"));
            return fallback;
        }
        return node.intValue();
    }
}
