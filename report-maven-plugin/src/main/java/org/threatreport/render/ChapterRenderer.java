package org.threatreport.render;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.util.ast.Document;
import freemarker.core.Environment;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateConfiguration;
import freemarker.core.ParseException;
import freemarker.core._CoreAPI;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.threatreport.aggregate.CellData;
import org.threatreport.aggregate.EngineWaits;
import org.threatreport.aggregate.TableView;
import org.threatreport.config.RenderLimits;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Problem;
import org.threatreport.model.Cell;
import org.threatreport.model.Chapter;
import org.threatreport.model.MarkdownSyntax;
import org.threatreport.model.Report;

/**
 * Renders chapters: FreeMarker fills in the inline values, flexmark reads the result once, and that
 * one parse gives the HTML (references as numbered links, each cell as its figure or table) and the
 * parts the other outputs are written from. Records what each chapter read, so that a later build may
 * reuse it. Thread-safe: chapters are rendered in parallel.
 */
public final class ChapterRenderer {

    private final Engines engines;
    private final TemplateSet templates;
    private final Report report;
    private final Map<String, Object> model;
    private final Map<String, CellData> cells;
    private final Messages messages;
    private final Path projectDir;
    private final RenderLimits limits;
    private final MarkdownToHtml html = new MarkdownToHtml();
    private final Set<String> unreadable;
    private final EngineWaits waits;

    /**
     * @param tables     the tables templates see, by name
     * @param cells      every cell's numbers, by id
     * @param projectDir file names in messages are relative to it
     */
    public ChapterRenderer(Engines engines, TemplateSet templates, Report report, Map<String, TableView> tables,
                           Map<String, CellData> cells, Messages messages, Path projectDir, RenderLimits limits) {
        this(engines, templates, report, tables, cells, messages, projectDir, limits, Set.of());
    }

    /**
     * @param unreadable the names of tables that could not be read: a value naming one is not reported again
     *                   (the table's own problems are the cause), though the chapter still fails
     */
    public ChapterRenderer(Engines engines, TemplateSet templates, Report report, Map<String, TableView> tables,
                           Map<String, CellData> cells, Messages messages, Path projectDir, RenderLimits limits,
                           Set<String> unreadable) {
        this(engines, templates, report, tables, cells, messages, projectDir, limits, unreadable, new EngineWaits());
    }

    /**
     * @param waits how long the rendering threads wait for SQL engines (the views' executors report to it),
     *              which the rendering's time budget leaves out
     */
    public ChapterRenderer(Engines engines, TemplateSet templates, Report report, Map<String, TableView> tables,
                           Map<String, CellData> cells, Messages messages, Path projectDir, RenderLimits limits,
                           Set<String> unreadable, EngineWaits waits) {
        this.waits = waits;
        this.unreadable = Set.copyOf(unreadable);
        this.engines = engines;
        this.templates = templates;
        this.report = report;
        this.cells = Map.copyOf(cells);
        this.messages = messages;
        this.projectDir = projectDir;
        this.limits = limits;
        Map<String, Object> root = new TreeMap<>(tables);
        root.put("report", report.info());
        this.model = java.util.Collections.unmodifiableMap(root);
    }

