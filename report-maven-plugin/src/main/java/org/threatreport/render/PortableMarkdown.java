package org.threatreport.render;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.threatreport.aggregate.CellData;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Problem;
import org.threatreport.model.Cell;
import org.threatreport.model.CellKind;
import org.threatreport.model.Chapter;
import org.threatreport.model.Report;
import org.threatreport.model.ReportInfo;

/**
 * The chapters as portable Markdown: GitHub-flavoured Markdown that stands on its own in the version
 * folder and converts with pandoc. Values are filled in, references to figures and tables are text
 * ("图 2") or links to the other chapter's file, each figure is an image of {@code figures/<id>.svg}
 * alone in its paragraph with its number and caption as its text (pandoc makes it a figure with that
 * caption; the description for readers who cannot see it is the image's title), followed by links to
 * its PNG and CSV; each table a GFM table; each file starts with a small YAML front matter holding its
 * title, which is not repeated as a heading (pandoc prints it as the document's title). Also writes
 * {@code report.md}, the abstract and every chapter in one file.
 *
 * <p>Links (never images, which converters read from the folder) are relative to the version folder,
 * or, when the report's address is known ({@code report.siteUrl}), absolute — to the published page or
 * file — so that they still work in a document converted and sent elsewhere (a .docx).
 *
 * <p>Made by a second pass over each chapter's rendered Markdown ({@link RenderedChapter#markdown()}):
 * FreeMarker runs once per chapter. The same pass splits a chapter into prose and cells for notebooks.
 * Thread-safe.
 */
public final class PortableMarkdown {

    /** The whole report in one Markdown file. */
    public static final String REPORT_FILE = "report.md";

    /** A part of a chapter: prose, or one of its cells. */
    public sealed interface Block permits Prose, CellBlock {
    }

    /** Markdown text between cells, references resolved. */
    public record Prose(String markdown) implements Block {
    }

    /**
     * A figure or table cell.
     *
     * @param markdown the cell as portable Markdown (image and caption, or caption and table)
     * @param caption  its number and caption as one Markdown line: {@code **图 2** 各行业事件数量}
     * @param alt      a figure's text alternative (empty for tables)
     * @param rows     its numbers as table rows, as the site's table shows them
     */
    public record CellBlock(CellData data, String markdown, String caption, String alt, TableRows rows)
            implements Block {
    }

    private final Report report;
    private final Map<String, CellData> cells;
    private final Messages messages;
    /** Where links point: the published version folder ({@code https://…/2017/}), or empty for relative links. */
    private final String linkBase;

    /** @param cells every cell's numbers, by id */
    public PortableMarkdown(Report report, Map<String, CellData> cells, Messages messages) {
        this(report, cells, messages, "");
    }

    /**
     * @param cells      every cell's numbers, by id
     * @param versionUrl where readers reach the version folder, ending in {@code /}, or empty: links are then
     *                   relative to the folder
     */
    public PortableMarkdown(Report report, Map<String, CellData> cells, Messages messages, String versionUrl) {
        this.report = report;
        this.cells = Map.copyOf(cells);
        this.messages = messages;
        this.linkBase = versionUrl;
    }

