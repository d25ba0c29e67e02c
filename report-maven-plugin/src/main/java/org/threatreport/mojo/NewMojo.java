package org.threatreport.mojo;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.threatreport.scaffold.ConsolePrompt;
import org.threatreport.scaffold.NewReport;
import org.threatreport.scaffold.ReportScaffold;
import org.threatreport.scaffold.ScaffoldException;

/**
 * Starts a new report in a new folder, without a project: a POM that uses this plugin at this
 * version, {@code content/report.yaml}, an abstract and two example chapters with inline values, a
 * figure and a table, an invented example table in {@code data/} with its codebook, and
 * {@code site-template/README.md}. {@code mvn site:report} in the new folder builds it at once.
 *
 * <p>Outside a report project the prefix {@code site:} means Maven's own site plugin, so this goal
 * is run by its coordinates:
 * {@code mvn org.threatreport:report-maven-plugin:<version>:new}. It asks for each value not given
 * as a property; in batch mode ({@code -B}) it takes the defaults. It never writes into a folder that
 * exists and is not empty.
 */
@Mojo(name = "new", requiresProject = false, aggregator = true, threadSafe = true)
public class NewMojo extends AbstractMojo {

    /** The language of the report and of its example texts: {@code zh-CN} or {@code en}. Default {@code zh-CN}. */
    @Parameter(property = "report.language")
    private String language;

    /** The year the report's data covers. Default: last year. */
    @Parameter(property = "report.year")
    private String year;

    /** The report's title. Default: "{year} 年网络安全报告" or "Cyber-security report {year}". */
    @Parameter(property = "report.title")
    private String title;

    /** The organisation publishing the report. Default: a placeholder name to replace. */
    @Parameter(property = "report.organisation")
    private String organisation;

    /**
     * The folder to create, relative to the current one; it must not exist, or be empty. Its name is
     * also the POM's artifactId. Default: {@code threat-report-{year}}.
     */
    @Parameter(property = "report.folder")
    private String folder;

    /** The POM's groupId. */
    @Parameter(property = "report.groupId", defaultValue = "org.example.reports")
    private String groupId;

    /** Where Maven was started: the new folder is made relative to it. */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true, required = true)
    private File workingDir;

    /** Whether Maven may ask questions (false with {@code -B}). */
    @Parameter(defaultValue = "${settings.interactiveMode}", readonly = true)
    private boolean interactive;

    /** This plugin's groupId, for the new POM. */
    @Parameter(defaultValue = "${plugin.groupId}", readonly = true, required = true)
    private String pluginGroupId;

    /** This plugin's artifactId, for the new POM. */
    @Parameter(defaultValue = "${plugin.artifactId}", readonly = true, required = true)
    private String pluginArtifactId;

    /** This plugin's version: the new POM pins it, so the report builds the same later. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    private String pluginVersion;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        NewReport.Given given = new NewReport.Given(folder, title, organisation, year, language, groupId);
        NewReport.Plugin plugin = new NewReport.Plugin(pluginGroupId, pluginArtifactId, pluginVersion);
        try {
            ConsolePrompt prompt = interactive ? new ConsolePrompt(new BufferedReader(new InputStreamReader(System.in,
                    Charset.defaultCharset())), System.out) : null;
            NewReport report = NewReport.settle(given, prompt, workingDir.toPath(), LocalDate.now(), plugin);
            List<String> files = ReportScaffold.write(report);
            String name = report.folder().getFileName().toString();
            getLog().info("Started the report '" + report.title() + "' (" + report.language() + ", " + report.year()
                    + ") in " + report.folder() + ": " + files.size() + " files");
            getLog().info("Next: cd " + name + " && mvn site:report   (then open target/report-site/" + report.year()
                    + ".0/index.html; mvn site:serve previews it as you edit)");
        } catch (ScaffoldException e) {
            throw new MojoFailureException("Cannot start the report:\n" + e.getMessage());
        } catch (EOFException e) {
            throw new MojoFailureException("Cannot start the report: " + e.getMessage()
                    + "; give the values as properties (-Dreport.title=… -Dreport.organisation=… -Dreport.year=…"
                    + " -Dreport.language=zh-CN|en -Dreport.folder=…), or run with -B to take the defaults");
        } catch (IOException e) {
            throw new MojoExecutionException("Starting the report failed: " + e.getMessage(), e);
        }
    }
}
