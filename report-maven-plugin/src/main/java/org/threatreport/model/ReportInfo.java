package org.threatreport.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The report's metadata from {@code content/report.yaml}, plus the version being built.
 *
 * @param date     publication date, also the build date printed on every page (never the clock)
 * @param year     the period the data covers
 * @param language a BCP 47 tag: {@code zh-CN} or {@code en}
 */
public record ReportInfo(String title, String subtitle, String organisation, LocalDate date, int year,
                         String language, List<String> keywords, String description, String version) {

    public ReportInfo {
        keywords = List.copyOf(keywords);
    }

    public boolean isChinese() {
        return language.startsWith("zh");
    }
}
