package org.threatreport.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import freemarker.template.TemplateException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.threatreport.aggregate.CellData;
import org.threatreport.chart.ChartFont;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Problem;
import org.threatreport.model.Cell;
import org.threatreport.model.CellKind;
import org.threatreport.model.Report;
import org.threatreport.model.ReportInfo;
import org.threatreport.render.Engines;
import org.threatreport.render.Heading;
import org.threatreport.render.Messages;
import org.threatreport.render.RenderedChapter;
import org.threatreport.render.TableRows;
import org.threatreport.render.TemplateProblems;
import org.threatreport.render.TemplateSet;
import org.threatreport.render.WholeReport;

/**
 * The report as one PDF: a cover, the abstract, the contents with page numbers, the list of figures
 * and tables, every chapter with its figures drawn as vector graphics from their SVG, and the
 * figures' numbers in an appendix; a running header (the report's and the chapter's title), page
 * numbers, bookmarks for every chapter and section, and the document's metadata. It is a tagged
 * PDF/UA-1 and PDF/A-2a file (headings, lists, tables with header cells, figures with their alt
 * text, the language) with the report's font embedded as a subset.
 *
 * <p>The site template lays it out: {@code pdf/layout.ftlh} (FreeMarker, HTML auto-escaped) with
 * {@code pdf/style.css} and {@code pdf/custom.css}, and a cover picture {@code pdf/cover.png} or
 * {@code pdf/cover.jpg} when it has one. Two builds of the same inputs make the same bytes: the dates
 * are the report's, the file's id a hash of what it shows.
 */
public final class PdfEdition {

    /** The PDF's name in the version folder. */
    public static final String FILE = "report.pdf";

    static final String LAYOUT = "pdf/layout.ftlh";
    static final String STYLE = "pdf/style.css";
    static final String CUSTOM_STYLE = "pdf/custom.css";
    static final List<String> COVERS = List.of("pdf/cover.png", "pdf/cover.jpg");
    /** Ids the built-in layout gives its own parts. */
    static final Set<String> LAYOUT_IDS = Set.of("contents", "contents-title", "figure-list", "figure-list-title",
            "figure-data", "figure-data-title");
    private static final String ABSTRACT_PAGE = "index.html";
    private static final String PRODUCER = "threat-report";
    /** The family the stylesheets know the PDF's font by, whichever font it is. */
    static final String FONT_FAMILY = "report-font";

    /**
     * A PDF made.
     *
     * @param font     the family of the font embedded
     * @param note     why that is not the charts' font, or empty
     * @param warnings what the layout engine found wrong (an image it could not load …), for the debug log
     */
    public record Made(byte[] bytes, int pages, String font, Optional<String> note, List<String> warnings) {

        public Made {
            warnings = List.copyOf(warnings);
        }
    }

    /** A figure or table as the list of figures and tables shows it. */
    public record Listed(String id, String label, String caption) {
    }

    /** A figure's numbers in the appendix. */
    public record FigureNumbers(String id, String label, String caption, TableRows rows) {
    }

    /** A chapter in the PDF, with the sections the contents list. */
    public record Part(String id, String titleId, String title, String html, List<Heading> sections) {
    }

    private final Engines engines;
    private final TemplateSet templates;
    private final Messages messages;
    private final ChartFont chartFont;

    /** @param chartFont the font the figures are drawn with; the PDF embeds it (see {@link PdfFont}) */
    public PdfEdition(Engines engines, TemplateSet templates, Messages messages, ChartFont chartFont) {
        this.engines = engines;
        this.templates = templates;
        this.messages = messages;
        this.chartFont = chartFont;
    }

    /**
     * Lays out and writes the PDF.
     *
     * @param abstractPage the rendered {@code index.md}, or null
     * @param cells        every cell's numbers, by id
     * @param figureFiles  the figures' files by path in the version folder ({@code figures/<id>.svg})
     * @param versionUrl   where the version is published ({@code https://…/2017/}), or empty when not known:
     *                     links to the site's other files then become plain text
     * @throws InputException for mistakes in the layout, or text no usable font can draw
     */
    public Made write(Report report, RenderedChapter abstractPage, List<RenderedChapter> chapters,
                      Map<String, CellData> cells, Map<String, byte[]> figureFiles, Optional<String> versionUrl)
            throws InputException, IOException {
        ReportInfo info = report.info();
        Cells cellParts = cells(abstractPage, chapters, cells);
        Set<String> reserved = new LinkedHashSet<>(LAYOUT_IDS);
        reserved.addAll(cellParts.dataIds().values());
        List<WholeReport.Part> parts = new ArrayList<>();
        if (abstractPage != null) {
            parts.add(new WholeReport.Part(ABSTRACT_PAGE, messages.get("site.abstract"), abstractPage.html()));
        }
        chapters.forEach(chapter -> parts.add(WholeReport.Part.of(chapter)));
        List<WholeReport.Section> sections = WholeReport.sections(parts, reserved, 0);
        List<WholeReport.Section> chapterSections = sections.subList(abstractPage == null ? 0 : 1, sections.size());
        // Which file each part comes from, to name it when its text has a character no font can draw.
        Map<String, Path> sources = new LinkedHashMap<>();
        if (abstractPage != null) {
            sources.put(sections.get(0).id(), abstractPage.chapter().file());
        }
        for (int i = 0; i < chapters.size(); i++) {
            sources.put(chapterSections.get(i).id(), chapters.get(i).chapter().file());
        }

        Map<String, Object> model = new HashMap<>();
        model.put("report", info);
        model.put("msg", messages.strings());
        model.put("abstract", abstractPage == null ? null : sections.get(0));
        model.put("chapters", parts(chapters, chapterSections));
        model.put("listed", cellParts.listed());
        model.put("figureData", cellParts.numbers());
        model.put("coverImage", cover());
        model.put("stylesheet", stylesheet(info));
        BookDocument book = BookDocument.of(layout(model), figureFiles, cellParts.dataIds(), cellParts.dataTitles(),
                versionUrl.map(u -> u.endsWith("/") ? u : u + "/"));
        PdfFont font = chooseFont(book.texts(sources.keySet()), sources);
        return render(book, info, font, figureFiles);
    }

