package org.threatreport.mojo;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.InputException;
import org.threatreport.pipeline.BuildResult;
import org.threatreport.pipeline.ReportBuild;

/**
 * Builds the report: reads the data and the chapters, computes every value, figure and table,
 * and writes the site to {@code <output>/<version>/}. A failed build leaves the last good site
 * untouched. Runs once, on the project where it is invoked.
 */
@Mojo(name = "report", aggregator = true, threadSafe = true)
public class ReportMojo extends AbstractReportMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the report (report.skip)");
            return;
        }
        BuildOptions options = options();
        try {
            BuildResult result = new ReportBuild(options, mavenLog()).run();
            getLog().info("Report " + version + ": " + result.chapters() + " chapters, " + result.figures()
                    + " figures → " + result.versionDir().resolve("index.html"));
        } catch (InputException e) {
            throw failure(e);
        } catch (Exception e) {
            throw new MojoExecutionException("Building the report failed: " + e, e);
        }
    }
}
