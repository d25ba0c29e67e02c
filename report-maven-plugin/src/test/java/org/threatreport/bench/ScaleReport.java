package org.threatreport.bench;

import static org.threatreport.bench.Stat.num;
import static org.threatreport.bench.Stat.ratio;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.threatreport.bench.ScaleBenchmark.Axis;
import org.threatreport.bench.ScaleBenchmark.Measured;
import org.threatreport.bench.ScaleBenchmark.Project;

/**
 * The scaling benchmark's results as Markdown: a table per axis (cold and warm time per stage, peak
 * heap and cores per stage, the peers and the ratios to them), the flagship report, the rebuilds of
 * {@code site:serve}, the targets, and how cost grows — exponents fitted between sizes, and the
 * sentences that say what they mean — all computed from the measurements.
 */
final class ScaleReport {

    /** Below this a median is too small to fit an exponent to (timer and scheduling noise). */
    private static final double NOISE_MS = 5;
    /** Growth exponents read as linear between these bounds. */
    private static final double LINEAR_LOW = 0.85;
    private static final double LINEAR_HIGH = 1.15;
    /** Below this a stage hardly grows at all. */
    private static final double FLAT = 0.15;
    private static final String[] RENDERING_STAGES = {"render", "pages"};

    private final ScaleBenchmark bench;
    final Map<String, Measured> measured = new LinkedHashMap<>();
    final Map<Axis, List<Project>> axisPoints = new EnumMap<>(Axis.class);
    Measured flagship;
    List<Double> mavenStartup = List.of();
    Path pluginJar;
    FileTime pluginInstalledAt;
    /** Whether someone installed the plugin again during the run. */
    boolean pluginReplaced;
    String loadBefore;
    String loadAfter;
    double minutes;

    ScaleReport(ScaleBenchmark bench) {
        this.bench = bench;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(LocalDate.now(ZoneOffset.UTC)).append(" with `").append(bench.command)
                .append("` (").append(bench.runs).append(" runs of each measurement; the whole run took ")
                .append(String.format(Locale.ROOT, "%.0f", minutes)).append(" min).\n\n");
        md.append("""
                Cold: `ReportBuild.run` in a fresh JVM (`java -Xmx%s`) per run, into an empty output folder and \
                figure cache (every figure drawn); the time of the call alone, class loading and JIT warm-up \
                included. Warm: the same in one JVM after %d unmeasured builds. `mvn -q site:report`: the whole \
                command in the generated project after `rm -rf target` (Maven start-up, plugin resolution and \
                the JVM's warm-up included), with the installed plugin. Times are wall-clock ms, median (min–max). \
                Growth: the exponent k of time ∝ size^k fitted between two sizes (1 = linear; — where both \
                medians are under %s ms).
                """.formatted(bench.heap, 2, num(NOISE_MS)));
        for (Axis axis : Axis.values()) {
            if (axisPoints.containsKey(axis)) {
                axis(md, axis);
            }
        }
        if (flagship != null) {
            flagshipSection(md);
        }
        pdfSection(md);
        rebuilds(md);
        targets(md);
        growth(md);
        machine(md);
        return md.toString();
    }

    // ---- one axis -----------------------------------------------------------------------------------

