package org.threatreport.mojo;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.threatreport.check.CheckResult;
import org.threatreport.check.ReportCheck;
import org.threatreport.diagnostic.Problem;

/**
 * Checks the report without writing its site, and reports every problem of every file in one run,
 * one line each ({@code file:line:column: severity: message}): mistakes in the data, schemas,
 * chapters, cells and templates, broken links and cross-references (errors); figures and tables the
 * text never refers to, and numbers typed by hand that equal a value the data computes (warnings).
 * Fails when there are errors, or with {@code -Dreport.strict=true} warnings too.
 */
@Mojo(name = "check", aggregator = true, threadSafe = true)
public class CheckMojo extends AbstractReportMojo {

    /** Treat warnings as errors: the goal then fails on any finding (for CI). */
    @Parameter(property = "report.strict", defaultValue = "false")
    private boolean strict;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the check (report.skip)");
            return;
        }
        CheckResult result;
        try {
            result = new ReportCheck(options(), mavenLog()).run();
        } catch (Exception e) {
            throw new MojoExecutionException("Checking the report failed: " + e, e);
        }
        Path base = baseDir.toPath();
        List<Problem> reported = result.reported(strict);
        for (Problem problem : reported) {
            if (problem.severity() == Problem.Severity.ERROR) {
                getLog().error(problem.format(base));
            } else {
                getLog().warn(problem.format(base));
            }
        }
        String summary = count(result.errors().size(), "error") + " and " + count(result.warnings().size(), "warning");
        if (!result.passes(strict)) {
            throw new MojoFailureException("site:check found " + summary
                    + (strict && !result.warnings().isEmpty() ? " (warnings count as errors: report.strict)" : ""));
        }
        getLog().info("site:check found " + summary);
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
