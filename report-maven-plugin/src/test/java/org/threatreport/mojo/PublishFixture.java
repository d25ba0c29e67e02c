package org.threatreport.mojo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.wagon.authentication.AuthenticationInfo;
import org.threatreport.config.BuildOptions;
import org.threatreport.config.PublishOptions;
import org.threatreport.diagnostic.Log;
import org.threatreport.pipeline.ReportBuild;
import org.threatreport.publish.PublishException;
import org.threatreport.diagnostic.Log;
import org.threatreport.publish.PublishResult;
import org.threatreport.publish.Publisher;
import org.threatreport.publish.SiteTarget;
import org.threatreport.testing.ProjectFiles;

/**
 * A small report project ({@code src/test/resources/publish/report}) copied into a test's folder,
 * built by the real pipeline and published by the real publisher through {@link WagonSiteTarget}:
 * what {@code site:report} and {@code site:publish} do, without Maven around them.
 */
final class PublishFixture {

    static final Path SOURCE = Path.of("src/test/resources/publish/report");

    final Path project;
    final List<String> log = new ArrayList<>();

    PublishFixture(Path project) throws IOException {
        this.project = project;
        ProjectFiles.copyTree(SOURCE, project);
    }

    Path siteRoot() {
        return project.resolve("target/report-site");
    }

    PublishFixture build(String version) throws Exception {
        new ReportBuild(new BuildOptions(project, project.resolve("content"), project.resolve("data"),
                project.resolve("site-template"), siteRoot(), project.resolve("target/report-cache"), version,
                Optional.empty()), Log.silent()).run();
        return this;
    }

    /** The next revision: one incident reclassified, and the editor's note on it. */
    PublishFixture revise() throws IOException {
        Path csv = project.resolve("data/incidents.csv");
        Files.writeString(csv, Files.readString(csv).replace("G03,2017-02-20,金融机构", "G03,2017-02-20,政府部门"));
        Files.writeString(project.resolve("content/corrections.md"),
                "事件 G03 的行业由金融机构更正为政府部门。\n");
        return this;
    }

    /** Forgets the versions built before, as a fresh checkout on a build server would. */
    PublishFixture forgetOtherVersions(String keep) throws IOException {
        try (var names = Files.list(siteRoot())) {
            for (Path path : names.toList()) {
                if (!path.getFileName().toString().equals(keep)) {
                    delete(path);
                }
            }
        }
        return this;
    }

    static PublishOptions options(Path siteRoot, String version, String url, boolean overwrite, boolean breakLock,
                                  boolean dryRun) {
        return new PublishOptions(siteRoot, version, url, Optional.empty(), siteRoot.resolve("no-template"),
                overwrite, breakLock, dryRun);
    }

    PublishResult publish(String version, String url, AuthenticationInfo auth, boolean overwrite, boolean breakLock,
                          boolean dryRun) throws PublishException, IOException {
        return publish(options(siteRoot(), version, url, overwrite, breakLock, dryRun), auth, log);
    }

    PublishResult publish(String version, String url, AuthenticationInfo auth) throws PublishException, IOException {
        return publish(version, url, auth, false, false, false);
    }

    static PublishResult publish(PublishOptions options, AuthenticationInfo auth, List<String> log)
            throws PublishException, IOException {
        return publish(options, auth, log, target -> target);
    }

    /** @param around wraps the target, e.g. to slow some steps down */
    static PublishResult publish(PublishOptions options, AuthenticationInfo auth, List<String> log,
                                 java.util.function.UnaryOperator<SiteTarget> around) throws PublishException, IOException {
        try (WagonSiteTarget target = WagonSiteTarget.connect(options.url(), "report-site", auth, null, scheme -> null)) {
            return new Publisher(options, collect(log)).publish(around.apply(target));
        }
    }

    static AuthenticationInfo auth(String user, String password) {
        AuthenticationInfo auth = new AuthenticationInfo();
        auth.setUserName(user);
        auth.setPassword(password);
        return auth;
    }

    static Log collect(List<String> lines) {
        return new Log() {
            @Override
            public void info(String message) {
                lines.add("INFO " + message);
            }

            @Override
            public void warn(String message) {
                lines.add("WARN " + message);
            }

            @Override
            public void debug(String message) {
            }
        };
    }


    static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var files = Files.walk(path)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Every file under {@code root} with its bytes, to tell whether anything changed. */
    static java.util.Map<String, String> snapshot(Path root) throws IOException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (var walk = Files.walk(root)) {
            for (Path file : walk.sorted().toList()) {
                String name = root.relativize(file).toString() + (Files.isDirectory(file) ? "/" : "");
                files.put(name, Files.isDirectory(file) ? "" : java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}
