package org.threatreport.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.threatreport.aggregate.CellComputer;
import org.threatreport.aggregate.CellData;
import org.threatreport.aggregate.TableView;
import org.threatreport.aggregate.Wording;
import org.threatreport.chart.ChartDrawer;
import org.threatreport.aggregate.query.MemoryExecutor;
import org.threatreport.aggregate.query.QueryExecutor;
import org.threatreport.aggregate.snapshot.RecordingExecutor;
import org.threatreport.aggregate.snapshot.ReplayingExecutor;
import org.threatreport.aggregate.snapshot.SnapshotFile;
import org.threatreport.aggregate.snapshot.TableSnapshot;
import org.threatreport.aggregate.sql.SqlExecutor;
import org.threatreport.config.BuildOptions;
import org.threatreport.data.CsvTableReader;
import org.threatreport.data.DataLoader;
import org.threatreport.data.DataSet;
import org.threatreport.data.DataTable;
import org.threatreport.data.SqlTable;
import org.threatreport.data.TableSource;
import org.threatreport.data.sql.SqlTableReader;
import org.threatreport.data.LoadedTable;
import org.threatreport.data.Schema;
import org.threatreport.data.SchemaReader;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Problem;
import org.threatreport.diagnostic.Problems;
import org.threatreport.model.Cell;
import org.threatreport.model.CellKind;
import org.threatreport.model.Chapter;
import org.threatreport.model.Report;
import org.threatreport.model.ReportInfo;
import org.threatreport.model.ReportLoader;
import org.threatreport.notebook.NotebookBuilder;
import org.threatreport.pdf.PdfEdition;
import org.threatreport.render.ChapterRenderer;
import org.threatreport.render.FigureFiles;
import org.threatreport.render.FigureSizes;
import org.threatreport.render.PortableMarkdown;
import org.threatreport.render.RenderedChapter;
import org.threatreport.site.DataNote;
import org.threatreport.site.LocalSiteRoot;
import org.threatreport.site.Revision;
import org.threatreport.site.SearchIndex;
import org.threatreport.site.SiteWriter;

/**
 * The stages of a build, in order — the one place a stage is added. {@code site:report},
 * {@code site:serve} and {@code site:check} all run these; they differ only in their
 * {@link BuildContext}: what is done with problems, what is remembered from earlier builds, and
 * whether readers' files are made.
 *
 * <ol>
 *   <li>report.yaml, then the data (each table kept while its files do not change), the site template;</li>
 *   <li>the content (chapters and their cells), the tables as templates see them, every cell's numbers;</li>
 *   <li>the chapters rendered (each kept while what it read is the same), the figures drawn meanwhile;</li>
 *   <li>for tables counted where they lie, their snapshots: what was read and asked of each (see
 *       {@link TableSnapshot}); offline, the snapshots answered every query instead of the engines;</li>
 *   <li>each chapter as portable Markdown and as a notebook;</li>
 *   <li>the pages laid out, and the search index.</li>
 * </ol>
 */
public final class ReportPipeline {

    /** The most categories one figure may draw: more are unreadable, and each costs drawing time. */
    static final int MOST_CATEGORIES = 60;

    private final BuildContext context;
    private final BuildOptions options;
    private final Problems problems;
    private final Memo memo;
    /** The source files of the pages rendered again (not reused from the memo), for the preview's log. */
    private final Set<Path> rendered = ConcurrentHashMap.newKeySet();
    /** The cells whose files were made again, for the preview's log. */
    private final Set<String> drawn = ConcurrentHashMap.newKeySet();
    /** The pages that could not be rendered. */
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    /** The sources of the SQL tables this build read. */
    private final Set<org.threatreport.data.sql.SqlSource> engines = ConcurrentHashMap.newKeySet();
    /**
     * The snapshot of each table an SQL engine holds, by table: offline the one that answers its queries;
     * online the one the project had before this build, if any.
     */
    private final Map<String, TableSnapshot> snapshotsBefore = new ConcurrentHashMap<>();
    /** Online: what each table an SQL engine holds is asked, and answers, by table. */
    private final Map<String, RecordingExecutor> recorders = new ConcurrentHashMap<>();
    /** How long rendering threads wait for SQL engines: not counted against a chapter's time budget. */
    private final org.threatreport.aggregate.EngineWaits engineWaits = new org.threatreport.aggregate.EngineWaits();

    public ReportPipeline(BuildContext context) {
        this.context = context;
        this.options = context.options();
        this.problems = context.problems();
        this.memo = context.memo();
    }

