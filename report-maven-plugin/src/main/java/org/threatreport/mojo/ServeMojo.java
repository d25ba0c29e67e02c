package org.threatreport.mojo;

import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.threatreport.config.BuildOptions;
import org.threatreport.preview.Preview;

/**
 * Serves the report for editing at {@code http://127.0.0.1:8000/}: builds it, watches
 * {@code content/}, {@code data/} and {@code site-template/}, rebuilds what a change affects and
 * reloads the open page. A build with mistakes keeps the last good pages served with the problems
 * shown over them; the next good save clears them. Serves the bytes {@code site:report} writes,
 * plus a live-reload script injected into each page as it is served; writes no site. Runs until
 * stopped with Ctrl-C.
 */
@Mojo(name = "serve", aggregator = true, threadSafe = true)
public class ServeMojo extends AbstractReportMojo {

    /** The port to serve on. */
    @Parameter(property = "report.port", defaultValue = "8000")
    private int port;

    /**
     * The address to listen on: {@code 127.0.0.1} serves this machine only; {@code 0.0.0.0} serves
     * the network too (others can then read the unpublished report, by this machine's address or
     * name; a request for any other host name is refused, against DNS rebinding).
     */
    @Parameter(property = "report.bind", defaultValue = "127.0.0.1")
    private String bind;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the preview (report.skip)");
            return;
        }
        BuildOptions options = options();
        Preview preview;
        try {
            preview = Preview.start(options, bind, port, mavenLog());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot serve on " + bind + ":" + port + " (" + e.getMessage()
                    + "); choose another port with -Dreport.port=…", e);
        }
        // Ctrl-C: stop serving and watching. No logging here: Maven's console is being torn down.
        Thread stop = new Thread(preview::close, "report-preview-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        getLog().info("Serving the report at " + preview.url() + " — watching " + shown(content) + ", " + shown(data)
                + " and " + shown(templates) + "; press Ctrl-C to stop");
        try {
            preview.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            preview.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook has done its work
            }
        }
    }

    /** A folder as the user knows it: relative to the project when inside it. */
    private String shown(java.io.File folder) {
        java.nio.file.Path base = baseDir.toPath().toAbsolutePath().normalize();
        java.nio.file.Path path = folder.toPath().toAbsolutePath().normalize();
        return (path.startsWith(base) ? base.relativize(path) : path) + "/";
    }

}
