package org.threatreport.pipeline;

import java.nio.file.Path;
import java.util.Optional;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Log;

/** Builds the flagship 2017 report of this repository (its root folder) into a folder of a test's. */
final class FlagshipBuild {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private FlagshipBuild() {
    }

    static BuildOptions options(Path output, Path cache) {
        return new BuildOptions(ROOT, ROOT.resolve("content"), ROOT.resolve("data"), ROOT.resolve("site-template"),
                output, cache, "2017", Optional.empty());
    }

    static BuildResult build(Path output, Path cache) throws Exception {
        return new ReportBuild(options(output, cache), Log.silent()).run();
    }
}