    /**
     * Runs every stage.
     *
     * @throws InputException in a strict build, at the end of the first stage that found mistakes: every
     *                        problem found by then, with its location
     * @throws Exception      for faults of the machine (disk, memory) or of this plugin
     */
    public BuiltReport run() throws Exception {
        Stages stages = new Stages(context);
        stages.run("project files", () -> OutsideLinks.check(options, problems), n -> "Checked " + n + " project files");
        ReportInfo info = stages.run("report.yaml", () -> ReportLoader.readInfo(options.contentDir(),
                options.version(), problems), i -> "Read report.yaml");
        OptionalInt year = info == null ? OptionalInt.empty() : OptionalInt.of(info.year());
        DataSet data = stages.run("load data", () -> loadData(year),
                d -> "Loaded " + d.all().stream().mapToLong(DataTable::rows).sum() + " rows of "
                        + d.all().size() + " table(s)" + (d.inMemory().size() == d.all().size() ? ""
                        : " (" + (d.all().size() - d.inMemory().size()) + (options.dataAccess().offline()
                        ? " from their snapshots: offline)" : " counted where they lie)")));
        SiteTemplate template = stages.run("templates", () -> memo.get("templates",
                List.of(FileStamp.tree(options.templateDir()), info == null ? "en" : info.language()), problems,
                found -> SiteTemplate.read(options.templateDir(), info == null ? "en" : info.language(), found)),
                t -> "Read the site template");
        if (info == null || data == null || template == null) {
            return partial(data, stages, template);
        }
        Content content = stages.run("load content", () -> content(info, data, template),
                c -> "Read " + c.report().chapters().size() + " chapters with " + c.report().cells().size() + " cells");
        if (content == null) {
            return partial(data, stages, template);
        }
        Report report = content.report();
        Map<String, TableView> tables = views(data, info);
        Map<String, CellData> cells = stages.run("aggregate", () -> cells(report, tables, data),
                c -> "Computed the numbers of " + c.size() + " cells");

        // Figures need only the cells' numbers: they are drawn while the chapters render. Choosing the
        // font starts Java's font system, a few hundred milliseconds in a fresh JVM: also then.
        Stages.Background<DrawnFigures> figures = stages.start("figures", () -> figures(template, cells),
                f -> "Drew " + cells.values().stream().filter(c -> c.cell().kind() == CellKind.FIGURE).count()
                        + " figures (" + f.files().size() + " files)");
        Map<String, RenderedChapter> pages;
        try {
            pages = stages.run("render", () -> render(content, tables, cells, template, data.unreadable()),
                    p -> "Rendered " + report.chapters().size() + " chapters");
        } catch (Exception e) {
            figures.settle();
            throw e;
        }
        DrawnFigures drawing = figures.await();
        // Every query has been asked by now: what each SQL table was asked is its snapshot.
        Snapshots snapshots = data.all().stream().noneMatch(t -> t instanceof SqlTable) ? Snapshots.NONE
                : stages.run("snapshots", () -> snapshots(data, info, template),
                s -> (options.dataAccess().offline() ? "Answered from the snapshots of " : "Recorded what was read of ")
                        + s.notes().size() + " table(s)" + (s.changed().isEmpty() ? ""
                        : " (" + s.changed().size() + " differ from the project's snapshots)"));
        Map<String, byte[]> figureFiles = drawing == null ? null : drawing.files();
        org.threatreport.chart.ChartFont chartFont = drawing == null ? null : drawing.font();
        // The pages show each figure at the size it was drawn.
        Map<String, byte[]> drawnFiles = figureFiles == null ? Map.of() : figureFiles;
        RenderedChapter abstractPage = report.abstractPage() == null ? null
                : FigureSizes.of(pages.get(report.abstractPage().pageName()), drawnFiles);
        List<RenderedChapter> chapters = report.chapters().stream()
                .map(c -> FigureSizes.of(pages.get(c.pageName()), drawnFiles)).toList();
        RenderedChapter corrections = content.corrections() == null ? null
                : FigureSizes.of(pages.get(content.corrections().pageName()), drawnFiles);

        Map<String, byte[]> chapterFiles = new TreeMap<>(figureFiles == null ? Map.of() : figureFiles);
        if (context.makesFiles()) {
            // With the report's address known, the exports' links point at the published version.
            String versionUrl = options.siteUrl().map(url -> url.toString().replaceFirst("/*$", "/") + options.version()
                    + "/").orElse("");
            PortableMarkdown portable = new PortableMarkdown(report, cells, template.messages(), versionUrl);
            ExportInputs inputs = new ExportInputs(report, cells, template.messages().strings(), versionUrl);
            chapterFiles.putAll(stages.run("markdown", () -> markdown(portable, inputs, abstractPage, chapters),
                    f -> "Wrote " + chapters.size() + " chapters and " + PortableMarkdown.REPORT_FILE + " as Markdown"));
            String chartFamily = chartFont == null ? java.awt.Font.SANS_SERIF : chartFont.font().getFamily(Locale.ROOT);
            NotebookBuilder notebooks = new NotebookBuilder(report, data, cells, portable, template.messages(), chartFamily);
            chapterFiles.putAll(stages.run("notebooks", () -> notebooks(notebooks, inputs, data, chapters, chartFamily),
                    f -> "Built " + f.size() + " notebooks"));
        }
        // The PDF edition is laid out on a thread of its own while the pages and the search index are made.
        boolean makesPdf = context.makesFiles() && options.pdf() && chartFont != null;
        Stages.Background<PdfEdition.Made> pdf = !makesPdf ? null : stages.start("pdf",
                () -> new PdfEdition(template.engines(), template.templates(), template.messages(), chartFont)
                        .write(report, abstractPage, chapters, cells, chapterFiles, versionUrl()),
                made -> "Wrote " + PdfEdition.FILE + " (" + made.pages() + " pages, " + made.bytes().length / 1024
                        + " KB, font " + made.font() + made.note().map(n -> "; " + n).orElse("") + ")");
        Map<String, byte[]> files;
        SearchIndex search;
        try {
            files = stages.run("pages", () -> pages(template, report, cells, abstractPage, chapters,
                    corrections, chapterFiles, data, makesPdf, snapshots.notes()),
                    f -> "Laid out " + (chapters.size() + 1) + " pages");
            search = searchIndex(stages, info, template, pages, abstractPage, chapters);
        } catch (Exception e) {
            if (pdf != null) {
                pdf.settle();
            }
            throw e;
        }
        Map<String, byte[]> site = new TreeMap<>(files != null ? files : unlaidOut(template, chapterFiles, data, pages));
        if (search != null) {
            site.put(SearchIndex.FILE, search.script());
        }
        PdfEdition.Made made = pdf == null ? null : pdf.await();
        if (made != null) {
            made.warnings().forEach(warning -> context.log().debug("PDF: " + warning));
            site.put(PdfEdition.FILE, made.bytes());
        }
        return new BuiltReport(data, report, tables, cells, pages, failed, site, template.ownLayouts(),
                stages.timings(), snapshots.changed());
    }

