package org.threatreport.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one publish sends where, validated when built. The Maven goal adapts its parameters into this
 * record; tests build it directly.
 *
 * @param siteRoot    the local site root the version was built into ({@code target/report-site})
 * @param version     the version to publish: the name of its folder there and on the server (see {@link VersionName})
 * @param url         the hosting target, for messages ({@code dav:https://intranet/reports/}, {@code file:///srv/reports})
 * @param siteUrl     where readers reach the site root, for sitemaps and the 404 page; empty when unknown
 * @param templateDir the project's site template (UI strings of the pages publish writes)
 * @param overwrite   replace a version that is already published
 * @param breakLock   remove the lock of another publish that is no longer running
 * @param dryRun      only tell what would change
 */
public record PublishOptions(Path siteRoot, String version, String url, Optional<String> siteUrl, Path templateDir,
                             boolean overwrite, boolean breakLock, boolean dryRun) {

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.+");

    public PublishOptions {
        Objects.requireNonNull(siteRoot, "siteRoot");
        Objects.requireNonNull(templateDir, "templateDir");
        Objects.requireNonNull(siteUrl, "siteUrl");
        List<String> wrong = new ArrayList<>();
        VersionName.problem("report.version", version).ifPresent(wrong::add);
        if (url == null || url.isBlank()) {
            wrong.add("no hosting target: set <distributionManagement><site><url> in the POM, <publishUrl> in the"
                    + " plugin's configuration, or -Dreport.publishUrl=dav:https://host/path/");
        } else if (!SCHEME.matcher(url).matches()) {
            wrong.add("the hosting target '" + url + "' is not a URL: use file:///path/to/folder or dav:https://host/path/");
        } else if (hasCredentials(url)) {
            wrong.add("the hosting target '" + url + "' holds a user name or password: remove it and put the credentials"
                    + " in a <server> of ~/.m2/settings.xml, named by -Dreport.serverId or the POM's <distributionManagement><site><id>");
        }
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", wrong));
        }
        siteUrl = siteUrl.map(u -> u.endsWith("/") ? u : u + "/");
    }

    private static boolean hasCredentials(String url) {
        String rest = url.replaceFirst("^(dav\\+?[a-z]*|davs):", "");
        try {
            return URI.create(rest).getRawUserInfo() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public Path versionDir() {
        return siteRoot.resolve(version);
    }

    /**
     * Where readers reach the site: the given one, else the target's address when it is a web server
     * ({@code dav:https://host/reports/} → {@code https://host/reports/}).
     */
    public Optional<String> readerUrl() {
        if (siteUrl.isPresent()) {
            return siteUrl;
        }
        String plain = url.replaceFirst("^dav:", "").replaceFirst("^dav\\+(https?):", "$1:").replaceFirst("^davs:", "https:");
        return plain.startsWith("http://") || plain.startsWith("https://")
                ? Optional.of(plain.endsWith("/") ? plain : plain + "/") : Optional.empty();
    }
}
