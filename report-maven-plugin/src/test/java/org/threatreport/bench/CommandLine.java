package org.threatreport.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The options of a benchmark's command line: {@code --key value} pairs, and {@code --flag}s without a value. */
final class CommandLine {

    private CommandLine() {
    }

    /** @param flags the options that take no value; present ones map to "true" */
    static Map<String, String> parse(String[] args, Set<String> flags) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (flags.contains(key)) {
                options.put(key, "true");
            } else if (i + 1 < args.length) {
                options.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
        }
        return options;
    }
}
