package org.threatreport.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One output line of a child process: {@code TAG key=value key=value …}. Children print their
 * measurements this way on standard output; anything else they print is passed through.
 */
record ProbeLine(String tag, Map<String, String> values) {

    /** The line {@code text} as a probe line, or null when it is not one (its first word is not upper case). */
    static ProbeLine parse(String text) {
        String[] words = text.trim().split("\\s+");
        if (words.length == 0 || !words[0].matches("[A-Z0-9]+")) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq > 0) {
                values.put(words[i].substring(0, eq), words[i].substring(eq + 1));
            }
        }
        return new ProbeLine(words[0], values);
    }

    double num(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("no " + key + " in " + tag + " " + values);
        }
        return Double.parseDouble(v);
    }

    /** The lines tagged {@code tag}; there must be at least one. */
    static List<ProbeLine> only(List<ProbeLine> lines, String tag) {
        List<ProbeLine> found = lines.stream().filter(l -> l.tag().equals(tag)).toList();
        if (found.isEmpty()) {
            throw new IllegalStateException("no " + tag + " line in " + lines);
        }
        return found;
    }

    static double max(List<ProbeLine> lines, String key) {
        return lines.stream().mapToDouble(l -> l.num(key)).max().orElse(Double.NaN);
    }
}
