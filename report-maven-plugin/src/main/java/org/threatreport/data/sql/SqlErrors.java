package org.threatreport.data.sql;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;

/** Turns what a JDBC driver throws into one sentence naming the source and what to do. */
final class SqlErrors {

    private SqlErrors() {
    }

    /** What went wrong connecting to {@code source}. */
    static SqlFailure connecting(String source, String credentialsFrom, Throwable e) {
        String state = state(e);
        String text = firstLine(e);
        if (state.startsWith("28") || text.toLowerCase(java.util.Locale.ROOT).contains("password authentication failed")
                || text.toLowerCase(java.util.Locale.ROOT).contains("authentication failed")) {
            return new SqlFailure(SqlFailure.Kind.LOGIN, "cannot log in to " + source + ": the database refused the user name or password"
                    + credentialsFrom + " (" + text + ")");
        }
        Throwable cause = rootCause(e);
        if (cause instanceof UnknownHostException) {
            return new SqlFailure(SqlFailure.Kind.CONNECTION, "cannot reach " + source + ": unknown host " + cause.getMessage()
                    + "; check the URL's host name");
        }
        if (unreachable(cause) || cause instanceof SocketTimeoutException || state.startsWith("08")) {
            return new SqlFailure(SqlFailure.Kind.CONNECTION, "cannot reach " + source + ": " + text + "; is the database running, and are the URL's"
                    + " host and port right?");
        }
        return new SqlFailure(SqlFailure.Kind.CONNECTION, "cannot connect to " + source + ": " + text);
    }

    /** What went wrong running a query on {@code source}. */
    static SqlFailure querying(String source, int timeoutSeconds, boolean timedOut, Throwable e) {
        if (timedOut || e instanceof SQLTimeoutException || state(e).equals("57014")) {
            return new SqlFailure(SqlFailure.Kind.TIMEOUT, "a query on " + source + " took longer than " + timeoutSeconds + " s and was"
                    + " cancelled; raise 'timeout' in the schema's source, or make the table smaller (a view, a"
                    + " narrower query)");
        }
        if (state(e).startsWith("08") || unreachable(rootCause(e))) {
            // Some drivers (Trino's) connect only when the first query runs: its failure is the connection's.
            return connecting(source, "", e);
        }
        return new SqlFailure("the query on " + source + " failed: " + firstLine(e));
    }

    /** Whether a driver's root cause says the server could not be reached at all (not: it answered too slowly). */
    private static boolean unreachable(Throwable cause) {
        return cause instanceof UnknownHostException || cause instanceof ConnectException
                || cause instanceof NoRouteToHostException;
    }

    private static String state(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The driver's message, first line only (drivers append hints, positions and server details). */
    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
