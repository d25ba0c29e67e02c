package org.threatreport.aggregate.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.threatreport.aggregate.query.Query;
import org.threatreport.aggregate.query.QueryExecutor;
import org.threatreport.aggregate.query.QueryResult;
import org.threatreport.data.SqlTable;

/**
 * Runs queries on another executor (the SQL engine's) and keeps every query asked with its answer, and the
 * time the answers took, for the table's {@link TableSnapshot}. Thread-safe, as chapters render in parallel.
 */
public final class RecordingExecutor implements QueryExecutor {

    private final QueryExecutor engine;
    private final Map<String, TableSnapshot.Answer> answers = new ConcurrentHashMap<>();
    private final LongAdder nanos = new LongAdder();

    public RecordingExecutor(QueryExecutor engine) {
        this.engine = engine;
    }

    @Override
    public QueryResult run(Query query) {
        long started = System.nanoTime();
        QueryResult result = engine.run(query);
        nanos.add(System.nanoTime() - started);
        JsonNode asked = QueryJson.sorted(QueryJson.of(query));
        answers.putIfAbsent(asked.toString(), new TableSnapshot.Answer(asked, result.base(), result.rows()));
        return result;
    }

    /** What was read of {@code table} and asked of it so far. */
    public TableSnapshot snapshot(SqlTable table) {
        SortedMap<String, TableSnapshot.Answer> asked = new TreeMap<>(answers);
        return TableSnapshot.of(table, asked, Duration.ofNanos(nanos.sum()));
    }
}
