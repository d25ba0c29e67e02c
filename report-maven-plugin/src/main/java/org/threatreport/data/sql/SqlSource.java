package org.threatreport.data.sql;

import java.util.Map;

/**
 * What the SQL of a table is written against: the engine's dialect, the relation that is the table (a table
 * name, a query in parentheses, or a view over local files), each schema column as the source holds it, and
 * the engine that runs the SQL (null when a build is offline and answers from a snapshot).
 *
 * @param description what the site and messages call the source (URL and table, or the file)
 * @param read        the table or SELECT that was read, as the schema gives it (for the site's data note)
 */
public record SqlSource(SqlDialect dialect, String relation, Map<String, SqlColumn> columns, SqlEngine engine,
                        String description, String read) {

    public SqlSource {
        columns = Map.copyOf(columns);
    }

    /** A schema column's expression: its quoted source name. */
    public String column(String name) {
        SqlColumn column = columns.get(name);
        if (column == null) {
            throw new IllegalArgumentException("unknown column '" + name + "' of " + description);
        }
        return dialect.quote(column.sourceName());
    }

    public SqlColumn.Storage storage(String name) {
        return columns.get(name).storage();
    }

    /** The engine; fails with a clear message when the build is offline. */
    public SqlEngine engine() {
        if (engine == null) {
            throw new SqlFailure("the build is offline (report.offline): " + description + " is not read, and the"
                    + " snapshot of its results has no answer to this question; build once online to record it");
        }
        return engine;
    }

    public boolean online() {
        return engine != null;
    }
}
