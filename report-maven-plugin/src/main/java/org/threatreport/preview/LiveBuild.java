package org.threatreport.preview;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.threatreport.aggregate.CellData;
import org.threatreport.aggregate.TableView;
import org.threatreport.aggregate.Wording;
import org.threatreport.config.BuildOptions;
import org.threatreport.data.DataLoader;
import org.threatreport.data.DataSet;
import org.threatreport.data.LoadedTable;
import org.threatreport.diagnostic.InputException;
import org.threatreport.model.CellKind;
import org.threatreport.model.Chapter;
import org.threatreport.model.CrossReferences;
import org.threatreport.model.Report;
import org.threatreport.model.ReportInfo;
import org.threatreport.model.ReportLoader;
import org.threatreport.pipeline.BuildLog;
import org.threatreport.pipeline.LoadedProject;
import org.threatreport.pipeline.Parallel;
import org.threatreport.pipeline.ReportBuild;
import org.threatreport.pipeline.RenderedSite;
import org.threatreport.pipeline.StageTiming;
import org.threatreport.pipeline.Stages;
import org.threatreport.notebook.NotebookBuilder;
import org.threatreport.render.ChapterRenderer;
import org.threatreport.render.Engines;
import org.threatreport.render.FigureFiles;
import org.threatreport.render.Messages;
import org.threatreport.render.RenderedChapter;
import org.threatreport.render.PortableMarkdown;
import org.threatreport.render.TemplateSet;
import org.threatreport.site.LocalSiteRoot;
import org.threatreport.site.Revision;
import org.threatreport.site.SearchIndex;
import org.threatreport.site.SiteWriter;
import org.threatreport.site.Versions;

/**
 * The report kept in memory between rebuilds, so that a change redoes only what it affects.
 *
 * <p>A full build is {@code site:report}'s own {@link ReportBuild#load} and {@link ReportBuild#render}.
 * After it, the loaded project, every rendered page of {@code content/}, every figure's files and
 * every chapter's Markdown and notebook are kept, with warm template engines. An {@link #update}
 * then reads again only what changed (the chapters, or the data), re-renders only the chapters
 * whose text, cells, numbering or references changed or that read a changed table, redraws only the
 * figures whose numbers changed (the figure cache skips the others), remakes only those chapters'
 * Markdown and notebooks, and lays out the pages and the search index from the kept parts: a
 * chapter's page again only when something it is made of changed (its text, or what every page
 * shows — the chapters' titles and sections, the versions, the layouts), the pages that show every
 * chapter ({@code all.html}, the home page) always.
 *
 * <p>The site it serves must be the bytes {@code site:report} writes, so {@link #assemble} follows
 * the stages of {@link ReportBuild#render} after the chapters are rendered. After each full build
 * it assembles the site from its own parts and compares it with the full build's, byte for byte;
 * if they differ (a stage was added to the build that this class does not follow yet), it says so
 * and every later change rebuilds fully. Not thread-safe: one thread builds.
 */
public final class LiveBuild implements AutoCloseable {

    /**
     * What a build or rebuild did, for the log.
     *
     * @param chapters the source files of the pages rendered again (none for a full build: all of them)
     * @param figures  how many figures and tables got new files (new numbers or style)
     * @param files    how many files the site has
     */
    public record Update(boolean full, List<String> chapters, int figures, int files, long millis,
                         List<StageTiming> timings) {

        public Update {
            chapters = List.copyOf(chapters);
            timings = List.copyOf(timings);
        }

        public String describe() {
            return (full ? "Built everything" : "Rebuilt" + (chapters.isEmpty() ? "" : " " + String.join(", ", chapters)))
                    + " (" + figures + " figure(s) changed, " + files + " files) in " + millis + " ms";
        }

        /** Where the time went: {@code load content 12 ms, render 40 ms, …}. */
        public String breakdown() {
            return String.join(", ", timings.stream().map(t -> t.stage() + " " + t.millis() + " ms").toList());
        }
    }

    /**
     * The site template, the engines and what the build knows of the other versions, kept while the
     * templates do not change.
     */
    private record Context(TemplateSet templates, Messages messages, Engines engines, FigureFiles figures,
                           Set<String> figureLabels, Revision revision) {

        Context withEngines(TemplateSet newTemplates, Engines newEngines) {
            return new Context(newTemplates, messages, newEngines, figures, figureLabels, revision);
        }
    }

