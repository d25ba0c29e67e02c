package org.threatreport.render;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.threatreport.aggregate.CellComputer;
import org.threatreport.aggregate.CellData;
import org.threatreport.aggregate.TableView;
import org.threatreport.aggregate.Wording;
import org.threatreport.data.DataLoader;
import org.threatreport.data.DataSet;
import org.threatreport.model.Report;
import org.threatreport.model.ReportInfo;
import org.threatreport.model.ReportLoader;
import org.threatreport.config.RenderLimits;
import org.threatreport.testing.Strictly;

/**
 * The small report of {@code src/test/resources/portable/input/}, loaded and rendered as the build
 * does it (data → report → cell numbers → chapters), with the built-in site template: the input of the
 * golden tests of the portable Markdown and of the notebooks. Its expected files are in
 * {@code portable/expected/}; run with {@code -Dgolden.update=true} to rewrite them, then review the diff.
 */
public final class PortableFixture {

    public static final Path BASE = Path.of("src/test/resources/portable");
    public static final Path INPUT = BASE.resolve("input");
    public static final Path EXPECTED = BASE.resolve("expected");
    public static final boolean UPDATE = Boolean.getBoolean("golden.update");

    public final DataSet data;
    public final Report report;
    public final Map<String, CellData> cells;
    public final Messages messages;
    public final RenderedChapter abstractPage;
    public final List<RenderedChapter> chapters;
    public final PortableMarkdown markdown;

    private PortableFixture(DataSet data, Report report, Map<String, CellData> cells, Messages messages,
                            RenderedChapter abstractPage, List<RenderedChapter> chapters) {
        this.data = data;
        this.report = report;
        this.cells = cells;
        this.messages = messages;
        this.abstractPage = abstractPage;
        this.chapters = chapters;
        this.markdown = new PortableMarkdown(report, cells, messages);
    }

    public static PortableFixture load() throws Exception {
        return load(INPUT);
    }

    /** A report of {@code dir}'s {@code content/} and {@code data/}. */
    public static PortableFixture load(Path dir) throws Exception {
        ReportInfo info = Strictly.info(dir.resolve("content"), "1.0");
        DataSet data = Strictly.data(dir.resolve("data"), OptionalInt.of(info.year()));
        Report report = Strictly.report(dir.resolve("content"), info, data);
        Map<String, TableView> tables = new TreeMap<>();
        Wording wording = Wording.forLanguage(info.language());
        data.inMemory().forEach((name, table) -> tables.put(name, TableView.of(table, wording, info.year())));
        CellComputer computer = new CellComputer(tables, info.language());
        Map<String, CellData> cells = new LinkedHashMap<>();
        report.cells().forEach((id, place) -> cells.put(id, computer.compute(place.cell())));
        TemplateSet templates = new TemplateSet(dir.resolve("site-template"));
        Messages messages = Messages.load(templates, info.language());
        Engines engines = new Engines(Locale.forLanguageTag(info.language()), templates.loader());
        ChapterRenderer renderer = new ChapterRenderer(engines, templates, report, tables, cells, messages,
                dir.toAbsolutePath().normalize(), RenderLimits.DEFAULT);
        List<RenderedChapter> chapters = new ArrayList<>();
        for (var chapter : report.chapters()) {
            chapters.add(renderer.render(chapter));
        }
        RenderedChapter abstractPage = report.abstractPage() == null ? null : renderer.render(report.abstractPage());
        return new PortableFixture(data, report, cells, messages, abstractPage, List.copyOf(chapters));
    }

    public RenderedChapter chapter(String slug) {
        return chapters.stream().filter(c -> c.chapter().slug().equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no chapter " + slug));
    }

    /**
     * Compares {@code actual} with the expected file of that name, or rewrites it with
     * {@code -Dgolden.update=true}.
     */
    public static void assertGolden(String name, String actual) throws Exception {
        Path expected = EXPECTED.resolve(name);
        if (UPDATE) {
            Files.createDirectories(expected.getParent());
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            return;
        }
        org.junit.jupiter.api.Assertions.assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual,
                expected + " differs; if the change is intended, run with -Dgolden.update=true and review the diff");
    }
}
