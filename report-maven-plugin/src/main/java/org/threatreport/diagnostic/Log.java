package org.threatreport.diagnostic;

/**
 * Where the plugin reports progress and trouble: Maven's log in the goals, a list in tests. The one
 * log of every stage and goal.
 */
public interface Log {

    void info(String message);

    void debug(String message);

    /** Something the user should look at that does not stop the work. */
    default void warn(String message) {
        info(message);
    }

    /** Something that failed; {@code cause} is given for faults (not for mistakes in the project's files). */
    default void error(String message, Exception cause) {
        info(message);
    }

    /** A log that drops everything. */
    static Log silent() {
        return new Log() {
            @Override
            public void info(String message) {
            }

            @Override
            public void debug(String message) {
            }
        };
    }
}
