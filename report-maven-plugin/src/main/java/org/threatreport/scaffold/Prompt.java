package org.threatreport.scaffold;

import java.io.IOException;

/** Asks the person making a report for a value they did not give. */
public interface Prompt {

    /**
     * Asks one question.
     *
     * @param question     what to ask, e.g. "Title of the report"
     * @param defaultValue offered, and taken when the answer is empty
     * @return the answer (never null: the default for an empty answer)
     * @throws IOException when nothing more can be read (input closed)
     */
    String ask(String question, String defaultValue) throws IOException;

    /** Tells why the last answer cannot be used, before the question is asked again. */
    void refuse(String reason);
}
