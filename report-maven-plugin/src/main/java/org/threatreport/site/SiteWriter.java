package org.threatreport.site;

import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleSequence;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateSequenceModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.threatreport.aggregate.CellData;
import org.threatreport.data.DataTable;
import org.threatreport.diagnostic.InputException;
import org.threatreport.model.Report;
import org.threatreport.model.ReportInfo;
import org.threatreport.render.Engines;
import org.threatreport.notebook.NotebookBuilder;
import org.threatreport.pdf.PdfEdition;
import org.threatreport.render.Messages;
import org.threatreport.render.PortableMarkdown;
import org.threatreport.render.RenderedChapter;
import org.threatreport.render.TemplateProblems;
import org.threatreport.render.TemplateSet;
import org.threatreport.render.WholeReport;

/**
 * Lays out the pages of one version of the report with the site template's layouts, and collects
 * every file of the version folder (pages, figures, data downloads, assets) by relative path.
 */
public final class SiteWriter {

    private final SiteLayouts layouts;
    private final Engines engines;
    private final Messages messages;
    private final Revision revision;
    /** Every version as this one's pages list them; set by {@link #pages}. */
    private Versions versions = Versions.empty();
    /** Where readers reach this version ({@code https://…/2017/}), or empty when not known. */
    private String versionUrl = "";
    /** Whether the version offers the PDF, which is made beside the pages; set by {@link #offersPdf}. */
    private boolean pdf;
    /** The tables counted where they lie, for the data note; set by {@link #notesData}. */
    private List<DataNote> dataNotes = List.of();

    public SiteWriter(SiteLayouts layouts) {
        this(layouts, Revision.none());
    }

    /** @param revision the other versions and the corrections log's inputs */
    public SiteWriter(SiteLayouts layouts, Revision revision) {
        this.layouts = layouts;
        this.engines = layouts.engines();
        this.messages = layouts.messages();
        this.revision = revision;
    }

    /**
     * Every page of the version, laid out one after the other: {@link #prepare}, each chapter's page, then
     * {@link VersionLayout#finish}.
     *
     * @param cells        every cell's numbers, by id
     * @param abstractPage the rendered {@code index.md}, or null
     * @param figureFiles  every cell's files, and the chapters' other formats (Markdown, notebooks), by path
     * @param tables       the data tables whose rows are a local CSV file, offered as downloads
     */
    public Map<String, byte[]> pages(Report report, Map<String, CellData> cells, RenderedChapter abstractPage,
                                     List<RenderedChapter> chapters, Map<String, byte[]> figureFiles,
                                     List<DataTable> tables) throws InputException, IOException {
        VersionLayout layout = prepare(report, cells, abstractPage, chapters, figureFiles, tables);
        List<byte[]> chapterPages = new ArrayList<>();
        for (int i = 0; i < chapters.size(); i++) {
            chapterPages.add(layout.chapterPage(i));
        }
        return layout.finish(chapterPages);
    }

