package org.threatreport.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * What a build produced.
 *
 * @param versionDir the folder the report was written to
 * @param files      how many files it holds
 */
public record BuildResult(Path versionDir, int chapters, int figures, int files, List<StageTiming> timings) {

    public BuildResult {
        timings = List.copyOf(timings);
    }
}