    private void axis(StringBuilder md, Axis axis) {
        List<Project> points = axisPoints.get(axis);
        List<Measured> ms = points.stream().map(p -> measured.get(p.name())).toList();
        List<Integer> sizes = sizes(axis);
        Project first = points.get(0);
        md.append("\n### ").append(capitalised(axis.word)).append(": ")
                .append(String.join(", ", sizes.stream().map(n -> String.format(Locale.ROOT, "%,d", n)).toList()))
                .append(" (").append(others(axis, first.size())).append(")\n\n");
        md.append("Projects: ").append(String.join(", ", points.stream().map(p -> "`" + p.name() + "`").toList()))
                .append(" (incidents, chapters, figures), generated under `target/scale/projects/`.\n\n");

        md.append("Cold, per stage:\n\n");
        header(md, axis, sizes, true);
        for (String stage : stages(ms.get(0))) {
            row(md, words(stage), ms, m -> m.cold, "stage." + stage, sizes);
        }
        row(md, "**whole build (`ReportBuild.run`)**", ms, m -> m.cold, "ms", sizes);
        timeRow(md, "whole build, warm", ms, m -> m.warm.isEmpty() ? null : Stat.of(m.warm, "ms"), sizes);
        timeRow(md, "**`mvn -q site:report`** (Maven start-up included)", ms,
                m -> m.mvn.isEmpty() ? null : Stat.of(m.mvn), sizes);
        if (axis == Axis.INCIDENTS) {
            timeRow(md, "pandas: `read_csv` + the same checks, cold", ms,
                    m -> m.pandas.isEmpty() ? null : Stat.of(m.pandas, "load_ms"), sizes);
            ratioRow(md, "load data ÷ pandas (cold)", ms, m -> m.pandas.isEmpty() ? Double.NaN
                    : Stat.of(m.cold, "stage.load_data").median() / Stat.of(m.pandas, "load_ms").median(), sizes);
        }
        if (axis == Axis.CHAPTERS) {
            timeRow(md, "Hugo: `hugo --quiet`, the same pages (every chapter in a sidebar)", ms,
                    m -> m.hugo.isEmpty() ? null : Stat.of(m.hugo), sizes);
            timeRow(md, "Hugo, the pages without the sidebar", ms,
                    m -> m.hugoPlain.isEmpty() ? null : Stat.of(m.hugoPlain), sizes);
            ratioRow(md, "`mvn site:report` ÷ Hugo", ms, m -> hugoRatio(Stat.of(m.mvn).median(), m.hugo), sizes);
            ratioRow(md, "render + pages, cold ÷ Hugo", ms, m -> hugoRatio(rendering(m.cold), m.hugo), sizes);
            ratioRow(md, "render + pages, warm ÷ Hugo", ms, m -> hugoRatio(rendering(m.warm), m.hugo), sizes);
            ratioRow(md, "`mvn site:report` ÷ Hugo without the sidebar", ms,
                    m -> hugoRatio(Stat.of(m.mvn).median(), m.hugoPlain), sizes);
            ratioRow(md, "render + pages, cold ÷ Hugo without the sidebar", ms,
                    m -> hugoRatio(rendering(m.cold), m.hugoPlain), sizes);
        }

        md.append("\nWarm, per stage (median of ").append(bench.runs).append(" builds):\n\n");
        header(md, axis, sizes, true);
        for (String stage : stages(ms.get(0))) {
            medianRow(md, words(stage), ms, m -> m.warm, "stage." + stage, sizes);
        }
        medianRow(md, "**whole build**", ms, m -> m.warm, "ms", sizes);

        md.append("\nPeak heap in MB (cold) · cores kept busy (CPU time ÷ wall time, warm: in a cold JVM the JIT "
                + "compiler's own threads would count too), per stage, medians:\n\n");
        header(md, axis, sizes, false);
        for (String stage : stages(ms.get(0))) {
            heapRow(md, words(stage), ms, "heap." + stage, "cpu." + stage, "stage." + stage);
        }
        heapRow(md, "**whole build**", ms, "heap_mb", "cpu_ms", "ms");
    }

    private void header(StringBuilder md, Axis axis, List<Integer> sizes, boolean growth) {
        md.append("| stage |");
        sizes.forEach(n -> md.append(' ').append(sizeLabel(axis, n)).append(" |"));
        if (growth) {
            for (int i = 1; i < sizes.size(); i++) {
                md.append(" growth ").append(String.format(Locale.ROOT, "%,d→%,d", sizes.get(i - 1), sizes.get(i))).append(" |");
            }
        }
        md.append("\n|---|");
        md.append("---:|".repeat(sizes.size() + (growth ? sizes.size() - 1 : 0)));
        md.append('\n');
    }

    private interface Lines {
        List<ProbeLine> of(Measured m);
    }

    private interface Times {
        Stat of(Measured m);
    }

    private void row(StringBuilder md, String name, List<Measured> ms, Lines lines, String key, List<Integer> sizes) {
        timeRow(md, name, ms, m -> lines.of(m).isEmpty() ? null : Stat.of(lines.of(m), key), sizes);
    }

