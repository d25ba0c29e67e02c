package org.threatreport.site;

import java.util.List;

/**
 * One published version of the report as {@code versions.json} lists it (the layout of mike's
 * {@code versions.json} for MkDocs, with a few more fields).
 *
 * @param version  the version folder's name
 * @param title    the report's title in that version
 * @param date     its publication date (yyyy-MM-dd), from {@code report.yaml}
 * @param edition  the period the report covers (its {@code year}): versions of one edition are
 *                 revisions of the same report, compared by the corrections log
 * @param language the language of its pages
 * @param aliases  other names of it: {@code latest} for the newest version
 * @param pages    its pages, by file name, so the version selector can tell whether a page exists
 * @param documents the whole report in other forms it offers for download, by file name ({@code report.pdf})
 */
public record VersionEntry(String version, String title, String date, String edition, String language,
                           List<String> aliases, List<String> pages, List<String> documents) {

    public VersionEntry {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        pages = pages == null ? List.of() : List.copyOf(pages);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** A version offering no documents but its pages. */
    public VersionEntry(String version, String title, String date, String edition, String language,
                        List<String> aliases, List<String> pages) {
        this(version, title, date, edition, language, aliases, pages, List.of());
    }

    public VersionEntry withAliases(List<String> aliases) {
        return new VersionEntry(version, title, date, edition, language, aliases, pages, documents);
    }

    public boolean hasPage(String page) {
        return pages.contains(page);
    }
}
