package org.threatreport.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the benchmark reports say about the machine they were measured on (Linux; "unknown" elsewhere). */
final class Machine {

    private Machine() {
    }

    /**
     * The Markdown list items every report starts its machine section with: CPU, memory, OS, Java.
     *
     * @param jvmOptions the measured JVMs' options, as shown ({@code -Xmx2g})
     */
    static String describe(String jvmOptions) {
        return "- CPU: " + cpuModel() + ", `nproc` = " + Runtime.getRuntime().availableProcessors() + '\n'
                + "- Memory: " + memTotal() + '\n'
                + "- OS: " + System.getProperty("os.name") + ' ' + System.getProperty("os.version") + ' '
                + System.getProperty("os.arch") + '\n'
                + "- `java -version`: " + javaVersion() + '\n'
                + "- JVM options of the measured JVMs: `" + jvmOptions + "`, GC "
                + ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + ")) + '\n';
    }

    /** The 1, 5 and 15 minute load averages: {@code 1.50, 1.91, 4.74}. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        return procField("/proc/cpuinfo", "model name", Function.identity());
    }

    private static String memTotal() {
        return procField("/proc/meminfo", "MemTotal", v -> String.format(Locale.ROOT, "%.1f GiB",
                Long.parseLong(v.replaceAll("[^0-9]", "")) / 1048576.0));
    }

    private static String procField(String file, String field, Function<String, String> format) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(field)) {
                    return format.apply(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the field stays unknown
        }
        return "unknown";
    }

    private static String javaVersion() {
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return "`" + String.join("` / `", text.lines().toList()) + "`";
        } catch (IOException e) {
            return System.getProperty("java.runtime.version");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return System.getProperty("java.runtime.version");
        }
    }
}