    private void timeRow(StringBuilder md, String name, List<Measured> ms, Times times, List<Integer> sizes) {
        List<Stat> stats = ms.stream().map(times::of).toList();
        md.append("| ").append(name).append(" |");
        stats.forEach(s -> md.append(' ').append(s == null ? "—" : s.ms()).append(" |"));
        growthCells(md, stats.stream().map(s -> s == null ? Double.NaN : s.median()).toList(), sizes);
        md.append('\n');
    }

    private void medianRow(StringBuilder md, String name, List<Measured> ms, Lines lines, String key,
                           List<Integer> sizes) {
        List<Double> medians = ms.stream().map(m -> lines.of(m).isEmpty() ? Double.NaN
                : Stat.of(lines.of(m), key).median()).toList();
        md.append("| ").append(name).append(" |");
        medians.forEach(v -> md.append(' ').append(Double.isNaN(v) ? "—" : num(v)).append(" |"));
        growthCells(md, medians, sizes);
        md.append('\n');
    }

    private void ratioRow(StringBuilder md, String name, List<Measured> ms, ToDoubleFunction<Measured> ratio,
                          List<Integer> sizes) {
        md.append("| ").append(name).append(" |");
        ms.forEach(m -> {
            double r = ratio.applyAsDouble(m);
            md.append(' ').append(Double.isNaN(r) ? "—" : ratio(r)).append(" |");
        });
        md.append(" |".repeat(sizes.size() - 1)).append('\n');
    }

    private void heapRow(StringBuilder md, String name, List<Measured> ms, String heapKey, String cpuKey, String wallKey) {
        md.append("| ").append(name).append(" |");
        for (Measured m : ms) {
            double heap = Stat.of(m.cold, heapKey).median();
            md.append(' ').append(num(heap)).append(" · ").append(cores(m.warm, cpuKey, wallKey)).append(" |");
        }
        md.append('\n');
    }

    private void growthCells(StringBuilder md, List<Double> medians, List<Integer> sizes) {
        for (int i = 1; i < sizes.size(); i++) {
            double k = exponent(medians.get(i - 1), medians.get(i), sizes.get(i - 1), sizes.get(i));
            md.append(' ').append(Double.isNaN(k) ? "—" : String.format(Locale.ROOT, "%.2f", k)).append(" |");
        }
    }

    private static double hugoRatio(double ours, List<Double> hugo) {
        return hugo.isEmpty() ? Double.NaN : ours / Stat.of(hugo).median();
    }

    /** CPU time ÷ wall time of the medians: how many of the machine's cores the stage kept busy. */
    private static String cores(List<ProbeLine> lines, String cpuKey, String wallKey) {
        double wall = Stat.of(lines, wallKey).median();
        return wall < NOISE_MS ? "—" : String.format(Locale.ROOT, "%.1f", Stat.of(lines, cpuKey).median() / wall);
    }

    /** The time of the rendering stages (FreeMarker and flexmark, then the pages), median of the sums. */
    private static double rendering(List<ProbeLine> lines) {
        return renderingSum(lines, "stage.");
    }

    private static double renderingCpu(List<ProbeLine> lines) {
        return renderingSum(lines, "cpu.");
    }

    /** The median over the lines of the rendering stages' values under {@code prefix} (wall or CPU time). */
    private static double renderingSum(List<ProbeLine> lines, String prefix) {
        return Stat.of(lines.stream().map(l -> {
            double sum = 0;
            for (String stage : RENDERING_STAGES) {
                sum += l.num(prefix + stage);
            }
            return sum;
        }).toList()).median();
    }

    /** The stage keys of a build line, in build order. */
    private static List<String> stages(Measured m) {
        return m.cold.get(0).values().keySet().stream().filter(k -> k.startsWith("stage."))
                .map(k -> k.substring("stage.".length())).toList();
    }

    /** k in time ∝ size^k between two sizes; NaN when both times are within the noise. */
    static double exponent(double t1, double t2, double n1, double n2) {
        if (Double.isNaN(t1) || Double.isNaN(t2) || (t1 < NOISE_MS && t2 < NOISE_MS) || t1 <= 0 || t2 <= 0) {
            return Double.NaN;
        }
        return Math.log(t2 / t1) / Math.log(n2 / n1);
    }

    private static String shape(double k) {
        if (Double.isNaN(k)) {
            return "too small to tell";
        }
        if (k < FLAT) {
            return "flat: it does not grow with this axis";
        }
        return k < LINEAR_LOW ? "sub-linear: fixed costs still dominate" : k <= LINEAR_HIGH ? "linear" : "faster than linear";
    }