    private SearchIndex searchIndex(Stages stages, ReportInfo info, SiteTemplate template, Map<String, RenderedChapter> pages,
                                    RenderedChapter abstractPage, List<RenderedChapter> chapters) throws Exception {
        return stages.run("search index", () -> memo.get("search index",
                List.of(info.language(), template.messages().get("site.abstract"), pages), problems,
                found -> SearchIndex.of(info.language(), abstractPage, template.messages().get("site.abstract"),
                        chapters)), i -> "Indexed " + i.passageCount() + " passages of " + i.pageCount()
                + " pages for search (" + i.termCount() + " terms, " + i.script().length / 1024 + " KB)");
    }

    /** Where the version being built is published ({@code https://…/2017/}), when the site's address is known. */
    private java.util.Optional<String> versionUrl() {
        return options.siteUrl().map(url -> url.toString().replaceFirst("/*$", "/") + options.version() + "/");
    }

    /**
     * The files a version would have when its pages cannot be laid out (in a lenient build): every file
     * named, the pages empty and counted as failed, so that links into the site can still be checked.
     */
    private Map<String, byte[]> unlaidOut(SiteTemplate template, Map<String, byte[]> chapterFiles, DataSet data,
                                          Map<String, RenderedChapter> pages) throws java.io.IOException {
        Map<String, byte[]> files = new TreeMap<>(template.templates().assets());
        files.putAll(chapterFiles);
        data.all().forEach(t -> files.put("data/" + t.schema().dataFile().getFileName(), new byte[0]));
        pages.keySet().forEach(page -> files.put(page, new byte[0]));
        failed.addAll(pages.keySet());
        return files;
    }

    /** The source files of the pages this run rendered again, rather than reusing them from the memo. */
    public Set<Path> rendered() {
        return Set.copyOf(rendered);
    }

    /** The cells whose files this run made again. */
    public Set<String> drawn() {
        return Set.copyOf(drawn);
    }

    private BuiltReport partial(DataSet data, Stages stages, SiteTemplate template) {
        return new BuiltReport(data == null ? new DataSet(Map.of()) : data, null, Map.of(), Map.of(), Map.of(), Set.of(),
                Map.of(), template == null ? List.of() : template.ownLayouts(), stages.timings(), Map.of());
    }

    // ---- load ----------------------------------------------------------------------------------