    /**
     * What every page shares, ready for laying out the chapters' pages — each on its own, in any order
     * and on any thread — and then the rest of the version.
     *
     * @param cells        every cell's numbers, by id: {@code values.json} records them for later versions
     * @param abstractPage the rendered {@code index.md}, or null
     * @param figureFiles  every cell's files, and the chapters' other formats (Markdown, notebooks), by path
     * @param tables       the data tables whose rows are a local CSV file, offered as downloads
     */
    public VersionLayout prepare(Report report, Map<String, CellData> cells, RenderedChapter abstractPage,
                                 List<RenderedChapter> chapters, Map<String, byte[]> figureFiles,
                                 List<DataTable> tables) throws IOException {
        Map<String, byte[]> files = new TreeMap<>(layouts.templates().assets());
        files.putAll(figureFiles);
        List<Download> downloads = new ArrayList<>();
        for (DataTable table : tables) {
            java.nio.file.Path csv = table.schema().csvFile().orElseThrow();
            String name = "data/" + csv.getFileName();
            files.put(name, DataDownload.of(Files.readAllBytes(csv), table.schema().encoding()));
            downloads.add(new Download(table.schema().labels().getOrDefault(
                    report.info().isChinese() ? "zh" : "en", table.name()), name));
        }
        List<PageLink> links = chapters.stream().map(c -> new PageLink(c.chapter().fullTitle(),
                c.chapter().pageName(), c.headings().stream().filter(h -> h.level() == 2).toList())).toList();
        Download pdf = this.pdf || files.containsKey(PdfEdition.FILE)
                ? new Download(messages.get("download.pdf"), PdfEdition.FILE) : null;
        VersionManifest manifest = VersionHistory.manifest(report, cells, messages, abstractPage, chapters,
                revision.correctionsText(), messages.get("corrections.title"), pdf == null ? List.of()
                        : List.of(new VersionManifest.PageRef(PdfEdition.FILE, messages.get("download.pdfReport"))));
        versions = revision.known().with(manifest.entry());
        Map<String, Object> common = new HashMap<>();
        common.put("report", report.info());
        common.put("chapters", links);
        common.put("msg", messages.strings());
        common.put("downloads", downloads);
        common.putAll(Reading.model(report, abstractPage, messages, versionUrl));
        common.put("documents", documents(chapters, files, pdf != null));
        common.put("pdf", pdf);
        common.put("pdfFileName", pdf == null ? null : downloadName(report.info()));
        if (!dataNotes.isEmpty()) {
            common.put("dataNotes", dataNotes);
        }
        return new VersionLayout(abstractPage, chapters, files, links, navigation(links), manifest,
                java.util.Collections.unmodifiableMap(common));
    }

    /**
     * One version's pages being laid out: made by {@link #prepare}. Laying out a chapter's page is
     * thread-safe; {@link #finish} comes last.
     */
    public final class VersionLayout {
        private final RenderedChapter abstractPage;
        private final List<RenderedChapter> chapters;
        private final Map<String, byte[]> files;
        private final List<PageLink> links;
        private final TemplateSequenceModel navigation;
        private final VersionManifest manifest;
        private final Map<String, Object> common;

        private VersionLayout(RenderedChapter abstractPage, List<RenderedChapter> chapters, Map<String, byte[]> files,
                              List<PageLink> links, TemplateSequenceModel navigation, VersionManifest manifest,
                              Map<String, Object> common) {
            this.abstractPage = abstractPage;
            this.chapters = List.copyOf(chapters);
            this.files = files;
            this.links = links;
            this.navigation = navigation;
            this.manifest = manifest;
            this.common = common;
        }

        /** What every page of the version is laid out with (the chapters, the strings, the downloads …). */
        public Map<String, Object> common() {
            return common;
        }

        /**
         * What the page of chapter {@code i} is made of besides {@link #common}: with both equal, and the
         * same layouts and {@link #versions}, the page is the same. (Its description is made from its body
         * and title when it is laid out.)
         */
        public Map<String, Object> chapterOwn(int i) {
            RenderedChapter chapter = chapters.get(i);
            Map<String, Object> own = new HashMap<>();
            own.put("chapter", links.get(i));
            own.put("bodyHtml", chapter.html());
            own.put("headings", chapter.headings().stream().filter(h -> h.level() >= 2 && h.level() <= 3).toList());
            own.put("contents", Section.of(chapter.headings()));
            own.put("previous", i > 0 ? links.get(i - 1) : null);
            own.put("next", i + 1 < chapters.size() ? links.get(i + 1) : null);
            own.put("currentPage", chapter.chapter().pageName());
            own.put("formats", formats(chapter, files));
            return own;
        }

        public int chapterCount() {
            return chapters.size();
        }

        /** The file of chapter {@code i}'s page: {@code 02-monitoring.html}. */
        public String chapterPageName(int i) {
            return chapters.get(i).chapter().pageName();
        }

