package org.threatreport.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.threatreport.aggregate.CellComputer;
import org.threatreport.aggregate.CellData;
import org.threatreport.aggregate.TableView;
import org.threatreport.aggregate.Wording;
import org.threatreport.chart.ChartDrawer;
import org.threatreport.chart.ChartFont;
import org.threatreport.chart.ChartFontException;
import org.threatreport.chart.ChartFonts;
import org.threatreport.chart.ChartTheme;
import org.threatreport.config.BuildOptions;
import org.threatreport.data.DataLoader;
import org.threatreport.data.DataSet;
import org.threatreport.data.LoadedTable;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Problem;
import org.threatreport.model.Cell;
import org.threatreport.model.CellKind;
import org.threatreport.model.Chapter;
import org.threatreport.model.Report;
import org.threatreport.model.ReportInfo;
import org.threatreport.model.ReportLoader;
import org.threatreport.notebook.NotebookBuilder;
import org.threatreport.pdf.PdfEdition;
import org.threatreport.render.ChapterRenderer;
import org.threatreport.render.Engines;
import org.threatreport.render.FigureFiles;
import org.threatreport.render.Messages;
import org.threatreport.render.PortableMarkdown;
import org.threatreport.render.RenderedChapter;
import org.threatreport.render.TemplateSet;
import org.threatreport.site.LocalSiteRoot;
import org.threatreport.site.Revision;
import org.threatreport.site.SearchIndex;
import org.threatreport.site.SiteInstaller;
import org.threatreport.site.SiteWriter;

/**
 * One build of a report, as a list of named, timed stages:
 * load (data and content) → aggregate → render chapters → draw figures → write the site.
 * Knows nothing of Maven; the goals and the tests call {@link #run}.
 */
public final class ReportBuild {

    private static final String CHART_THEME = "chart-theme.properties";

    private final BuildOptions options;
    private final BuildLog log;

    public ReportBuild(BuildOptions options, BuildLog log) {
        this.options = options;
        this.log = log;
    }

    /**
     * Loads, renders and installs the report into {@code <output>/<version>/}.
     *
     * @throws InputException for mistakes in the project's files: every problem found, with its location
     * @throws Exception      for faults of the machine (disk, memory) or of this plugin
     */
    public BuildResult run() throws Exception {
        Stages stages = new Stages(log);
        LoadedProject project = load(stages);
        RenderedSite site = render(project, stages);
        FileTime stamp = FileTime.from(project.report().info().date().atStartOfDay().toInstant(ZoneOffset.UTC));
        stages.run("install", () -> {
            SiteInstaller.install(site.files(), options.versionDir(), stamp);
            return site.files().size();
        }, count -> "Wrote " + count + " files to " + options.versionDir());
        stages.run("site root", () -> LocalSiteRoot.refresh(options.outputDir(), options.templateDir(), stamp),
                versions -> "Listed " + versions.entries().size() + " version(s) in " + options.outputDir().resolve("versions.json"));
        return new BuildResult(options.versionDir(), site.chapters().size(), (int) project.figureCount(),
                site.files().size(), stages.timings());
    }

    /** Reads and checks the data and the content, and computes every cell's numbers. */
    public LoadedProject load(Stages stages) throws Exception {
        ReportInfo info = ReportLoader.readInfo(options.contentDir(), options.version());
        DataSet data = stages.run("load data", () -> DataLoader.load(options.dataDir(), OptionalInt.of(info.year())),
                d -> "Loaded " + d.all().stream().mapToInt(LoadedTable::rowCount).sum() + " rows of "
                        + d.all().size() + " table(s)");
        Report report = stages.run("load content", () -> ReportLoader.load(options.contentDir(), info, data),
                r -> "Read " + r.chapters().size() + " chapters with " + r.cells().size() + " cells");
        Map<String, TableView> tables = new TreeMap<>();
        Wording wording = Wording.forLanguage(info.language());
        data.tables().forEach((name, table) -> tables.put(name, TableView.of(table, wording, info.year())));
        Map<String, CellData> cells = stages.run("aggregate", () -> compute(report, tables),
                c -> "Computed the numbers of " + c.size() + " cells");
        return new LoadedProject(data, report, tables, cells);
    }

