package org.threatreport.mojo;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.threatreport.publish.SiteTarget;

/**
 * A target that calls {@code beforeStep} before every request that changes the server (write, create,
 * move, delete), with the step's name and path: to print the steps of a publish so a test can kill it
 * at one of them, or to slow some down so that publishes running at once overlap.
 */
record SteppedTarget(SiteTarget target, Step beforeStep) implements SiteTarget {

    interface Step {
        void before(String step, String path) throws IOException;
    }

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
        beforeStep.before("write", path);
        target.write(path, content);
    }

    @Override
    public boolean createFolder(String folder) throws IOException {
        beforeStep.before("create", folder);
        return target.createFolder(folder);
    }

    @Override
    public void move(String from, String to) throws IOException {
        beforeStep.before("move", from + " " + to);
        target.move(from, to);
    }

    @Override
    public boolean moveIfAbsent(String from, String to) throws IOException {
        beforeStep.before("moveIfAbsent", from + " " + to);
        return target.moveIfAbsent(from, to);
    }

    @Override
    public void delete(String path) throws IOException {
        beforeStep.before("delete", path);
        target.delete(path);
    }

    @Override
    public void close() throws IOException {
        target.close();
    }

    /** Sleeps, as a slow network would, and stops the step when interrupted. */
    static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