    /**
     * A good build: everything needed to redo part of it.
     *
     * @param corrections the corrections text ({@code content/corrections.md}), or null
     * @param rendered    every rendered page of {@code content/} (abstract, chapters, corrections), by page name
     * @param figures     every cell's files, by cell id
     * @param derived     each chapter's other files ({@code .md}, {@code .ipynb}), by page name
     * @param pages       the chapters' pages as laid out, to keep those whose inputs did not change
     */
    private record State(LoadedProject project, Chapter corrections, Map<String, RenderedChapter> rendered,
                         Map<String, Map<String, byte[]>> figures, Map<String, Map<String, byte[]>> derived,
                         Map<String, byte[]> files, ChapterPages pages, Context context, boolean incremental) {
    }

    /** A chapter's page as laid out, and the chapter's own part of what it was made of. */
    private record LaidOutPage(Map<String, Object> own, byte[] page) {
    }

    /**
     * The chapters' pages of a build, and what they shared: the engines (the layouts), the versions
     * and the model every page has. A page is kept when all of these and its own part are equal.
     */
    private record ChapterPages(Engines engines, Versions versions, Map<String, Object> common,
                                Map<String, LaidOutPage> byName) {

        static final ChapterPages NONE = new ChapterPages(null, null, Map.of(), Map.of());

        boolean sameFrame(Engines otherEngines, Versions otherVersions, Map<String, Object> otherCommon) {
            return engines == otherEngines && Objects.equals(versions, otherVersions) && common.equals(otherCommon);
        }
    }

    /** The files of the site, and its chapters' pages to keep for the next rebuild. */
    private record Assembled(Map<String, byte[]> files, ChapterPages pages) {
    }

    private final BuildOptions options;
    private final BuildLog log;
    private final Path projectDir;
    private final ExecutorService workers;
    private final Set<Path> pending = new LinkedHashSet<>();
    private State state;