    /** Each table is read again only when its schema or its data file changed. */
    private DataSet loadData(OptionalInt year) throws Exception {
        List<DataTable> tables = new ArrayList<>();
        Set<String> unreadable = new java.util.TreeSet<>();
        for (Path schemaFile : DataLoader.schemaFiles(options.dataDir(), problems)) {
            Schema schema = memo.get("schema", FileStamp.of(schemaFile), problems, found -> {
                try {
                    return SchemaReader.read(schemaFile);
                } catch (InputException e) {
                    found.addAll(e.problems());
                    return null;
                }
            });
            DataTable table = schema == null ? null : schema.inMemory() ? memo.get("table",
                    List.of(schema, FileStamp.of(schema.dataFile()), year), problems,
                    found -> CsvTableReader.read(schema, year, found))
                    : options.dataAccess().offline() ? offlineTable(schema) : sqlTable(schema, year);
            if (table != null) {
                tables.add(table);
            } else {
                unreadable.add(SchemaReader.tableName(schemaFile));
            }
        }
        return new DataSet(DataLoader.collect(tables, problems).tables(), unreadable);
    }

    /**
     * A table an SQL engine holds, checked where it lies; kept while its schema (and, for a local file, the
     * file) is the same, so that a preview asks the engine again only when the schema changes.
     */
    private SqlTable sqlTable(Schema schema, OptionalInt year) throws Exception {
        Object file = schema.source() instanceof TableSource.EngineFile f ? FileStamp.tree(f.file()) : "";
        SqlTable table = memo.get("sql table", List.of(schema, file, year, options.dataAccess()), problems,
                found -> SqlTableReader.read(schema, options.dataAccess(), year, Workers.size(), found));
        if (table != null) {
            engines.add(table.source());
            Path snapshotFile = TableSnapshot.file(schema);
            try {
                SnapshotFile.read(snapshotFile).ifPresent(before -> snapshotsBefore.put(schema.table(), before));
            } catch (SnapshotFile.Unreadable e) {
                context.log().debug(shown(snapshotFile) + " cannot be read (" + e.getMessage()
                        + "); this build writes it again");
            }
        }
        return table;
    }

    /** A table an SQL engine holds and its snapshot, offline. */
    private record OfflineTable(SqlTable table, TableSnapshot snapshot) {
    }

    /**
     * A table an SQL engine holds, offline: as its snapshot recorded it, nothing opened; null (a problem
     * reported) when there is no usable snapshot of it.
     */
    private SqlTable offlineTable(Schema schema) throws Exception {
        Path file = TableSnapshot.file(schema);
        OfflineTable offline = memo.get("offline table", List.of(schema, FileStamp.of(file)), problems, found -> {
            TableSnapshot snapshot = offlineSnapshot(schema, file, found);
            return snapshot == null ? null : new OfflineTable(SqlTableReader.offline(schema, snapshot.columns(), snapshot.rows(),
                    snapshot.rowsByYear(), snapshot.readAt()), snapshot);
        });
        if (offline == null) {
            return null;
        }
        snapshotsBefore.put(schema.table(), offline.snapshot());
        return offline.table();
    }

    private TableSnapshot offlineSnapshot(Schema schema, Path file, Problems found) throws java.io.IOException {
        TableSnapshot snapshot;
        try {
            snapshot = SnapshotFile.read(file).orElse(null);
        } catch (SnapshotFile.Unreadable e) {
            found.add(e.problem());
            return null;
        }
        String source = schema.source().describe();
        if (snapshot == null) {
            found.add(Problem.error(schema.schemaFile(), "the build is offline (report.offline), but table '"
                    + schema.table() + "' has no snapshot (" + shown(file) + "): it is counted where it lies, in "
                    + source + ". Build once online (without -Dreport.offline) to record what the report reads of it,"
                    + " and commit " + shown(file) + " with the report"));
            return null;
        }
        java.util.SortedMap<String, String> now = TableSnapshot.source(schema.source());
        if (!snapshot.source().equals(now) || !snapshot.table().equals(schema.table())) {
            found.add(Problem.error(schema.schemaFile(), "the build is offline (report.offline), but " + shown(file)
                    + " was read from " + snapshot.source() + " as table '" + snapshot.table() + "', and the schema now"
                    + " reads " + now + " as table '" + schema.table() + "'. Build once online (without"
                    + " -Dreport.offline) to record the new source"));
            return null;
        }
        java.util.Optional<Path> csv = schema.csvFile();
        if (csv.isPresent() && !java.nio.file.Files.isRegularFile(csv.get())) {
            found.add(Problem.error(schema.schemaFile(), "the build is offline (report.offline), and " + shown(csv.get())
                    + " is not there: the site offers a CSV file DuckDB reads as a download, so also an offline build"
                    + " needs it"));
            return null;
        }
        return snapshot;
    }

    /** A file as messages name it: relative to the project. */
    private String shown(Path file) {
        Path project = options.projectDir().toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return (absolute.startsWith(project) ? project.relativize(absolute) : absolute).toString().replace('\\', '/');
    }

