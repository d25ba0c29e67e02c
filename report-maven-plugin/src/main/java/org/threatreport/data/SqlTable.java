package org.threatreport.data;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.threatreport.data.sql.SqlSource;

/**
 * A table an SQL engine holds, checked against its codebook by SQL where it lies: its source (the engine,
 * and the relation and columns the SQL reads), its size and years as read, and when it was read.
 *
 * @param readAt when the rows were read (for a build offline, when the snapshot's rows were)
 */
public record SqlTable(Schema schema, SqlSource source, long rows, SortedSet<Integer> years, Instant readAt)
        implements DataTable {

    public SqlTable {
        years = Collections.unmodifiableSortedSet(new TreeSet<>(years));
    }

    @Override
    public String toString() {
        return "SqlTable[" + name() + ", " + source.description() + ", " + rows + " rows]";
    }
}
