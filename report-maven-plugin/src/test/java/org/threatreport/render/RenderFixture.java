package org.threatreport.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
import org.threatreport.model.Chapter;
import org.threatreport.model.Report;
import org.threatreport.model.ReportInfo;
import org.threatreport.model.ReportLoader;
import org.threatreport.config.RenderLimits;
import org.threatreport.testing.Strictly;

/**
 * A report of {@code src/test/resources/render/<case>/}, wired as {@code ReportBuild} wires the
 * render stage: data → report → table views → cell numbers → a {@link ChapterRenderer} with the
 * built-in site template. A case without its own {@code report.yaml} or data uses the golden one's.
 */
final class RenderFixture {

    static final Path BASE = Path.of("src/test/resources/render");
    static final Path GOLDEN_INPUT = BASE.resolve("golden/input");

    final Path contentDir;
    final Report report;
    final ChapterRenderer renderer;

    private RenderFixture(Path contentDir, Report report, ChapterRenderer renderer) {
        this.contentDir = contentDir;
        this.report = report;
        this.renderer = renderer;
    }

    static RenderFixture of(String name) throws Exception {
        return of(name, RenderLimits.DEFAULT);
    }

    static RenderFixture of(String name, RenderLimits limits) throws Exception {
        Path dir = BASE.resolve(name);
        Path contentDir = dir.resolve("content");
        Path dataDir = Files.isDirectory(dir.resolve("data")) ? dir.resolve("data") : GOLDEN_INPUT.resolve("data");
        Path infoDir = Files.exists(contentDir.resolve("report.yaml")) ? contentDir : GOLDEN_INPUT.resolve("content");
        ReportInfo info = Strictly.info(infoDir, "1.0");
        DataSet data = Strictly.data(dataDir, OptionalInt.of(info.year()));
        Report report = Strictly.report(contentDir, info, data);
        Map<String, TableView> tables = new TreeMap<>();
        Wording wording = Wording.forLanguage(info.language());
        data.inMemory().forEach((table, loaded) -> tables.put(table, TableView.of(loaded, wording, info.year())));
        CellComputer computer = new CellComputer(tables, info.language());
        Map<String, CellData> cells = new LinkedHashMap<>();
        report.cells().forEach((id, place) -> cells.put(id, computer.compute(place.cell())));
        TemplateSet templates = new TemplateSet(dir.resolve("site-template")); // absent: the built-in files
        Messages messages = Messages.load(templates, info.language());
        Engines engines = new Engines(Locale.forLanguageTag(info.language()), templates.loader());
        ChapterRenderer renderer = new ChapterRenderer(engines, templates, report, tables, cells, messages,
                dir.toAbsolutePath().normalize(), limits);
        return new RenderFixture(contentDir, report, renderer);
    }

    Chapter chapter(String slug) {
        return report.chapters().stream().filter(c -> c.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no chapter " + slug + " in " + contentDir));
    }

    RenderedChapter render(String slug) throws Exception {
        return renderer.render(chapter(slug));
    }
}
