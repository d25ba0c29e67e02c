package org.threatreport.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The types a schema can give a column; each decides how cells are parsed and counted. */
public enum ColumnType {
    DATE("date"),
    YEAR_MONTH("year-month"),
    CATEGORY("category"),
    MULTI_CATEGORY("multi-category"),
    INTEGER("integer"),
    DECIMAL("decimal"),
    BOOLEAN("boolean"),
    TEXT("text");

    private final String keyword;

    ColumnType(String keyword) {
        this.keyword = keyword;
    }

    /** The word a schema file uses for this type. */
    public String keyword() {
        return keyword;
    }

    public boolean isCategorical() {
        return this == CATEGORY || this == MULTI_CATEGORY;
    }

    public boolean isTemporal() {
        return this == DATE || this == YEAR_MONTH;
    }

    public static Optional<ColumnType> fromKeyword(String keyword) {
        return Arrays.stream(values()).filter(t -> t.keyword.equals(keyword)).findFirst();
    }

    public static List<String> keywords() {
        return Arrays.stream(values()).map(ColumnType::keyword).toList();
    }
}