    /**
     * The snapshots of the tables an SQL engine holds, as the pages show them, and those to write to the
     * project (online, where what was read differs from the snapshot there).
     */
    record Snapshots(List<DataNote> notes, Map<Path, byte[]> changed) {
        static final Snapshots NONE = new Snapshots(List.of(), Map.of());
    }

    /**
     * Online, each table's snapshot of this build — or the one the project has, when this build read the
     * same (its time included: the pages then stay the same); offline, the snapshot that answered.
     */
    private Snapshots snapshots(DataSet data, ReportInfo info, SiteTemplate template) {
        List<DataNote> notes = new ArrayList<>();
        Map<Path, byte[]> changed = new TreeMap<>();
        Wording wording = Wording.forLanguage(info.language());
        for (DataTable table : data.all()) {
            if (!(table instanceof SqlTable sql)) {
                continue;
            }
            TableSnapshot before = snapshotsBefore.get(sql.name());
            RecordingExecutor recorder = recorders.get(sql.name());
            TableSnapshot shown;
            if (options.dataAccess().offline()) {
                shown = before;
            } else if (recorder == null) {
                // A preview that kept the table's numbers from an earlier build: nothing new was asked.
                shown = before != null ? before : TableSnapshot.of(sql, new TreeMap<>(), java.time.Duration.ZERO);
            } else {
                TableSnapshot now = recorder.snapshot(sql);
                if (now.sameReadAs(before)) {
                    shown = before;
                } else {
                    shown = now;
                    changed.put(TableSnapshot.file(sql.schema()), SnapshotFile.bytes(now));
                }
            }
            notes.add(note(sql, shown, info, wording, template.messages()));
        }
        return new Snapshots(notes, changed);
    }

    private static final java.time.format.DateTimeFormatter READ_AT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
                    .withZone(java.time.ZoneOffset.UTC);

    /** What the data note says of a table: all of it from its snapshot. */
    private static DataNote note(SqlTable table, TableSnapshot snapshot, ReportInfo info, Wording wording,
                                 org.threatreport.render.Messages messages) {
        Map<String, String> source = snapshot.source();
        String from = source.containsKey("url") ? source.get("url") : source.get("file");
        String read = source.containsKey("table") ? source.get("table") : source.getOrDefault("query", "");
        String rows = wording.count(snapshot.rows());
        java.util.Optional<Long> ofYear = table.schema().periodColumn() == null ? java.util.Optional.empty()
                : snapshot.rowsOf(info.year());
        if (ofYear.isPresent()) {
            rows = messages.get("data.rowsOfYear").replace("{0}", rows).replace("{1}", wording.count(ofYear.get()))
                    .replace("{2}", Integer.toString(info.year()));
        }
        String label = table.schema().labels().getOrDefault(info.isChinese() ? "zh" : "en", table.name());
        return new DataNote(label, from, read, READ_AT.format(snapshot.readAt()), rows);
    }

    /**
     * Closes the connections of the SQL tables this build opened, when nothing keeps them for the next
     * build ({@code site:report}, {@code site:check}); a preview keeps them while it runs.
     */
    public void closeConnections() {
        if (!memo.remembers()) {
            engines.forEach(source -> {
                if (source.online()) {
                    source.engine().close();
                }
            });
        }
    }

    /** The report's chapters, and its corrections text ({@code content/corrections.md}), or null. */
    private record Content(Report report, Chapter corrections) {
    }

    private Content content(ReportInfo info, DataSet data, SiteTemplate template) {
        Report report = ReportLoader.load(options.contentDir(), info, data, problems);
        if (report == null) {
            return null;
        }
        for (Chapter chapter : report.chapters()) {
            if (PortableMarkdown.fileName(chapter, ".md").equals(PortableMarkdown.REPORT_FILE)) {
                problems.add(Problem.error(chapter.file(), "a chapter cannot be named " + PortableMarkdown.REPORT_FILE
                        + ": the build writes the whole report as " + PortableMarkdown.REPORT_FILE + "; rename the file"));
            }
        }
        Chapter corrections = ReportLoader.page(options.contentDir(), ReportLoader.CORRECTIONS_FILE,
                template.messages().get("corrections.title"), info, data, problems);
        return new Content(report, corrections);
    }

    /** The tables as templates see them; each kept while its table is. */
    private Map<String, TableView> views(DataSet data, ReportInfo info) throws Exception {
        Map<String, TableView> views = new TreeMap<>();
        Wording wording = Wording.forLanguage(info.language());
        for (DataTable table : data.all()) {
            views.put(table.name(), memo.get("view", List.of(Memo.same(table), info.language(), info.year(), info.minN()),
                    problems, found -> TableView.of(table.schema(), executor(table), wording, info.year(), info.minN())));
        }
        return views;
    }

