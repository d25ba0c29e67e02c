package org.threatreport.render;

import freemarker.core.Environment;
import freemarker.core.ParseException;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.threatreport.aggregate.CellData;
import org.threatreport.aggregate.TableView;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Problem;
import org.threatreport.model.Cell;
import org.threatreport.model.Chapter;
import org.threatreport.model.CrossReferences;
import org.threatreport.model.Report;

/**
 * Renders chapters: FreeMarker fills in the inline values, references become numbered links,
 * flexmark makes the HTML, and each cell becomes its figure or table. Thread-safe: chapters are
 * rendered in parallel.
 */
public final class ChapterRenderer {

    private final Engines engines;
    private final TemplateSet templates;
    private final Report report;
    private final Map<String, Object> model;
    private final Map<String, CellData> cells;
    private final Messages messages;
    private final Path projectDir;
    private final MarkdownToHtml html = new MarkdownToHtml();

    /**
     * @param tables     the tables templates see, by name
     * @param cells      every cell's numbers, by id
     * @param projectDir file names in messages are relative to it
     */
    public ChapterRenderer(Engines engines, TemplateSet templates, Report report, Map<String, TableView> tables,
                           Map<String, CellData> cells, Messages messages, Path projectDir) {
        this.engines = engines;
        this.templates = templates;
        this.report = report;
        this.cells = Map.copyOf(cells);
        this.messages = messages;
        this.projectDir = projectDir;
        Map<String, Object> root = new TreeMap<>(tables);
        root.put("report", report.info());
        this.model = java.util.Collections.unmodifiableMap(root);
    }

    public RenderedChapter render(Chapter chapter) throws InputException {
        List<InlineValue> values = new ArrayList<>();
        String markdown = linkReferences(fillValues(chapter, values), chapter);
        Map<String, String> cellHtml = new HashMap<>();
        for (Cell cell : chapter.cells()) {
            cellHtml.put(cell.id(), cellHtml(cell));
        }
        List<Heading> headings = new ArrayList<>();
        String body = html.render(markdown, cellHtml, headings);
        return new RenderedChapter(chapter, markdown, body, headings, values);
    }

    /** @param values receives every {@code ${…}} rendered, for the corrections log ({@code values.json}) */
    private String fillValues(Chapter chapter, List<InlineValue> values) throws InputException {
        String name = projectDir.relativize(chapter.file().toAbsolutePath().normalize()).toString();
        try {
            Template template = new Template(name, chapter.template(), engines.chapters());
            StringWriter out = new StringWriter();
            Environment environment = template.createProcessingEnvironment(model, out);
            List<TemplateException> mistakes = new ArrayList<>();
            environment.setCustomAttribute(Engines.MISTAKES, mistakes);
            ValueRecorder recorder = new ValueRecorder(chapter.pageName(), template, out.getBuffer());
            environment.setTemplateProcessingTracer(recorder);
            environment.process();
            values.addAll(recorder.values());
            if (!mistakes.isEmpty()) {
                throw new InputException(mistakes.stream()
                        .map(e -> TemplateProblems.of(chapter.file(), e, model.keySet())).toList());
            }
            return out.toString();
        } catch (ParseException e) {
            throw InputException.of(TemplateProblems.of(chapter.file(), e));
        } catch (TemplateException e) {
            throw InputException.of(TemplateProblems.of(chapter.file(), e, model.keySet()));
        } catch (IOException e) {
            throw InputException.of(Problem.error(chapter.file(), "cannot be rendered: " + e.getMessage()));
        }
    }

    /** {@code @fig-industry} → {@code [图 2](02-monitoring.html#fig-industry)}, outside code blocks. */
    private String linkReferences(String markdown, Chapter from) {
        StringBuilder out = new StringBuilder(markdown.length());
        boolean inCode = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.stripLeading().startsWith("```")) {
                inCode = !inCode;
            }
            if (inCode || line.stripLeading().startsWith("```")) {
                out.append(line).append('\n');
                continue;
            }
            out.append(CrossReferences.replace(line, id -> report.cell(id)
                    .map(place -> "[" + place.cell().label() + "]("
                            + (place.chapter() == from ? "" : place.chapter().pageName()) + "#" + place.cell().id() + ")")
                    .orElse("@" + id))).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private String cellHtml(Cell cell) throws InputException {
        CellData data = cells.get(cell.id());
        Map<String, Object> cellModel = new HashMap<>();
        cellModel.put("cell", cell);
        cellModel.put("data", data);
        cellModel.put("alt", cell.chart() == null ? "" : AltText.of(data, report.info().isChinese()));
        cellModel.put("msg", messages.strings());
        cellModel.put("rows", TableRows.of(data, messages));
        try {
            Template template = engines.layouts().getTemplate("cell.ftlh");
            StringWriter out = new StringWriter();
            template.process(cellModel, out);
            return out.toString();
        } catch (TemplateException e) {
            throw InputException.of(TemplateProblems.ofLayout(templates, e));
        } catch (IOException e) {
            throw InputException.of(TemplateProblems.ofLayoutLoading(templates, e).orElseGet(() ->
                    Problem.error(templates.projectDir().resolve("cell.ftlh"), "cannot be read: " + e.getMessage())));
        }
    }
}