    // ---- the flagship and the rebuilds --------------------------------------------------------------

    private void flagshipSection(StringBuilder md) {
        md.append("\n### The 2017 flagship report (199 incidents, 4 chapters, 8 figures)\n\n");
        md.append("| measurement | median (min–max) ms |\n|---|---:|\n");
        md.append("| **`mvn -q site:report`** (Maven start-up included; `-Dreport.pdf=false`) | ").append(Stat.of(flagship.mvn).ms()).append(" |\n");
        if (!flagship.mvnPdf.isEmpty()) {
            md.append("| **`mvn -q site:report`** with the PDF (the default) | ").append(Stat.of(flagship.mvnPdf).ms()).append(" |\n");
        }
        md.append("| `mvn -q validate` in the same project (Maven's start-up alone, no plugin) | ")
                .append(Stat.of(mavenStartup).ms()).append(" |\n");
        md.append("| `ReportBuild.run`, cold | ").append(Stat.of(flagship.cold, "ms").ms()).append(" |\n");
        md.append("| **`ReportBuild.run`, warm** (the plugin's own work) | ").append(Stat.of(flagship.warm, "ms").ms()).append(" |\n");
        md.append("\n| stage | cold | warm | peak heap MB (cold) · cores (warm) |\n|---|---:|---:|---:|\n");
        for (String stage : stages(flagship)) {
            md.append("| ").append(words(stage)).append(" | ").append(Stat.of(flagship.cold, "stage." + stage).ms())
                    .append(" | ").append(num(Stat.of(flagship.warm, "stage." + stage).median())).append(" | ")
                    .append(num(Stat.of(flagship.cold, "heap." + stage).median())).append(" · ")
                    .append(cores(flagship.warm, "cpu." + stage, "stage." + stage)).append(" |\n");
        }
    }

    private void rebuilds(StringBuilder md) {
        Map<String, Measured> withRebuilds = new LinkedHashMap<>();
        if (flagship != null && !flagship.rebuild.isEmpty()) {
            withRebuilds.put("flagship", flagship);
        }
        measured.forEach((name, m) -> {
            if (!m.rebuild.isEmpty()) {
                withRebuilds.put(name, m);
            }
        });
        if (withRebuilds.isEmpty()) {
            return;
        }
        md.append("\n### `site:serve`: rebuild after a one-chapter edit\n\n");
        md.append("`LiveBuild` as `site:serve` runs it: a full build, then ").append(bench.edits)
                .append(" edits of one chapter (each a new sentence in its text) after 5 unmeasured ones, each rebuilt.\n\n");
        md.append("| project | full build ms | rebuild ms, median (min–max) | CPU ms | incremental | where the median rebuild's time goes (ms) |\n")
                .append("|---|---:|---:|---:|---|---|\n");
        withRebuilds.forEach((name, m) -> {
            List<String> keys = m.rebuild.get(0).values().keySet().stream().filter(k -> k.startsWith("stage.")).toList();
            List<String> parts = new ArrayList<>();
            for (String key : keys) {
                parts.add(words(key.substring(6)) + " " + num(Stat.of(m.rebuild, key).median()));
            }
            long full = m.rebuild.stream().filter(l -> l.values().get("full").equals("true")).count();
            md.append("| `").append(name).append("` | ").append(num(m.live.num("build_ms"))).append(" | ")
                    .append(Stat.of(m.rebuild, "ms").ms()).append(" | ").append(num(Stat.of(m.rebuild, "cpu_ms").median()))
                    .append(" | ").append(full == 0 ? "yes" : full + " of " + m.rebuild.size() + " rebuilt fully")
                    .append(" | ").append(String.join(", ", parts)).append(" |\n");
        });
    }

    // ---- targets ------------------------------------------------------------------------------------