    /**
     * What counts a table: in memory; or the SQL engine that holds it, recording what it is asked; or,
     * offline, the table's snapshot.
     */
    private QueryExecutor executor(DataTable table) {
        if (table instanceof SqlTable sql) {
            if (options.dataAccess().offline()) {
                return new ReplayingExecutor(snapshotsBefore.get(sql.name()), shown(TableSnapshot.file(sql.schema())));
            }
            RecordingExecutor recorder = new RecordingExecutor(new SqlExecutor(sql));
            recorders.put(sql.name(), recorder);
            return engineWaits.timing(recorder);
        }
        LoadedTable rows = (LoadedTable) table;
        return new MemoryExecutor(Map.of(rows.name(), rows));
    }

    /**
     * Every cell's numbers that can be computed, by id; each kept while its cell and table are. A cell
     * that cannot be computed, or counts nothing, is a problem — unless its table has mistakes of its
     * own (its numbers are incomplete then).
     */
    private Map<String, CellData> cells(Report report, Map<String, TableView> tables, DataSet data) throws Exception {
        CellComputer computer = new CellComputer(tables, report.info().language(), report.info().minN());
        Map<String, CellData> cells = new LinkedHashMap<>();
        for (Report.CellPlace place : report.cells().values()) {
            Cell cell = place.cell();
            TableView view = tables.get(cell.table());
            if (view == null) {
                continue;
            }
            boolean complete = data.table(cell.table()).map(t -> !problems.concerns(t.schema().dataFile())
                    && !problems.concerns(t.schema().schemaFile())).orElse(false);
            CellData computed = memo.get("cell", List.of(cell, Memo.same(view), complete), problems, found -> {
                try {
                    CellData numbers = computer.compute(cell);
                    if (numbers.isEmpty() && complete) {
                        found.add(Problem.error(cell.file(), cell.line(), 1, "cell '" + cell.id()
                                + "' has no data: every count is 0 (check its 'where' filter)"));
                    }
                    if (cell.kind() == CellKind.FIGURE && numbers.categories().size() > MOST_CATEGORIES) {
                        found.add(Problem.error(cell.file(), cell.line(), 1, "figure '" + cell.id() + "' would draw "
                                + numbers.categories().size() + " categories, more than a chart can show legibly ("
                                + MOST_CATEGORIES + "): keep the largest with 'top: 20' (the rest folded into one"
                                + " entry), or show them all as a {table}"));
                    }
                    sameLabels(numbers).ifPresent(found::add);
                    return numbers;
                } catch (IllegalArgumentException e) {
                    found.add(Problem.error(cell.file(), cell.line(), 1, e.getMessage()));
                    return null;
                }
            });
            if (computed != null) {
                cells.put(cell.id(), computed);
            }
        }
        return cells;
    }

    /**
     * A cell whose table or chart would show two rows (or series) labelled alike: readers could not tell them
     * apart, so it is a mistake until the labels differ.
     */
    private static java.util.Optional<Problem> sameLabels(CellData numbers) {
        Cell cell = numbers.cell();
        for (List<String> labels : List.of(numbers.categories(),
                numbers.series().size() > 1 ? numbers.series().stream().map(CellData.Series::name).toList() : List.<String>of())) {
            Set<String> seen = new HashSet<>();
            for (String label : labels) {
                if (!seen.add(label)) {
                    String what = labels == numbers.categories() ? "rows" : "series";
                    return java.util.Optional.of(Problem.error(cell.file(), cell.line(), 1, "cell '" + cell.id()
                            + "' would show two " + what + " labelled '" + label + "': values of '" + cell.column()
                            + "' share that label in the codebook; give them distinct labels there, or keep one with"
                            + " 'where' or 'exclude'"));
                }
            }
        }
        return java.util.Optional.empty();
    }

    // ---- render --------------------------------------------------------------------------------

