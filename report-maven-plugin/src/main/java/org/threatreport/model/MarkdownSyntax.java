package org.threatreport.model;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown of the report as flexmark reads it, the one definition every stage uses: CommonMark
 * with GFM tables and strikethrough, {@code @fig-…}/{@code @tbl-…} references as {@link Reference}
 * nodes (never inside code, links or HTML), and cells as fenced blocks — {@code ```{figure}} in a
 * chapter's source, the {@code ```cell <id>} placeholder it leaves once read. Thread-safe.
 */
public final class MarkdownSyntax {

    /** The placeholder a cell leaves in a chapter's text: a fenced block with the info {@code cell <id>}. */
    public static final String CELL_INFO = "cell ";
    /**
     * The kind of a block of key numbers, {@code ```{keynumbers}}: written like a cell, but its values are
     * filled in with the text, so it stays in the chapter's template for the render stage to read.
     */
    public static final String KEY_NUMBERS = "keynumbers";

    /** The shape of a cell id after its prefix: letters, digits and inner hyphens. */
    static final String ID_TAIL = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?";
    private static final Pattern REFERENCE = Pattern.compile("@((?:fig|tbl)-" + ID_TAIL + ")");
    private static final Pattern SOURCE_CELL = Pattern.compile("\\s*\\{(\\w+)}\\s*");

    private static final DataHolder OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                    new References()))
            .toImmutable();
    private static final Parser PARSER = Parser.builder(OPTIONS).build();

    private MarkdownSyntax() {
    }

    /** The options the parser was made with: an HTML renderer of its documents needs the same. */
    public static DataHolder options() {
        return OPTIONS;
    }

    public static Document parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /** The most blocks (quotes, list items) one line may open inside each other: deeper is a mistake. */
    static final int MOST_NESTED = 32;
    /** The longest run of one emphasis character ({@code *}, {@code _}, {@code ~}) a line may hold. */
    static final int LONGEST_RUN = 200;
    /** The most leading spaces a line may have: lists nested by indentation that deep are a mistake. */
    static final int MOST_INDENT = 1000;
    private static final Pattern CONTAINER = Pattern.compile("^ {0,3}(?:> ?|(?:[-*+]|\\d{1,9}[.)])(?: |$))");

    /** A line nested or repeated past what the parser can take: its number from 1, and what is wrong there. */
    public record TooDeep(int line, String reason) {
    }

    /**
     * Where a text nests its blocks deeper, or repeats an emphasis character longer, than any report
     * does — past what the parser can take (it would overflow its stack): the line from 1 and what is
     * wrong there, or null when the text is fine.
     */
    public static TooDeep tooDeep(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int depth = 0;
            String rest = line;
            Matcher container = CONTAINER.matcher(rest);
            while (container.find()) {
                if (++depth > MOST_NESTED) {
                    return new TooDeep(i + 1, "this line opens more than " + MOST_NESTED
                            + " quotes or list items inside each other; no report needs that many");
                }
                rest = rest.substring(container.end());
                container = CONTAINER.matcher(rest);
            }
            int indent = 0;
            while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
                indent++;
            }
            if (indent > MOST_INDENT) {
                return new TooDeep(i + 1, "this line is indented by more than " + MOST_INDENT
                        + " spaces; no report needs that many");
            }
            int run = 0;
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                run = (ch == '*' || ch == '_' || ch == '~') && c > 0 && line.charAt(c - 1) == ch ? run + 1 : 1;
                if (run > LONGEST_RUN) {
                    return new TooDeep(i + 1, "this line repeats '" + ch + "' more than " + LONGEST_RUN
                            + " times in a row; write it as text (\\" + ch + ") or in code");
                }
            }
        }
        return null;
    }

    /** A figure or table reference, {@code @fig-industry}. */
    public static final class Reference extends Node {
        private final String id;

        Reference(BasedSequence chars, String id) {
            super(chars);
            this.id = id;
        }

        public String id() {
            return id;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /** The references of a document, in order. */
    public static List<Reference> references(Node document) {
        List<Reference> found = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof Reference reference) {
                found.add(reference);
            }
        }
        return found;
    }

    /** The fenced blocks of a document, in order, nested ones included. */
    public static List<FencedCodeBlock> fencedBlocks(Node document) {
        List<FencedCodeBlock> found = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof FencedCodeBlock block) {
                found.add(block);
            }
        }
        return found;
    }

    /** The id of a cell placeholder ({@code ```cell fig-x}), or null for any other block. */
    public static String placeholderId(FencedCodeBlock block) {
        String info = block.getInfo().toString();
        return info.startsWith(CELL_INFO) ? info.substring(CELL_INFO.length()).strip() : null;
    }

    /** The kind word of a cell in a chapter's source ({@code figure} of {@code ```{figure}}), or null. */
    static String sourceCellKind(FencedCodeBlock block) {
        if (block.getOpeningMarker().charAt(0) != '`') {
            return null;
        }
        Matcher kind = SOURCE_CELL.matcher(block.getInfo());
        return kind.matches() ? kind.group(1) : null;
    }

    /**
     * Finds references where inline text is parsed: an {@code @} not preceded by an ASCII letter, digit,
     * '_', '.' or '@' (so e-mail addresses are left alone, while Chinese text may run right up to it).
     */
    private static final class References implements Parser.ParserExtension {
        @Override
        public void parserOptions(MutableDataHolder options) {
        }

        @Override
        public void extend(Parser.Builder builder) {
            builder.customInlineParserExtensionFactory(new InlineParserExtensionFactory() {
                @Override
                public CharSequence getCharacters() {
                    return "@";
                }

                @Override
                public InlineParserExtension apply(LightInlineParser parser) {
                    return new ReferenceParser();
                }

                @Override
                public Set<Class<?>> getAfterDependents() {
                    return null;
                }

                @Override
                public Set<Class<?>> getBeforeDependents() {
                    return null;
                }

                @Override
                public boolean affectsGlobalScope() {
                    return false;
                }
            });
        }
    }

    private static final class ReferenceParser implements InlineParserExtension {
        @Override
        public void finalizeDocument(InlineParser parser) {
        }

        @Override
        public void finalizeBlock(InlineParser parser) {
        }

        @Override
        public boolean parse(LightInlineParser parser) {
            BasedSequence input = parser.getInput();
            int index = parser.getIndex();
            if (index > 0 && isWordBefore(input.charAt(index - 1))) {
                return false;
            }
            Matcher reference = REFERENCE.matcher(input).region(index, input.length());
            if (!reference.lookingAt()) {
                return false;
            }
            parser.flushTextNode();
            parser.appendNode(new Reference(input.subSequence(index, reference.end()), reference.group(1)));
            parser.setIndex(reference.end());
            return true;
        }

        private static boolean isWordBefore(char c) {
            return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '@');
        }
    }
}
