package org.threatreport.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import org.threatreport.diagnostic.Problem;
import org.threatreport.model.Chapter;
import org.threatreport.render.InlineValue;

/**
 * Finds a space between two Chinese characters as readers see the text: Chinese takes no space
 * between its characters, yet one slips in easily around what the build fills in — "如 @fig-monthly
 * 所示" reads "如 图 1 所示", "${….label()} 达到" reads "12 月 达到". The text is read as rendered: each
 * {@code ${…}} as the value it printed, each reference as its label ("图 1"), emphasis markers and
 * the brackets and target of a link as nothing; a space typed inside a value or a label is the data's
 * and is not reported. A space between
 * a Chinese character and a digit or a Latin letter ("共 199 起", "DDoS 攻击") is the usual style and is
 * not reported either; nor is the ideographic space U+3000, which is a deliberate gap.
 */
final class ChineseSpacing {

    /** Shown around a finding: enough to recognise the sentence. */
    private static final int SHOWN = 6;

    private ChineseSpacing() {
    }

    /**
     * @param template the chapter's template text (lines as in its file)
     * @param values   the values its rendering printed, located in the template
     * @param labels   a reference's label by cell id, or null for an unknown id
     */
    static void check(Chapter chapter, ProseText text, List<InlineValue> values, Function<String, String> labels,
                      List<Problem> into) {
        Map<Long, String> printed = new HashMap<>();
        for (InlineValue value : values) {
            printed.putIfAbsent(position(value.line(), value.column()), value.value());
        }
        String[] source = chapter.template().split("\n", -1);
        String[] prose = text.prose();
        for (int i = 0; i < prose.length && i < source.length; i++) {
            check(chapter, i, source[i], prose[i], printed, labels, into);
        }
    }

    private static long position(int line, int column) {
        return ((long) line << 32) | column;
    }

    /** A piece of a line as readers see it: a typed character, or what a value or reference printed. */
    private record Piece(String text, int column, boolean typed) {
    }

    private static void check(Chapter chapter, int index, String source, String prose, Map<Long, String> printed,
                              Function<String, String> labels, List<Problem> into) {
        List<Piece> pieces = pieces(index, source, prose, printed, labels);
        for (int p = 0; p < pieces.size(); p++) {
            Piece space = pieces.get(p);
            if (!space.typed() || !isSpace(space.text())) {
                continue;
            }
            int end = p;
            while (end < pieces.size() && pieces.get(end).typed() && isSpace(pieces.get(end).text())) {
                end++;
            }
            Piece before = visibleBefore(pieces, p);
            Piece after = visibleFrom(pieces, end);
            if (before != null && after != null && isHan(before.text().codePointBefore(before.text().length()))
                    && isHan(after.text().codePointAt(0))) {
                String shown = shownAround(pieces, p, end);
                into.add(Findings.warning(chapter.file(), index + 1, space.column() + 1, "a space between two Chinese"
                        + " characters: the page reads \"" + shown + "\"; Chinese takes no space between its"
                        + " characters — delete it"));
            }
            p = end - 1;
        }
    }

    /** The line as pieces: typed characters, the values and labels printed, masked markup as a separator. */
    private static List<Piece> pieces(int index, String source, String prose, Map<Long, String> printed,
                                      Function<String, String> labels) {
        List<Piece> pieces = new ArrayList<>();
        int j = 0;
        while (j < prose.length()) {
            char c = prose.charAt(j);
            if (c != ProseText.MASK) {
                // Emphasis markers and the brackets of a link print nothing.
                if ("*_~[]".indexOf(c) < 0) {
                    pieces.add(new Piece(String.valueOf(c), j, true));
                }
                j++;
                continue;
            }
            if (source.charAt(j) == '(' && j > 0 && source.charAt(j - 1) == ']') {
                // A link's target prints nothing: its text runs on into what follows.
                while (j < prose.length() && prose.charAt(j) == ProseText.MASK) {
                    j++;
                }
                continue;
            }
            if (source.startsWith("${", j) || source.startsWith("#{", j)) {
                int end = ProseText.expressionEnd(source, j + 2, '}');
                String value = printed.get(position(index + 1, j + 1));
                // A value the rendering did not record (a failed page) stands for something unknown.
                pieces.add(new Piece(value == null ? String.valueOf(ProseText.MASK) : value, j, false));
                j = end;
                continue;
            }
            Matcher reference = ProseText.REFERENCE.matcher(source).region(j, source.length());
            if (source.charAt(j) == '@' && reference.lookingAt()) {
                String label = labels.apply(reference.group().substring(1));
                pieces.add(new Piece(label == null ? String.valueOf(ProseText.MASK) : label, j, false));
                j = reference.end();
                continue;
            }
            pieces.add(new Piece(String.valueOf(ProseText.MASK), j, false));
            j++;
        }
        return pieces;
    }

    /** The last piece before {@code p} that prints something. */
    private static Piece visibleBefore(List<Piece> pieces, int p) {
        for (int i = p - 1; i >= 0; i--) {
            if (!pieces.get(i).text().isEmpty()) {
                return pieces.get(i);
            }
        }
        return null;
    }

    private static Piece visibleFrom(List<Piece> pieces, int p) {
        for (int i = p; i < pieces.size(); i++) {
            if (!pieces.get(i).text().isEmpty()) {
                return pieces.get(i);
            }
        }
        return null;
    }

    /** The text readers see around a finding, a few characters each side. */
    private static String shownAround(List<Piece> pieces, int from, int to) {
        StringBuilder before = new StringBuilder();
        for (int i = from - 1; i >= 0 && before.length() < SHOWN; i--) {
            String text = pieces.get(i).text();
            if (text.indexOf(ProseText.MASK) >= 0) {
                break;
            }
            before.insert(0, text);
        }
        StringBuilder after = new StringBuilder();
        for (int i = to; i < pieces.size() && after.length() < SHOWN; i++) {
            String text = pieces.get(i).text();
            if (text.indexOf(ProseText.MASK) >= 0) {
                break;
            }
            after.append(text);
        }
        return before + " " + after;
    }

    private static boolean isSpace(String text) {
        return text.equals(" ") || text.equals("\t") || text.equals("\u00A0");
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