    /**
     * {@code <slug>.md} for every chapter, and {@link #REPORT_FILE}, by path in the version folder.
     *
     * @param abstractPage the rendered abstract, or null
     * @throws InputException when a chapter's own file would be {@code report.md}
     */
    public Map<String, byte[]> files(RenderedChapter abstractPage, List<RenderedChapter> chapters)
            throws InputException {
        checkFileNames(chapters);
        Map<String, byte[]> files = new TreeMap<>();
        for (RenderedChapter chapter : chapters) {
            files.put(fileName(chapter.chapter(), ".md"), chapterFile(chapter).getBytes(StandardCharsets.UTF_8));
        }
        files.put(REPORT_FILE, reportFile(abstractPage, chapters).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** @throws InputException when a chapter's own file would be {@code report.md} */
    public static void checkFileNames(List<RenderedChapter> chapters) throws InputException {
        for (RenderedChapter chapter : chapters) {
            if (fileName(chapter.chapter(), ".md").equals(REPORT_FILE)) {
                throw InputException.of(Problem.error(chapter.chapter().file(), "a chapter cannot be named "
                        + REPORT_FILE + ": the build writes the whole report as " + REPORT_FILE + "; rename the file"));
            }
        }
    }

    /** A chapter's file name in the version folder with another extension: {@code 02-monitoring.md}. */
    public static String fileName(Chapter chapter, String extension) {
        return chapter.slug() + extension;
    }

    /**
     * One chapter as a standalone Markdown file; references to other chapters link to their {@code .md}.
     * Its title is in the front matter only: converters print it as the document's title.
     */
    public String chapterFile(RenderedChapter chapter) {
        StringBuilder out = new StringBuilder();
        frontMatter(out, chapter.chapter().fullTitle());
        appendBlocks(out, blocks(chapter, ".md"));
        return out.toString();
    }

    /** The abstract and every chapter in one file; references are text. */
    public String reportFile(RenderedChapter abstractPage, List<RenderedChapter> chapters) {
        StringBuilder out = new StringBuilder();
        frontMatter(out, report.info().title());
        if (abstractPage != null) {
            out.append("# ").append(escape(messages.get("site.abstract"))).append("\n\n");
            appendBlocks(out, blocks(abstractPage, null));
        }
        for (RenderedChapter chapter : chapters) {
            out.append("# ").append(escape(chapter.chapter().fullTitle())).append("\n\n");
            appendBlocks(out, blocks(chapter, null));
        }
        return out.toString();
    }

    /**
     * A chapter as prose and cells, in order. A reference to a cell of the same chapter becomes its
     * label ("图 2"); one to another chapter's cell becomes a link to that chapter's file with
     * {@code linkExtension} ({@code [图 5](03-services.md)}), or the label alone when it is null.
     */
    public List<Block> blocks(RenderedChapter rendered, String linkExtension) {
        List<Block> blocks = new ArrayList<>();
        for (MarkdownPart part : rendered.parts()) {
            if (part instanceof MarkdownPart.CellPlace place) {
                Cell cell = rendered.chapter().cells().stream().filter(c -> c.id().equals(place.id())).findFirst()
                        .orElse(cells.get(place.id()).cell());
                blocks.add(cellBlock(cells.get(place.id()), cell));
            } else if (part instanceof MarkdownPart.Prose prose) {
                List<String> lines = new ArrayList<>();
                for (MarkdownPart.Line line : prose.lines()) {
                    lines.add(resolveReferences(line, rendered.chapter(), linkExtension));
                }
                blocks.add(new Prose(String.join("\n", lines)));
            }
        }
        return List.copyOf(blocks);
    }

    private String resolveReferences(MarkdownPart.Line line, Chapter from, String linkExtension) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (MarkdownPart.Span span : line.spans()) {
            String raw = line.text().substring(span.start(), span.end());
            out.append(line.text(), last, span.start()).append(span instanceof MarkdownPart.ReferenceSpan reference
                    ? reference(reference.id(), from, linkExtension).orElse(raw)
                    : ((MarkdownPart.Replacement) span).text());
            last = span.end();
        }
        return out.append(line.text().substring(last)).toString();
    }

    private java.util.Optional<String> reference(String id, Chapter from, String linkExtension) {
        return report.cell(id).map(place -> {
            String label = place.cell().label();
            boolean sameChapter = place.chapter().slug().equals(from.slug());
            if (sameChapter || linkExtension == null || place.chapter() == report.abstractPage()) {
                return label;
            }
            String target = linkBase.isEmpty() ? fileName(place.chapter(), linkExtension)
                    : linkBase + place.chapter().pageName() + "#" + place.cell().id();
            return "[" + label + "](" + target + ")";
        });
    }

    /** @param cell the cell as rendered: its caption, alt text and note with their values */
    private CellBlock cellBlock(CellData data, Cell cell) {
        String base = "figures/" + cell.id();
        String caption = "**" + escape(cell.label()) + "** " + escape(cell.caption());
        TableRows rows = TableRows.of(data, messages);
        String note = ChapterRenderer.note(cell, data);
        String noteLine = note.isEmpty() ? "" : "\\\n*" + escape(note) + "*";
        StringBuilder md = new StringBuilder();
        if (cell.kind() == CellKind.FIGURE) {
            String alt = AltText.of(data, cell.alt(), report.info().isChinese());
            // An image alone in its paragraph is a figure to pandoc, its text the caption; the description
            // of what it shows is the image's title (a docx's alt text title, a page's tooltip).
            md.append("![").append(caption).append("](").append(base).append(".svg ").append(title(alt)).append(")\n\n")
                    .append("[PNG](").append(link(base + ".png")).append(") · [CSV](").append(link(base + ".csv"))
                    .append(")").append(noteLine);
            return new CellBlock(data, md.toString(), caption, alt, rows);
        }
        md.append(caption).append(" · [CSV](").append(link(base + ".csv")).append(")").append(noteLine).append("\n\n");
        appendTable(md, rows);
        return new CellBlock(data, md.toString().stripTrailing(), caption, "", rows);
    }

    /** A link's target: a file of the version folder, relative or on the published site. */
    private String link(String path) {
        return linkBase + path;
    }

    /** A Markdown link title: in double quotes, with the quotes and backslashes of the text escaped. */
    private static String title(String text) {
        return "\"" + text.replaceAll("\\s*\\R\\s*", " ").replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A GFM table: the first column (labels) aligned left, the numbers right. */
    static void appendTable(StringBuilder md, TableRows rows) {
        md.append('|');
        rows.header().forEach(h -> md.append(' ').append(escape(h)).append(" |"));
        md.append("\n|");
        for (int i = 0; i < rows.header().size(); i++) {
            md.append(i == 0 ? " :--- |" : " ---: |");
        }
        md.append('\n');
        for (List<String> row : rows.rows()) {
            md.append('|');
            row.forEach(v -> md.append(' ').append(escape(v)).append(" |"));
            md.append('\n');
        }
    }

    private static void appendBlocks(StringBuilder out, List<Block> blocks) {
        for (Block block : blocks) {
            out.append(block instanceof Prose prose ? prose.markdown() : ((CellBlock) block).markdown()).append("\n\n");
        }
    }

    private void frontMatter(StringBuilder out, String title) {
        ReportInfo info = report.info();
        out.append("---\n")
                .append("title: ").append(yamlString(title)).append('\n')
                .append("report: ").append(yamlString(info.title())).append('\n')
                .append("version: ").append(yamlString(info.version())).append('\n')
                .append("lang: ").append(yamlString(info.language())).append('\n')
                .append("---\n\n");
    }

    /** Text as Markdown that shows it literally, on one line. */
    public static String escape(String text) {
        return MarkdownOutputFormat.INSTANCE.escapePlainText(text.replaceAll("\\s*\\R\\s*", " "));
    }

    /** A YAML double-quoted scalar: JSON's string syntax, which YAML reads the same. */
    static String yamlString(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