    public RenderedChapter render(Chapter source) throws InputException {
        List<ValueRecorder.Recorded> recorded = new ArrayList<>();
        List<ValueRecorder.Recorded> inCells = new ArrayList<>();
        Set<String> tablesRead = new TreeSet<>();
        List<Problem> mistakes = new ArrayList<>();
        boolean failed = false;
        String markdown = "";
        try {
            markdown = fillValues(source, recorded, tablesRead);
        } catch (InputException e) {
            mistakes.addAll(e.problems());
            failed = true;
        }
        // Captions, alt texts and notes may compute values too; their mistakes are reported with the chapter's.
        List<Cell> cells = new ArrayList<>();
        for (Cell cell : source.cells()) {
            try {
                cells.add(renderTexts(source, cell, inCells, tablesRead));
            } catch (InputException e) {
                mistakes.addAll(e.problems());
                failed = true;
                cells.add(cell);
            }
        }
        if (failed) {
            throw new InputException(mistakes);
        }
        Chapter chapter = source.withCells(cells);
        MarkdownSyntax.TooDeep tooDeep = MarkdownSyntax.tooDeep(markdown);
        if (tooDeep != null) {
            throw InputException.of(Problem.error(chapter.file(), tooDeep.line(), 1, "once its values are filled in, "
                    + tooDeep.reason()));
        }
        Document document = MarkdownSyntax.parse(markdown);
        Map<FencedCodeBlock, KeyNumbers> keyNumbers = keyNumbers(chapter, document);
        List<InlineValue> values = new ArrayList<>(ReaderText.around(document, recorded,
                id -> report.cell(id).map(place -> place.cell().label()).orElse(null),
                offset -> keyNumberAt(document, keyNumbers, offset)));
        // A caption's values are not in the chapter's text: no words around them to read.
        inCells.forEach(v -> values.add(v.value()));
        Map<String, String> cellHtml = new HashMap<>();
        for (Cell cell : chapter.cells()) {
            cellHtml.put(cell.id(), cellHtml(cell));
        }
        Map<Integer, String> keyNumberHtml = new HashMap<>();
        Map<Integer, List<String>> keyNumberMarkdown = new HashMap<>();
        for (Map.Entry<FencedCodeBlock, KeyNumbers> block : keyNumbers.entrySet()) {
            keyNumberHtml.put(block.getKey().getStartOffset(), keyNumbersHtml(block.getValue(), chapter));
            keyNumberMarkdown.put(document.getLineNumber(block.getKey().getStartOffset()),
                    block.getValue().markdownLines(report.info().isChinese()));
        }
        Set<String> referred = new TreeSet<>();
        MarkdownSyntax.references(document).forEach(r -> referred.add(r.id()));
        keyNumbers.values().forEach(block -> block.numbers().forEach(n -> referred.add(n.target())));
        List<Heading> headings = new ArrayList<>();
        String body = html.render(document, cellHtml, keyNumberHtml, id -> link(id, chapter), headings);
        List<MarkdownPart> parts = MarkdownParts.of(document, markdown,
                chapter.cells().stream().map(Cell::id).collect(Collectors.toSet()), keyNumberMarkdown);
        Set<String> layouts = chapter.cells().isEmpty() && keyNumbers.isEmpty() ? Set.of()
                : engines.layoutRecorder().cellLayouts();
        return new RenderedChapter(chapter, markdown, parts, body, headings, values,
                new RenderedChapter.Reads(tablesRead, referred, layouts));
    }

