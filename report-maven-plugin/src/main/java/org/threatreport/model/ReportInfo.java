package org.threatreport.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The report's metadata from {@code content/report.yaml}, plus the version being built.
 *
 * @param date     publication date, also the build date printed on every page (never the clock)
 * @param year     the period the data covers
 * @param language a BCP 47 tag: {@code zh-CN} or {@code en}
 * @param minN     the smallest number of rows a share is printed from as a percentage ({@code min-n}; 0: any)
 */
public record ReportInfo(String title, String subtitle, String organisation, LocalDate date, int year,
                         String language, List<String> keywords, String description, String version, int minN) {

    public ReportInfo {
        keywords = List.copyOf(keywords);
    }

    public ReportInfo(String title, String subtitle, String organisation, LocalDate date, int year,
                      String language, List<String> keywords, String description, String version) {
        this(title, subtitle, organisation, date, year, language, keywords, description, version, 0);
    }

    public boolean isChinese() {
        return language.startsWith("zh");
    }
}