    public LiveBuild(BuildOptions options, BuildLog log) {
        this.options = options;
        this.log = log;
        this.projectDir = options.projectDir().toAbsolutePath().normalize();
        this.workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            Thread thread = new Thread(r, "report-preview-render");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Every file of the last good build, by path relative to the version folder; empty before one. */
    public Map<String, byte[]> files() {
        return state == null ? Map.of() : state.files();
    }

    /** Whether changes are rebuilt incrementally (see the class comment). */
    public boolean isIncremental() {
        return state != null && state.incremental();
    }

    /**
     * Builds everything, as {@code site:report} does (without writing the site).
     *
     * @throws InputException for mistakes in the project's files; the last good build is kept
     */
    public Update build() throws Exception {
        long start = System.nanoTime();
        ReportBuild build = new ReportBuild(options, log);
        Stages stages = new Stages(log);
        LoadedProject project = build.load(stages);
        RenderedSite site = build.render(project, stages);
        ReportInfo info = project.report().info();
        Context context = context(build, info, project.cells().values());
        Chapter corrections = ReportLoader.page(options.contentDir(), ReportLoader.CORRECTIONS_FILE,
                context.messages().get("corrections.title"), info, project.data());
        Map<String, RenderedChapter> rendered = new HashMap<>();
        site.chapters().forEach(c -> rendered.put(c.chapter().pageName(), c));
        if (site.abstractPage() != null) {
            rendered.put(site.abstractPage().chapter().pageName(), site.abstractPage());
        }
        if (corrections != null) {
            ChapterRenderer renderer = new ChapterRenderer(context.engines(), context.templates(), project.report(),
                    project.tables(), project.cells(), context.messages(), projectDir);
            rendered.put(corrections.pageName(), renderer.render(corrections));
        }
        Map<String, Map<String, byte[]>> figures = new TreeMap<>();
        for (CellData cell : project.cells().values()) {
            figures.put(cell.cell().id(), context.figures().files(cell));
        }
        Future<byte[]> search = searchIndex(project.report(), rendered, context);
        Map<String, Map<String, byte[]>> derived = derive(project, context, rendered, figures,
                project.report().chapters(), new TreeMap<>());
        Assembled assembled = assemble(project, corrections, rendered, figures, derived, context, search,
                ChapterPages.NONE, new Stages(quiet(log)));
        Map<String, byte[]> files = assembled.files();
        boolean incremental = sameFiles(files, site.files());
        if (!incremental) {
            log.info("The preview rebuilds everything on each change: its incremental rebuild does not make the"
                    + " same files as site:report for this project (" + difference(files, site.files()) + ")");
        }
        state = new State(project, corrections, rendered, figures, derived, site.files(), assembled.pages(), context,
                incremental);
        pending.clear();
        return new Update(true, List.of(), 0, site.files().size(), millisSince(start), stages.timings());
    }

    /**
     * Rebuilds after {@code changed} files changed (added, edited or deleted), redoing only what they
     * affect. Changes of a failed rebuild are remembered and redone with the next one.
     *
     * @throws InputException for mistakes in the project's files; the last good build is kept
     */
    public Update update(Collection<Path> changed) throws Exception {
        pending.addAll(changed);
        Changes changes = Changes.of(pending, options);
        if (state == null || changes.everything() || !state.incremental()) {
            return build();
        }
        if (changes.isEmpty()) {
            pending.clear();
            return new Update(false, List.of(), 0, state.files().size(), 0, List.of());
        }
        long start = System.nanoTime();
        Stages stages = new Stages(quiet(log));
        State before = state;
        ReportBuild build = new ReportBuild(options, log);
        ReportInfo info = before.project().report().info();
        Context context = before.context();
        if (changes.templates()) {
            // FreeMarker caches the layouts it has read: fresh engines read the changed ones again.
            TemplateSet templates = new TemplateSet(options.templateDir());
            context = context.withEngines(templates, new Engines(Locale.forLanguageTag(info.language()),
                    templates.loader()));
        }

        DataSet data = before.project().data();
        Map<String, TableView> tables = before.project().tables();
        Set<String> changedTables = Set.of();
        if (changes.data()) {
            data = stages.run("load data", () -> DataLoader.load(options.dataDir(), OptionalInt.of(info.year())), d -> "");
            changedTables = changedTables(before.project().data(), data, changes.files());
            Map<String, TableView> views = new TreeMap<>();
            Wording wording = Wording.forLanguage(info.language());
            data.tables().forEach((name, table) -> views.put(name, TableView.of(table, wording, info.year())));
            tables = views;
        }
        Report report = before.project().report();
        Map<String, CellData> cells = before.project().cells();
        Chapter corrections = before.corrections();
        if (changes.content() || changes.data()) {
            DataSet read = data;
            report = stages.run("load content", () -> ReportLoader.load(options.contentDir(), info, read), r -> "");
            Report loaded = report;
            Map<String, TableView> views = tables;
            Set<String> tablesChanged = changedTables;
            cells = stages.run("aggregate", () -> compute(loaded, views, before.project().cells(), tablesChanged),
                    c -> "");
            corrections = ReportLoader.page(options.contentDir(), ReportLoader.CORRECTIONS_FILE,
                    context.messages().get("corrections.title"), info, data);
        }
        if (report.chapters().stream().anyMatch(c -> c.slug().equals("report"))) {
            return build(); // a chapter named like the whole-report Markdown file: the full build says why not
        }
        LoadedProject project = new LoadedProject(data, report, tables, cells);

        Set<String> changedCells = new HashSet<>();
        cells.forEach((id, cell) -> {
            if (!cell.equals(before.project().cells().get(id))) {
                changedCells.add(id);
            }
        });
        List<Chapter> toRender = new ArrayList<>();
        Map<String, RenderedChapter> rendered = new HashMap<>();
        for (Chapter page : pages(report, corrections)) {
            RenderedChapter kept = before.rendered().get(page.pageName());
            if (needsRendering(page, kept, before, report, changedCells, changedTables, changes)) {
                toRender.add(page);
            } else {
                rendered.put(page.pageName(), kept);
            }
        }
        ChapterRenderer renderer = new ChapterRenderer(context.engines(), context.templates(), report, tables, cells,
                context.messages(), projectDir);
        for (RenderedChapter chapter : stages.run("render", () -> renderAll(renderer, toRender), r -> "")) {
            rendered.put(chapter.chapter().pageName(), chapter);
        }

        Set<String> labels = figureLabels(cells.values());
        Map<String, Map<String, byte[]>> figures = new TreeMap<>(before.figures());
        figures.keySet().retainAll(cells.keySet());
        Set<String> toDraw = new HashSet<>(changedCells);
        if (!labels.equals(context.figureLabels())) {
            // New labels: the chart font is chosen again (it must draw them all), and every figure redrawn.
            context = context(build, info, cells.values());
            toDraw.addAll(cells.keySet());
        }
        Context drawing = context;
        Map<String, CellData> numbers = cells;
        // A figure's files are taken from the figure cache when its numbers and style did not change.
        Set<String> redrawn = stages.run("figures", () -> {
            Set<String> changedFiles = new TreeSet<>();
            for (String id : toDraw) {
                Map<String, byte[]> files = drawing.figures().files(numbers.get(id));
                if (!sameFiles(files, before.figures().getOrDefault(id, Map.of()))) {
                    changedFiles.add(id);
                }
                figures.put(id, files);
            }
            return changedFiles;
        }, n -> "");

        Set<String> renderedNow = new HashSet<>();
        toRender.forEach(c -> renderedNow.add(c.pageName()));
        boolean allDerived = changes.data();
        List<Chapter> toDerive = report.chapters().stream().filter(c -> allDerived
                || c.cells().stream().anyMatch(cell -> redrawn.contains(cell.id()))
                || renderedNow.contains(c.pageName())).toList();
        if (toRender.isEmpty() && redrawn.isEmpty() && !changes.data() && !changes.templates() && !changes.assets()
                && report.equals(before.project().report()) && Objects.equals(corrections, before.corrections())) {
            // Nothing the pages are made of changed (a save without changes, a comment in a cell's YAML…).
            state = new State(project, corrections, rendered, figures, before.derived(), before.files(), before.pages(),
                    context, true);
            pending.clear();
            return new Update(false, List.of(), 0, before.files().size(), millisSince(start), stages.timings());
        }
        Context done = context;
        Future<byte[]> search = searchIndex(report, rendered, done);
        Map<String, Map<String, byte[]>> derived = stages.run("markdown and notebooks", () -> derive(project, done,
                rendered, figures, toDerive, before.derived()), d -> "");
        Chapter correctionsText = corrections;
        Assembled assembled = assemble(project, correctionsText, rendered, figures, derived, done, search,
                before.pages(), stages);
        Map<String, byte[]> files = assembled.files();
        state = new State(project, corrections, rendered, figures, derived, files, assembled.pages(), context, true);
        pending.clear();
        return new Update(false, toRender.stream().map(c -> projectDir.relativize(c.file().toAbsolutePath().normalize())
                .toString().replace('\\', '/')).toList(), redrawn.size(), files.size(), millisSince(start),
                stages.timings());
    }

    /**
     * Every cell's numbers: kept for a cell that did not change and counts a table that did not change,
     * computed (as a build computes them) for the others.
     */
    private static Map<String, CellData> compute(Report report, Map<String, TableView> tables,
                                                 Map<String, CellData> before, Set<String> changedTables)
            throws InputException {
        Map<String, Report.CellPlace> stale = new TreeMap<>();
        report.cells().forEach((id, place) -> {
            CellData kept = before.get(id);
            if (kept == null || !kept.cell().equals(place.cell()) || changedTables.contains(place.cell().table())) {
                stale.put(id, place);
            }
        });
        Map<String, CellData> computed = ReportBuild.compute(new Report(report.info(), null, List.of(), stale), tables);
        Map<String, CellData> cells = new java.util.LinkedHashMap<>();
        report.cells().keySet().forEach(id -> cells.put(id, computed.containsKey(id) ? computed.get(id) : before.get(id)));
        return cells;
    }

    /** What {@link ReportBuild#render} sets up before it renders anything. */
    private Context context(ReportBuild build, ReportInfo info, Collection<CellData> cells) throws Exception {
        TemplateSet templates = new TemplateSet(options.templateDir());
        Messages messages = Messages.load(templates, info.language());
        Engines engines = new Engines(Locale.forLanguageTag(info.language()), templates.loader());
        Revision revision = LocalSiteRoot.revision(options.outputDir(), options.version(), String.valueOf(info.year()));
        return new Context(templates, messages, engines, build.figureFiles(templates, messages, cells),
                figureLabels(cells), revision);
    }

    /** The labels figures draw: the chart font must be able to draw each of them. */
    private static Set<String> figureLabels(Collection<CellData> cells) {
        Set<String> labels = new TreeSet<>();
        for (CellData data : cells) {
            if (data.cell().kind() == CellKind.FIGURE) {
                labels.addAll(data.categories());
                data.series().forEach(s -> labels.add(s.name()));
            }
        }
        return labels;
    }

    /** Every page rendered from {@code content/}: the chapters, the abstract and the corrections text. */
    private static List<Chapter> pages(Report report, Chapter corrections) {
        List<Chapter> pages = new ArrayList<>(report.chapters());
        if (report.abstractPage() != null) {
            pages.add(report.abstractPage());
        }
        if (corrections != null) {
            pages.add(corrections);
        }
        return pages;
    }

    private static boolean needsRendering(Chapter page, RenderedChapter kept, State before, Report report,
                                          Set<String> changedCells, Set<String> changedTables, Changes changes) {
        if (kept == null || !kept.chapter().equals(page)) {
            return true; // new, or its text, title, number or cells changed
        }
        if (changes.cellTemplates() && !page.cells().isEmpty()) {
            return true;
        }
        if (page.cells().stream().anyMatch(c -> changedCells.contains(c.id()))) {
            return true;
        }
        if (changedTables.stream().anyMatch(table -> reads(page, table))) {
            return true;
        }
        Report old = before.project().report();
        for (String id : references(page)) {
            if (!Objects.equals(target(old, id), target(report, id))) {
                return true; // a referenced figure was renumbered or moved to another page
            }
        }
        return false;
    }

    /** Whether a page's inline values may read {@code table}: it names it. */
    private static boolean reads(Chapter page, String table) {
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(table) + "(?![\\w])").matcher(page.template()).find();
    }