    /**
     * The blocks of key numbers of a rendered chapter, read; their mistakes located at the block's line in
     * the chapter's file (the template's blocks, found the same way, stand in the same order).
     */
    private Map<FencedCodeBlock, KeyNumbers> keyNumbers(Chapter chapter, Document document) throws InputException {
        List<FencedCodeBlock> blocks = KeyNumbers.blocks(document);
        Map<FencedCodeBlock, KeyNumbers> read = new java.util.LinkedHashMap<>();
        if (blocks.isEmpty()) {
            return read;
        }
        Document source = MarkdownSyntax.parse(chapter.template());
        List<FencedCodeBlock> written = KeyNumbers.blocks(source);
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            FencedCodeBlock block = blocks.get(i);
            int line = written.size() == blocks.size() ? source.getLineNumber(written.get(i).getStartOffset()) + 1
                    : document.getLineNumber(block.getStartOffset()) + 1;
            try {
                read.put(block, KeyNumbers.read(block, chapter.file(), line,
                        id -> report.cell(id).map(place -> place.cell().label()).orElse(null)));
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return read;
    }

    /** The label of the key number whose {@code value} stands at {@code offset} of the rendered Markdown, or null. */
    private static String keyNumberAt(Document document, Map<FencedCodeBlock, KeyNumbers> keyNumbers, int offset) {
        for (Map.Entry<FencedCodeBlock, KeyNumbers> block : keyNumbers.entrySet()) {
            FencedCodeBlock fence = block.getKey();
            if (fence.getStartOffset() <= offset && offset < fence.getEndOffset()) {
                KeyNumbers.KeyNumber number = block.getValue().valueAt(document.getLineNumber(offset)
                        - document.getLineNumber(fence.getStartOffset()));
                return number == null ? null : number.label();
            }
        }
        return null;
    }

    /** A block of key numbers laid out with {@code keynumbers.ftlh}, each linking to what explains it. */
    private String keyNumbersHtml(KeyNumbers block, Chapter chapter) throws InputException {
        List<Map<String, String>> numbers = new ArrayList<>();
        for (KeyNumbers.KeyNumber number : block.numbers()) {
            MarkdownToHtml.Target link = link(number.target(), chapter);
            numbers.add(Map.of("value", number.value(), "label", number.label(), "href", link.href(),
                    "reference", link.label()));
        }
        Map<String, Object> model = Map.of("numbers", numbers, "msg", messages.strings());
        try {
            return engines.layoutRecorder().cell(() -> {
                Template template = engines.layouts().getTemplate("keynumbers.ftlh");
                StringWriter out = new StringWriter();
                template.process(model, out);
                return out.toString();
            });
        } catch (TemplateException e) {
            throw InputException.of(TemplateProblems.ofLayout(templates, e));
        } catch (IOException e) {
            throw InputException.of(TemplateProblems.ofLayoutLoading(templates, e).orElseGet(() ->
                    Problem.error(templates.projectDir().resolve("keynumbers.ftlh"), "cannot be read: " + e.getMessage())));
        }
    }

    /** A reference from {@code from}: "图 2", linking into the page that shows it. */
    private MarkdownToHtml.Target link(String id, Chapter from) {
        return report.cell(id).map(place -> new MarkdownToHtml.Target(place.cell().label(),
                (place.chapter().pageName().equals(from.pageName()) ? "" : place.chapter().pageName()) + "#"
                        + place.cell().id())).orElse(null);
    }

    /**
     * @param values     receives every {@code ${…}} rendered, for the corrections log ({@code values.json})
     * @param tablesRead receives the names of the tables (and {@code report}) the template read
     */
    private String fillValues(Chapter chapter, List<ValueRecorder.Recorded> values, Set<String> tablesRead)
            throws InputException {
        String name = projectDir.relativize(chapter.file().toAbsolutePath().normalize()).toString();
        return process(chapter, () -> new Template(name, chapter.template(), engines.chapters()), values, tablesRead);
    }

    /** The cell with its caption, alt text and note rendered, when they compute values. */
    private Cell renderTexts(Chapter chapter, Cell cell, List<ValueRecorder.Recorded> values, Set<String> tablesRead)
            throws InputException {
        Cell.Places at = cell.places();
        String caption = text(chapter, cell, cell.caption(), at.captionLine(), at.captionColumn(), values, tablesRead);
        String alt = text(chapter, cell, cell.alt(), at.altLine(), at.altColumn(), values, tablesRead);
        String note = text(chapter, cell, cell.note(), at.noteLine(), at.noteColumn(), values, tablesRead);
        return caption.equals(cell.caption()) && alt.equals(cell.alt()) && note.equals(cell.note()) ? cell
                : cell.withTexts(caption, alt, note);
    }

    /**
     * One text of a cell as plain text with its values filled in. It is rendered as a template of its own,
     * placed at its line and column (blank lines and spaces before it), so that its mistakes are located in
     * the chapter's file exactly.
     */
    private String text(Chapter chapter, Cell cell, String source, int line, int column,
                        List<ValueRecorder.Recorded> values,
                        Set<String> tablesRead) throws InputException {
        if (!Cell.isTemplate(source)) {
            return source;
        }
        int at = line > 0 ? line : cell.line() + 1;
        String placed = "\n".repeat(at - 1) + " ".repeat(Math.max(0, column - 1)) + source;
        String name = projectDir.relativize(chapter.file().toAbsolutePath().normalize()).toString();
        return process(chapter, () -> {
            TemplateConfiguration plain = new TemplateConfiguration();
            plain.setOutputFormat(PlainTextOutputFormat.INSTANCE);
            plain.setParentConfiguration(engines.chapters());
            return new Template(name, null, new java.io.StringReader(placed), engines.chapters(), plain, null);
        }, values, tablesRead).strip();
    }

    /** A template that may fail to parse. */
    private interface Source {
        Template template() throws IOException;
    }

    /** Renders a chapter's template (or one text of it) against the chapter's data model. */
    private String process(Chapter chapter, Source source, List<ValueRecorder.Recorded> values,
                           Set<String> tablesRead)
            throws InputException {
        try {
            Template template = source.template();
            // Loops get a check of the time budget in each round, even when their body prints nothing.
            _CoreAPI.addThreadInterruptedChecks(template);
            StringWriter out = new StringWriter();
            ReadRecorder root = new ReadRecorder(engines.chapters().getObjectWrapper(), model, tablesRead);
            Environment environment = template.createProcessingEnvironment(root, out);
            List<TemplateException> mistakes = new ArrayList<>();
            environment.setCustomAttribute(Engines.MISTAKES, mistakes);
            ValueRecorder recorder = new ValueRecorder(chapter.pageName(), template, out.getBuffer(),
                    RenderBudget.start(limits, out.getBuffer(), waits));
            environment.setTemplateProcessingTracer(recorder);
            try {
                environment.process();
            } catch (StackOverflowError e) {
                throw InputException.of(recorder.where(chapter.file(), "the template calls itself without end: a macro"
                        + " or function that never stops calling itself?"));
            }
            values.addAll(recorder.values());
            if (!mistakes.isEmpty()) {
                throw new InputException(mistakes.stream().filter(e -> !namesUnreadable(e))
                        .map(e -> TemplateProblems.of(chapter.file(), e, model.keySet())).toList());
            }
            return out.toString();
        } catch (ParseException e) {
            throw InputException.of(TemplateProblems.of(chapter.file(), e));
        } catch (TemplateException e) {
            if (e.getCause() instanceof RenderBudget.Exceeded exceeded) {
                throw InputException.of(exceeded.problem(chapter.file()));
            }
            throw InputException.of(TemplateProblems.of(chapter.file(), e, model.keySet()));
        } catch (RenderBudget.Exceeded e) {
            throw InputException.of(e.problem(chapter.file()));
        } catch (IOException e) {
            throw InputException.of(Problem.error(chapter.file(), "cannot be rendered: " + e.getMessage()));
        }
    }

    /** Whether a mistake is only that a table which could not be read is not there. */
    private boolean namesUnreadable(TemplateException e) {
        String blamed = e instanceof freemarker.core.InvalidReferenceException ? e.getBlamedExpressionString() : null;
        return blamed != null && unreadable.contains(blamed.split("[.\\[(?!]", 2)[0]);
    }

    private String cellHtml(Cell cell) throws InputException {
        CellData data = cells.get(cell.id());
        Map<String, Object> cellModel = new HashMap<>();
        cellModel.put("cell", cell);
        cellModel.put("data", data);
        cellModel.put("alt", cell.chart() == null ? "" : AltText.of(data, cell.alt(), report.info().isChinese()));
        cellModel.put("note", note(cell, data));
        cellModel.put("msg", messages.strings());
        cellModel.put("rows", TableRows.of(data, messages));
        try {
            return engines.layoutRecorder().cell(() -> {
                Template template = engines.layouts().getTemplate("cell.ftlh");
                StringWriter out = new StringWriter();
                template.process(cellModel, out);
                return out.toString();
            });
        } catch (TemplateException e) {
            throw InputException.of(TemplateProblems.ofLayout(templates, e));
        } catch (IOException e) {
            throw InputException.of(TemplateProblems.ofLayoutLoading(templates, e).orElseGet(() ->
                    Problem.error(templates.projectDir().resolve("cell.ftlh"), "cannot be read: " + e.getMessage())));
        }
    }

    /** The line under a cell: the editor's note, and what the numbers say of their base ("n = 1,938; …"). */
    static String note(Cell cell, CellData data) {
        String own = cell.note().strip();
        String base = data.note();
        if (own.isEmpty() || base.isEmpty()) {
            return own + base;
        }
        return own + " (" + base + ")";
    }
}
