package org.threatreport.data.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.threatreport.data.SqlTable;
import org.threatreport.diagnostic.Problem;

/**
 * A schema read against a database in a test: its text, the table read (null when it could not be), and the
 * problems found, each looked up by what it says and checked to be at its place in the schema.
 */
record SchemaRead(String yaml, SqlTable table, List<Problem> problems) {

    /** The one problem whose message holds {@code text}, checked to be at the line holding {@code at}. */
    Problem at(String at, String text) {
        List<Problem> found = problems.stream().filter(p -> p.message().contains(text)).toList();
        assertEquals(1, found.size(), "one problem saying '" + text + "' in " + problems);
        int line = 1 + (int) yaml.substring(0, yaml.indexOf(at)).chars().filter(c -> c == '\n').count();
        assertEquals(line, found.get(0).line(), "line of " + found.get(0));
        assertTrue(found.get(0).column() > 0, "column of " + found.get(0));
        return found.get(0);
    }
}
