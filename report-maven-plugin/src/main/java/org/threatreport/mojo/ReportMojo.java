package org.threatreport.mojo;

import java.io.File;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.InputException;
import org.threatreport.pipeline.BuildLog;
import org.threatreport.pipeline.BuildResult;
import org.threatreport.pipeline.ReportBuild;

/**
 * Builds the report: reads the data and the chapters, computes every value, figure and table,
 * and writes the site to {@code <output>/<version>/}. A failed build leaves the last good site
 * untouched. Runs once, on the project where it is invoked.
 */
@Mojo(name = "report", aggregator = true, threadSafe = true)
public class ReportMojo extends AbstractMojo {

    /** The report project's folder; messages name files relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File baseDir;

    /** The chapters ({@code NN-name.md}), {@code report.yaml} and the abstract {@code index.md}. */
    @Parameter(property = "report.content", defaultValue = "${project.basedir}/content", required = true)
    private File content;

    /** The data tables: each {@code <table>.csv} with its codebook {@code <table>.schema.yaml}. */
    @Parameter(property = "report.data", defaultValue = "${project.basedir}/data", required = true)
    private File data;

    /**
     * Files overriding the built-in site template by name: layouts ({@code *.ftlh}), {@code assets/},
     * {@code messages_<language>.properties}, {@code chart-theme.properties} and {@code fonts/}.
     */
    @Parameter(property = "report.templates", defaultValue = "${project.basedir}/site-template", required = true)
    private File templates;

    /** The site root; the report is written to its subfolder named after the version. */
    @Parameter(property = "report.output", defaultValue = "${project.build.directory}/report-site", required = true)
    private File output;

    /** Where drawn figures are cached between builds, keyed by the hash of their numbers and style. */
    @Parameter(property = "report.cache", defaultValue = "${project.build.directory}/report-cache", required = true)
    private File cache;

    /** The version being built: the name of its folder, shown on every page (e.g. 2017, 2017.1). */
    @Parameter(property = "report.version", defaultValue = "${project.version}", required = true)
    private String version;

    /**
     * A font file (.ttf, .otf, .ttc) for the labels of charts. Without it, a font in
     * {@code site-template/fonts/} is used, else an installed font that can draw every label.
     */
    @Parameter(property = "report.chartFont")
    private File chartFont;

    /** Skips building the report. */
    @Parameter(property = "report.skip", defaultValue = "false")
    private boolean skip;

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
            throw new MojoFailureException("The report has " + e.problems().size() + " problem(s):\n"
                    + e.describe(baseDir.toPath()));
        } catch (Exception e) {
            throw new MojoExecutionException("Building the report failed: " + e, e);
        }
    }

    private BuildOptions options() throws MojoFailureException {
        try {
            return new BuildOptions(baseDir.toPath(), content.toPath(), data.toPath(), templates.toPath(),
                    output.toPath(), cache.toPath(), version, Optional.ofNullable(chartFont).map(File::toPath));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    private BuildLog mavenLog() {
        return new BuildLog() {
            @Override
            public void info(String message) {
                getLog().info(message);
            }

            @Override
            public void debug(String message) {
                getLog().debug(message);
            }
        };
    }
}
