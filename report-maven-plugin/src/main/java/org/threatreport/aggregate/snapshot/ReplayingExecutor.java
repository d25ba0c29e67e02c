package org.threatreport.aggregate.snapshot;

import org.threatreport.aggregate.query.Query;
import org.threatreport.aggregate.query.QueryExecutor;
import org.threatreport.aggregate.query.QueryResult;

/**
 * Answers queries from a table's snapshot, for a build that reads no database. A query the snapshot has no
 * answer to is a {@link MissingAnswer}: an editor's mistake, reported at the cell or value that asks it.
 */
public final class ReplayingExecutor implements QueryExecutor {

    /** A query the snapshot was not asked when it was recorded. */
    public static final class MissingAnswer extends IllegalArgumentException {
        MissingAnswer(String message) {
            super(message);
        }
    }

    private final TableSnapshot snapshot;
    private final String fileName;

    /** @param fileName the snapshot's file as messages name it ({@code data/incidents.snapshot.json}) */
    public ReplayingExecutor(TableSnapshot snapshot, String fileName) {
        this.snapshot = snapshot;
        this.fileName = fileName;
    }

    @Override
    public QueryResult run(Query query) {
        return snapshot.answer(query).orElseThrow(() -> new MissingAnswer("the build is offline (report.offline) and "
                + fileName + " has no answer to this question: " + QueryText.of(query) + "; it was not asked when the"
                + " snapshot was recorded. Build once online (without -Dreport.offline) to record it, and commit "
                + fileName));
    }
}
