package org.threatreport.site;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.threatreport.model.Report;
import org.threatreport.render.InlineValue;
import org.threatreport.render.RenderedChapter;

/**
 * The files of a version that record it for later versions: {@code values.json} (its pages, figures,
 * tables and every value in the text), its {@code sitemap.xml}, and the comparison with the
 * previous version of its edition that the corrections page shows.
 */
public final class VersionHistory {

    public static final String CORRECTIONS_PAGE = "corrections.html";

    private VersionHistory() {
    }

    /**
     * @param correctionsTitle the corrections page's title when {@code content/corrections.md} gives none
     * @param documents        the whole report in other forms the version offers (the PDF)
     */
    public static VersionManifest manifest(Report report, RenderedChapter abstractPage, List<RenderedChapter> chapters,
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
        List<VersionManifest.CellRef> cells = new ArrayList<>();
        for (Report.CellPlace place : report.cells().values()) {
            cells.add(new VersionManifest.CellRef(place.cell().id(), place.cell().label(), place.cell().caption(),
                    place.chapter().pageName(), "figures/" + place.cell().id() + ".csv"));
        }
        cells.sort(java.util.Comparator.comparing((VersionManifest.CellRef c) -> pageIndex(pages, c.page()))
                .thenComparing(c -> number(c.label())).thenComparing(VersionManifest.CellRef::id));
        return new VersionManifest(report.info().version(), String.valueOf(report.info().year()), report.info().title(),
                report.info().date().toString(), report.info().language(), pages, cells, values, documents);
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
