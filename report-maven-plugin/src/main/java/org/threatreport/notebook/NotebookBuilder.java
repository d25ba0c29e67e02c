package org.threatreport.notebook;

import static freemarker.template.utility.StringUtil.XHTMLEnc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.threatreport.aggregate.CellData;
import org.threatreport.data.DataSet;
import org.threatreport.model.Cell;
import org.threatreport.model.CellKind;
import org.threatreport.model.Chapter;
import org.threatreport.model.Report;
import org.threatreport.model.ReportInfo;
import org.threatreport.render.Messages;
import org.threatreport.render.PortableMarkdown;
import org.threatreport.render.RenderedChapter;
import org.threatreport.render.TableRows;

/**
 * Each chapter as a Jupyter notebook (nbformat 4.5) for the JJava kernel that re-runs its analysis:
 * the chapter's text as Markdown cells; setup cells that load Tablesaw and XChart ({@code %maven}), read
 * the version folder's {@code data/<table>.csv} and declare the codebook and the report's counting rules;
 * and for each figure or table a Java cell that computes the same numbers by those rules and draws them
 * with XChart (see {@link JavaCode}). Every code cell keeps the outputs running it gives — the numbers
 * it prints, the picture its own XChart code draws ({@link NotebookCharts}), the table — so the notebook
 * reads well without running, and running it changes nothing. Cell ids and all other content are fixed
 * by the input: two builds write the same bytes. Thread-safe.
 */
public final class NotebookBuilder {

    /** The notebook of a chapter: {@code 02-monitoring.ipynb}. */
    public static final String EXTENSION = ".ipynb";

    /** The key of a code cell's metadata that names the figure or table it computes: {@code {"cell": "fig-x"}}. */
    public static final String METADATA_KEY = "threatreport";

    private final Report report;
    private final DataSet data;
    private final Map<String, CellData> cells;
    private final PortableMarkdown markdown;
    private final Messages messages;
    private final String chartFamily;

    /**
     * @param cells       every cell's numbers, by id
     * @param chartFamily the family of the font the report's figures are drawn with, which the notebooks'
     *                    charts use too where the machine running them has it: with it, the pictures they
     *                    draw do not depend on which fonts Java's default font falls back on there
     */
    public NotebookBuilder(Report report, DataSet data, Map<String, CellData> cells, PortableMarkdown markdown,
                           Messages messages, String chartFamily) {
        this.chartFamily = chartFamily;
        this.report = report;
        this.data = data;
        this.cells = Map.copyOf(cells);
        this.markdown = markdown;
        this.messages = messages;
    }