    /**
     * What the PDF shows of the cells besides the chapters: the list of figures and tables (figures
     * first, each in the order of the text), the figures' numbers for the appendix, and the appendix's id
     * of each figure's numbers and what a link to them says.
     */
    private record Cells(List<Listed> listed, List<FigureNumbers> numbers, Map<String, String> dataIds,
                         Map<String, String> dataTitles) {
    }

    private Cells cells(RenderedChapter abstractPage, List<RenderedChapter> chapters, Map<String, CellData> cells) {
        List<Cell> inOrder = new ArrayList<>();
        if (abstractPage != null) {
            inOrder.addAll(abstractPage.chapter().cells());
        }
        chapters.forEach(chapter -> inOrder.addAll(chapter.chapter().cells()));
        List<Listed> listed = new ArrayList<>();
        for (CellKind kind : List.of(CellKind.FIGURE, CellKind.TABLE)) {
            inOrder.stream().filter(cell -> cell.kind() == kind)
                    .forEach(cell -> listed.add(new Listed(cell.id(), cell.label(), cell.caption())));
        }
        List<FigureNumbers> numbers = new ArrayList<>();
        Map<String, String> dataIds = new LinkedHashMap<>();
        Map<String, String> dataTitles = new LinkedHashMap<>();
        for (Cell cell : inOrder) {
            if (cell.kind() == CellKind.FIGURE && cells.containsKey(cell.id())) {
                String id = "data-" + cell.id();
                dataIds.put(cell.id(), id);
                dataTitles.put(cell.id(), messages.get("pdf.dataOf").replace("{0}", cell.label()));
                numbers.add(new FigureNumbers(id, cell.label(), cell.caption(), TableRows.of(cells.get(cell.id()), messages)));
            }
        }
        return new Cells(listed, numbers, dataIds, dataTitles);
    }

