package org.threatreport.pipeline;

import java.nio.file.attribute.FileTime;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Log;
import org.threatreport.site.LocalSiteRoot;
import org.threatreport.site.SiteInstaller;

/**
 * {@code site:report}: the stages of {@link ReportPipeline}, strict, then the version installed into
 * {@code <output>/<version>/} in one move and the site root's files written again. Knows nothing of
 * Maven; the goal and the tests call {@link #run}.
 */
public final class ReportBuild {

    private final BuildOptions options;
    private final Log log;

    public ReportBuild(BuildOptions options, Log log) {
        this.options = options;
        this.log = log;
    }

    /**
     * Builds and installs the report.
     *
     * @throws InputException for mistakes in the project's files: every problem found, with its location
     * @throws Exception      for faults of the machine (disk, memory) or of this plugin
     */
    public BuildResult run() throws Exception {
        ExecutorService workers = Workers.start("report-render");
        try {
            BuildContext context = BuildContext.report(options, workers, log);
            ReportPipeline pipeline = new ReportPipeline(context);
            BuiltReport built;
            try {
                built = pipeline.run();
            } finally {
                pipeline.closeConnections();
            }
            context.problems().list().forEach(warning -> log.warn(warning.format(options.projectDir())));
            Stages stages = new Stages(context);
            FileTime stamp = FileTime.from(built.report().info().date().atStartOfDay().toInstant(ZoneOffset.UTC));
            stages.run("install", () -> {
                SiteInstaller.install(built.files(), options.versionDir(), stamp);
                return built.files().size();
            }, count -> "Wrote " + count + " files to " + options.versionDir());
            stages.run("site root", () -> LocalSiteRoot.refresh(options.outputDir(), options.templateDir(), stamp),
                    versions -> "Listed " + versions.entries().size() + " version(s) in "
                            + options.outputDir().resolve("versions.json"));
            if (!built.snapshots().isEmpty()) {
                stages.run("record snapshots", () -> writeSnapshots(built.snapshots()), written -> "Recorded "
                        + written + " (commit with the report: an offline build, -Dreport.offline=true, reads them)");
            }
            java.util.List<StageTiming> timings = new java.util.ArrayList<>(built.timings());
            timings.addAll(stages.timings());
            return new BuildResult(options.versionDir(), built.chapterCount(), (int) built.figureCount(),
                    built.files().size(), timings);
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * Writes the snapshots of the tables counted where they lie that changed, each into place in one move
     * beside its schema; returns their names.
     */
    private String writeSnapshots(java.util.Map<java.nio.file.Path, byte[]> snapshots) throws java.io.IOException {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (java.util.Map.Entry<java.nio.file.Path, byte[]> snapshot : snapshots.entrySet()) {
            java.nio.file.Path file = snapshot.getKey();
            java.nio.file.Path temporary = java.nio.file.Files.createTempFile(file.getParent(), ".snapshot", ".tmp");
            try {
                java.nio.file.Files.write(temporary, snapshot.getValue());
                java.nio.file.Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                java.nio.file.Files.deleteIfExists(temporary);
            }
            names.add(options.projectDir().toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize())
                    .toString().replace('\\', '/'));
        }
        return String.join(", ", names);
    }
}
