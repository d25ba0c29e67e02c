package org.threatreport.bench;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.threatreport.aggregate.CellComputer;
import org.threatreport.aggregate.CellData;
import org.threatreport.aggregate.CrossTab;
import org.threatreport.aggregate.Distribution;
import org.threatreport.aggregate.Entry;
import org.threatreport.aggregate.TableView;
import org.threatreport.aggregate.Wording;
import org.threatreport.chart.ChartDrawer;
import org.threatreport.chart.ChartFont;
import org.threatreport.chart.ChartFonts;
import org.threatreport.chart.ChartInput;
import org.threatreport.chart.ChartTheme;
import org.threatreport.config.BuildOptions;
import org.threatreport.render.FigureFiles;
import org.threatreport.data.DataLoader;
import org.threatreport.data.DataSet;
import org.threatreport.data.LoadedTable;
import org.threatreport.model.CellKind;
import org.threatreport.model.Report;
import org.threatreport.model.ReportInfo;
import org.threatreport.model.ReportLoader;
import org.threatreport.diagnostic.Log;
import org.threatreport.pipeline.BuildResult;
import org.threatreport.pipeline.ReportBuild;
import org.threatreport.pipeline.StageTiming;
import org.threatreport.render.TemplateSet;
import org.threatreport.testing.Strictly;

/**
 * The measured work, run in a child JVM started by {@link Benchmarks} so that "cold" really means a
 * fresh JVM. Each measurement is printed as one line {@code TAG key=value ...} on standard output.
 */
final class Probes {

    static final int YEAR = 2017;

    private Probes() {
    }

    static void run(String mode, Path root, Path benchDataDir, int rounds) throws Exception {
        switch (mode) {
            case "load-cold" -> loadCold(benchDataDir);
            case "load-warm" -> loadWarm(benchDataDir, rounds);
            case "figures-cold" -> figures(root, 0, 1, true, false);
            case "stage-cold" -> figures(root, 0, 1, false, true);
            case "figures-warm" -> figures(root, 3, rounds, true, true);
            case "build-cold" -> build(root, 0, 1, false);
            case "build-warm" -> build(root, 2, rounds, false);
            case "pdf-cold" -> build(root, 0, 1, true);
            case "pdf-warm" -> build(root, 2, rounds, true);
            default -> throw new IllegalArgumentException("unknown child mode " + mode);
        }
    }

    // ---- load + validate, chapter-2 aggregations -------------------------------------------------

    private static void loadCold(Path dataDir) throws Exception {
        // No System.gc() here: in a fresh JVM it would only shrink the heap G1 has just sized.
        resetPeaks(false);
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        DataSet data = Strictly.data(dataDir, OptionalInt.of(YEAR));
        long t1 = System.nanoTime();
        long c1 = cpuNanos();
        long peak = peakHeap();
        if (Boolean.getBoolean("bench.threadCpu")) {
            threadCpu();
        }
        LoadedTable table = data.inMemory().get("incidents");
        long t2 = System.nanoTime();
        long checksum = 0;
        TableView view = view(table);
        List<String> each = new ArrayList<>();
        for (String name : AGGREGATIONS) {
            long a0 = System.nanoTime();
            checksum += aggregation(view, name);
            each.add("AGG1COLD name=" + name + " ms=" + ms(System.nanoTime() - a0));
        }
        long t3 = System.nanoTime();
        long live = liveHeap();
        long f0 = System.nanoTime();
        int columns = table.table().columnCount();
        long f1 = System.nanoTime();
        System.out.println("RESULT rows=" + table.rowCount() + " load_ms=" + ms(t1 - t0) + " load_cpu_ms=" + ms(c1 - c0)
                + " first_table_ms=" + ms(f1 - f0) + " columns=" + columns + " agg_ms=" + ms(t3 - t2)
                + " checksum=" + checksum + " peak_heap_mb=" + mb(peak) + " live_heap_mb=" + mb(live)
                + " peak_rss_mb=" + peakRssMb());
        each.forEach(System.out::println);
        System.out.println("AGGS " + describe(table));
        if (data.all().isEmpty()) {
            throw new IllegalStateException("keep data reachable until here");
        }
    }

