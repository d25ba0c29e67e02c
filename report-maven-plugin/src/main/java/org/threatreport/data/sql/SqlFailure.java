package org.threatreport.data.sql;

/**
 * A query or connection that failed, with a message an editor can act on: what was reached, what went
 * wrong (refused login, unreachable host, time-out, the engine's own words), never a credential and never
 * a stack trace. An {@link IllegalArgumentException}, so that a value computed while a chapter renders
 * reports it at its place.
 */
public final class SqlFailure extends IllegalArgumentException {

    /** What failed, which decides the place in the schema a message points at. */
    public enum Kind {
        /** The database refused the user name or password. */
        LOGIN,
        /** The database could not be reached, or no driver takes its URL. */
        CONNECTION,
        /** A query ran past the source's time limit. */
        TIMEOUT,
        /** A query failed, or anything else. */
        QUERY
    }

    private final Kind kind;

    public SqlFailure(String message) {
        this(Kind.QUERY, message);
    }

    public SqlFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