    /** Renders the chapters, draws the figures and lays out the pages, in memory. */
    public RenderedSite render(LoadedProject project, Stages stages) throws Exception {
        Report report = project.report();
        ReportInfo info = report.info();
        TemplateSet templates = new TemplateSet(options.templateDir());
        Messages messages = Messages.load(templates, info.language());
        Engines engines = new Engines(Locale.forLanguageTag(info.language()), templates.loader());
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            ChapterRenderer renderer = new ChapterRenderer(engines, templates, report, project.tables(),
                    project.cells(), messages, options.projectDir().toAbsolutePath().normalize());
            List<Chapter> pages = new ArrayList<>(report.chapters());
            if (report.abstractPage() != null) {
                pages.add(report.abstractPage());
            }
            Chapter correctionsText = ReportLoader.page(options.contentDir(), ReportLoader.CORRECTIONS_FILE,
                    messages.get("corrections.title"), info, project.data());
            if (correctionsText != null) {
                pages.add(correctionsText);
            }
            // Figures need only the cells' numbers: they are drawn while the chapters render. Choosing
            // the font starts Java's font system, a few hundred milliseconds in a fresh JVM: also then.
            Stages.Background<DrawnFigures> drawing = stages.start("figures",
                    () -> drawAll(workers, figureFiles(templates, messages, project.cells().values()), project.cells()),
                    f -> "Drew " + project.figureCount() + " figures (" + f.files().size() + " files)");
            List<RenderedChapter> rendered;
            try {
                rendered = stages.run("render", () -> Parallel.map(workers, pages, renderer::render),
                        c -> "Rendered " + report.chapters().size() + " chapters");
            } catch (Exception e) {
                drawing.settle();
                throw e;
            }
            List<RenderedChapter> chapters = rendered.subList(0, report.chapters().size());
            RenderedChapter abstractPage = report.abstractPage() == null ? null : rendered.get(report.chapters().size());
            RenderedChapter corrections = correctionsText == null ? null : rendered.get(rendered.size() - 1);
            DrawnFigures drawn = drawing.await();
            Map<String, byte[]> figureFiles = drawn.files();
            // The PDF edition (report.pdf) is laid out on a thread of its own while the rest of the version is made.
            Stages.Background<PdfEdition.Made> pdf = !options.pdf() ? null : stages.start("pdf",
                    () -> new PdfEdition(engines, templates, messages, drawn.chartFont()).write(report, abstractPage,
                            chapters, project.cells(), figureFiles, versionUrl()),
                    made -> "Wrote " + PdfEdition.FILE + " (" + made.pages() + " pages, " + made.bytes().length / 1024
                            + " KB, font " + made.font() + made.note().map(n -> "; " + n).orElse("") + ")");
            try {
                PortableMarkdown portable = new PortableMarkdown(report, project.cells(), messages);
                Map<String, byte[]> markdownFiles = stages.run("markdown",
                        () -> markdown(workers, portable, abstractPage, chapters),
                        f -> "Wrote " + chapters.size() + " chapters and " + PortableMarkdown.REPORT_FILE + " as Markdown");
                NotebookBuilder notebooks = new NotebookBuilder(report, project.data(), project.cells(), portable, messages);
                Map<String, byte[]> notebookFiles = stages.run("notebooks", () -> notebooks(workers, notebooks, chapters,
                        figureFiles), f -> "Built " + f.size() + " notebooks");
                Map<String, byte[]> chapterFiles = new TreeMap<>(figureFiles);
                chapterFiles.putAll(markdownFiles);
                chapterFiles.putAll(notebookFiles);
                Revision revision = LocalSiteRoot.revision(options.outputDir(), options.version(), String.valueOf(info.year()));
                SiteWriter site = new SiteWriter(engines, templates, messages, revision.withCorrections(corrections));
                options.siteUrl().ifPresent(url -> site.publishedAt(url, options.version()));
                if (pdf != null) {
                    site.offersPdf();
                }
                Map<String, byte[]> files = stages.run("pages", () -> pages(workers, site.prepare(report, abstractPage,
                        chapters, chapterFiles, new ArrayList<>(project.data().all()))),
                        f -> "Laid out " + (chapters.size() + 1) + " pages");
                SearchIndex search = stages.run("search index", () -> SearchIndex.of(info.language(), abstractPage,
                        messages.get("site.abstract"), chapters), i -> "Indexed " + i.passageCount() + " passages of "
                        + i.pageCount() + " pages for search (" + i.termCount() + " terms, " + i.script().length / 1024
                        + " KB)");
                files = new TreeMap<>(files);
                files.put(SearchIndex.FILE, search.script());
                if (pdf != null) {
                    PdfEdition.Made made = pdf.await();
                    made.warnings().forEach(warning -> log.debug("PDF: " + warning));
                    files.put(PdfEdition.FILE, made.bytes());
                }
                return new RenderedSite(abstractPage, chapters, files);
            } catch (Exception e) {
                if (pdf != null) {
                    pdf.settle();
                }
                throw e;
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** Every cell's numbers, by id; a cell that cannot be computed, or counts nothing, is a problem. */
    public static Map<String, CellData> compute(Report report, Map<String, TableView> tables) throws InputException {
        CellComputer computer = new CellComputer(tables, report.info().language());
        Map<String, CellData> cells = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Report.CellPlace place : report.cells().values()) {
            Cell cell = place.cell();
            try {
                CellData data = computer.compute(cell);
                if (data.isEmpty()) {
                    problems.add(Problem.error(cell.file(), cell.line(), 1, "cell '" + cell.id()
                            + "' has no data: every count is 0 (check its 'where' filter)"));
                }
                cells.put(cell.id(), data);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.error(cell.file(), cell.line(), 1, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return cells;
    }

    /**
     * How this build draws figures: the site template's chart theme and the chart font, checked
     * against every label of {@code cells}' figures.
     */
    public FigureFiles figureFiles(TemplateSet templates, Messages messages, java.util.Collection<CellData> cells)
            throws Exception {
        Properties themeProperties = new Properties();
        byte[] themeFile = templates.read(CHART_THEME);
        if (themeFile != null) {
            themeProperties.load(new java.io.StringReader(new String(themeFile, java.nio.charset.StandardCharsets.UTF_8)));
        }
        ChartTheme theme;
        try {
            theme = ChartTheme.fromProperties(themeProperties);
        } catch (IllegalArgumentException e) {
            throw InputException.of(Problem.error(options.templateDir().resolve(CHART_THEME), e.getMessage()));
        }
        TreeSet<String> labels = new TreeSet<>();
        for (CellData data : cells) {
            if (data.cell().kind() == CellKind.FIGURE) {
                labels.addAll(data.categories());
                data.series().forEach(s -> labels.add(s.name()));
            }
        }
        ChartFont font;
        try {
            Path fontsDir = options.templateDir().resolve("fonts");
            font = ChartFonts.choose(options.chartFont().orElse(null), Files.isDirectory(fontsDir) ? fontsDir : null, labels);
        } catch (ChartFontException e) {
            throw InputException.of(Problem.error(options.chartFont().orElse(options.templateDir().resolve("fonts")),
                    e.getMessage()));
        }
        log.debug("Chart font: " + font.source());
        return new FigureFiles(new ChartDrawer(theme, font), theme + "|" + font.source(),
                options.cacheDir().resolve("figures"), messages);
    }

    /** Lays out the chapters' pages on the workers, then the rest of the version. */
    private static Map<String, byte[]> pages(ExecutorService workers, SiteWriter.VersionLayout layout) throws Exception {
        List<Integer> chapters = IntStream.range(0, layout.chapterCount()).boxed().toList();
        return layout.finish(Parallel.map(workers, chapters, layout::chapterPage));
    }

    /** Each chapter as Markdown, made on the workers, and the whole report as {@link PortableMarkdown#REPORT_FILE}. */
    private static Map<String, byte[]> markdown(ExecutorService workers, PortableMarkdown portable,
                                                RenderedChapter abstractPage, List<RenderedChapter> chapters)
            throws Exception {
        PortableMarkdown.checkFileNames(chapters);
        Future<byte[]> whole = workers.submit(() -> portable.reportFile(abstractPage, chapters)
                .getBytes(StandardCharsets.UTF_8));
        List<byte[]> made = Parallel.map(workers, chapters, chapter -> portable.chapterFile(chapter)
                .getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < chapters.size(); i++) {
            files.put(PortableMarkdown.fileName(chapters.get(i).chapter(), ".md"), made.get(i));
        }
        files.put(PortableMarkdown.REPORT_FILE, whole.get());
        return files;
    }

    /** Each chapter's notebook, made on the workers. */
    private static Map<String, byte[]> notebooks(ExecutorService workers, NotebookBuilder notebooks,
                                                 List<RenderedChapter> chapters, Map<String, byte[]> figureFiles)
            throws Exception {
        List<byte[]> made = Parallel.map(workers, chapters, chapter -> notebooks.notebook(chapter, figureFiles)
                .getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < chapters.size(); i++) {
            files.put(PortableMarkdown.fileName(chapters.get(i).chapter(), NotebookBuilder.EXTENSION), made.get(i));
        }
        return files;
    }

    /** Every cell's files, and the font their labels are drawn with. */
    private record DrawnFigures(ChartFont chartFont, Map<String, byte[]> files) {
    }

    private static DrawnFigures drawAll(ExecutorService workers, FigureFiles figures, Map<String, CellData> cells)
            throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        Parallel.map(workers, new ArrayList<>(cells.values()), figures::files).forEach(files::putAll);
        return new DrawnFigures(figures.chartFont(), files);
    }

    /** Where the version being built is published ({@code https://…/2017/}), when the site's address is known. */
    private java.util.Optional<String> versionUrl() {
        return options.siteUrl().map(url -> {
            String root = url.toString();
            return (root.endsWith("/") ? root : root + "/") + options.version() + "/";
        });
    }
}
