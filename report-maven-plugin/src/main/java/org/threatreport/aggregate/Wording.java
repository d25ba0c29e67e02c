package org.threatreport.aggregate;

import java.util.List;

/** The few words aggregations print themselves, in the report's language. */
public record Wording(String other, String separator, List<String> months) {

    private static final Wording CHINESE = new Wording("其他", "、", List.of(
            "1 月", "2 月", "3 月", "4 月", "5 月", "6 月", "7 月", "8 月", "9 月", "10 月", "11 月", "12 月"));
    private static final Wording ENGLISH = new Wording("Other", ", ", List.of(
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"));

    public Wording {
        months = List.copyOf(months);
    }

    /** Chinese for {@code zh…} languages, English otherwise. */
    public static Wording forLanguage(String language) {
        return language.startsWith("zh") ? CHINESE : ENGLISH;
    }
}
