package org.threatreport.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.util.ast.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.LocatedYaml;
import org.threatreport.diagnostic.Problem;
import org.threatreport.diagnostic.Suggestions;
import org.threatreport.model.MarkdownSyntax;

/**
 * A block of key numbers — what a report opens with, "199 incidents, 30% of them in government" —
 * declared like a cell, as a fenced block {@code ```{keynumbers}} whose body is a YAML list, and
 * computed like any value: FreeMarker fills in the {@code ${…}} of its {@code value}s with the rest of
 * the page, so the corrections log follows them too.
 *
 * <pre>
 * ```{keynumbers}
 * - value: ${incidents.count()}
 *   label: 起网络安全应急响应事件
 *   link: "@fig-monthly"
 * ```
 * </pre>
 *
 * Each number links to the figure or table that explains it ({@code link}, a reference as in the text).
 *
 * @param numbers the numbers, in order
 */
record KeyNumbers(List<KeyNumber> numbers) {

    /** The info string of the block, without its braces. */
    static final String KIND = MarkdownSyntax.KEY_NUMBERS;
    private static final List<String> KEYS = List.of("value", "label", "link");

    /**
     * One key number.
     *
     * @param value  as readers see it ("199", "29.6%")
     * @param label  what it counts ("起网络安全应急响应事件")
     * @param target the id of the figure or table that explains it
     * @param line   the line of its {@code value}, counted from the block's opening fence
     */
    record KeyNumber(String value, String label, String target, int line) {
    }

    KeyNumbers {
        numbers = List.copyOf(numbers);
    }

    /** Whether a fenced block of rendered Markdown is a block of key numbers. */
    static boolean is(FencedCodeBlock block) {
        return block.getOpeningMarker().charAt(0) == '`' && block.getInfo().toString().strip().equals("{" + KIND + "}");
    }

    /** The blocks of key numbers of a document, in order. */
    static List<FencedCodeBlock> blocks(Document document) {
        return MarkdownSyntax.fencedBlocks(document).stream().filter(KeyNumbers::is).toList();
    }

    /**
     * Reads a block of the rendered Markdown: its values are filled in, with the Markdown escapes of
     * {@link MarkdownOutputFormat} (removed here: the values are shown as text).
     *
     * @param fenceLine the line of the block's opening fence in {@code file} (1-based), for locating mistakes
     * @param cells     whether a figure or table of that id exists, and its label ("图 1"), or null
     * @throws InputException for a body that is not a list of numbers each with a value, a label and a
     *                        link to a figure or table of the report
     */
    static KeyNumbers read(FencedCodeBlock block, Path file, int fenceLine, Function<String, String> cells)
            throws InputException {
        String body = block.getContentChars().toString();
        LocatedYaml yaml = LocatedYaml.parse(file, body, fenceLine + 1);
        JsonNode root = yaml.root();
        List<Problem> problems = new ArrayList<>();
        if (!root.isArray() || root.isEmpty()) {
            throw InputException.of(Problem.error(file, fenceLine, 1, "a {" + KIND + "} block is a YAML list of"
                    + " numbers, each '- value: ${…}', 'label: …' and 'link: \"@fig-…\"'"));
        }
        List<KeyNumber> numbers = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String at = "/" + i;
            JsonNode entry = root.get(i);
            if (!entry.isObject()) {
                problems.add(yaml.problemAt(at, "a key number has a 'value', a 'label' and a 'link'"));
                continue;
            }
            for (Iterator<String> keys = entry.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!KEYS.contains(key)) {
                    problems.add(yaml.keyProblemAt(at + "/" + key, "unknown key '" + key + "' of a key number"
                            + Suggestions.didYouMean(key, KEYS) + "; expected value, label and link"));
                }
            }
            String value = text(entry, "value");
            String label = text(entry, "label");
            String link = text(entry, "link");
            if (value.isBlank()) {
                problems.add(yaml.problemAt(at, "the key number needs a 'value', e.g. 'value: ${incidents.count()}'"));
            }
            if (label.isBlank()) {
                problems.add(yaml.problemAt(at, "the key number needs a 'label': what the number counts"));
            }
            String target = target(link, yaml, at, cells, problems);
            numbers.add(new KeyNumber(value, label, target, yaml.problemAt(at + "/value", "").line() - fenceLine));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new KeyNumbers(numbers);
    }

    /** The id a {@code link} names, or null (with a problem) when it names no figure or table. */
    private static String target(String link, LocatedYaml yaml, String at, Function<String, String> cells,
                                 List<Problem> problems) {
        if (link.isBlank()) {
            problems.add(yaml.problemAt(at, "the key number needs a 'link' to the figure or table that explains it,"
                    + " e.g. 'link: \"@fig-industry\"'"));
            return null;
        }
        if (!link.startsWith("@") || cells.apply(link.substring(1)) == null) {
            problems.add(yaml.problemAt(at + "/link", "'" + link + "' is no figure or table of the report: write"
                    + " the reference of the one that explains the number, e.g. \"@fig-industry\" (in quotes:"
                    + " YAML reads @ otherwise)"));
            return null;
        }
        return link.substring(1);
    }

    /** A string of the entry as readers see it: the Markdown escapes of the values filled in removed. */
    private static String text(JsonNode entry, String key) {
        JsonNode node = entry.path(key);
        return node.isValueNode() ? node.asText().replaceAll("\\\\(.)", "$1").strip() : "";
    }

    /** The key number whose {@code value} stands on line {@code line} of the block (counted from its fence), or null. */
    KeyNumber valueAt(int line) {
        return numbers.stream().filter(number -> number.line() == line).findFirst().orElse(null);
    }

    /**
     * The block as portable Markdown: one list item per number, "**199** 起网络安全应急响应事件（@fig-monthly）"
     * — the reference left for each output to write its own way. Its items are marked with "*", so that a
     * list following it (marked "-") stays a list of its own.
     */
    List<String> markdownLines(boolean chinese) {
        List<String> lines = new ArrayList<>();
        for (KeyNumber number : numbers) {
            String reference = number.target() == null ? "" : "@" + number.target();
            lines.add("* **" + PortableMarkdown.escape(number.value()) + "** " + PortableMarkdown.escape(number.label())
                    + (reference.isEmpty() ? "" : chinese ? "（" + reference + "）" : " (" + reference + ")"));
        }
        return lines;
    }
}
