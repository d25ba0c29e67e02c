package org.threatreport.aggregate.query;

import java.util.List;

/**
 * Runs {@link Query queries} against a report's tables. The in-memory executor
 * (MemoryExecutor) runs them over the loaded tables; an executor for a SQL engine runs the same
 * queries there. Two executors given the same data return equal results (see the package documentation
 * for the exact rules: counts, bases, keys and their order, empty cells, percentiles and rounding).
 *
 * <p>An executor may expect a query that QueryCheck accepted for the table's schema: known table,
 * columns and values, and each grouping, filter and measure on a column of a type that supports it.
 * Thread-safe: chapters are rendered in parallel.
 */
public interface QueryExecutor {

    /** The result of one query. */
    QueryResult run(Query query);

    /** The results of several queries, in order (an executor may run them together). */
    default List<QueryResult> runAll(List<Query> queries) {
        return queries.stream().map(this::run).toList();
    }
}
