package org.threatreport.mojo;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.threatreport.diagnostic.Log;

/**
 * The parameters every goal that writes or publishes a version shares — which version, the local site
 * root, the site template, the site's address — and the goals' one log.
 */
public abstract class AbstractSiteMojo extends AbstractMojo {

    /**
     * The version: the name of its folder, shown on every page (e.g. 2017, 2017.1). Letters, digits,
     * {@code .}, {@code -}, {@code _} and {@code +}, starting with a letter or digit, at most 64
     * characters, and not a name of the site root ({@code latest}, {@code index.html},
     * {@code versions.json}, …).
     */
    @Parameter(property = "report.version", defaultValue = "${project.version}", required = true)
    protected String version;

    /** The local site root: each version is written to (and published from) its subfolder named after the version. */
    @Parameter(property = "report.output", defaultValue = "${project.build.directory}/report-site", required = true)
    protected File output;

    /**
     * Files overriding the built-in site template by name: layouts ({@code *.ftlh}), {@code assets/},
     * {@code messages_<language>.properties}, {@code chart-theme.properties} and {@code fonts/}. Publishing
     * reads its UI strings and root-page layouts for the pages it writes (version lists, root pages).
     */
    @Parameter(property = "report.templates", defaultValue = "${project.basedir}/site-template", required = true)
    protected File templates;

    /**
     * Where readers reach the site root once published, e.g. {@code https://reports.example.org/threat-report/}
     * (the versions are its subfolders). Gives the addresses that must be absolute — the sitemap's,
     * canonical and Open Graph links — their full form; without it Open Graph and canonical links are
     * left out and the sitemap keeps relative addresses. Needed to publish to a {@code file:} target.
     */
    @Parameter(property = "report.siteUrl")
    protected String siteUrl;

    /** The goal's progress, logged through Maven. */
    protected Log mavenLog() {
        return new Log() {
            @Override
            public void info(String message) {
                getLog().info(message);
            }

            @Override
            public void debug(String message) {
                getLog().debug(message);
            }

            @Override
            public void warn(String message) {
                getLog().warn(message);
            }

            @Override
            public void error(String message, Exception cause) {
                // A fault's trace only with -X (debug): at the default level the message says it all.
                getLog().error(message);
                if (cause != null) {
                    getLog().debug(cause);
                }
            }
        };
    }
}