    private static void loadWarm(Path dataDir, int rounds) throws Exception {
        for (int i = -2; i < rounds; i++) {
            resetPeaks(true);
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            DataSet data = Strictly.data(dataDir, OptionalInt.of(YEAR));
            long t1 = System.nanoTime();
            long c1 = cpuNanos();
            long peak = peakHeap();
            LoadedTable table = data.inMemory().get("incidents");
            if (i >= 0) {
                System.out.println("LOAD rows=" + table.rowCount() + " load_ms=" + ms(t1 - t0) + " load_cpu_ms=" + ms(c1 - c0)
                        + " peak_heap_mb=" + mb(peak));
            }
            if (i == rounds - 1) {
                for (int w = 0; w < 30; w++) {
                    aggregations(table);
                }
                for (int r = 0; r < rounds; r++) {
                    long a0 = System.nanoTime();
                    long checksum = aggregations(table);
                    long a1 = System.nanoTime();
                    System.out.println("AGG agg_ms=" + ms(a1 - a0) + " checksum=" + checksum);
                }
                for (String name : AGGREGATIONS) {
                    List<Long> times = new ArrayList<>();
                    for (int r = 0; r < rounds; r++) {
                        TableView view = view(table);
                        long a0 = System.nanoTime();
                        aggregation(view, name);
                        times.add(System.nanoTime() - a0);
                    }
                    times.sort(null);
                    System.out.println("AGG1 name=" + name + " ms=" + ms(times.get(times.size() / 2)));
                }
            }
        }
    }

    static final List<String> AGGREGATIONS = List.of("by(industry)", "by(discovery)", "byGroup(scope)",
            "by(intent)", "by(phenomenon)", "by(event_type)", "months(date)", "crossTab(area,intent)");

    private static TableView view(LoadedTable table) {
        return TableView.of(table, Wording.forLanguage("zh-CN"), YEAR);
    }

    /** Every chapter-2 aggregation once, from a fresh view; returns the sum of all counts. */
    static long aggregations(LoadedTable table) {
        TableView view = view(table);
        long sum = 0;
        for (String name : AGGREGATIONS) {
            sum += aggregation(view, name);
        }
        return sum;
    }

