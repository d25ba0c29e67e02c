package org.threatreport.model;

/** What a cell shows: a drawn figure, or a table of the same numbers. */
public enum CellKind {
    FIGURE("figure", "fig-"),
    TABLE("table", "tbl-");

    private final String keyword;
    private final String idPrefix;

    CellKind(String keyword, String idPrefix) {
        this.keyword = keyword;
        this.idPrefix = idPrefix;
    }

    public String keyword() {
        return keyword;
    }

    public String idPrefix() {
        return idPrefix;
    }
}
