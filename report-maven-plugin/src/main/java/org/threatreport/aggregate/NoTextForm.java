package org.threatreport.aggregate;

/**
 * A value of the aggregation API that has no text of its own — a table, a cross table, one entry of a
 * list: printing it ({@code ${incidents.crossTab("a", "b")}}) is a mistake, which the template engine
 * reports with {@link #whatToWrite()} instead of printing Java's description of the object.
 */
public interface NoTextForm {

    /** What to write instead, for the mistake's message. */
    String whatToWrite();
}
