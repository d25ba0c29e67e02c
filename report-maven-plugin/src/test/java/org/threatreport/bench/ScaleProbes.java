package org.threatreport.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Log;
import org.threatreport.pipeline.BuildResult;
import org.threatreport.pipeline.ReportBuild;
import org.threatreport.pipeline.StageTiming;
import org.threatreport.preview.LiveBuild;

/**
 * The measured work of the scaling benchmark, run in a child JVM started by {@link ScaleBenchmark}
 * so that "cold" really means a fresh JVM. Prints one {@link ProbeLine} per measurement.
 *
 * <ul>
 *   <li>{@code build DIR VERSION WARMUPS ROUNDS [pdf]}: {@link ReportBuild#run} of the project in DIR (with
 *       its PDF when {@code pdf} is given), into a
 *       fresh output folder and figure cache each time (every figure is drawn); per stage its wall
 *       time, CPU time and peak heap: {@code BUILD ms=… cpu_ms=… heap_mb=… stage.render=… cpu.render=… heap.render=…}.</li>
 *   <li>{@code rebuild DIR VERSION CHAPTER MARKER WARMUPS EDITS}: {@code site:serve}'s {@link LiveBuild}: a
 *       full build, then one edit after another of one chapter ({@code MARKER} gets a new suffix),
 *       each rebuilt: {@code REBUILD ms=… cpu_ms=… full=false stage.render=…}. The chapter is
 *       restored at the end.</li>
 * </ul>
 */
final class ScaleProbes {

    private ScaleProbes() {
    }

    static void run(List<String> args) throws Exception {
        Path project = Path.of(args.get(1));
        String version = args.get(2);
        switch (args.get(0)) {
            case "build" -> build(project, version, Integer.parseInt(args.get(3)), Integer.parseInt(args.get(4)),
                    args.size() > 5 && args.get(5).equals("pdf"));
            case "rebuild" -> rebuild(project, version, project.resolve(args.get(3)), args.get(4),
                    Integer.parseInt(args.get(5)), Integer.parseInt(args.get(6)));
            default -> throw new IllegalArgumentException("unknown probe " + args.get(0));
        }
    }

    // ---- whole builds -------------------------------------------------------------------------------

    private static void build(Path project, String version, int warmups, int rounds, boolean pdf) throws Exception {
        Path work = project.resolve("target/probe-" + ProcessHandle.current().pid());
        try {
            for (int round = -warmups; round < rounds; round++) {
                Path output = work.resolve("site-" + (round + warmups));
                Path cache = work.resolve("cache-" + (round + warmups));
                BuildOptions options = new BuildOptions(project, project.resolve("content"), project.resolve("data"),
                        project.resolve("site-template"), output, cache, version, Optional.empty()).withPdf(pdf);
                // A fresh JVM starts with what it was given; later rounds start from the live data alone.
                StageMeter meter = new StageMeter(round > -warmups);
                long c0 = Probes.cpuNanos();
                long t0 = System.nanoTime();
                BuildResult result = new ReportBuild(options, meter).run();
                long t1 = System.nanoTime();
                long c1 = Probes.cpuNanos();
                if (round >= 0) {
                    System.out.println(buildLine(result, meter, t1 - t0, c1 - c0));
                }
                Probes.deleteTree(output);
                Probes.deleteTree(cache);
            }
        } finally {
            Probes.deleteTree(work);
        }
    }

    private static String buildLine(BuildResult result, StageMeter meter, long nanos, long cpuNanos) {
        List<StageTiming> timings = result.timings();
        if (timings.size() != meter.stages().size()) {
            throw new IllegalStateException("the build logged " + meter.stages().size() + " stage lines for "
                    + timings.size() + " stages: a stage line per stage is what this probe relies on");
        }
        StringBuilder line = new StringBuilder("BUILD ms=" + Probes.ms(nanos) + " cpu_ms=" + Probes.ms(cpuNanos)
                + " heap_mb=" + Probes.mb(meter.peakOfAll()) + " files=" + result.files() + " figures=" + result.figures()
                + " chapters=" + result.chapters());
        for (int i = 0; i < timings.size(); i++) {
            String key = stageKey(timings.get(i).stage());
            StageMeter.Stage stage = meter.stages().get(i);
            line.append(" stage.").append(key).append('=').append(timings.get(i).millis())
                    .append(" cpu.").append(key).append('=').append(Probes.ms(stage.cpuNanos()))
                    .append(" heap.").append(key).append('=').append(Probes.mb(stage.peakHeap()));
        }
        return line.toString();
    }

    /** A stage's name as a key of a probe line: {@code search index} → {@code search_index}. */
    static String stageKey(String stage) {
        return stage.replace(' ', '_');
    }

    /**
     * A build log that, at each stage's closing line ({@code Stages} logs one as each stage ends),
     * notes the heap's peak and the process's CPU time since the previous one. Peak heap: the sum of
     * the heap pools' peaks, an upper bound (see {@link Probes#peakHeap}).
     */
    private static final class StageMeter implements Log {

        record Stage(long cpuNanos, long peakHeap) {
        }

        private final List<Stage> stages = new ArrayList<>();
        private long peakOfAll;
        private long cpuMark;

        StageMeter(boolean collectFirst) {
            Probes.resetPeaks(collectFirst);
            cpuMark = Probes.cpuNanos();
        }

        @Override
        public void info(String message) {
            long cpu = Probes.cpuNanos();
            long peak = Probes.peakHeap();
            stages.add(new Stage(cpu - cpuMark, peak));
            peakOfAll = Math.max(peakOfAll, peak);
            Probes.resetPeaks(false);
            cpuMark = Probes.cpuNanos();
        }

        @Override
        public void debug(String message) {
        }

        List<Stage> stages() {
            return stages;
        }

        long peakOfAll() {
            return peakOfAll;
        }
    }

    // ---- site:serve's rebuild after a one-chapter edit ---------------------------------------------

    private static void rebuild(Path project, String version, Path chapter, String marker, int warmups, int edits)
            throws Exception {
        String original = Files.readString(chapter, StandardCharsets.UTF_8);
        if (!original.contains(marker)) {
            throw new IllegalArgumentException(chapter + " does not contain '" + marker + "'");
        }
        try (LiveBuild live = new LiveBuild(BuildOptions.conventional(project, version), Log.silent())) {
            long t0 = System.nanoTime();
            live.build();
            System.out.println("LIVE build_ms=" + Probes.ms(System.nanoTime() - t0) + " files=" + live.files().size());
            for (int i = 0; i < warmups + edits; i++) {
                Files.writeString(chapter, original.replace(marker, marker + "（第 " + i + " 稿）"),
                        StandardCharsets.UTF_8);
                long c0 = Probes.cpuNanos();
                LiveBuild.Update update = live.build();
                long cpu = Probes.cpuNanos() - c0;
                if (i >= warmups) {
                    StringBuilder line = new StringBuilder("REBUILD ms=" + update.millis() + " cpu_ms=" + Probes.ms(cpu)
                            + " full=" + update.first() + " pages=" + update.chapters().size());
                    update.timings().forEach(t -> line.append(" stage.").append(stageKey(t.stage())).append('=')
                            .append(t.millis()));
                    System.out.println(line);
                }
            }
        } finally {
            Files.writeString(chapter, original, StandardCharsets.UTF_8);
        }
    }
}
