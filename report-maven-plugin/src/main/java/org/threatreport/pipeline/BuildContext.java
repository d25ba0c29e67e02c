package org.threatreport.pipeline;

import java.util.concurrent.ExecutorService;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Log;
import org.threatreport.diagnostic.Problems;

/**
 * What one run of the stages works with: the options, where problems go and what is done with them,
 * the worker threads, the log, the memo of earlier builds, and whether the files that only readers
 * need (drawn figures, Markdown, notebooks) are made at all — a check needs none of them.
 */
public record BuildContext(BuildOptions options, Problems problems, Policy policy, ExecutorService workers,
                           Log log, Memo memo, boolean makesFiles) {

    /** For {@code site:report}: strict, every file made, nothing remembered but the figures on disk. */
    public static BuildContext report(BuildOptions options, ExecutorService workers, Log log) {
        return new BuildContext(options, new Problems(), Policy.STRICT, workers, log, Memo.none(options.cacheDir()),
                true);
    }

    /** For {@code site:check}: lenient, nothing drawn or exported, nothing remembered. */
    public static BuildContext check(BuildOptions options, ExecutorService workers, Log log) {
        return new BuildContext(options, new Problems(), Policy.LENIENT, workers, log, Memo.none(options.cacheDir()),
                false);
    }

    /** For one build of {@code site:serve}: strict, every file made, with the memo kept between builds. */
    public static BuildContext preview(BuildOptions options, ExecutorService workers, Log log, Memo memo) {
        return new BuildContext(options, new Problems(), Policy.STRICT, workers, log, memo, true);
    }

}