        /** The page of chapter {@code i} ({@code 02-monitoring.html}). */
        public byte[] chapterPage(int i) throws InputException, IOException {
            Map<String, Object> model = new HashMap<>(common);
            model.putAll(chapterOwn(i));
            RenderedChapter chapter = chapters.get(i);
            model.put("pageDescription", Reading.summary(chapter.html(), chapter.chapter().fullTitle()));
            model.put("chapters", navigation);
            return layout("chapter.ftlh", model);
        }

        /** The versions every page lists. */
        public Versions versions() {
            return versions;
        }

        /**
         * Every file of the version: the assets, figures and downloads, the chapters' pages, the home
         * page and the other pages.
         *
         * @param chapterPages the chapters' pages, in the order of the chapters
         */
        public Map<String, byte[]> finish(List<byte[]> chapterPages) throws InputException, IOException {
            Map<String, Object> index = new HashMap<>(common);
            index.put("abstractHtml", abstractPage == null ? "" : abstractPage.html());
            index.put("currentPage", "index.html");
            files.put("index.html", layout("index.ftlh", index));
            for (int i = 0; i < chapters.size(); i++) {
                files.put(chapters.get(i).chapter().pageName(), chapterPages.get(i));
            }
            files.putAll(VersionHistory.files(manifest));
            Map<String, Object> corrections = new HashMap<>(common);
            corrections.put("textHtml", revision.correctionsText() == null ? "" : revision.correctionsText().html());
            corrections.put("textTitle", manifest.pageTitle(VersionHistory.CORRECTIONS_PAGE));
            corrections.put("changesHtml", Fragments.changes(VersionHistory.changes(manifest, revision, files::get), layouts));
            corrections.put("currentPage", VersionHistory.CORRECTIONS_PAGE);
            files.put(VersionHistory.CORRECTIONS_PAGE, layout("corrections.ftlh", corrections));
            files.putAll(readingPages(common, abstractPage, chapters));
            if (!versionUrl.isEmpty()) {
                // The sitemap protocol wants absolute addresses: with the site's address known, give them.
                files.put(SiteRoot.SITEMAP, SiteRoot.versionSitemap(manifest.entry(), versionUrl));
            }
            return files;
        }
    }

    /**
     * The chapters as every chapter's page lists them, wrapped for the layouts once: unwrapped, each
     * page would wrap every chapter again, and with a thousand chapters that is a million wrappings.
     */
    private TemplateSequenceModel navigation(List<PageLink> links) {
        ObjectWrapper wrapper = engines.layouts().getObjectWrapper();
        List<TemplateModel> wrapped = new ArrayList<>();
        try {
            for (PageLink link : links) {
                wrapped.add(wrapper.wrap(link));
            }
        } catch (TemplateModelException e) {
            throw new IllegalStateException("the layouts' object wrapper cannot wrap a record", e);
        }
        return new SimpleSequence(wrapped, wrapper);
    }

    /** The whole report as PDF and Markdown and each chapter's notebook, as far as the build made them. */
    private List<Download> documents(List<RenderedChapter> chapters, Map<String, byte[]> files, boolean pdf) {
        List<Download> documents = new ArrayList<>();
        if (pdf) {
            documents.add(new Download(messages.get("download.pdfReport"), PdfEdition.FILE));
        }
        if (files.containsKey(PortableMarkdown.REPORT_FILE)) {
            documents.add(new Download(messages.get("download.report"), PortableMarkdown.REPORT_FILE));
        }
        for (RenderedChapter chapter : chapters) {
            String notebook = PortableMarkdown.fileName(chapter.chapter(), NotebookBuilder.EXTENSION);
            if (files.containsKey(notebook)) {
                documents.add(new Download(chapter.chapter().fullTitle() + " · " + messages.get("download.notebook"), notebook));
            }
        }
        return documents;
    }

