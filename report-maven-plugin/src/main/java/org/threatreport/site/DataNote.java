package org.threatreport.site;

/**
 * What the home page and the corrections log say of a table counted where it lies (a database, or local
 * files DuckDB reads): where its rows were read from and when, and how many there were, as the table's
 * snapshot records them, so that a build offline prints the same. The texts are ready to print.
 *
 * @param table  the table's label in the report's language
 * @param source the JDBC URL (which never holds a login) or the local file
 * @param read   the table or {@code SELECT} read from a database; empty for a local file
 * @param readAt when the rows were read: {@code 2017-12-31 08:00 UTC}
 * @param rows   the rows, and those of the report's year: {@code 2,000 (540 in 2017)}
 */
public record DataNote(String table, String source, String read, String readAt, String rows) {

    /** Whether the table was read with a {@code SELECT} (shown as code), rather than named. */
    public boolean isQuery() {
        return read.regionMatches(true, 0, "select", 0, 6) || read.regionMatches(true, 0, "with", 0, 4);
    }
}
