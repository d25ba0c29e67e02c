package org.threatreport.pipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The worker threads of a build: one per core, daemons, so a forgotten pool never keeps Maven alive. */
public final class Workers {

    private Workers() {
    }

    /** How many workers a build has: one per core. */
    public static int size() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public static ExecutorService start(String name) {
        return Executors.newFixedThreadPool(size(), task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
