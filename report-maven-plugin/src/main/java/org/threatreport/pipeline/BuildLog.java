package org.threatreport.pipeline;

/** Where a build reports its progress: Maven's log in the goals, a list in tests. */
public interface BuildLog {

    void info(String message);

    void debug(String message);

    /** A log that drops everything. */
    static BuildLog silent() {
        return new BuildLog() {
            @Override
            public void info(String message) {
            }

            @Override
            public void debug(String message) {
            }
        };
    }
}
