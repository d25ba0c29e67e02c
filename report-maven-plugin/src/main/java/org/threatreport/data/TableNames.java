package org.threatreport.data;

import java.util.Set;

/**
 * Table names as templates write them: {@code ${incidents.count()}}. FreeMarker reads a name of
 * letters, digits and {@code _} not starting with a digit; {@code incidents-2013} would be a subtraction.
 */
final class TableNames {

    /** Names a template cannot use for a table: FreeMarker's words, and {@code report}, the report's metadata. */
    private static final Set<String> TAKEN = Set.of("true", "false", "gt", "gte", "lt", "lte", "as", "in", "using",
            "report");

    private TableNames() {
    }

    /** Why {@code name} cannot be a table's name, or null when it can. */
    static String problem(String name) {
        if (TAKEN.contains(name)) {
            return "a table cannot be named '" + name + "': templates read that name as " + (name.equals("report")
                    ? "the report's metadata (${report.title})" : "a word of the template language")
                    + "; choose another, e.g. '" + name + "_data'";
        }
        if (!of(name).equals(name)) {
            return "templates cannot write the table name '" + name + "' (${" + name + ".count()} would not read it):"
                    + " use letters, digits and '_', not starting with a digit, e.g. 'table: " + of(name) + "'";
        }
        return null;
    }

    /** {@code name} made into a name templates can write: every other character becomes '_'. */
    static String of(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> out.appendCodePoint(Character.isLetterOrDigit(c) || c == '_' ? c : '_'));
        if (out.isEmpty() || Character.isDigit(out.codePointAt(0))) {
            out.insert(0, '_');
        }
        String made = out.toString();
        return TAKEN.contains(made) ? made + "_data" : made;
    }
}
