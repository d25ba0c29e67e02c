package org.threatreport.site;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.threatreport.aggregate.CellData;
import org.threatreport.model.Cell;
import org.threatreport.model.Report;
import org.threatreport.render.InlineValue;
import org.threatreport.render.Messages;
import org.threatreport.render.RenderedChapter;
import org.threatreport.render.TableRows;

/**
 * The files of a version that record it for later versions: {@code values.json} (its pages, figures,
 * tables and every value in the text), its {@code sitemap.xml}, and the comparison with the
 * previous version of its edition that the corrections page shows.
 */
public final class VersionHistory {

    public static final String CORRECTIONS_PAGE = "corrections.html";
    /** The key of the column of counts of a figure or table of one series. */
    static final String COUNT = "count";
    /** The key of its column of shares. */
    static final String SHARE = "share";
    /** The keys of a measure's column, the rows it was taken of, and the change on the year before. */
    static final String VALUE = "value";
    static final String N = "n";
    static final String CHANGE = "change";

    private VersionHistory() {
    }

    /**
     * @param cells            every cell's numbers, by id (a cell without numbers is recorded without rows)
     * @param correctionsTitle the corrections page's title when {@code content/corrections.md} gives none
     * @param documents        the whole report in other forms the version offers (the PDF)
     */
    public static VersionManifest manifest(Report report, Map<String, CellData> cells, Messages messages,
                                           RenderedChapter abstractPage, List<RenderedChapter> chapters,
                                           RenderedChapter correctionsText, String correctionsTitle,
                                           List<VersionManifest.PageRef> documents) {
        List<VersionManifest.PageRef> pages = new ArrayList<>();
        List<InlineValue> values = new ArrayList<>();
        pages.add(new VersionManifest.PageRef("index.html", report.info().title()));
        if (abstractPage != null) {
            values.addAll(abstractPage.values());
        }
        for (RenderedChapter chapter : chapters) {
            pages.add(new VersionManifest.PageRef(chapter.chapter().pageName(), chapter.chapter().fullTitle()));
            values.addAll(chapter.values());
        }
        pages.add(new VersionManifest.PageRef(CORRECTIONS_PAGE, correctionsText == null ? correctionsTitle
                : correctionsText.chapter().title()));
        if (correctionsText != null) {
            values.addAll(correctionsText.values());
        }
        // Captions as readers see them: with their values filled in.
        Map<String, String> captions = new java.util.HashMap<>();
        for (RenderedChapter chapter : chapters) {
            chapter.chapter().cells().forEach(c -> captions.put(c.id(), c.caption()));
        }
        List<VersionManifest.CellRef> refs = new ArrayList<>();
        for (Report.CellPlace place : report.cells().values()) {
            Cell cell = place.cell();
            CellData data = cells.get(cell.id());
            refs.add(new VersionManifest.CellRef(cell.id(), cell.label(), captions.getOrDefault(cell.id(), cell.caption()),
                    place.chapter().pageName(),
                    "figures/" + cell.id() + ".csv", cell.line(), data == null ? List.of() : columns(data, messages),
                    data == null ? List.of() : rows(data, messages)));
        }
        refs.sort(java.util.Comparator.comparing((VersionManifest.CellRef c) -> pageIndex(pages, c.page()))
                .thenComparing(c -> number(c.label())).thenComparing(VersionManifest.CellRef::id));
        return new VersionManifest(report.info().version(), String.valueOf(report.info().year()), report.info().title(),
                report.info().date().toString(), report.info().language(), pages, refs, values, documents);
    }

    /** The columns of a cell's numbers after the label, as its table heads them. */
    private static List<VersionManifest.Column> columns(CellData data, Messages messages) {
        List<String> header = TableRows.of(data, messages).header();
        List<VersionManifest.Column> columns = new ArrayList<>();
        boolean single = data.series().size() == 1;
        for (int i = 0; i < data.series().size(); i++) {
            String key = !single ? data.series().get(i).key() : data.measured() ? VALUE : COUNT;
            columns.add(new VersionManifest.Column(key, header.get(i + 1), false));
        }
        int next = data.series().size() + 1;
        if (single && data.measured()) {
            columns.add(new VersionManifest.Column(N, header.get(next++), false));
        } else if (single && data.changes().isEmpty()) {
            columns.add(new VersionManifest.Column(SHARE, header.get(next++), true));
        }
        if (!data.changes().isEmpty()) {
            columns.add(new VersionManifest.Column(CHANGE, header.get(next), false));
        }
        return columns;
    }

    /** A cell's rows as its table shows them, each with what it is in the data. */
    private static List<VersionManifest.Row> rows(CellData data, Messages messages) {
        List<List<String>> shown = TableRows.of(data, messages).rows();
        List<VersionManifest.Row> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            List<String> row = shown.get(i);
            rows.add(new VersionManifest.Row(data.keys().get(i), row.get(0), row.subList(1, row.size())));
        }
        return rows;
    }

    private static int pageIndex(List<VersionManifest.PageRef> pages, String href) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).href().equals(href)) {
                return i;
            }
        }
        return pages.size();
    }

    private static int number(String label) {
        String digits = label.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits.substring(0, Math.min(digits.length(), 6)));
    }

    /** {@code values.json} and {@code sitemap.xml} of the version (addresses relative until published). */
    public static Map<String, byte[]> files(VersionManifest manifest) {
        Map<String, byte[]> files = new TreeMap<>();
        files.put(VersionManifest.FILE, manifest.json());
        files.put(SiteRoot.SITEMAP, SiteRoot.versionSitemap(manifest.entry(), ""));
        return files;
    }

    /** The version compared with the previous one of its edition in {@code revision}. */
    public static ChangeLog changes(VersionManifest manifest, Revision revision, FileSource current) throws IOException {
        return revision.baseline() == null ? ChangeLog.first()
                : ChangeLog.between(revision.baseline(), revision.baselineFiles(), manifest, current);
    }
}
