package org.threatreport.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one build reads and writes, validated when built. The Maven goals adapt their parameters
 * into this record; tests build it directly.
 *
 * @param projectDir    the report project's folder; messages name files relative to it
 * @param contentDir    chapters, {@code report.yaml} and {@code index.md}
 * @param dataDir       CSV tables and their {@code *.schema.yaml}
 * @param templateDir   files overriding the built-in site template (may not exist)
 * @param outputDir     the site root: the report is written to {@code outputDir/version}
 * @param cacheDir      where drawn figures are kept between builds
 * @param version       the version folder's name (see {@link VersionName} for what it may be)
 * @param chartFont     a font file for chart labels, or empty to choose one
 * @param siteUrl       where readers reach the site root once published ({@code https://…/reports/}), or
 *                      empty when not known: addresses that must be absolute (the sitemap, canonical and
 *                      Open Graph links) need it
 * @param renderLimits  how long a chapter may render, and how much it may write
 * @param pdf           whether the build also writes the report as one PDF ({@code report.pdf})
 * @param dataAccess    the logins and environment for tables in databases, and whether to stay offline
 */
public record BuildOptions(Path projectDir, Path contentDir, Path dataDir, Path templateDir,
                           Path outputDir, Path cacheDir, String version, Optional<Path> chartFont,
                           Optional<URI> siteUrl, RenderLimits renderLimits, boolean pdf,
                           DataAccess dataAccess) {

    public BuildOptions {
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(contentDir, "contentDir");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(templateDir, "templateDir");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(chartFont, "chartFont");
        Objects.requireNonNull(siteUrl, "siteUrl");
        Objects.requireNonNull(renderLimits, "renderLimits");
        Objects.requireNonNull(dataAccess, "dataAccess");
        List<String> wrong = new ArrayList<>();
        VersionName.problem("report.version", version).ifPresent(wrong::add);
        siteUrl.ifPresent(url -> {
            if (!url.isAbsolute() || !List.of("http", "https").contains(url.getScheme()) || url.getHost() == null
                    || url.getRawQuery() != null || url.getRawFragment() != null) {
                wrong.add("report.siteUrl '" + url + "' is not the address of a site: use an absolute http(s) address"
                        + " without query or fragment, e.g. https://reports.example.org/threat-report/");
            }
        });
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", wrong));
        }
    }

    /** Options for a site whose address is not known, without the PDF. */
    public BuildOptions(Path projectDir, Path contentDir, Path dataDir, Path templateDir,
                        Path outputDir, Path cacheDir, String version, Optional<Path> chartFont) {
        this(projectDir, contentDir, dataDir, templateDir, outputDir, cacheDir, version, chartFont, Optional.empty(),
                RenderLimits.DEFAULT, false, DataAccess.fromEnvironment());
    }

    /** Options with limits, a site address and the PDF or not, reaching databases with this process's environment. */
    public BuildOptions(Path projectDir, Path contentDir, Path dataDir, Path templateDir, Path outputDir, Path cacheDir,
                        String version, Optional<Path> chartFont, Optional<URI> siteUrl, RenderLimits renderLimits,
                        boolean pdf) {
        this(projectDir, contentDir, dataDir, templateDir, outputDir, cacheDir, version, chartFont, siteUrl, renderLimits,
                pdf, DataAccess.fromEnvironment());
    }

    /** The same options with the site's address set. */
    public BuildOptions withSiteUrl(URI url) {
        return new BuildOptions(projectDir, contentDir, dataDir, templateDir, outputDir, cacheDir, version, chartFont,
                Optional.of(url), renderLimits, pdf, dataAccess);
    }

    /** The same options with other limits for rendering a chapter. */
    public BuildOptions withRenderLimits(RenderLimits limits) {
        return new BuildOptions(projectDir, contentDir, dataDir, templateDir, outputDir, cacheDir, version, chartFont,
                siteUrl, limits, pdf, dataAccess);
    }

    /** The same options with the PDF made or not. */
    public BuildOptions withPdf(boolean makePdf) {
        return new BuildOptions(projectDir, contentDir, dataDir, templateDir, outputDir, cacheDir, version, chartFont,
                siteUrl, renderLimits, makePdf, dataAccess);
    }

    /** The same options with other logins for databases, or offline. */
    public BuildOptions withDataAccess(DataAccess access) {
        return new BuildOptions(projectDir, contentDir, dataDir, templateDir, outputDir, cacheDir, version, chartFont,
                siteUrl, renderLimits, pdf, access);
    }

    /** The conventional layout of a report project rooted at {@code projectDir}, without the PDF. */
    public static BuildOptions conventional(Path projectDir, String version) {
        return new BuildOptions(projectDir, projectDir.resolve("content"), projectDir.resolve("data"),
                projectDir.resolve("site-template"), projectDir.resolve("target/report-site"),
                projectDir.resolve("target/report-cache"), version, Optional.empty());
    }

    public Path versionDir() {
        return outputDir.resolve(version);
    }
}
