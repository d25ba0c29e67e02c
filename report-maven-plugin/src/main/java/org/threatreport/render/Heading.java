package org.threatreport.render;

/** A heading of a rendered page, for tables of contents. */
public record Heading(int level, String id, String text) {
}
