package org.threatreport.render;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.threatreport.model.MarkdownSyntax;

/**
 * The words readers see around each value of a rendered chapter, for the corrections log: read from
 * the parsed Markdown, so that they are the text of the page — references as their labels ("图 2"),
 * no list markers, emphasis or escapes, line breaks between Chinese characters gone as a browser
 * shows them.
 *
 * <p>Before a value: the end of its sentence, at most {@value #BEFORE} characters (an ellipsis when cut).
 * After it: up to the next punctuation, at most {@value #AFTER} characters — the unit that belongs to
 * the number ("起", "incidents").
 */
final class ReaderText {

    static final int BEFORE = 30;
    static final int AFTER = 12;
    private static final String SENTENCE_ENDS = "。！？；!?;";
    private static final String CLAUSE_ENDS = "，、：,:";
    private static final String STOPS_AFTER = "，。；：！？、（）“”‘’「」,.;:!?()\"";

    private ReaderText() {
    }

    /**
     * @param labels     a reference's label by cell id, or null for an unknown id (left as written)
     * @param keyNumbers the label of the key number whose value stands at an offset, or null
     * @return the values with the words around them, in the order recorded
     */
    static List<InlineValue> around(Document document, List<ValueRecorder.Recorded> recorded,
                                    Function<String, String> labels, Function<Integer, String> keyNumbers) {
        List<Node> blocks = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof Paragraph || node instanceof Heading || node instanceof TableCell) {
                blocks.add(node);
            }
        }
        List<InlineValue> values = new ArrayList<>();
        for (ValueRecorder.Recorded value : recorded) {
            Node block = innermost(blocks, value.start());
            InlineValue v = value.value();
            if (block == null) {
                // A key number reads with its label after it.
                String label = keyNumbers.apply(value.start());
                values.add(label == null ? v : new InlineValue(v.page(), v.line(), v.column(), v.expression(),
                        v.value(), "", " " + label));
                continue;
            }
            StringBuilder before = new StringBuilder();
            StringBuilder after = new StringBuilder();
            collect(block, value.start(), value.end(), before, after, labels);
            values.add(new InlineValue(v.page(), v.line(), v.column(), v.expression(), v.value(),
                    lead(clean(before.toString())), tail(clean(after.toString()))));
        }
        return values;
    }

    /** The deepest block holding {@code offset}: descendants come after their ancestors. */
    private static Node innermost(List<Node> blocks, int offset) {
        Node found = null;
        for (Node block : blocks) {
            if (block.getStartOffset() <= offset && offset < block.getEndOffset()) {
                found = block;
            }
        }
        return found;
    }

    /** The block's text as readers see it, cut into what stands before {@code start} and after {@code end}. */
    private static void collect(Node node, int start, int end, StringBuilder before, StringBuilder after,
                                Function<String, String> labels) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof HtmlInline) {
                continue;
            }
            String whole = null;
            if (child instanceof MarkdownSyntax.Reference reference) {
                String label = labels.apply(reference.id());
                whole = label != null ? label : reference.getChars().toString();
            } else if (child instanceof Code code) {
                whole = code.getText().toString();
            } else if (child instanceof SoftLineBreak) {
                whole = "\n";
            } else if (child instanceof HardLineBreak) {
                whole = " ";
            } else if (child.hasChildren()) {
                collect(child, start, end, before, after, labels);
                continue;
            }
            if (whole != null) {
                // An atom: wholly before, wholly after, or part of the value itself.
                if (child.getEndOffset() <= start) {
                    before.append(whole);
                } else if (child.getStartOffset() >= end) {
                    after.append(whole);
                }
                continue;
            }
            var chars = child.getChars();
            int from = child.getStartOffset();
            int to = child.getEndOffset();
            if (from < start) {
                before.append(chars.subSequence(0, Math.min(to, start) - from).unescape());
            }
            if (to > end) {
                after.append(chars.subSequence(Math.max(from, end) - from, to - from).unescape());
            }
        }
    }

    /** Runs of white space as one space; a line break between two CJK characters disappears, as in a browser. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0') {
                out.append(c);
                i++;
                continue;
            }
            int stop = i;
            boolean lineBreak = false;
            while (stop < text.length() && (Character.isWhitespace(text.charAt(stop)) || text.charAt(stop) == '\u00A0')) {
                lineBreak |= text.charAt(stop) == '\n';
                stop++;
            }
            boolean joined = lineBreak && out.length() > 0 && stop < text.length()
                    && isCjk(out.codePointBefore(out.length())) && isCjk(text.codePointAt(stop));
            if (!joined) {
                out.append(' ');
            }
            i = stop;
        }
        return out.toString();
    }

    /** The end of the sentence before a value; its last {@value #BEFORE} characters, from a clause's start. */
    static String lead(String text) {
        int sentence = -1;
        for (int i = 0; i < text.length(); i++) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                sentence = i;
            }
        }
        String lead = text.substring(sentence + 1).stripLeading();
        if (lead.length() <= BEFORE) {
            return lead;
        }
        String cut = lead.substring(lead.length() - BEFORE);
        // Start at a clause when one starts early in the window, rather than mid-word.
        for (int i = 0; i < cut.length() / 2; i++) {
            if (CLAUSE_ENDS.indexOf(cut.charAt(i)) >= 0) {
                return "…" + cut.substring(i + 1).stripLeading();
            }
        }
        if (Character.isLowSurrogate(cut.charAt(0))) {
            cut = cut.substring(1);
        }
        return "…" + cut;
    }

    /** The words right after a value, up to the next punctuation. */
    static String tail(String text) {
        int stop = 0;
        while (stop < text.length() && stop < AFTER && STOPS_AFTER.indexOf(text.charAt(stop)) < 0) {
            stop++;
        }
        if (stop > 0 && stop < text.length() && Character.isHighSurrogate(text.charAt(stop - 1))) {
            stop--;
        }
        return text.substring(0, stop).stripTrailing();
    }

    private static boolean isCjk(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
    }
}
