package org.threatreport.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Problem;

/** Maps a list over the build's worker threads, keeping the input order, and gathers every input problem. */
public final class Parallel {

    public interface Task<I, O> {
        O apply(I input) throws Exception;
    }

    private Parallel() {
    }

    public static <I, O> List<O> map(ExecutorService workers, List<I> inputs, Task<I, O> task) throws Exception {
        List<Future<O>> futures = new ArrayList<>();
        for (I input : inputs) {
            futures.add(workers.submit(() -> task.apply(input)));
        }
        List<O> outputs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Exception failure = null;
        for (Future<O> future : futures) {
            try {
                outputs.add(future.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof InputException input) {
                    problems.addAll(input.problems());
                } else if (failure == null) {
                    failure = e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return outputs;
    }
}