    /**
     * The abstract, the chapters and the corrections text, rendered on the workers; each page kept
     * while its text, its cells' numbers and what it read (tables, the figures it refers to) are the
     * same. A page that fails stands empty, its problems reported.
     */
    private Map<String, RenderedChapter> render(Content content, Map<String, TableView> tables,
                                                Map<String, CellData> cells, SiteTemplate template,
                                                Set<String> unreadable) throws Exception {
        Report report = content.report();
        ChapterRenderer renderer = new ChapterRenderer(template.engines(), template.templates(), report, tables, cells,
                template.messages(), options.projectDir().toAbsolutePath().normalize(), options.renderLimits(),
                unreadable, engineWaits);
        List<Chapter> pages = new ArrayList<>();
        if (report.abstractPage() != null) {
            pages.add(report.abstractPage());
        }
        pages.addAll(report.chapters());
        if (content.corrections() != null) {
            pages.add(content.corrections());
        }
        List<RenderedChapter> made = Parallel.map(context.workers(), pages, page -> {
            // A cell whose numbers could not be computed stays a placeholder.
            List<Cell> computed = page.cells().stream().filter(c -> cells.containsKey(c.id())).toList();
            Chapter renderable = computed.size() == page.cells().size() ? page
                    : new Chapter(page.slug(), page.file(), page.title(), page.numberLabel(), page.template(), computed);
            List<CellData> ownCells = computed.stream().map(c -> cells.get(c.id())).toList();
            try {
                return memo.get("render", List.of(renderable, ownCells, report.info(), template.messages().strings()),
                        chapter -> reads(chapter.reads(), tables, report), problems, found -> {
                            rendered.add(page.file());
                            return renderer.render(renderable);
                        });
            } catch (InputException e) {
                problems.addAll(e.problems());
                failed.add(page.pageName());
                return RenderedChapter.failed(page);
            }
        });
        Map<String, RenderedChapter> byPage = new LinkedHashMap<>();
        made.forEach(page -> byPage.put(page.chapter().pageName(), page));
        return byPage;
    }

    /**
     * What a rendered page read, as it is now: the tables by identity, each figure referred to by label
     * and page, each layout its cells used by its file in the project's template (or its absence).
     */
    private Object reads(RenderedChapter.Reads reads, Map<String, TableView> tables, Report report) {
        List<Object> now = new ArrayList<>();
        for (String layout : new java.util.TreeSet<>(reads.layouts())) {
            now.add(FileStamp.of(options.templateDir().resolve(layout)));
        }
        for (String table : new java.util.TreeSet<>(reads.tables())) {
            now.add(Memo.same(tables.get(table)));
        }
        for (String id : new java.util.TreeSet<>(reads.references())) {
            now.add(report.cell(id).map(p -> p.cell().label() + "|" + p.chapter().pageName()).orElse(null));
        }
        return now;
    }

    /**
     * Every cell's files — its numbers as CSV and, for a figure, its drawings (SVG in the light and dark
     * theme, for wide and narrow screens, and PNG) — each kept while its numbers and the style are the
     * same. A figure that would be wrong or unreadable (more series than colours, no room for its marks and
     * labels) is a problem at its cell, found from measurements before anything is drawn: a check finds it
     * too. A check chooses the style (to find a font that cannot draw a label) but draws nothing: it names
     * the files, empty.
     */
    /**
     * Every cell's files, and the font the figures were drawn with (null when none were drawn): the PDF
     * embeds it for their labels.
     */
    private record DrawnFigures(Map<String, byte[]> files, org.threatreport.chart.ChartFont font) {
    }

    private DrawnFigures figures(SiteTemplate template, Map<String, CellData> cells) throws Exception {
        // The figures are checked while the chapters render: their problems join the build's all at once,
        // so that a stage ending meanwhile never reports only some of them.
        Problems local = new Problems();
        try {
            return figures(template, cells, local);
        } finally {
            problems.addAll(local);
        }
    }

    private DrawnFigures figures(SiteTemplate template, Map<String, CellData> cells, Problems figureProblems)
            throws Exception {
        FigureStyle style;
        try {
            style = memo.get("figure style", List.of(FileStamp.tree(options.templateDir()), options.chartFont(),
                    FigureStyle.labels(cells.values())), figureProblems,
                    found -> FigureStyle.choose(options, template.templates(), cells.values()));
        } catch (InputException e) {
            figureProblems.addAll(e.problems());
            style = null;
        }
        Map<String, byte[]> files = new TreeMap<>();
        if (style == null || !context.makesFiles()) {
            for (CellData cell : cells.values()) {
                String base = "figures/" + cell.cell().id();
                files.put(base + ".csv", new byte[0]);
                if (cell.cell().kind() == CellKind.FIGURE) {
                    FigureFiles.DRAWINGS.forEach(ending -> files.put(base + ending, new byte[0]));
                    if (style != null) {
                        figureProblems.addAll(FigureFiles.problems(style.drawer(), cell));
                    }
                }
            }
            return new DrawnFigures(files, null);
        }
        FigureFiles figures = new FigureFiles(style.drawer(), style.identity(),
                (name, make) -> memo.stored("figures", name, make::bytes), template.messages());
        String identity = style.identity();
        ChartDrawer drawer = style.drawer();
        List<Map<String, byte[]>> made = Parallel.map(context.workers(), new ArrayList<>(cells.values()),
                cell -> memo.get("figure", List.of(FigureFiles.inputs(cell, template.messages()), identity),
                        figureProblems, found -> {
                            List<Problem> wrong = FigureFiles.problems(drawer, cell);
                            if (!wrong.isEmpty()) {
                                found.addAll(wrong);
                                return Map.of();
                            }
                            drawn.add(cell.cell().id());
                            try {
                                return figures.files(cell);
                            } catch (InputException e) {
                                found.addAll(e.problems());
                                return Map.of();
                            }
                        }));
        made.forEach(files::putAll);
        return new DrawnFigures(files, figures.chartFont());
    }