    /**
     * The name a browser saves the PDF under ({@code 2017 年网络安全应急响应分析报告 2017.1.pdf}): the file
     * itself is {@code report.pdf} in every version, but a mailed or archived copy should say what it is.
     */
    private static String downloadName(ReportInfo info) {
        return (info.title() + " " + info.version()).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]+", " ")
                .replaceAll("\\s+", " ").strip() + ".pdf";
    }

    /** A chapter's page links to the same chapter as Markdown and as a notebook. */
    private List<Download> formats(RenderedChapter chapter, Map<String, byte[]> files) {
        List<Download> formats = new ArrayList<>();
        for (String[] format : new String[][] {{".md", "download.markdown"}, {NotebookBuilder.EXTENSION, "download.notebook"}}) {
            String name = PortableMarkdown.fileName(chapter.chapter(), format[0]);
            if (files.containsKey(name)) {
                formats.add(new Download(messages.get(format[1]), name));
            }
        }
        return formats;
    }

    /**
     * Tells the pages that the version offers the whole report as a PDF ({@link PdfEdition#FILE}): the build
     * makes it while the pages are laid out, and adds it to the version's files.
     */
    public SiteWriter offersPdf() {
        this.pdf = true;
        return this;
    }

    /**
     * Tells the home page and the corrections log which tables were counted where they lie, and where and
     * when their rows were read (from their snapshots).
     */
    public SiteWriter notesData(List<DataNote> notes) {
        this.dataNotes = List.copyOf(notes);
        return this;
    }

    /**
     * Sets where readers reach this version, for the addresses that must be absolute: the sitemap,
     * canonical and Open Graph links, and the links of the 404 page.
     *
     * @param siteUrl the site root's address ({@code https://reports.example.org/threat-report/}),
     *                the version folder being below it
     */
    public SiteWriter publishedAt(java.net.URI siteUrl, String version) {
        String root = siteUrl.toString();
        this.versionUrl = (root.endsWith("/") ? root : root + "/") + version + "/";
        return this;
    }

    /** The pages for reading: the whole report on one page, search results and the 404 page. */
    private Map<String, byte[]> readingPages(Map<String, Object> common, RenderedChapter abstractPage,
                                             List<RenderedChapter> chapters) throws InputException, IOException {
        Map<String, byte[]> files = new TreeMap<>();
        List<WholeReport.Part> parts = new ArrayList<>();
        if (abstractPage != null) {
            parts.add(new WholeReport.Part("index.html", messages.get("site.abstract"), abstractPage.html()));
        }
        chapters.forEach(chapter -> parts.add(WholeReport.Part.of(chapter)));
        Map<String, Object> whole = new HashMap<>(common);
        whole.put("sections", WholeReport.sections(parts, Reading.LAYOUT_IDS, 1));
        whole.put("currentPage", Reading.WHOLE_PAGE);
        files.put(Reading.WHOLE_PAGE, layout("all.ftlh", whole));

        Map<String, Object> search = new HashMap<>(common);
        search.put("currentPage", Reading.SEARCH_PAGE);
        search.put("noindex", true);
        files.put(Reading.SEARCH_PAGE, layout("search.ftlh", search));

        Map<String, Object> notFound = new HashMap<>(common);
        notFound.put("currentPage", Reading.NOT_FOUND_PAGE);
        notFound.put("noindex", true);
        notFound.put("baseHref", versionUrl.isEmpty() ? "" : java.net.URI.create(versionUrl).getRawPath());
        files.put(Reading.NOT_FOUND_PAGE, layout("404.ftlh", notFound));
        return files;
    }

    private byte[] layout(String name, Map<String, Object> model) throws InputException, IOException {
        if (model.get("currentPage") instanceof String page && model.get("report") instanceof ReportInfo info) {
            model.put("versionListHtml", Fragments.versionList(versions, info.version(), page, layouts));
        }
        return layouts.render(name, model).getBytes(StandardCharsets.UTF_8);
    }

}