    /** The ids a page refers to with {@code @fig-…}, outside code blocks (as the renderer links them). */
    private static Set<String> references(Chapter page) {
        Set<String> ids = new TreeSet<>();
        boolean inCode = false;
        for (String line : page.template().split("\n", -1)) {
            if (line.stripLeading().startsWith("```") || line.stripLeading().startsWith("~~~")) {
                inCode = !inCode;
                continue;
            }
            if (!inCode) {
                for (MatchResult reference : CrossReferences.find(line)) {
                    ids.add(reference.group(1));
                }
            }
        }
        return ids;
    }

    /** What a reference to {@code id} prints and links to. */
    private static String target(Report report, String id) {
        return report.cell(id).map(place -> place.cell().label() + "|" + place.chapter().pageName()).orElse(null);
    }

    private static Set<String> changedTables(DataSet before, DataSet after, Set<Path> changedFiles) {
        Set<String> changed = new TreeSet<>();
        Set<String> names = new TreeSet<>(before.tables().keySet());
        names.addAll(after.tables().keySet());
        for (String name : names) {
            LoadedTable old = before.tables().get(name);
            LoadedTable now = after.tables().get(name);
            if (old == null || now == null || !old.schema().equals(now.schema())
                    || changedFiles.contains(Changes.normal(now.schema().dataFile()))
                    || changedFiles.contains(Changes.normal(now.schema().schemaFile()))) {
                changed.add(name);
            }
        }
        return changed;
    }