    /** The chapters as the document has them, each with its sections (its {@code h2} headings) for the contents. */
    private static List<Part> parts(List<RenderedChapter> chapters, List<WholeReport.Section> sections) {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < chapters.size(); i++) {
            WholeReport.Section section = sections.get(i);
            List<Heading> headings = chapters.get(i).headings().stream().filter(h -> h.level() == 2)
                    .map(h -> new Heading(h.level(), section.idOf(h.id()), h.text())).toList();
            parts.add(new Part(section.id(), section.titleId(), section.title(), section.html(), headings));
        }
        return parts;
    }

    private String cover() throws IOException {
        for (String name : COVERS) {
            if (templates.read(name) != null) {
                return name;
            }
        }
        return null;
    }

    /**
     * The PDF's stylesheets with the site's colours filled in, {@code --font} naming the PDF's font and the
     * words around page numbers from the messages.
     */
    private String stylesheet(ReportInfo info) throws IOException {
        CssVariables variables = new CssVariables();
        for (String site : List.of("assets/style.css", "assets/custom.css")) {
            byte[] sheet = templates.read(site);
            if (sheet != null) {
                variables.declare(new String(sheet, StandardCharsets.UTF_8));
            }
        }
        StringBuilder pdf = new StringBuilder();
        for (String name : List.of(STYLE, CUSTOM_STYLE)) {
            byte[] sheet = templates.read(name);
            if (sheet != null) {
                String text = new String(sheet, StandardCharsets.UTF_8);
                variables.declare(text);
                pdf.append(text).append('\n');
            }
        }
        variables.set("--font", CssText.quoted(FONT_FAMILY));
        variables.set("--report-title", CssText.quoted(info.title()));
        variables.set("--page-footer", CssText.pageCounter(messages.get("pdf.footer")));
        variables.set("--page-reference", CssText.targetCounter(messages.get("pdf.reference")));
        variables.set("--page-data", CssText.targetCounter(messages.get("pdf.dataAt")));
        return variables.resolve(CssVariables.withoutComments(pdf.toString()));
    }

    private String layout(Map<String, Object> model) throws InputException, IOException {
        try {
            StringWriter out = new StringWriter();
            engines.layouts().getTemplate(LAYOUT).process(model, out);
            return out.toString();
        } catch (TemplateException e) {
            throw InputException.of(TemplateProblems.ofLayout(templates, e));
        } catch (IOException e) {
            throw InputException.of(TemplateProblems.ofLayoutLoading(templates, e).orElseThrow(() -> e));
        }
    }

    /**
     * The font, able to draw every character of the PDF; otherwise the characters it lacks, by the
     * chapter they are in.
     */
    private PdfFont chooseFont(Map<String, String> texts, Map<String, Path> sources) throws InputException {
        Set<Integer> used = new TreeSet<>();
        texts.values().forEach(text -> text.codePoints().filter(PdfEdition::printed).forEach(used::add));
        try {
            return PdfFont.choose(chartFont, font -> used.stream().allMatch(font::canDisplay));
        } catch (IllegalStateException e) {
            List<Problem> problems = new ArrayList<>();
            texts.forEach((part, text) -> {
                Set<String> missing = new LinkedHashSet<>();
                text.codePoints().filter(PdfEdition::printed).filter(cp -> !chartFont.font().canDisplay(cp))
                        .forEach(cp -> missing.add(describe(cp)));
                if (!missing.isEmpty()) {
                    Path file = sources.getOrDefault(part, templates.projectDir().resolve(LAYOUT));
                    problems.add(Problem.error(file, "the PDF's font (" + chartFont.source() + ") cannot draw "
                            + String.join(", ", missing.stream().limit(10).toList())
                            + (missing.size() > 10 ? " and " + (missing.size() - 10) + " more" : "") + ". "
                            + PdfFont.FIXES));
                }
            });
            if (problems.isEmpty()) {
                problems.add(Problem.error(chartFont.file().orElse(templates.projectDir().resolve("fonts")),
                        e.getMessage()));
            }
            throw new InputException(problems);
        }
    }

    private static boolean printed(int codePoint) {
        return !Character.isWhitespace(codePoint) && !Character.isISOControl(codePoint)
                && Character.getType(codePoint) != Character.FORMAT && codePoint != 0xFEFF;
    }

    private static String describe(int codePoint) {
        return "'" + new String(Character.toChars(codePoint)) + "' (U+"
                + String.format(Locale.ROOT, "%04X", codePoint) + ")";
    }

    private Made render(BookDocument book, ReportInfo info, PdfFont font, Map<String, byte[]> figureFiles)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try (PDDocument document = new PDDocument(); PdfFont.Loaded fonts = font.load(document)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(document);
            builder.usePdfUaAccessibility(true);
            builder.usePdfAConformance(PdfAConformance.PDFA_2_A);
            builder.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
            for (String family : families(font)) {
                builder.useFont(new PDFontSupplier(fonts.regular()), family, 400, FontStyle.NORMAL, false);
                if (fonts.bold().isPresent()) {
                    builder.useFont(new PDFontSupplier(fonts.bold().get()), family, 700, FontStyle.NORMAL, false);
                }
            }
            builder.useSVGDrawer(new FigureDrawer(fonts.regular(), fonts.bold().orElse(fonts.regular())));
            ReportResources resources = new ReportResources(figureFiles, templates);
            builder.useUriResolver(resources);
            builder.useProtocolsStreamImplementation(resources, ReportResources.SCHEME);
            builder.useExternalResourceAccessControl((uri, type) -> true, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl(ReportResources::allowed, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.withProducer(PRODUCER);
            List<String> warnings = new ArrayList<>();
            builder.withDiagnosticConsumer(diagnostic -> {
                if (diagnostic.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(diagnostic.getFormattedMessage());
                }
            });
            // The layout engine would print its messages through java.util.logging, which Maven shows as they
            // come: they go to the diagnostics above instead. (A setting of the library, the same every time.)
            XRLog.setLoggerImpl(QUIET);
            builder.withW3cDocument(book.w3c(), ReportResources.BASE);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
            }
            // The id: what the document shows, and the font by name (its file's place differs between machines).
            Reproducible.finish(document, info, book.markup() + '\n' + font.regular().postScriptName() + '\n'
                    + font.regular().file().getFileName() + '\n' + font.bold().map(FontFiles.Face::postScriptName).orElse(""));
            document.save(out, CompressParameters.DEFAULT_COMPRESSION);
            return new Made(out.toByteArray(), document.getNumberOfPages(), font.family(), font.note(), warnings);
        }
    }

    /**
     * The stylesheets name the font by {@link #FONT_FAMILY} or by its own family; it is also every generic
     * family, so that text a stylesheet sets in {@code monospace} (code) or another font still has a font.
     */
    private static Set<String> families(PdfFont font) {
        return new LinkedHashSet<>(List.of(FONT_FAMILY, font.family(), "serif", "sans-serif", "monospace"));
    }

    /** Logs nothing: the layout engine's messages reach the build as diagnostics. */
    private static final XRLogger QUIET = new XRLogger() {
        @Override
        public void log(String where, Level level, String message) {
        }

        @Override
        public void log(String where, Level level, String message, Throwable error) {
        }

        @Override
        public void setLevel(String logger, Level level) {
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return false;
        }
    };

}
