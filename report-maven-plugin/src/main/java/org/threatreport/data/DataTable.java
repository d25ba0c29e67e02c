package org.threatreport.data;

import java.util.SortedSet;

/**
 * A table of the report as the data stage hands it on, described by its {@link Schema}: either its rows in
 * memory ({@link LoadedTable}, from a CSV file) or a table an SQL engine holds ({@link SqlTable}: a database,
 * or local files DuckDB reads), whose rows are never brought into memory. The aggregate stage picks the
 * executor that counts it.
 */
public sealed interface DataTable permits LoadedTable, SqlTable {

    Schema schema();

    /** The name templates and cells use. */
    default String name() {
        return schema().table();
    }

    /** The number of rows, of every year. */
    long rows();

    /** The years the table has rows of (by its period column); empty without one. */
    SortedSet<Integer> years();
}
