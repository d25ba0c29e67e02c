package org.threatreport.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The chart kinds a figure cell can ask for; a histogram counts a number column's cells per bin. */
public enum ChartType {
    BAR, COLUMN, STACKED, LINE, PIE, DONUT, HISTOGRAM;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChartType> fromKeyword(String word) {
        return Arrays.stream(values()).filter(t -> t.keyword().equals(word)).findFirst();
    }

    public static List<String> keywords() {
        return Arrays.stream(values()).map(ChartType::keyword).toList();
    }
}
