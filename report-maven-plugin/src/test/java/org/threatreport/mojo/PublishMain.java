package org.threatreport.mojo;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.threatreport.config.PublishOptions;
import org.threatreport.publish.PublishLog;
import org.threatreport.publish.Publisher;
import org.threatreport.publish.SiteTarget;

/**
 * A publish in a JVM of its own, so a test can kill it halfway: arguments are the local site root,
 * the version, the target URL, user, password and a pause before each upload (to be killed in).
 * Prints "uploading" before the first upload.
 */
public final class PublishMain {

    private PublishMain() {
    }

    public static void main(String[] args) throws Exception {
        java.nio.file.Path siteRoot = java.nio.file.Path.of(args[0]);
        PublishOptions options = new PublishOptions(siteRoot, args[1], args[2], Optional.empty(),
                siteRoot.resolve("no-template"), false, false, false);
        long pause = Long.parseLong(args[5]);
        try (WagonSiteTarget target = WagonSiteTarget.connect(args[2], "report-site",
                PublishFixture.auth(args[3], args[4]), null, scheme -> null)) {
            new Publisher(options, PublishLog.silent()).publish(new Slow(target, pause));
        }
        System.out.println("published");
    }

    /** A target that pauses before every upload. */
    private record Slow(SiteTarget target, long pause) implements SiteTarget {
        @Override
        public String url() {
            return target.url();
        }

        @Override
        public Optional<byte[]> read(String path) throws IOException {
            return target.read(path);
        }

        @Override
        public List<String> list(String folder) throws IOException {
            return target.list(folder);
        }

        @Override
        public void write(String path, byte[] content) throws IOException {
            System.out.println("uploading " + path);
            System.out.flush();
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            target.write(path, content);
        }

        @Override
        public boolean createFolder(String folder) throws IOException {
            return target.createFolder(folder);
        }

        @Override
        public void move(String from, String to) throws IOException {
            target.move(from, to);
        }

        @Override
        public void delete(String path) throws IOException {
            target.delete(path);
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }
}
