package org.threatreport.aggregate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.threatreport.aggregate.query.QueryExecutor;

/**
 * How long each thread of a build has waited for an SQL engine's answers. A chapter's rendering may take
 * only so long (a runaway loop in a template must stop), but the queries its values send to a database or
 * to DuckDB over 10⁸ rows may take minutes of their own, bounded by the source's {@code timeout:}: the
 * rendering budget leaves out the time its thread spent waiting here. Thread-safe.
 */
public final class EngineWaits {

    private final Map<Long, LongAdder> byThread = new ConcurrentHashMap<>();

    /** {@code executor}, with the time each of its queries takes added to the waits of the thread asking. */
    public QueryExecutor timing(QueryExecutor executor) {
        return query -> {
            long start = System.nanoTime();
            try {
                return executor.run(query);
            } finally {
                byThread.computeIfAbsent(Thread.currentThread().getId(), id -> new LongAdder())
                        .add(System.nanoTime() - start);
            }
        };
    }

    /** The nanoseconds the current thread has waited for answers so far. */
    public long ofCurrentThread() {
        LongAdder waited = byThread.get(Thread.currentThread().getId());
        return waited == null ? 0 : waited.sum();
    }
}