    private static long aggregation(TableView view, String name) {
        return switch (name) {
            case "by(industry)" -> total(view.by("industry"));
            case "by(discovery)" -> total(view.by("discovery"));
            case "byGroup(scope)" -> total(view.byGroup("scope"));
            case "by(intent)" -> total(view.by("intent"));
            case "by(phenomenon)" -> total(view.by("phenomenon"));
            case "by(event_type)" -> total(view.by("event_type"));
            case "months(date)" -> total(view.months("date"));
            case "crossTab(area,intent)" -> {
                CrossTab cross = view.crossTab("area", "intent");
                long s = 0;
                for (long[] row : cross.counts()) {
                    for (long c : row) {
                        s += c;
                    }
                }
                yield s;
            }
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static long total(Distribution d) {
        return d.entries().stream().mapToLong(Entry::count).sum();
    }

    /** The first entries of each aggregation, so that a reader can compare them with pandas' output. */
    private static String describe(LoadedTable table) {
        TableView view = view(table);
        Distribution industry = view.by("industry");
        return "industry_top=" + industry.first().value().replace(' ', '_') + ":" + industry.first().count()
                + " months_max=" + view.months("date").max().value() + ":" + view.months("date").max().count();
    }

    // ---- figures ------------------------------------------------------------------------------

    /**
     * Draws the flagship's figures: one after the other, timing each chart ({@code sequential}), and
     * as the build's figure stage does, one figure a task on every core ({@code stage}).
     */
    private static void figures(Path root, int warmups, int rounds, boolean sequential, boolean stage) throws Exception {
        long s0 = System.nanoTime();
        ReportInfo info = Strictly.info(root.resolve("content"), "2017");
        DataSet data = Strictly.data(root.resolve("data"), OptionalInt.of(info.year()));
        Report report = Strictly.report(root.resolve("content"), info, data);
        Map<String, TableView> tables = new TreeMap<>();
        Wording wording = Wording.forLanguage(info.language());
        data.inMemory().forEach((name, t) -> tables.put(name, TableView.of(t, wording, info.year())));
        CellComputer computer = new CellComputer(tables, info.language());
        List<CellData> figures = new ArrayList<>();
        for (Report.CellPlace place : report.cells().values()) {
            if (place.cell().kind() == CellKind.FIGURE) {
                figures.add(computer.compute(place.cell()));
            }
        }
        long s1 = System.nanoTime();
        System.out.println("SETUP ms=" + ms(s1 - s0) + " figures=" + figures.size());

        // As ReportBuild.figureFiles: the template's theme, then the font that can draw every label.
        long f0 = System.nanoTime();
        TemplateSet templates = new TemplateSet(root.resolve("site-template"));
        Properties themeProperties = new Properties();
        byte[] themeFile = templates.read("chart-theme.properties");
        if (themeFile != null) {
            themeProperties.load(new StringReader(new String(themeFile, StandardCharsets.UTF_8)));
        }
        ChartTheme theme = ChartTheme.fromProperties(themeProperties);
        ChartTheme dark = ChartTheme.darkFromProperties(themeProperties, theme);
        TreeSet<String> labels = new TreeSet<>();
        for (CellData d : figures) {
            labels.addAll(d.categories());
            d.series().forEach(s -> labels.add(s.name()));
        }
        Path fontsDir = root.resolve("site-template/fonts");
        ChartFont font = ChartFonts.choose(null, Files.isDirectory(fontsDir) ? fontsDir : null, labels);
        ChartDrawer drawer = new ChartDrawer(theme, dark, font);
        long f1 = System.nanoTime();
        System.out.println("FONT ms=" + ms(f1 - f0) + " font=" + font.cssFamily().replace(' ', '_'));

        for (int round = sequential ? -warmups : rounds; round < rounds; round++) {
            long r0 = System.nanoTime();
            for (CellData d : figures) {
                // As FigureFiles: the wide drawing as light and dark SVG and as PNG, the narrow one as light and dark SVG.
                ChartInput input = FigureFiles.chartInput(d);
                long c0 = System.nanoTime();
                ChartDrawer.Drawing drawing = drawer.draw(input);
                ChartDrawer.Drawing narrow = drawer.draw(input.narrow(FigureFiles.NARROW_WIDTH));
                long c1 = System.nanoTime();
                String svg = drawing.svg();
                int variants = drawing.darkSvg().length() + narrow.svg().length() + narrow.darkSvg().length();
                long c2 = System.nanoTime();
                byte[] png = drawing.png();
                long c3 = System.nanoTime();
                if (round >= 0) {
                    System.out.println("CHART id=" + d.cell().id() + " kind=" + input.kind().name().toLowerCase(Locale.ROOT)
                            + " layout_ms=" + ms(c1 - c0) + " svg_ms=" + ms(c2 - c1) + " png_ms=" + ms(c3 - c2)
                            + " svg_kb=" + kb(svg.length()) + " variants_kb=" + kb(variants) + " png_kb=" + kb(png.length));
                }
            }
            long r1 = System.nanoTime();
            if (round >= 0) {
                System.out.println("FIGURES ms=" + ms(r1 - r0) + " count=" + figures.size()
                        + (round == 0 && warmups == 0 ? " font_ms=" + ms(f1 - f0) : ""));
            }
        }
        if (stage) {
            drawInParallel(drawer, figures, sequential ? warmups : 0, rounds);
        }
    }

    private static void drawInParallel(ChartDrawer drawer, List<CellData> figures, int warmups, int rounds)
            throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            for (int round = -warmups; round < rounds; round++) {
                long r0 = System.nanoTime();
                List<Future<Integer>> drawn = new ArrayList<>();
                for (CellData d : figures) {
                    drawn.add(pool.submit(() -> {
                        // As FigureFiles: each variant laid out once, written in every format and theme.
                        ChartInput input = FigureFiles.chartInput(d);
                        ChartDrawer.Drawing drawing = drawer.draw(input);
                        ChartDrawer.Drawing narrow = drawer.draw(input.narrow(FigureFiles.NARROW_WIDTH));
                        return drawing.svg().length() + drawing.darkSvg().length() + drawing.png().length
                                + narrow.svg().length() + narrow.darkSvg().length();
                    }));
                }
                for (Future<Integer> f : drawn) {
                    f.get();
                }
                long r1 = System.nanoTime();
                if (round >= 0) {
                    System.out.println("STAGE ms=" + ms(r1 - r0) + " count=" + figures.size() + " threads=" + cores);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- whole flagship build -----------------------------------------------------------------

    /** @param pdf whether the build also writes the PDF ({@code report.pdf}), as {@code site:report} does by default */
    private static void build(Path root, int warmups, int rounds, boolean pdf) throws Exception {
        Path work = root.resolve("target/bench/build-" + ProcessHandle.current().pid());
        try {
            for (int round = -warmups; round < rounds; round++) {
                // A fresh output and figure cache every time: every figure is drawn, as in a first build.
                Path output = work.resolve("site-" + (round + warmups));
                Path cache = work.resolve("cache-" + (round + warmups));
                BuildOptions options = new BuildOptions(root, root.resolve("content"), root.resolve("data"),
                        root.resolve("site-template"), output, cache, "2017", Optional.empty()).withPdf(pdf);
                long t0 = System.nanoTime();
                BuildResult result = new ReportBuild(options, Log.silent()).run();
                long t1 = System.nanoTime();
                if (round >= 0) {
                    StringBuilder line = new StringBuilder("BUILD ms=" + ms(t1 - t0) + " files=" + result.files()
                            + " figures=" + result.figures());
                    for (StageTiming timing : result.timings()) {
                        line.append(" stage.").append(timing.stage().replace(' ', '_')).append('=').append(timing.millis());
                    }
                    System.out.println(line);
                    if (warmups == 0) {
                        threadCpu(); // where a cold build's CPU went: the build's threads, the JIT compilers, the GC
                    }
                }
                deleteTree(output);
                deleteTree(cache);
            }
        } finally {
            deleteTree(work);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    // ---- measuring helpers ---------------------------------------------------------------------

    /** Prints the CPU time of this JVM's threads, summed by kind (Linux only): where a cold run's CPU goes. */
    static void threadCpu() throws IOException {
        Map<String, Long> byKind = new TreeMap<>();
        long tick = 10; // ms per clock tick (USER_HZ = 100)
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[#0-9 ]+$", "").replace(' ', '_');
                    String[] stat = Files.readString(task.resolve("stat")).replaceAll(".*\\) ", "").split(" ");
                    long ms = (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) * tick;
                    byKind.merge(name, ms, Long::sum);
                } catch (IOException e) {
                    // the thread has ended
                }
            }
        }
        StringBuilder line = new StringBuilder("THREADS");
        byKind.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        System.out.println(line);
    }

    /** CPU time of the whole process (every thread, GC and JIT included). */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Collects garbage (if asked), then restarts every heap pool's peak from its current use. */
    static void resetPeaks(boolean collect) {
        if (collect) {
            System.gc();
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * The sum of the heap pools' peak use since {@link #resetPeaks(boolean)}: an upper bound of the heap's
     * peak (the pools may peak at different moments).
     */
    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Heap in use after a full collection: what the loaded data retains. */
    static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The process's resident-set high-water mark (Linux: VmHWM), in MB; -1 elsewhere. */
    static String peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f", kb / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "-1";
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024.0);
    }
}
