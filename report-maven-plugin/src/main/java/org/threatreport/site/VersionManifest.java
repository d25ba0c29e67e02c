package org.threatreport.site;

import java.io.IOException;
import java.util.List;
import org.threatreport.render.InlineValue;

/**
 * {@code values.json} of a version folder: what the version is, its pages and documents (the PDF), every figure and table
 * (its numbers are in {@code figures/<id>.csv}) and every value computed into the text. The
 * corrections log of a later version compares its own with these, so a version published years
 * ago can still be compared with.
 */
public record VersionManifest(String version, String edition, String title, String date, String language,
                              List<PageRef> pages, List<CellRef> cells, List<InlineValue> values,
                              List<PageRef> documents) {

    public static final String FILE = "values.json";

    /** A page of the version, or a document it offers for download, and its title. */
    public record PageRef(String href, String title) {
    }

    /**
     * A figure or table.
     *
     * @param label   its number ("图 3")
     * @param page    the page it stands on
     * @param csv     its numbers, relative to the version folder
     * @param line    the line of its cell in the page's source, for listing changes in reading order
     * @param columns the columns of its numbers after the row label; empty in versions made before they
     *                were recorded (their numbers are then read from {@code csv})
     * @param rows    its rows as its table shows them, each with what it is in the data
     */
    public record CellRef(String id, String label, String caption, String page, String csv, int line,
                          List<Column> columns, List<Row> rows) {
        public CellRef {
            columns = columns == null ? List.of() : List.copyOf(columns);
            rows = rows == null ? List.of() : List.copyOf(rows);
        }

        public CellRef(String id, String label, String caption, String page, String csv) {
            this(id, label, caption, page, csv, 0, List.of(), List.of());
        }
    }

    /**
     * A column of a cell's numbers.
     *
     * @param key   {@code count} or {@code share} for a figure or table of one series; for a stacked
     *              chart, the value of the stack column its series counts
     * @param title its heading as readers see it ("数量", "黑产活动")
     * @param share whether it holds shares (which follow from the counts)
     */
    public record Column(String key, String title, boolean share) {
    }

    /**
     * A row of a cell's numbers.
     *
     * @param key     what the row is in the data: a value, group or month — never its label, which two
     *                rows may share ("DDoS 攻击" of websites and of servers)
     * @param label   what readers see
     * @param numbers its numbers as readers see them, one per column
     */
    public record Row(String key, String label, List<String> numbers) {
        public Row {
            numbers = List.copyOf(numbers);
        }
    }

    public VersionManifest {
        pages = pages == null ? List.of() : List.copyOf(pages);
        cells = cells == null ? List.of() : List.copyOf(cells);
        values = values == null ? List.of() : List.copyOf(values);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** A version offering no documents but its pages. */
    public VersionManifest(String version, String edition, String title, String date, String language,
                           List<PageRef> pages, List<CellRef> cells, List<InlineValue> values) {
        this(version, edition, title, date, language, pages, cells, values, List.of());
    }

    public static VersionManifest parse(byte[] json) throws IOException {
        return Json.read(json, VersionManifest.class);
    }

    public byte[] json() {
        return Json.write(this);
    }

    /** This version as {@code versions.json} lists it (aliases are given by {@link Versions}). */
    public VersionEntry entry() {
        return entry(pages.stream().map(PageRef::href).toList());
    }

    /** @param pages the pages the version folder actually holds (other stages may add pages of their own) */
    public VersionEntry entry(List<String> pages) {
        return new VersionEntry(version, title, date, edition, language, List.of(), pages,
                documents.stream().map(PageRef::href).toList());
    }

    public String pageTitle(String href) {
        return pages.stream().filter(p -> p.href().equals(href)).map(PageRef::title).findFirst().orElse(href);
    }
}