    /** {@code <slug>.ipynb} for every chapter, by path in the version folder. */
    public Map<String, byte[]> files(List<RenderedChapter> chapters) {
        Map<String, byte[]> files = new TreeMap<>();
        for (RenderedChapter chapter : chapters) {
            files.put(PortableMarkdown.fileName(chapter.chapter(), EXTENSION),
                    notebook(chapter).getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    /** One chapter's notebook as JSON text. */
    public String notebook(RenderedChapter rendered) {
        Chapter chapter = rendered.chapter();
        List<CellData> chapterCells = chapter.cells().stream().map(c -> cells.get(c.id())).toList();
        JavaCode code = new JavaCode(report.info(), data, messages, chapterCells, chartFamily);
        NotebookCharts charts = chapterCells.stream().anyMatch(c -> c.cell().kind() == CellKind.FIGURE)
                ? new NotebookCharts(chartFamily, code.chartCharacters()) : null;
        Notebook notebook = new Notebook(chapter.slug());
        notebook.markdown(intro(chapter, !chapterCells.isEmpty()));
        code.setup().forEach(setup -> notebook.code(setup, List.of()));
        for (PortableMarkdown.Block block : markdown.blocks(rendered, EXTENSION)) {
            if (block instanceof PortableMarkdown.Prose prose) {
                notebook.markdown(prose.markdown());
            } else if (block instanceof PortableMarkdown.CellBlock cell) {
                notebook.appendMarkdown(cell.caption());
                notebook.code(code.cell(cell.data()), outputs(code, cell, charts, notebook.nextCount()))
                        .put("metadata", Map.of(METADATA_KEY, Map.of("cell", cell.data().cell().id())));
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cells", notebook.cells);
        root.put("metadata", metadata(chapter));
        root.put("nbformat", 4);
        root.put("nbformat_minor", 5);
        return NotebookJson.write(root);
    }

    private String intro(Chapter chapter, boolean hasCells) {
        ReportInfo info = report.info();
        String files = data.withCsv().stream().map(t -> "`data/" + t.schema().csvFile().orElseThrow().getFileName() + "`")
                .collect(Collectors.joining(", "));
        String text = messages.get(hasCells ? "notebook.intro" : "notebook.noCells").replace("{0}", files);
        return "# " + PortableMarkdown.escape(chapter.fullTitle()) + "\n\n*" + PortableMarkdown.escape(info.title())
                + "* · " + messages.get("site.version") + " " + PortableMarkdown.escape(info.version()) + "\n\n" + text;
    }

    private Map<String, Object> metadata(Chapter chapter) {
        Map<String, Object> kernel = new TreeMap<>();
        kernel.put("name", "java");
        kernel.put("display_name", "Java");
        kernel.put("language", "java");
        Map<String, Object> language = new TreeMap<>();
        language.put("name", "java");
        language.put("codemirror_mode", "java");
        language.put("file_extension", ".jshell");
        language.put("mimetype", "text/x-java-source");
        language.put("pygments_lexer", "java");
        Map<String, Object> metadata = new TreeMap<>();
        metadata.put("kernelspec", kernel);
        metadata.put("language_info", language);
        metadata.put("title", chapter.fullTitle());
        return metadata;
    }

    /** What running the cell shows: the numbers it prints, then the picture its code draws, or the table. */
    private List<Object> outputs(JavaCode code, PortableMarkdown.CellBlock block, NotebookCharts charts, int count) {
        CellData cellData = block.data();
        Cell cell = cellData.cell();
        List<Object> outputs = new ArrayList<>();
        Map<String, Object> stream = new TreeMap<>();
        stream.put("name", "stdout");
        stream.put("output_type", "stream");
        stream.put("text", lines(String.join("\n", code.printed(cellData)) + "\n"));
        outputs.add(stream);
        Map<String, Object> bundle = new TreeMap<>();
        Map<String, Object> outputMetadata = new TreeMap<>();
        if (cell.kind() == CellKind.FIGURE) {
            if (NotebookCharts.draws(cellData)) {
                bundle.put("image/png", Base64.getEncoder().encodeToString(charts.png(cellData)));
            }
            bundle.put("text/plain", lines(block.alt()));
        } else {
            bundle.put("text/html", lines(html(block.rows())));
            TableRows rows = block.rows();
            bundle.put("text/plain", lines(TextTable.of(cell.label(), rows.header(), rows.rows())));
        }
        Map<String, Object> result = new TreeMap<>();
        result.put("data", bundle);
        result.put("execution_count", count);
        result.put("metadata", outputMetadata);
        result.put("output_type", "execute_result");
        outputs.add(result);
        return outputs;
    }

    /** The numbers as an HTML table, as the site's pages show them. */
    static String html(TableRows rows) {
        StringBuilder html = new StringBuilder("<table>\n<thead><tr>");
        rows.header().forEach(h -> html.append("<th>").append(XHTMLEnc(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows.rows()) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                html.append(i == 0 ? "<th>" : "<td style=\"text-align: right\">").append(XHTMLEnc(row.get(i)))
                        .append(i == 0 ? "</th>" : "</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>").toString();
    }

    /** Text as Jupyter stores it: a list of lines, each but the last ending in a newline. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** The cells of a notebook as they are added; ids are the chapter's slug and the cell's position. */
    private static final class Notebook {
        private final String idPrefix;
        private final List<Object> cells = new ArrayList<>();
        private int executionCount;

        Notebook(String slug) {
            String prefix = slug.replaceAll("[^A-Za-z0-9_-]", "_");
            this.idPrefix = prefix.length() > 56 ? prefix.substring(0, 56) : prefix;
        }

        int nextCount() {
            return executionCount + 1;
        }

        void markdown(String text) {
            Map<String, Object> cell = cell("markdown");
            cell.put("source", lines(text));
            cells.add(cell);
        }

        /** Adds a paragraph to the last cell when it is Markdown, else a Markdown cell. */
        @SuppressWarnings("unchecked")
        void appendMarkdown(String text) {
            if (!cells.isEmpty() && ((Map<String, Object>) cells.get(cells.size() - 1)).get("cell_type").equals("markdown")) {
                Map<String, Object> last = (Map<String, Object>) cells.get(cells.size() - 1);
                List<String> source = new ArrayList<>((List<String>) last.get("source"));
                String joined = String.join("", source) + "\n\n" + text;
                last.put("source", lines(joined));
                return;
            }
            markdown(text);
        }

        Map<String, Object> code(String code, List<Object> outputs) {
            Map<String, Object> cell = cell("code");
            cell.put("execution_count", ++executionCount);
            cell.put("outputs", outputs);
            cell.put("source", lines(code));
            cells.add(cell);
            return cell;
        }

        private Map<String, Object> cell(String type) {
            Map<String, Object> cell = new TreeMap<>();
            cell.put("cell_type", type);
            cell.put("id", idPrefix + "-" + (cells.size() + 1));
            cell.put("metadata", new TreeMap<>());
            return cell;
        }
    }
}
