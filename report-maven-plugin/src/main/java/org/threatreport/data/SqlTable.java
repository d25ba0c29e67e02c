package org.threatreport.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.threatreport.data.sql.SqlSource;

/**
 * A table an SQL engine holds, checked against its codebook by SQL where it lies: its source (the engine,
 * and the relation and columns the SQL reads), its size and years as read, and when it was read.
 *
 * @param rows       the rows of every year (also those with an empty period cell)
 * @param rowsByYear the rows of each year the table has rows of, by its period column (empty without one)
 * @param readAt     when the rows were read (for a build offline, when the snapshot's rows were)
 * @param reading    how long opening, checking and counting the table took (offline: zero)
 */
public record SqlTable(Schema schema, SqlSource source, long rows, SortedMap<Integer, Long> rowsByYear,
                       Instant readAt, Duration reading) implements DataTable {

    public SqlTable {
        rowsByYear = Collections.unmodifiableSortedMap(new TreeMap<>(rowsByYear));
    }

    @Override
    public SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(rowsByYear.keySet()));
    }

    @Override
    public String toString() {
        return "SqlTable[" + name() + ", " + source.description() + ", " + rows + " rows]";
    }
}
