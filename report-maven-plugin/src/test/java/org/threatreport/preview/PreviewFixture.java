package org.threatreport.preview;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Log;
import org.threatreport.pipeline.BuildContext;
import org.threatreport.pipeline.ReportPipeline;
import org.threatreport.pipeline.Workers;
import org.threatreport.testing.ProjectFiles;

/** A copy of the flagship 2017 report (this repository's root) in a test's folder, to edit freely. */
final class PreviewFixture {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private PreviewFixture() {
    }

    /** Copies content/, data/ and site-template/ of the flagship report into {@code project}. */
    static BuildOptions copyFlagship(Path project) throws IOException {
        for (String folder : new String[] {"content", "data", "site-template"}) {
            ProjectFiles.copyTree(ROOT.resolve(folder), project.resolve(folder));
        }
        return BuildOptions.conventional(project, "2017");
    }


    /** Replaces the first {@code from} of a file with {@code to}, failing if it is not there. */
    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new AssertionError(file + " does not contain " + from);
        }
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
    }

    /** What {@code site:report} makes of the project now, in memory. */
    static Map<String, byte[]> siteReport(BuildOptions options) throws Exception {
        java.util.concurrent.ExecutorService workers = Workers.start("test");
        try {
            return new ReportPipeline(BuildContext.report(options, workers, Log.silent())).run().files();
        } finally {
            workers.shutdownNow();
        }
    }
}
