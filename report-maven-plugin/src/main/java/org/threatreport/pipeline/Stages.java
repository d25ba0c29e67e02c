package org.threatreport.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the named stages of one build in order, timing each and logging one line per stage. */
public final class Stages {

    public interface Step<T> {
        T run() throws Exception;
    }

    public interface Summary<T> {
        String of(T result);
    }

    private final BuildLog log;
    private final List<StageTiming> timings = new ArrayList<>();

    public Stages(BuildLog log) {
        this.log = log;
    }

    public <T> T run(String stage, Step<T> step, Summary<T> summary) throws Exception {
        long start = System.nanoTime();
        T result = step.run();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        timings.add(new StageTiming(stage, millis));
        log.info(summary.of(result) + " in " + millis + " ms");
        return result;
    }

    public List<StageTiming> timings() {
        return timings;
    }
}
