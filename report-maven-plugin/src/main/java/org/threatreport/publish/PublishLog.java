package org.threatreport.publish;

/** Where a publish reports its progress: Maven's log in the goal, a list in tests. */
public interface PublishLog {

    void info(String message);

    void warn(String message);

    void debug(String message);

    static PublishLog silent() {
        return new PublishLog() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public void debug(String message) {
            }
        };
    }
}