    private List<RenderedChapter> renderAll(ChapterRenderer renderer, List<Chapter> pages) throws Exception {
        if (pages.size() == 1) {
            return List.of(renderer.render(pages.get(0)));
        }
        return Parallel.map(workers, pages, renderer::render);
    }

    /**
     * The other files of {@code chapters} ({@code <slug>.md}, {@code <slug>.ipynb}), made as
     * {@link ReportBuild#render} makes them; the other chapters' are kept from {@code before}.
     */
    private Map<String, Map<String, byte[]>> derive(LoadedProject project, Context context,
                                                    Map<String, RenderedChapter> rendered,
                                                    Map<String, Map<String, byte[]>> figures, List<Chapter> chapters,
                                                    Map<String, Map<String, byte[]>> before) {
        Map<String, Map<String, byte[]>> derived = new TreeMap<>(before);
        Set<String> pageNames = new HashSet<>();
        project.report().chapters().forEach(c -> pageNames.add(c.pageName()));
        derived.keySet().retainAll(pageNames);
        if (chapters.isEmpty()) {
            return derived;
        }
        PortableMarkdown portable = new PortableMarkdown(project.report(), project.cells(), context.messages());
        NotebookBuilder notebooks = new NotebookBuilder(project.report(), project.data(), project.cells(), portable,
                context.messages());
        Map<String, byte[]> figureFiles = figureFiles(figures);
        for (Chapter chapter : chapters) {
            RenderedChapter page = rendered.get(chapter.pageName());
            Map<String, byte[]> files = new TreeMap<>();
            files.put(PortableMarkdown.fileName(chapter, ".md"), portable.chapterFile(page).getBytes(StandardCharsets.UTF_8));
            files.put(PortableMarkdown.fileName(chapter, NotebookBuilder.EXTENSION),
                    notebooks.notebook(page, figureFiles).getBytes(StandardCharsets.UTF_8));
            derived.put(chapter.pageName(), files);
        }
        return derived;
    }

    private static Map<String, byte[]> figureFiles(Map<String, Map<String, byte[]>> figures) {
        Map<String, byte[]> files = new TreeMap<>();
        figures.values().forEach(files::putAll);
        return files;
    }

