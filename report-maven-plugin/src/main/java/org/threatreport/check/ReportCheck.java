package org.threatreport.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.stream.Stream;
import org.threatreport.aggregate.CellComputer;
import org.threatreport.aggregate.CellData;
import org.threatreport.aggregate.TableView;
import org.threatreport.aggregate.Wording;
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
import org.threatreport.pipeline.BuildLog;
import org.threatreport.pipeline.ReportBuild;
import org.threatreport.pipeline.Stages;
import org.threatreport.render.ChapterRenderer;
import org.threatreport.render.Engines;
import org.threatreport.render.Messages;
import org.threatreport.render.RenderedChapter;
import org.threatreport.render.TemplateProblems;
import org.threatreport.render.TemplateSet;
import org.threatreport.site.SiteWriter;

/**
 * {@code site:check}: validates a report project without writing its site, and reports every
 * problem of every file in one run. Unlike a build it does not stop at the first stage with
 * mistakes: data is read leniently (a wrong cell is left empty), chapters with mistakes are left
 * out of what follows, and each chapter is rendered on its own. On top of what a build checks, it
 * looks for broken links, figures and tables the text never refers to, and numbers typed by hand
 * that equal a computed value (warnings).
 */
public final class ReportCheck {

    private final BuildOptions options;
    private final BuildLog log;

    public ReportCheck(BuildOptions options, BuildLog log) {
        this.options = options;
        this.log = log;
    }

    /**
     * @return every finding, errors and warnings, sorted by file and position
     * @throws Exception for faults of the machine or of this plugin, never for mistakes in the project
     */
    public CheckResult run() throws Exception {
        List<Problem> found = new ArrayList<>();
        Stages stages = new Stages(log);
        ReportInfo info = stages.run("report.yaml", () -> info(found),
                i -> i == null ? "content/report.yaml has problems" : "Read report.yaml");
        OptionalInt year = info == null ? OptionalInt.empty() : OptionalInt.of(info.year());
        List<Problem> dataProblems = new ArrayList<>();
        DataSet data = stages.run("data", () -> DataLoader.loadLeniently(options.dataDir(), year, dataProblems),
                d -> "Checked " + d.all().stream().mapToInt(LoadedTable::rowCount).sum() + " rows of "
                        + d.all().size() + " table(s)");
        found.addAll(dataProblems);
        Set<String> incomplete = incompleteTables(data, dataProblems);

        String language = info == null ? "en" : info.language();
        TemplateSet templates = new TemplateSet(options.templateDir());
        Messages messages = messages(templates, language, found);
        Engines engines = new Engines(Locale.forLanguageTag(language), templates.loader());
        List<Path> ownTemplates = stages.run("templates", () -> checkTemplates(engines, templates, found),
                t -> "Checked " + t.size() + " template file(s) of " + options.templateDir().getFileName());
        if (info == null) {
            return new CheckResult(found);
        }

        Report report = stages.run("content", () -> ReportLoader.loadLeniently(options.contentDir(), info, data, found),
                r -> r == null ? "Could not read the content" : "Checked " + r.chapters().size() + " chapters with "
                        + r.cells().size() + " cells");
        if (report == null) {
            return new CheckResult(found);
        }
        Map<String, TableView> tables = new TreeMap<>();
        Wording wording = Wording.forLanguage(info.language());
        data.tables().forEach((name, table) -> tables.put(name, TableView.of(table, wording, info.year())));
        Map<String, CellData> cells = compute(report, tables, incomplete, found);
        checkFigureStyle(templates, messages, cells, found);

        Rendered rendered = stages.run("render", () -> render(report, data, tables, cells, engines, templates, messages,
                found),
                r -> "Rendered " + r.pages().size() + " pages");
        Map<String, byte[]> site = layout(report, rendered, cells, data, engines, templates, messages, found);

        stages.run("links", () -> {
            Links links = new Links(site, rendered.failed(), options.versionDir());
            Set<String> referred = new HashSet<>();
            Map<String, LoadedTable> complete = new TreeMap<>(data.tables());
            complete.keySet().removeAll(incomplete);
            TypedNumbers numbers = new TypedNumbers(ComputedValues.of(complete, tables));
            for (Chapter page : References.pages(report)) {
                ProseText text = ProseText.of(page.template());
                List<Links.Link> pageLinks = Links.ofChapter(page, text);
                pageLinks.forEach(link -> links.check(link, page.pageName(), found));
                References.collect(text, pageLinks, referred);
                numbers.check(page, text, found);
            }
            for (Path template : ownTemplates) {
                String text = Files.readString(template, StandardCharsets.UTF_8);
                Links.ofTemplate(template, text).forEach(link -> links.check(link, null, found));
            }
            References.check(report, referred, found);
            return referred.size();
        }, n -> "Checked links, references and typed numbers");
        return new CheckResult(found);
    }

    private ReportInfo info(List<Problem> found) {
        try {
            return ReportLoader.readInfo(options.contentDir(), options.version());
        } catch (InputException e) {
            found.addAll(e.problems());
            return null;
        }
    }

    /** Tables whose files have problems: their numbers are incomplete, so they are not compared with the text. */
    private static Set<String> incompleteTables(DataSet data, List<Problem> problems) {
        Set<Path> files = new HashSet<>();
        problems.forEach(p -> files.add(p.file().toAbsolutePath().normalize()));
        Set<String> incomplete = new HashSet<>();
        for (LoadedTable table : data.all()) {
            if (files.contains(table.schema().dataFile().toAbsolutePath().normalize())
                    || files.contains(table.schema().schemaFile().toAbsolutePath().normalize())) {
                incomplete.add(table.name());
            }
        }
        return incomplete;
    }

