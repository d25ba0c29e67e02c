package org.threatreport.reading;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Log;
import org.threatreport.pipeline.ReportBuild;

/**
 * The flagship 2017 report of this repository, built once per test run into
 * {@code target/reading-site/2017/} for the tests of reading it: as files, over http and in a browser.
 * Built with a site address so that the absolute links (sitemap, Open Graph) are made too.
 */
final class ReadingSite {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final URI SITE_URL = URI.create("https://reports.example.org/threat-report/");
    static final String VERSION = "2017";

    private static Path siteRoot;
    private static final List<String> LOG = new ArrayList<>();

    private ReadingSite() {
    }

    static BuildOptions options(Path output, Path cache) {
        return new BuildOptions(ROOT, ROOT.resolve("content"), ROOT.resolve("data"), ROOT.resolve("site-template"),
                output, cache, VERSION, Optional.empty());
    }

    /** The site root (the folder holding {@code 2017/}), built on first use. */
    static synchronized Path root() throws Exception {
        if (siteRoot == null) {
            Path target = Path.of("target").toAbsolutePath();
            Path output = target.resolve("reading-site");
            Log log = new Log() {
                @Override
                public void info(String message) {
                    LOG.add(message);
                }

                @Override
                public void debug(String message) {
                }
            };
            new ReportBuild(options(output, target.resolve("reading-cache")).withSiteUrl(SITE_URL), log).run();
            siteRoot = output;
        }
        return siteRoot;
    }

    /** The version folder {@code 2017/}. */
    static Path version() throws Exception {
        return root().resolve(VERSION);
    }

    /** The INFO lines of the build. */
    static synchronized List<String> log() throws Exception {
        root();
        return List.copyOf(LOG);
    }
}
