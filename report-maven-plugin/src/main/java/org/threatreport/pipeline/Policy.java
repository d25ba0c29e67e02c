package org.threatreport.pipeline;

import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Problems;

/** What a build does with the problems a stage found. */
public enum Policy {

    /** Stop at the end of the stage, with every problem found: {@code site:report}, {@code site:serve}. */
    STRICT {
        @Override
        void endStage(Problems problems) throws InputException {
            if (problems.hasErrors()) {
                throw new InputException(problems.list());
            }
        }
    },

    /** Keep what the stage could make and go on, to report every problem of every file: {@code site:check}. */
    LENIENT {
        @Override
        void endStage(Problems problems) {
        }
    };

    abstract void endStage(Problems problems) throws InputException;
}
