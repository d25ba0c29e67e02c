package org.threatreport.preview;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.InputException;
import org.threatreport.pipeline.BuildContext;
import org.threatreport.diagnostic.Log;
import org.threatreport.pipeline.BuiltReport;
import org.threatreport.pipeline.Memo;
import org.threatreport.pipeline.ReportPipeline;
import org.threatreport.pipeline.StageTiming;
import org.threatreport.pipeline.Workers;

/**
 * The report as {@code site:serve} keeps it: {@code site:report}'s own stages, run again after each
 * change with a memo of the last build, so that each stage redoes only the work whose inputs changed —
 * a chapter is rendered again only when its text, its cells' numbers or what it read changed, a figure
 * drawn again only when its numbers did. The site it holds is the bytes {@code site:report} writes.
 * Not thread-safe: one thread builds.
 */
public final class LiveBuild implements AutoCloseable {

    /**
     * What a build did, for the log.
     *
     * @param first    whether it was the first build of the session
     * @param chapters the source files of the pages rendered again
     * @param figures  how many figures and tables got new files (new numbers or style)
     * @param files    how many files the site has
     */
    public record Update(boolean first, List<String> chapters, int figures, int files, long millis,
                         List<StageTiming> timings) {

        public Update {
            chapters = List.copyOf(chapters);
            timings = List.copyOf(timings);
        }

        public String describe() {
            return (first ? "Built everything" : "Rebuilt" + (chapters.isEmpty() ? "" : " " + String.join(", ", chapters)))
                    + " (" + figures + " figure(s) changed, " + files + " files) in " + millis + " ms";
        }

        /** Where the time went: {@code load content 12 ms, render 40 ms, …}. */
        public String breakdown() {
            return String.join(", ", timings.stream().map(t -> t.stage() + " " + t.millis() + " ms").toList());
        }
    }

    private final BuildOptions options;
    private final Log log;
    private final Path projectDir;
    private final ExecutorService workers = Workers.start("report-preview-render");
    private final Memo memo;
    private Map<String, byte[]> files = Map.of();
    private boolean built;

    public LiveBuild(BuildOptions options, Log log) {
        this.options = options;
        this.log = log;
        this.projectDir = options.projectDir().toAbsolutePath().normalize();
        this.memo = Memo.inMemory(options.cacheDir());
    }

    /** Every file of the last good build, by path relative to the version folder; empty before one. */
    public Map<String, byte[]> files() {
        return files;
    }

    /**
     * Builds the report as {@code site:report} does (without writing it), reusing what the last build
     * made of inputs that did not change.
     *
     * @throws InputException for mistakes in the project's files; the last good build is kept
     */
    public Update build() throws Exception {
        long start = System.nanoTime();
        // After the first build the stages log at debug level only: a rebuild logs one line.
        BuildContext context = BuildContext.preview(options, workers, built ? quiet(log) : log, memo);
        ReportPipeline pipeline = new ReportPipeline(context);
        BuiltReport report;
        try {
            report = pipeline.run();
        } catch (Exception e) {
            memo.forgetUse();
            throw e;
        }
        memo.keepOnlyUsed();
        context.problems().list().forEach(warning -> log.warn(warning.format(projectDir)));
        files = report.files();
        boolean first = !built;
        built = true;
        List<String> chapters = pipeline.rendered().stream()
                .map(file -> projectDir.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/'))
                .sorted().toList();
        return new Update(first, chapters, pipeline.drawn().size(), files.size(),
                (System.nanoTime() - start) / 1_000_000, report.timings());
    }

    private static Log quiet(Log log) {
        return new Log() {
            @Override
            public void info(String message) {
                log.debug(message);
            }

            @Override
            public void debug(String message) {
                log.debug(message);
            }
        };
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
