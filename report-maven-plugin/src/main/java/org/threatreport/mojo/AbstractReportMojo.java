package org.threatreport.mojo;

import java.io.File;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.threatreport.config.BuildOptions;
import org.threatreport.config.DataAccess;
import org.threatreport.config.RenderLimits;
import org.threatreport.diagnostic.InputException;

/**
 * The parameters of the goals that build the report (where its files are, how it is built), beside
 * those every site goal shares ({@link AbstractSiteMojo}), and their adaptation into {@link BuildOptions}. The goals stay thin: options in, one call
 * into the core, problems out.
 */
public abstract class AbstractReportMojo extends AbstractSiteMojo {

    /** The report project's folder; messages name files relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File baseDir;

    /** The chapters ({@code NN-name.md}), {@code report.yaml} and the abstract {@code index.md}. */
    @Parameter(property = "report.content", defaultValue = "${project.basedir}/content", required = true)
    protected File content;

    /** The data tables: each {@code <table>.csv} with its codebook {@code <table>.schema.yaml}. */
    @Parameter(property = "report.data", defaultValue = "${project.basedir}/data", required = true)
    protected File data;

    /** Where drawn figures are cached between builds, keyed by the hash of their numbers and style. */
    @Parameter(property = "report.cache", defaultValue = "${project.build.directory}/report-cache", required = true)
    protected File cache;

    /**
     * A font file (.ttf, .otf, .ttc) for the labels of charts. Without it, a font in
     * {@code site-template/fonts/} is used, else an installed font that can draw every label, else
     * the Noto Sans SC the plugin bundles (GB 2312 and common punctuation).
     */
    @Parameter(property = "report.chartFont")
    protected File chartFont;

    /**
     * The longest, in seconds, one chapter's template may take to render. Past it — or past 50 million
     * characters of text — the build stops with an error at the chapter's line and column, so a slip
     * such as {@code <#list 1..2000000000 as i>} cannot hang {@code site:report} or {@code site:serve}.
     * Time the chapter waits for the answers of a table counted where it lies (a database, or DuckDB over a
     * large file) is not counted: the source's own {@code timeout:} bounds each query.
     */
    @Parameter(property = "report.renderTimeout", defaultValue = "60")
    protected int renderTimeout;

    /**
     * Build without reading any table where it lies — no database is connected to, no file DuckDB reads is
     * opened: every number of such a table comes from its snapshot, {@code data/<table>.snapshot.json}, which
     * each {@code site:report} online writes when what it read differs from the snapshot there (commit it
     * with the report). The pages then show what the snapshot recorded (source, when it was read, its rows),
     * so that an offline build is the online build that wrote the snapshot, byte for byte. A value or cell
     * the snapshot has no answer to is an error at its place ("build once online"). Tables read from CSV
     * files are read as always.
     */
    @Parameter(property = "report.offline", defaultValue = "false")
    protected boolean offline;

    /** Skips the goal. */
    @Parameter(property = "report.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Maven's settings: a table in a database names a {@code <server>} of {@code settings.xml} by its id
     * ({@code source: server:} in its schema) for the user name and password, never written in the project.
     */
    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    @Component
    protected SettingsDecrypter decrypter;

    /** The parameters as the core's options; a wrong option is the user's mistake. */
    protected BuildOptions options() throws MojoFailureException {
        try {
            BuildOptions options = new BuildOptions(baseDir.toPath(), content.toPath(), data.toPath(), templates.toPath(),
                    output.toPath(), cache.toPath(), version, Optional.ofNullable(chartFont).map(File::toPath))
                    .withRenderLimits(new RenderLimits(Duration.ofSeconds(renderTimeout),
                            RenderLimits.DEFAULT.characters()))
                    .withDataAccess(new DataAccess(logins(), System.getenv(), offline));
            return siteUrl == null || siteUrl.isBlank() ? options : options.withSiteUrl(java.net.URI.create(siteUrl.strip()));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    /**
     * The user names and passwords of settings.xml's servers, decrypted, by id. A server whose password
     * cannot be decrypted is left out (said at debug level only: most servers are for other goals), so that
     * a schema naming it is told there is no usable server of that id.
     */
    private java.util.Map<String, DataAccess.Login> logins() {
        java.util.Map<String, DataAccess.Login> logins = new java.util.HashMap<>();
        if (settings == null) {
            return logins;
        }
        for (Server server : settings.getServers()) {
            Server usable = server;
            if (decrypter != null) {
                SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
                if (!decrypted.getProblems().isEmpty()) {
                    getLog().debug("The password of <server> '" + server.getId() + "' in settings.xml cannot be decrypted");
                    continue;
                }
                usable = decrypted.getServer();
            }
            if (usable.getId() != null && usable.getUsername() != null) {
                logins.put(usable.getId(), new DataAccess.Login(usable.getUsername(), usable.getPassword()));
            }
        }
        return logins;
    }

    /** The problems of the report's files, one line each, as a failure of the goal. */
    protected MojoFailureException failure(InputException e) {
        return new MojoFailureException("The report has " + e.problems().size() + " problem(s):\n"
                + e.describe(baseDir.toPath()));
    }

}
