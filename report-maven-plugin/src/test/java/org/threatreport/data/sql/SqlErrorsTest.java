package org.threatreport.data.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What a driver throws, turned into one sentence naming the source and what to do. */
class SqlErrorsTest {

    private static final String SOURCE = "jdbc:trino://127.0.0.1:9/memory/s (table incidents)";

    @Test
    void aDriverThatConnectsOnlyWhenTheFirstQueryRunsIsUnreachableNotAFailedQuery() {
        // as Trino's driver throws it: no SQL state, the socket's failure as the cause
        SQLException thrown = new SQLException("Error executing query: java.net.ConnectException: Failed to connect to"
                + " /127.0.0.1:9", new RuntimeException(new ConnectException("Failed to connect to /127.0.0.1:9")));
        SqlFailure failure = SqlErrors.querying(SOURCE, 600, false, thrown);
        assertEquals(SqlFailure.Kind.CONNECTION, failure.kind());
        assertTrue(failure.getMessage().startsWith("cannot reach " + SOURCE + ": Error executing query")
                && failure.getMessage().contains("is the database running"), failure.getMessage());
    }

    @Test
    void anUnknownHostAtTheFirstQueryNamesTheHost() {
        SQLException thrown = new SQLException("Error executing query", new UnknownHostException("trino.invalid"));
        SqlFailure failure = SqlErrors.querying(SOURCE, 600, false, thrown);
        assertEquals(SqlFailure.Kind.CONNECTION, failure.kind());
        assertTrue(failure.getMessage().contains("unknown host trino.invalid"), failure.getMessage());
    }

    @Test
    void aQueryTheEngineRefusesStaysAFailedQuery() {
        SqlFailure failure = SqlErrors.querying(SOURCE, 600, false, new SQLException("line 1:8: Column 'x' cannot be"
                + " resolved\nmore detail"));
        assertEquals(SqlFailure.Kind.QUERY, failure.kind());
        assertEquals("the query on " + SOURCE + " failed: line 1:8: Column 'x' cannot be resolved", failure.getMessage());
    }
}
