package org.threatreport.check;

import java.util.List;
import org.threatreport.diagnostic.Problem;

/**
 * What {@code site:check} found: errors (a build would fail, or the site would be broken) and
 * warnings (the site builds, but something deserves a look).
 *
 * @param findings every finding, sorted by file and position, each once
 */
public record CheckResult(List<Problem> findings) {

    public CheckResult {
        findings = findings.stream().distinct().sorted().toList();
    }

    public List<Problem> errors() {
        return findings.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    public List<Problem> warnings() {
        return findings.stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
    }

    /** The findings as reported: in strict mode every warning is an error. */
    public List<Problem> reported(boolean strict) {
        return strict ? findings.stream().map(p -> p.severity() == Problem.Severity.ERROR ? p
                : Problem.error(p.file(), p.line(), p.column(), p.message())).toList() : findings;
    }

    /** Whether the check passes: no errors, and in strict mode no warnings either. */
    public boolean passes(boolean strict) {
        return findings.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR || strict);
    }
}