    private void targets(StringBuilder md) {
        md.append("\n### Targets (2-core machine)\n\n| target | measured | met |\n|---|---|---|\n");
        Measured chapters = largest(Axis.CHAPTERS);
        if (chapters != null) {
            String n = String.format(Locale.ROOT, "%,d", ScaleBenchmark.last(sizes(Axis.CHAPTERS)));
            if (chapters.hugo.isEmpty()) {
                md.append("| ").append(n).append(" chapters: Hugo targets | Hugo is not installed | not measured |\n");
            } else {
                double hugo = Stat.of(chapters.hugo).median();
                double plain = Stat.of(chapters.hugoPlain).median();
                double mvn = Stat.of(chapters.mvn).median();
                target(md, n + " chapters: whole `mvn site:report` ≤ 3 × `hugo --quiet` (Maven start-up included)",
                        ratio(mvn / hugo) + " (" + num(mvn) + " ms ÷ " + num(hugo) + " ms; " + ratio(mvn / plain)
                                + " of Hugo without the sidebar)", mvn / hugo <= 3);
                double rendering = rendering(chapters.cold);
                target(md, n + " chapters: rendering stages (render + pages), cold, ≤ 1.5 × Hugo",
                        ratio(rendering / hugo) + " (" + num(rendering) + " ms; " + ratio(rendering / plain)
                                + " of Hugo without the sidebar)", rendering / hugo <= 1.5);
            }
            double cores = renderingCpu(chapters.warm) / rendering(chapters.warm);
            target(md, n + " chapters: rendering stages use both cores (CPU time ÷ wall time ≥ 1.5, warm)",
                    String.format(Locale.ROOT, "%.2f", cores), cores >= 1.5);
            if (!chapters.rebuild.isEmpty()) {
                double rebuild = Stat.of(chapters.rebuild, "ms").median();
                target(md, n + " chapters: `site:serve` rebuild after a one-chapter edit < 200 ms", num(rebuild) + " ms",
                        rebuild < 200);
            }
        }
        Measured figures = largest(Axis.FIGURES);
        if (figures != null) {
            List<Integer> sizes = sizes(Axis.FIGURES);
            String n = String.format(Locale.ROOT, "%,d", ScaleBenchmark.last(sizes));
            double drawing = Stat.of(figures.cold, "stage.figures").median();
            target(md, n + " figures: figures stage (SVG + PNG) < 20 s, cold", num(drawing) + " ms", drawing < 20_000);
            Measured before = measured.get(axisPoints.get(Axis.FIGURES).get(sizes.size() - 2).name());
            double n1 = sizes.get(sizes.size() - 2);
            double n2 = ScaleBenchmark.last(sizes);
            double coldK = exponent(Stat.of(before.cold, "stage.figures").median(), drawing, n1, n2);
            double warmK = exponent(Stat.of(before.warm, "stage.figures").median(),
                    Stat.of(figures.warm, "stage.figures").median(), n1, n2);
            target(md, "figures stage linear from " + sizes.get(sizes.size() - 2) + " to " + n
                    + " figures (growth exponent ≤ " + LINEAR_HIGH + ", cold and warm)",
                    fixed(coldK) + " cold, " + fixed(warmK) + " warm", coldK <= LINEAR_HIGH && warmK <= LINEAR_HIGH);
        }
        if (flagship != null) {
            double mvn = Stat.of(flagship.mvn).median();
            target(md, "flagship: whole `mvn site:report` < 4 s (without the PDF)", num(mvn) + " ms", mvn < 4000);
            if (!flagship.mvnPdf.isEmpty()) {
                double withPdf = Stat.of(flagship.mvnPdf).median();
                target(md, "flagship: whole `mvn site:report` with the PDF ≤ 1.5 × without", ratio(withPdf / mvn),
                        withPdf <= 1.5 * mvn);
                double pdfWarm = Stat.of(flagship.pdfWarm, "stage.pdf").median();
                target(md, "flagship: the PDF stage < 1.5 s, warm", num(pdfWarm) + " ms", pdfWarm < 1500);
            }
            double warm = Stat.of(flagship.warm, "ms").median();
            target(md, "flagship: the plugin's own work (`ReportBuild.run`, warm) < 1 s", num(warm) + " ms", warm < 1000);
            if (!flagship.rebuild.isEmpty()) {
                double rebuild = Stat.of(flagship.rebuild, "ms").median();
                target(md, "flagship: `site:serve` rebuild after a one-chapter edit < 200 ms", num(rebuild) + " ms",
                        rebuild < 200);
            }
        }
    }

    // ---- the PDF edition ----------------------------------------------------------------------------

