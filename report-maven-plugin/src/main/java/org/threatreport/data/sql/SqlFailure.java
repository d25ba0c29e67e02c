package org.threatreport.data.sql;

/**
 * A query or connection that failed, with a message an editor can act on: what was reached, what went
 * wrong (refused login, unreachable host, time-out, the engine's own words), never a credential and never
 * a stack trace. An {@link IllegalArgumentException}, so that a value computed while a chapter renders
 * reports it at its place.
 */
public final class SqlFailure extends IllegalArgumentException {

    public SqlFailure(String message) {
        super(message);
    }
}
