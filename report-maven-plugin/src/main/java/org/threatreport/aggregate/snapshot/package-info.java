/**
 * Snapshots of tables read where they lie, for builds that can be repeated when the database has changed or
 * is gone. An online build records, per table an SQL engine holds, where it was read from, when, how long
 * reading and counting took, its rows, and every {@link org.threatreport.aggregate.query.Query} the report
 * asked of it with its {@link org.threatreport.aggregate.query.QueryResult} ({@link RecordingExecutor}); the
 * build writes that to {@code data/<table>.snapshot.json} ({@link SnapshotFile}, which documents the
 * format). A build offline reads no database: it answers every query from the snapshot
 * ({@link ReplayingExecutor}), and a question the snapshot cannot answer is a mistake at the place that asks
 * it.
 */
package org.threatreport.aggregate.snapshot;