    private void pdfSection(StringBuilder md) {
        Map<String, Measured> withPdf = new LinkedHashMap<>();
        measured.forEach((name, m) -> {
            if (!m.pdfCold.isEmpty()) {
                withPdf.put(name, m);
            }
        });
        if (flagship != null && !flagship.pdfCold.isEmpty()) {
            withPdf.put("flagship", flagship);
        }
        if (withPdf.isEmpty()) {
            return;
        }
        md.append("\n### The PDF edition (`report.pdf`)\n\n");
        md.append("`ReportBuild.run` with the PDF (as `site:report` makes it by default) beside the same build without it "
                + "(the rows above leave it out, `mvn` included, with `-Dreport.pdf=false`). The PDF stage runs on a thread "
                + "of its own while the pages, the search index and the rest of the version are made.\n\n");
        md.append("| project | build without the PDF, cold | with the PDF, cold | PDF stage, cold | build with the PDF, warm "
                + "| PDF stage, warm | with ÷ without, cold |\n|---|---:|---:|---:|---:|---:|---:|\n");
        withPdf.forEach((name, m) -> md.append("| `").append(name).append("` | ").append(Stat.of(m.cold, "ms").ms())
                .append(" | ").append(Stat.of(m.pdfCold, "ms").ms()).append(" | ").append(Stat.of(m.pdfCold, "stage.pdf").ms())
                .append(" | ").append(Stat.of(m.pdfWarm, "ms").ms()).append(" | ").append(Stat.of(m.pdfWarm, "stage.pdf").ms())
                .append(" | ").append(ratio(Stat.of(m.pdfCold, "ms").median() / Stat.of(m.cold, "ms").median())).append(" |\n"));
        if (flagship != null && !flagship.mvnPdf.isEmpty()) {
            md.append("\nThe flagship's whole `mvn -q site:report`: ").append(Stat.of(flagship.mvnPdf).ms())
                    .append(" ms with the PDF, ").append(Stat.of(flagship.mvn).ms()).append(" ms without (")
                    .append(ratio(Stat.of(flagship.mvnPdf).median() / Stat.of(flagship.mvn).median())).append(").\n");
        }
    }

    private static void target(StringBuilder md, String what, String measured, boolean met) {
        md.append("| ").append(what).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**").append(" |\n");
    }

    private Measured largest(Axis axis) {
        List<Project> points = axisPoints.get(axis);
        return points == null || points.size() < 2 ? null : measured.get(ScaleBenchmark.last(points).name());
    }

    // ---- how cost grows -----------------------------------------------------------------------------

    /**
     * Per axis: how much the whole build grew over the whole range, and, for each stage that matters at
     * the largest size (5 % of the build or more), its growth exponent over the last step, cold and warm,
     * and what that means.
     */
    private void growth(StringBuilder md) {
        md.append("\n### How cost grows\n\n");
        md.append("Computed from the tables above: growth exponents over the last step of each axis (where fixed "
                + "costs weigh least), warm (without JIT warm-up) and cold; linear reads as ")
                .append(LINEAR_LOW).append("–").append(LINEAR_HIGH).append(".\n\n");
        for (Axis axis : Axis.values()) {
            List<Project> points = axisPoints.get(axis);
            if (points == null || points.size() < 2) {
                continue;
            }
            List<Integer> sizes = sizes(axis);
            Measured small = measured.get(points.get(0).name());
            Measured big = measured.get(ScaleBenchmark.last(points).name());
            Measured previous = measured.get(points.get(points.size() - 2).name());
            double n0 = sizes.get(0);
            double n1 = sizes.get(sizes.size() - 2);
            double n2 = ScaleBenchmark.last(sizes);
            double whole0 = Stat.of(small.cold, "ms").median();
            double whole2 = Stat.of(big.cold, "ms").median();
            double warmK = exponent(Stat.of(previous.warm, "ms").median(), Stat.of(big.warm, "ms").median(), n1, n2);
            md.append("- **").append(capitalised(axis.word)).append("** ×").append(num(n2 / n0)).append(" (")
                    .append(String.format(Locale.ROOT, "%,.0f → %,.0f", n0, n2)).append("): the cold build ×")
                    .append(num(whole2 / whole0)).append(" (").append(num(whole0)).append(" → ").append(num(whole2))
                    .append(" ms); warm, the last step grows with exponent ").append(fixed(warmK)).append(" (")
                    .append(shape(warmK)).append("), and the cold `mvn site:report` ×")
                    .append(num(Stat.of(big.mvn).median() / Stat.of(small.mvn).median())).append(".");
            List<String> parts = new ArrayList<>();
            for (String stage : stages(big)) {
                double cold2 = Stat.of(big.cold, "stage." + stage).median();
                if (cold2 < 0.05 * whole2) {
                    continue;
                }
                double coldK = exponent(Stat.of(previous.cold, "stage." + stage).median(), cold2, n1, n2);
                double stageWarmK = exponent(Stat.of(previous.warm, "stage." + stage).median(),
                        Stat.of(big.warm, "stage." + stage).median(), n1, n2);
                parts.add(words(stage) + " " + fixed(stageWarmK) + " warm / " + fixed(coldK) + " cold ("
                        + shape(Double.isNaN(stageWarmK) ? coldK : stageWarmK) + "; "
                        + num(100 * cold2 / whole2) + " % of the cold build)");
            }
            md.append(" Stages that weigh at the largest size: ").append(String.join("; ", parts)).append(".\n");
        }
    }

