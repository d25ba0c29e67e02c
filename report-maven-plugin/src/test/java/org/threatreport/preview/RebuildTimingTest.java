package org.threatreport.preview;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Log;

/**
 * How long a rebuild of the flagship report takes after a one-chapter edit and after a data edit
 * (each a new edit, so a data edit draws its changed figures anew). Prints the figures; asserts only
 * that the rebuilds were incremental, since the time depends on the machine.
 */
class RebuildTimingTest {

    private static final int WARM_UP = 5;
    private static final int CHAPTER_EDITS = 15;
    private static final int DATA_EDITS = 8;

    @Test
    void measuresRebuildsAfterAChapterEditAndAfterADataEdit(@TempDir Path project) throws Exception {
        BuildOptions options = PreviewFixture.copyFlagship(project);
        Path chapter = project.resolve("content/02-monitoring.md");
        Path data = project.resolve("data/incidents.csv");
        try (LiveBuild live = new LiveBuild(options, Log.silent())) {
            live.build();
            String text = Files.readString(chapter, StandardCharsets.UTF_8);
            List<LiveBuild.Update> chapterEdits = new ArrayList<>();
            List<Long> chapterCpu = new ArrayList<>();
            for (int i = 0; i < WARM_UP + CHAPTER_EDITS; i++) {
                Files.writeString(chapter, text.replace("各月的分布如下", "各月的分布如下（第 " + i + " 稿）"),
                        StandardCharsets.UTF_8);
                long cpu = cpuNanos();
                LiveBuild.Update update = live.build();
                cpu = cpuNanos() - cpu;
                assertFalse(update.first());
                assertTrue(update.chapters().equals(List.of("content/02-monitoring.md")), update.chapters().toString());
                if (i >= WARM_UP) {
                    chapterEdits.add(update);
                    chapterCpu.add(cpu / 1_000_000);
                }
            }
            List<LiveBuild.Update> dataEdits = new ArrayList<>();
            List<Long> dataCpu = new ArrayList<>();
            for (int i = 0; i < DATA_EDITS; i++) {
                // Each edit moves one more incident from 媒体 to 能源: new numbers, figures drawn anew.
                String csv = Files.readString(data, StandardCharsets.UTF_8);
                Matcher row = Pattern.compile("(?m)^(IR-2017-\\d+,2017-\\d\\d-\\d\\d,)媒体,").matcher(csv);
                assertTrue(row.find(), "no 媒体 row left");
                Files.writeString(data, csv.substring(0, row.start()) + row.group(1) + "能源,"
                        + csv.substring(row.end()), StandardCharsets.UTF_8);
                long cpu = cpuNanos();
                LiveBuild.Update update = live.build();
                dataCpu.add((cpuNanos() - cpu) / 1_000_000);
                assertFalse(update.first());
                dataEdits.add(update);
            }
            report("one-chapter edit", chapterEdits, chapterCpu);
            report("data edit", dataEdits, dataCpu);
        }
    }

    /** CPU time of the whole process: unlike wall time, it does not grow when other processes share the machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void report(String what, List<LiveBuild.Update> updates, List<Long> cpu) {
        List<Long> cpuSorted = cpu.stream().sorted().toList();
        List<Long> millis = updates.stream().map(LiveBuild.Update::millis).sorted().toList();
        LiveBuild.Update median = updates.stream().filter(u -> u.millis() == millis.get(millis.size() / 2)).findFirst()
                .orElseThrow();
        System.out.println("Rebuild after a " + what + ": median " + millis.get(millis.size() / 2) + " ms, min "
                + millis.get(0) + " ms, max " + millis.get(millis.size() - 1) + " ms over " + millis.size()
                + " edits (CPU time: median " + cpuSorted.get(cpuSorted.size() / 2) + " ms, min " + cpuSorted.get(0)
                + " ms; load average " + java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage() + " on " + Runtime.getRuntime().availableProcessors() + " CPUs); median run: "
                + median.describe() + " — " + median.breakdown());
    }
}
