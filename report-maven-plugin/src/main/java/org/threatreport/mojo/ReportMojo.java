package org.threatreport.mojo;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
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

    /**
     * Also write the whole report as one PDF, {@code <version>/report.pdf}: cover, contents with page
     * numbers, every chapter with its figures as vector graphics, the figures' numbers, bookmarks; a
     * tagged PDF/UA-1 and PDF/A-2a file with the charts' font embedded. Every page links to it. Laid out
     * by the site template's {@code pdf/layout.ftlh}, {@code pdf/style.css} and {@code pdf/custom.css}.
     */
    @Parameter(property = "report.pdf", defaultValue = "true")
    protected boolean pdf;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the report (report.skip)");
            return;
        }
        BuildOptions options = options().withPdf(pdf);
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