    /**
     * The site from its parts, laid out as {@link ReportBuild#render} lays it out; a chapter's page is
     * taken from {@code before} when nothing it is made of changed.
     */
    private Assembled assemble(LoadedProject project, Chapter corrections, Map<String, RenderedChapter> rendered,
                               Map<String, Map<String, byte[]>> figures, Map<String, Map<String, byte[]>> derived,
                               Context context, Future<byte[]> search, ChapterPages before, Stages stages)
            throws Exception {
        Report report = project.report();
        List<RenderedChapter> chapters = report.chapters().stream().map(c -> rendered.get(c.pageName())).toList();
        RenderedChapter abstractPage = report.abstractPage() == null ? null
                : rendered.get(report.abstractPage().pageName());
        RenderedChapter correctionsPage = corrections == null ? null : rendered.get(corrections.pageName());
        Map<String, byte[]> chapterFiles = figureFiles(figures);
        derived.values().forEach(chapterFiles::putAll);
        PortableMarkdown portable = new PortableMarkdown(report, project.cells(), context.messages());
        chapterFiles.put(PortableMarkdown.REPORT_FILE,
                portable.reportFile(abstractPage, chapters).getBytes(StandardCharsets.UTF_8));
        SiteWriter site = new SiteWriter(context.engines(), context.templates(), context.messages(),
                context.revision().withCorrections(correctionsPage));
        options.siteUrl().ifPresent(url -> site.publishedAt(url, options.version()));
        Assembled assembled = stages.run("pages", () -> pages(site.prepare(report, abstractPage, chapters, chapterFiles,
                new ArrayList<>(project.data().all())), context.engines(), before), a -> "");
        Map<String, byte[]> files = new TreeMap<>(assembled.files());
        files.put(SearchIndex.FILE, stages.run("search index", () -> result(search), i -> ""));
        return new Assembled(java.util.Collections.unmodifiableMap(files), assembled.pages());
    }

    /** Lays out the chapters' pages that changed since {@code before}, on the workers, then the rest. */
    private Assembled pages(SiteWriter.VersionLayout layout, Engines engines, ChapterPages before) throws Exception {
        boolean sameFrame = before.sameFrame(engines, layout.versions(), layout.common());
        byte[][] pages = new byte[layout.chapterCount()][];
        List<Integer> changed = new ArrayList<>();
        Map<String, LaidOutPage> byName = new HashMap<>();
        List<Map<String, Object>> owns = new ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
            Map<String, Object> own = layout.chapterOwn(i);
            owns.add(own);
            LaidOutPage kept = before.byName().get(layout.chapterPageName(i));
            if (sameFrame && kept != null && kept.own().equals(own)) {
                pages[i] = kept.page();
            } else {
                changed.add(i);
            }
        }
        List<byte[]> laidOut = changed.size() == 1 ? List.of(layout.chapterPage(changed.get(0)))
                : Parallel.map(workers, changed, layout::chapterPage);
        for (int j = 0; j < changed.size(); j++) {
            pages[changed.get(j)] = laidOut.get(j);
        }
        for (int i = 0; i < pages.length; i++) {
            byName.put(layout.chapterPageName(i), new LaidOutPage(owns.get(i), pages[i]));
        }
        return new Assembled(layout.finish(Arrays.asList(pages)),
                new ChapterPages(engines, layout.versions(), layout.common(), byName));
    }

    /** The search index of the pages, made on a worker thread while the other files are made. */
    private Future<byte[]> searchIndex(Report report, Map<String, RenderedChapter> rendered, Context context) {
        List<RenderedChapter> chapters = report.chapters().stream().map(c -> rendered.get(c.pageName())).toList();
        RenderedChapter abstractPage = report.abstractPage() == null ? null
                : rendered.get(report.abstractPage().pageName());
        return workers.submit(() -> SearchIndex.of(report.info().language(), abstractPage,
                context.messages().get("site.abstract"), chapters).script());
    }

    private static <T> T result(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static String difference(Map<String, byte[]> a, Map<String, byte[]> b) {
        Set<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        return names.stream().filter(n -> !Arrays.equals(a.get(n), b.get(n))).limit(5)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    /** The stages of a rebuild log at debug level only: the rebuild logs one line. */
    private static BuildLog quiet(BuildLog log) {
        return new BuildLog() {
            @Override
            public void info(String message) {
                log.debug(message);
            }

            @Override
            public void debug(String message) {
                log.debug(message);
            }
        };
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
