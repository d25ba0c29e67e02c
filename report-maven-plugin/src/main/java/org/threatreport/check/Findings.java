package org.threatreport.check;

import java.nio.file.Path;
import org.threatreport.diagnostic.Problem;

/** Makes the check's own findings. */
final class Findings {

    private Findings() {
    }

    static Problem warning(Path file, int line, int column, String message) {
        return new Problem(file, line, column, Problem.Severity.WARNING, message);
    }

    static Problem error(Path file, int line, int column, String message) {
        return Problem.error(file, line, column, message);
    }
}