    private Messages messages(TemplateSet templates, String language, List<Problem> found) throws IOException {
        try {
            return Messages.load(templates, language);
        } catch (IllegalArgumentException e) {
            found.add(Problem.error(options.templateDir(), "a messages_*.properties file cannot be read: " + e.getMessage()));
            return new Messages(Map.of());
        }
    }

    /** Parses every layout of the project's site template, also those no page uses yet. */
    private List<Path> checkTemplates(Engines engines, TemplateSet templates, List<Problem> found) throws IOException {
        Path dir = options.templateDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> layouts;
        try (Stream<Path> files = Files.walk(dir)) {
            layouts = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".*\\.(ftlh|ftl|ftlx|ftlmd)$")).sorted().toList();
        }
        for (Path layout : layouts) {
            String name = dir.relativize(layout).toString().replace('\\', '/');
            try {
                engines.layouts().getTemplate(name);
            } catch (IOException e) {
                found.add(TemplateProblems.ofLayoutLoading(templates, e).orElseGet(() ->
                        Problem.error(layout, "cannot be read: " + e.getMessage())));
            }
        }
        return layouts;
    }

    /** Every cell's numbers that can be computed; the others are problems (as in a build). */
    private static Map<String, CellData> compute(Report report, Map<String, TableView> tables, Set<String> incomplete,
                                                 List<Problem> found) {
        CellComputer computer = new CellComputer(tables, report.info().language());
        Map<String, CellData> cells = new LinkedHashMap<>();
        for (Report.CellPlace place : report.cells().values()) {
            Cell cell = place.cell();
            if (!tables.containsKey(cell.table())) {
                continue;
            }
            try {
                CellData data = computer.compute(cell);
                if (data.isEmpty() && !incomplete.contains(cell.table())) {
                    found.add(Problem.error(cell.file(), cell.line(), 1, "cell '" + cell.id()
                            + "' has no data: every count is 0 (check its 'where' filter)"));
                }
                cells.put(cell.id(), data);
            } catch (IllegalArgumentException e) {
                found.add(Problem.error(cell.file(), cell.line(), 1, e.getMessage()));
            }
        }
        return cells;
    }

    /** The chart theme and font, as a build would choose them for these figures' labels; nothing is drawn. */
    private void checkFigureStyle(TemplateSet templates, Messages messages, Map<String, CellData> cells,
                                  List<Problem> found) throws Exception {
        try {
            new ReportBuild(options, log).figureFiles(templates, messages, cells.values());
        } catch (InputException e) {
            found.addAll(e.problems());
        }
    }

    /** The rendered pages, by page name; a page that failed stands there empty, named in {@code failed}. */
    private record Rendered(Map<String, RenderedChapter> pages, Set<String> failed) {
    }

    private Rendered render(Report report, DataSet data, Map<String, TableView> tables, Map<String, CellData> cells,
                            Engines engines, TemplateSet templates, Messages messages, List<Problem> found) {
        ChapterRenderer renderer = new ChapterRenderer(engines, templates, report, tables, cells, messages,
                options.projectDir().toAbsolutePath().normalize());
        Map<String, RenderedChapter> pages = new LinkedHashMap<>();
        Set<String> failed = new HashSet<>();
        for (Chapter page : References.pages(report)) {
            // A cell whose numbers could not be computed is left as its placeholder.
            List<Cell> computed = page.cells().stream().filter(c -> cells.containsKey(c.id())).toList();
            Chapter renderable = computed.size() == page.cells().size() ? page
                    : new Chapter(page.slug(), page.file(), page.title(), page.numberLabel(), page.template(), computed);
            try {
                pages.put(page.pageName(), renderer.render(renderable));
            } catch (InputException e) {
                found.addAll(e.problems());
                failed.add(page.pageName());
                pages.put(page.pageName(), new RenderedChapter(page, "", "", List.of()));
            }
        }
        try {
            Chapter corrections = ReportLoader.page(options.contentDir(), ReportLoader.CORRECTIONS_FILE,
                    messages.get("corrections.title"), report.info(), data);
            if (corrections != null) {
                renderer.render(corrections);
            }
        } catch (InputException e) {
            found.addAll(e.problems());
        }
        return new Rendered(pages, failed);
    }

    /** Lays out the pages as a build would, to check the layouts and to know every file of the site. */
    private Map<String, byte[]> layout(Report report, Rendered rendered, Map<String, CellData> cells, DataSet data,
                                       Engines engines, TemplateSet templates, Messages messages, List<Problem> found)
            throws IOException {
        Map<String, byte[]> figureFiles = new TreeMap<>();
        for (CellData cell : cells.values()) {
            String base = "figures/" + cell.cell().id();
            figureFiles.put(base + ".csv", new byte[0]);
            if (cell.cell().kind() == CellKind.FIGURE) {
                figureFiles.put(base + ".svg", new byte[0]);
                figureFiles.put(base + ".png", new byte[0]);
            }
        }
        RenderedChapter abstractPage = report.abstractPage() == null ? null
                : rendered.pages().get(report.abstractPage().pageName());
        List<RenderedChapter> chapters = report.chapters().stream().map(c -> rendered.pages().get(c.pageName())).toList();
        try {
            return new SiteWriter(engines, templates, messages).pages(report, abstractPage, chapters, figureFiles,
                    new ArrayList<>(data.all()));
        } catch (InputException e) {
            found.addAll(e.problems());
            Map<String, byte[]> site = new TreeMap<>(templates.assets());
            site.putAll(figureFiles);
            data.all().forEach(t -> site.put("data/" + t.schema().dataFile().getFileName(), new byte[0]));
            rendered.pages().keySet().forEach(page -> site.put(page, new byte[0]));
            rendered.failed().addAll(rendered.pages().keySet());
            return site;
        }
    }
}
