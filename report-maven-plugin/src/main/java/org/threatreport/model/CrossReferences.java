package org.threatreport.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threatreport.diagnostic.Problems;
import org.threatreport.diagnostic.Suggestions;

/**
 * {@code @fig-…} and {@code @tbl-…} references in chapter text. A reference is not preceded by an
 * ASCII letter, digit, '_', '.' or '@' (so e-mail addresses are left alone, while Chinese text may
 * run right up to it), and is never looked for inside code.
 */
public final class CrossReferences {

    /** The shape of a cell id after its prefix: letters, digits and inner hyphens. */
    static final String ID_TAIL = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?";
    private static final Pattern REFERENCE = Pattern.compile("(?<![A-Za-z0-9_.@])@((?:fig|tbl)-" + ID_TAIL + ")");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+).*?\\1");

    private CrossReferences() {
    }

    /** The references of one line of text, outside inline code spans. */
    public static List<MatchResult> find(String line) {
        if (line.indexOf('@') < 0) {
            return List.of(); // most lines: no reference can start there
        }
        List<MatchResult> found = new ArrayList<>();
        forEachOutsideCode(line, (text, offset) -> {
            Matcher reference = REFERENCE.matcher(text);
            while (reference.find()) {
                found.add(new Shifted(reference.toMatchResult(), offset));
            }
        });
        return found;
    }

    /** {@code line} with every reference outside inline code replaced by {@code replacement} of its id. */
    public static String replace(String line, Function<String, String> replacement) {
        StringBuilder out = new StringBuilder(line.length());
        int last = 0;
        for (MatchResult reference : find(line)) {
            out.append(line, last, reference.start()).append(replacement.apply(reference.group(1)));
            last = reference.end();
        }
        return out.append(line, last, line.length()).toString();
    }

    private interface Segment {
        void accept(String text, int offset);
    }

    private static void forEachOutsideCode(String line, Segment segment) {
        Matcher code = CODE_SPAN.matcher(line);
        int last = 0;
        while (code.find()) {
            segment.accept(line.substring(last, code.start()), last);
            last = code.end();
        }
        segment.accept(line.substring(last), last);
    }

    /** A match found in a part of the line, with positions relative to the whole line. */
    private record Shifted(MatchResult match, int offset) implements MatchResult {
        @Override public int start() { return match.start() + offset; }
        @Override public int start(int group) { return match.start(group) + offset; }
        @Override public int end() { return match.end() + offset; }
        @Override public int end(int group) { return match.end(group) + offset; }
        @Override public String group() { return match.group(); }
        @Override public String group(int group) { return match.group(group); }
        @Override public int groupCount() { return match.groupCount(); }
    }

    /**
     * Reports references to ids no cell declares.
     *
     * @param declared every id a cell declares, including cells that have mistakes of their own,
     *                 so that a broken cell does not also make its references look broken
     */
    static void check(Report report, Set<String> declared, Problems problems) {
        List<Chapter> pages = new ArrayList<>(report.chapters());
        if (report.abstractPage() != null) {
            pages.add(0, report.abstractPage());
        }
        for (Chapter chapter : pages) {
            String[] lines = chapter.template().split("\n", -1);
            boolean inCode = false;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].stripLeading().startsWith("```") || lines[i].stripLeading().startsWith("~~~")) {
                    inCode = !inCode;
                    continue;
                }
                if (inCode) {
                    continue;
                }
                for (MatchResult reference : find(lines[i])) {
                    String id = reference.group(1);
                    if (!declared.contains(id)) {
                        problems.error(chapter.file(), i + 1, reference.start() + 1, "no figure or table has id '"
                                + id + "'" + Suggestions.didYouMean(id, declared));
                    }
                }
            }
        }
    }
}
