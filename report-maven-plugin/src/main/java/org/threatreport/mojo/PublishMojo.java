package org.threatreport.mojo;

import java.io.File;
import java.io.IOException;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.DistributionManagement;
import org.apache.maven.model.Site;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.apache.maven.wagon.Wagon;
import org.apache.maven.wagon.authentication.AuthenticationInfo;
import org.apache.maven.wagon.proxy.ProxyInfo;
import org.apache.maven.wagon.proxy.ProxyInfoProvider;
import org.codehaus.plexus.PlexusContainer;
import org.codehaus.plexus.component.repository.exception.ComponentLookupException;
import org.threatreport.config.PublishOptions;
import org.threatreport.publish.PublishException;
import org.threatreport.publish.PublishResult;
import org.threatreport.publish.Publisher;

/**
 * Publishes a built version of the report ({@code <output>/<version>/}, made by {@code site:report})
 * to the site root on the hosting server, beside the versions published before, and updates the
 * site root's version list, {@code latest} and home page. A published version does not change, a
 * reader never misses a file of a listed version or of {@code latest}, two publishes never hold the
 * lock at once, and credentials are never logged (see README, "Security model").
 *
 * <p>The target is the POM's {@code <distributionManagement><site><url>} (or {@code <publishUrl>});
 * credentials come only from the {@code <server>} of {@code settings.xml} with the same id; the
 * transport is Maven Wagon: {@code file:} for a mounted folder, {@code dav:http(s)://} for WebDAV.
 */
@Mojo(name = "publish", aggregator = true, threadSafe = true)
public class PublishMojo extends AbstractSiteMojo {

    private static final String URL_PROPERTY = "report.publishUrl";

    /**
     * The hosting target, e.g. {@code dav:https://intranet.example/reports/threat/} or
     * {@code file:///mnt/reports/threat/}. Defaults to the POM's {@code <distributionManagement><site><url>};
     * {@code -Dreport.publishUrl=…} overrides both.
     */
    @Parameter(property = URL_PROPERTY)
    private String publishUrl;

    /**
     * The id of the {@code <server>} in {@code settings.xml} holding the user name and password for the
     * target. Defaults to the POM's {@code <distributionManagement><site><id>}. Never put credentials in the POM.
     */
    @Parameter(property = "report.serverId")
    private String serverId;

    /** Replaces a version that is already published; without it, publishing an existing version fails. */
    @Parameter(property = "report.overwrite", defaultValue = "false")
    private boolean overwrite;

    /**
     * Removes the lock of another publish that is no longer running (the failure message names its
     * owner and age). A lock left by a stopped publish of this machine is removed without it.
     */
    @Parameter(property = "report.breakLock", defaultValue = "false")
    private boolean breakLock;

    /** Only prints what would be published and changed; nothing is sent. */
    @Parameter(property = "report.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Skips publishing. */
    @Parameter(property = "report.publish.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    private Settings settings;

    @Component
    private SettingsDecrypter decrypter;

    @Component
    private PlexusContainer container;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping publishing (report.publish.skip)");
            return;
        }
        PublishOptions options = options();
        String id = serverId != null && !serverId.isBlank() ? serverId : siteOfPom().map(Site::getId).orElse(null);
        long start = System.nanoTime();
        try (WagonSiteTarget target = WagonSiteTarget.connect(options.url(), id, authentication(id), proxies(),
                this::wagon)) {
            PublishResult result = new Publisher(options, mavenLog()).publish(target);
            if (!result.dryRun()) {
                getLog().info("Published " + result.version() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms → "
                        + options.readerUrl().map(u -> u + result.version() + "/").orElse(options.url()));
            }
        } catch (PublishException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (org.threatreport.publish.TargetException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("Publishing failed: " + e.getMessage(), e);
        }
    }

    private PublishOptions options() throws MojoFailureException {
        // -Dreport.publishUrl beats <publishUrl> in the POM, which Maven itself would not do.
        String fromCommandLine = session.getUserProperties().getProperty(URL_PROPERTY);
        String url = fromCommandLine != null ? fromCommandLine
                : publishUrl != null ? publishUrl : siteOfPom().map(Site::getUrl).orElse(null);
        try {
            return new PublishOptions(output.toPath(), version, url, Optional.ofNullable(siteUrl).filter(s -> !s.isBlank()),
                    templates.toPath(), overwrite, breakLock, dryRun);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    private Optional<Site> siteOfPom() {
        return Optional.ofNullable(project.getDistributionManagement()).map(DistributionManagement::getSite);
    }

    /** The credentials of {@code <server>} {@code id} in settings.xml, decrypted; null without one. */
    private AuthenticationInfo authentication(String id) throws MojoFailureException {
        if (id == null) {
            return null;
        }
        Server server = settings.getServer(id);
        if (server == null) {
            getLog().debug("No <server> with id '" + id + "' in settings.xml: publishing without credentials");
            return null;
        }
        SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (!decrypted.getProblems().isEmpty()) {
            throw new MojoFailureException("The password of <server> '" + id + "' in settings.xml cannot be decrypted: "
                    + decrypted.getProblems().get(0).getMessage());
        }
        server = decrypted.getServer();
        AuthenticationInfo info = new AuthenticationInfo();
        info.setUserName(server.getUsername());
        info.setPassword(server.getPassword());
        info.setPrivateKey(server.getPrivateKey());
        info.setPassphrase(server.getPassphrase());
        return info;
    }

    /** The active proxy of settings.xml for the protocol asked, as Maven's own deploy uses it. */
    private ProxyInfoProvider proxies() {
        return protocol -> {
            Proxy proxy = settings.getActiveProxy();
            if (proxy == null || !(protocol.endsWith("http") || protocol.endsWith("https") || protocol.startsWith("dav"))) {
                return null;
            }
            proxy = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy)).getProxy();
            ProxyInfo info = new ProxyInfo();
            info.setType(proxy.getProtocol());
            info.setHost(proxy.getHost());
            info.setPort(proxy.getPort());
            info.setUserName(proxy.getUsername());
            info.setPassword(proxy.getPassword());
            info.setNonProxyHosts(proxy.getNonProxyHosts());
            return info;
        };
    }

    /** The wagon Maven has for a scheme: the plexus role {@code Wagon} with the scheme as hint. */
    private Wagon wagon(String scheme) {
        try {
            return container.lookup(Wagon.class, scheme);
        } catch (ComponentLookupException e) {
            return null;
        }
    }

}
