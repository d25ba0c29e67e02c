package org.threatreport.preview;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Problem;
import org.threatreport.diagnostic.Log;

/**
 * {@code site:serve}: builds the report, serves it, and rebuilds what a change of its sources
 * affects, for as long as it runs. A build with mistakes keeps the last good site served, with its
 * problems shown over every page, until a save fixes them.
 */
public final class Preview implements AutoCloseable {

    private final BuildOptions options;
    private final Log log;
    private final PreviewServer server;
    private final LiveBuild live;
    private final SourceWatcher watcher;
    private final Thread rebuilder;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean stopping;

    private Preview(BuildOptions options, Log log, PreviewServer server, LiveBuild live, SourceWatcher watcher) {
        this.options = options;
        this.log = log;
        this.server = server;
        this.live = live;
        this.watcher = watcher;
        this.rebuilder = new Thread(this::rebuildLoop, "report-preview-rebuild");
        rebuilder.setDaemon(true);
    }

    /**
     * Binds the address, builds the report and starts serving it and watching its sources.
     *
     * @param port 0 for any free port (see {@link #url()})
     * @throws IOException when the address cannot be bound (the port is in use) or the sources cannot be watched
     */
    public static Preview start(BuildOptions options, String bind, int port, Log log) throws IOException {
        PreviewServer server = new PreviewServer(new InetSocketAddress(bind, port), options.version(),
                options.outputDir(), options.projectDir());
        LiveBuild live = new LiveBuild(options, log);
        SourceWatcher watcher;
        try {
            watcher = new SourceWatcher(List.of(options.contentDir(), options.dataDir(), options.templateDir()));
        } catch (IOException | RuntimeException e) {
            server.close();
            live.close();
            throw e;
        }
        Preview preview = new Preview(options, log, server, live, watcher);
        preview.build(live::build);
        server.start();
        preview.rebuilder.start();
        return preview;
    }

    /** The address the report is served at: {@code http://127.0.0.1:8000/<version>/}. */
    public URI url() {
        return server.url();
    }

    private interface Step {
        LiveBuild.Update run() throws Exception;
    }

    private void build(Step step) {
        try {
            LiveBuild.Update update = step.run();
            server.publish(live.files(), List.of());
            log.info(update.describe());
        } catch (InputException e) {
            List<String> lines = e.problems().stream().map(p -> p.format(options.projectDir())).toList();
            server.publish(live.files(), lines);
            log.error("The report has " + lines.size() + " problem(s); serving the last good build:", null);
            lines.forEach(line -> log.error(line, null));
        } catch (Exception e) {
            String line = Problem.error(options.projectDir(), "the build failed: " + e).format(options.projectDir());
            server.publish(live.files(), List.of(line));
            log.error("The build failed: " + e, e);
        }
    }

    private void rebuildLoop() {
        try {
            while (!stopping) {
                Set<Path> changed = watcher.next();
                if (changed == null || stopping) {
                    return;
                }
                if (!changed.isEmpty()) {
                    build(live::build);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the preview is closed. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops watching, building and serving; safe to call more than once, from any thread. */
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        stopping = true;
        try {
            watcher.close();
        } catch (IOException e) {
            // closing anyway
        }
        rebuilder.interrupt();
        server.close();
        try {
            rebuilder.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        live.close();
        closed.countDown();
    }
}
