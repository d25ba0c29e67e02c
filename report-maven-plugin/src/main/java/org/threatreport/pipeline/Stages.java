package org.threatreport.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.threatreport.diagnostic.InputException;

/**
 * Runs the named stages of one build, timing each and logging one line per stage, and applies the
 * build's policy when a stage ends: a strict build stops there with every problem found so far, a
 * lenient one goes on with what the stage could make. A stage that needs nothing of the stages
 * running meanwhile can start in the background and be awaited later.
 */
public final class Stages {

    public interface Step<T> {
        T run() throws Exception;
    }

    public interface Summary<T> {
        String of(T result);
    }

    /** A stage running on its own thread; {@link #await} gives its result or rethrows its failure. */
    public static final class Background<T> {
        private final CompletableFuture<T> result;

        private Background(CompletableFuture<T> result) {
            this.result = result;
        }

        public T await() throws Exception {
            try {
                return result.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }

        /** Waits for the stage to end, ignoring its outcome: for a build that failed meanwhile. */
        public void settle() {
            result.exceptionally(e -> null).join();
        }
    }

    private final BuildContext context;
    private final List<StageTiming> timings = Collections.synchronizedList(new ArrayList<>());

    public Stages(BuildContext context) {
        this.context = context;
    }

    /**
     * Runs a stage. Problems it throws join the build's; in a strict build, any error found by the end
     * of the stage stops the build with all of them, and in a lenient one the stage's result is null.
     */
    public <T> T run(String stage, Step<T> step, Summary<T> summary) throws Exception {
        long start = System.nanoTime();
        T result;
        try {
            result = step.run();
        } catch (InputException e) {
            context.problems().addAll(e.problems());
            result = null;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        timings.add(new StageTiming(stage, millis));
        context.policy().endStage(context.problems());
        if (result != null) {
            context.log().info(summary.of(result) + " in " + millis + " ms");
        }
        return result;
    }

    /** Starts {@code step} on a thread of its own; it is timed, logged and ended like any other stage. */
    public <T> Background<T> start(String stage, Step<T> step, Summary<T> summary) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(run(stage, step, summary));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "report-" + stage);
        thread.setDaemon(true);
        thread.start();
        return new Background<>(result);
    }

    public List<StageTiming> timings() {
        synchronized (timings) {
            return List.copyOf(timings);
        }
    }
}