    private static String fixed(double k) {
        return Double.isNaN(k) ? "—" : String.format(Locale.ROOT, "%.2f", k);
    }

    // ---- the machine --------------------------------------------------------------------------------

    private void machine(StringBuilder md) {
        md.append("\n### Machine\n\n");
        md.append(Machine.describe("-Xmx" + bench.heap));
        md.append("- Maven: `mvn -q").append(bench.mvnArgs.isEmpty() ? "" : " " + String.join(" ", bench.mvnArgs))
                .append(" site:report` with `org.threatreport:report-maven-plugin:").append(bench.pluginVersion).append("` as installed ")
                .append(pluginInstalledAt.toInstant().toString().replace('T', ' ').replaceFirst("\\..*|Z$", ""))
                .append(" UTC").append(pluginReplaced ? " (**installed again during the run**: some Maven runs used another build)" : "")
                .append('\n');
        md.append("- Hugo: ").append(bench.hugoVersion == null ? "not installed (`apt-get install -y hugo`)" : "`" + bench.hugoVersion + "`")
                .append('\n');
        md.append("- pandas: ").append(bench.pandasAvailable ? "`" + bench.pandas.python() + "` (see the data benchmark above for versions)"
                : "not available (`apt-get install -y python3-pandas`)").append('\n');
        md.append("- Load average (1, 5, 15 min) before / after: ").append(loadBefore).append(" / ").append(loadAfter).append('\n');
        md.append("\nCommand, from the repository root: `").append(bench.command).append("` — it runs `mvn -q -pl "
                + "report-maven-plugin test-compile dependency:build-classpath …`, then `java -Xmx2g -cp … "
                + "org.threatreport.bench.ScaleBenchmark`, which generates the projects, starts the child JVMs, "
                + "`mvn -q site:report`, `hugo --quiet` and pandas.\n");
    }

    // ---- words --------------------------------------------------------------------------------------

    private List<Integer> sizes(Axis axis) {
        return axisPoints.get(axis).stream().map(p -> switch (axis) {
            case INCIDENTS -> p.size().rows();
            case CHAPTERS -> p.size().chapters();
            case FIGURES -> p.size().figures();
        }).toList();
    }

    private static String sizeLabel(Axis axis, int n) {
        return String.format(Locale.ROOT, "%,d %s", n, axis == Axis.INCIDENTS ? "rows" : axis.word);
    }

    private static String others(Axis axis, SyntheticReport size) {
        List<String> parts = new ArrayList<>();
        if (axis != Axis.INCIDENTS) {
            parts.add(String.format(Locale.ROOT, "%,d incidents", size.rows()));
        }
        if (axis != Axis.CHAPTERS) {
            parts.add(size.chapters() + " chapters");
        }
        if (axis != Axis.FIGURES) {
            parts.add(size.figures() + " figures");
        }
        return String.join(", ", parts);
    }

    /** A stage's key as its name: {@code search_index} → {@code search index}. */
    private static String words(String stageKey) {
        return stageKey.replace('_', ' ');
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