    // ---- outputs -------------------------------------------------------------------------------

    /** Each chapter as Markdown, and the whole report as {@link PortableMarkdown#REPORT_FILE}. */
    private Map<String, byte[]> markdown(PortableMarkdown portable, ExportInputs inputs, RenderedChapter abstractPage,
                                         List<RenderedChapter> chapters) throws Exception {
        List<byte[]> made = Parallel.map(context.workers(), chapters, chapter -> memo.get("markdown",
                inputs.of(chapter), problems, found -> portable.chapterFile(chapter).getBytes(StandardCharsets.UTF_8)));
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < chapters.size(); i++) {
            files.put(PortableMarkdown.fileName(chapters.get(i).chapter(), ".md"), made.get(i));
        }
        List<Object> all = new ArrayList<>();
        all.add(abstractPage == null ? "" : inputs.of(abstractPage));
        chapters.forEach(chapter -> all.add(inputs.of(chapter)));
        files.put(PortableMarkdown.REPORT_FILE, memo.get("report.md", all, problems,
                found -> portable.reportFile(abstractPage, chapters).getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    /**
     * What a chapter's Markdown and notebook are made of: the rendered chapter, its cells' numbers, the
     * label and page of each cell it refers to, the report's metadata and UI strings, and where its links
     * point.
     */
    private record ExportInputs(Report report, Map<String, CellData> cells, Map<String, String> strings,
                                String versionUrl) {
        List<Object> of(RenderedChapter chapter) {
            List<Object> inputs = new ArrayList<>();
            inputs.add(chapter);
            chapter.chapter().cells().forEach(cell -> inputs.add(cells.get(cell.id())));
            for (String id : new java.util.TreeSet<>(chapter.reads().references())) {
                inputs.add(report.cell(id).map(p -> p.cell().label() + "|" + p.chapter().slug()).orElse(""));
            }
            inputs.add(report.info());
            inputs.add(strings);
            inputs.add(versionUrl);
            return inputs;
        }
    }

    /** Each chapter's notebook; it also shows the data's codebook and the pictures its code draws. */
    private Map<String, byte[]> notebooks(NotebookBuilder notebooks, ExportInputs inputs, DataSet data,
                                          List<RenderedChapter> chapters, String chartFamily) throws Exception {
        List<Object> schemas = data.all().stream().map(t -> (Object) t.schema()).toList();
        List<byte[]> made = Parallel.map(context.workers(), chapters, chapter -> {
            List<Object> key = new ArrayList<>(inputs.of(chapter));
            key.add(schemas);
            key.add(chartFamily);
            return memo.get("notebook", key, problems,
                    found -> notebooks.notebook(chapter).getBytes(StandardCharsets.UTF_8));
        });
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < chapters.size(); i++) {
            files.put(PortableMarkdown.fileName(chapters.get(i).chapter(), NotebookBuilder.EXTENSION), made.get(i));
        }
        return files;
    }

    /** The pages of the version, each chapter's page kept while what it is laid out from is the same. */
    private Map<String, byte[]> pages(SiteTemplate template, Report report, Map<String, CellData> cells,
                                      RenderedChapter abstractPage,
                                      List<RenderedChapter> chapters, RenderedChapter corrections,
                                      Map<String, byte[]> chapterFiles, DataSet data, boolean offersPdf,
                                      List<DataNote> dataNotes) throws Exception {
        Revision revision = LocalSiteRoot.revision(options.outputDir(), options.version(),
                String.valueOf(report.info().year()));
        SiteWriter site = new SiteWriter(template.layouts(), revision.withCorrections(corrections));
        options.siteUrl().ifPresent(url -> site.publishedAt(url, options.version()));
        if (offersPdf) {
            site.offersPdf();
        }
        site.notesData(dataNotes);
        SiteWriter.VersionLayout layout = site.prepare(report, cells, abstractPage, chapters, chapterFiles,
                data.withCsv());
        Object frame = memo.canonical("page frame", List.of(Memo.same(template), layout.versions(), layout.common()));
        List<Integer> indexes = java.util.stream.IntStream.range(0, layout.chapterCount()).boxed().toList();
        List<byte[]> laidOut = Parallel.map(context.workers(), indexes, i -> memo.get("page",
                List.of(Memo.same(frame), layout.chapterOwn(i)), problems, found -> layout.chapterPage(i)));
        return layout.finish(laidOut);
    }
}
