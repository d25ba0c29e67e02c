package org.threatreport.check;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import org.threatreport.aggregate.Wording;
import org.threatreport.config.BuildOptions;
import org.threatreport.data.DataTable;
import org.threatreport.diagnostic.Problem;
import org.threatreport.model.Chapter;
import org.threatreport.pipeline.BuildContext;
import org.threatreport.diagnostic.Log;
import org.threatreport.pipeline.BuiltReport;
import org.threatreport.pipeline.ReportPipeline;
import org.threatreport.pipeline.Stages;
import org.threatreport.pipeline.Workers;
import org.threatreport.render.InlineValue;
import org.threatreport.render.RenderedChapter;

/**
 * {@code site:check}: the stages of a build, lenient — every problem of every file is reported, a
 * stage with mistakes does not stop the rest — and without drawing figures or writing anything. On
 * top of what a build checks, it looks for broken links, figures and tables the text never refers
 * to, numbers typed by hand that equal a computed value, and spaces between Chinese characters as
 * the page reads (warnings).
 */
public final class ReportCheck {

    private final BuildOptions options;
    private final Log log;

    public ReportCheck(BuildOptions options, Log log) {
        this.options = options;
        this.log = log;
    }

    /**
     * @return every finding, errors and warnings, sorted by file and position
     * @throws Exception for faults of the machine or of this plugin, never for mistakes in the project
     */
    public CheckResult run() throws Exception {
        ExecutorService workers = Workers.start("report-check");
        ReportPipeline pipeline = null;
        try {
            BuildContext context = BuildContext.check(options, workers, log);
            pipeline = new ReportPipeline(context);
            BuiltReport built = pipeline.run();
            List<Problem> found = new ArrayList<>(context.problems().list());
            if (built.report() != null) {
                new Stages(context).run("links", () -> checkText(built, incompleteTables(built, found), found),
                        n -> "Checked links, references, typed numbers and spacing");
            }
            return new CheckResult(found);
        } finally {
            if (pipeline != null) {
                pipeline.closeConnections();
            }
            workers.shutdownNow();
        }
    }

    /** Tables whose files have problems: their numbers are incomplete, so they are not compared with the text. */
    private static Set<String> incompleteTables(BuiltReport built, List<Problem> problems) {
        Set<Path> files = new HashSet<>();
        problems.forEach(p -> files.add(p.file().toAbsolutePath().normalize()));
        Set<String> incomplete = new HashSet<>();
        for (DataTable table : built.data().all()) {
            if (files.contains(table.schema().dataFile().toAbsolutePath().normalize())
                    || files.contains(table.schema().schemaFile().toAbsolutePath().normalize())) {
                incomplete.add(table.name());
            }
        }
        return incomplete;
    }

    /** Links, references and typed numbers of every page and of the project's own layouts. */
    private int checkText(BuiltReport built, Set<String> incomplete, List<Problem> found) throws Exception {
        Links links = new Links(built.files(), built.failedPages(), options.versionDir());
        Set<String> referred = new HashSet<>();
        Map<String, DataTable> complete = new TreeMap<>(built.data().tables());
        complete.keySet().removeAll(incomplete);
        TypedNumbers numbers = new TypedNumbers(ComputedValues.of(complete, built.tables()));
        for (Chapter page : References.pages(built.report())) {
            ProseText text = ProseText.of(page.template());
            List<Links.Link> pageLinks = Links.ofChapter(page, text);
            pageLinks.forEach(link -> links.check(link, page.pageName(), found));
            References.collect(text, pageLinks, referred);
            numbers.check(page, text, found);
            RenderedChapter rendered = built.pages().get(page.pageName());
            ChineseSpacing.check(page, text, rendered == null ? List.of() : rendered.values(),
                    id -> built.report().cell(id).map(place -> place.cell().label()).orElse(null), found);
        }
        for (Path template : built.ownLayouts()) {
            String text = Files.readString(template, StandardCharsets.UTF_8);
            Links.ofTemplate(template, text).forEach(link -> links.check(link, null, found));
        }
        References.check(built.report(), referred, found);
        tooFewInProse(built, found);
        return referred.size();
    }

    /** Shares of fewer rows than min-n that the prose prints: the text says "too few to show" there. */
    private static void tooFewInProse(BuiltReport built, List<Problem> found) {
        for (RenderedChapter page : built.pages().values()) {
            for (InlineValue value : page.values()) {
                if (Wording.isTooFew(value.value())) {
                    found.add(Findings.warning(page.chapter().file(), value.line(), value.column(), "${"
                            + value.expression() + "} is a share of fewer rows than min-n: the text prints \""
                            + value.value() + "\" instead of a percentage; say it in words, or leave the share out"));
                }
            }
        }
    }
}
