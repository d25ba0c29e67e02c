package org.threatreport.publish;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A site root on a hosting server, as publishing needs it. Paths are relative to the site root,
 * with {@code /} between folders; a folder's path ends with {@code /}. The goal supplies it (over
 * Maven Wagon); this package knows nothing of Maven.
 *
 * <p>Problems reaching the server are {@link TargetException}s; other {@link IOException}s are faults.
 */
public interface SiteTarget extends AutoCloseable {

    /** The target's address, for messages. */
    String url();

    /** The file at {@code path}, or empty when there is none. */
    Optional<byte[]> read(String path) throws IOException;

    /** The names in a folder ({@code ""} for the site root); folders end with {@code /}; empty when it does not exist. */
    List<String> list(String folder) throws IOException;

    /**
     * Writes a file, creating its folders. Not necessarily in one step (a mounted folder is written as
     * it comes): publishing writes only under {@code .publish/}, and {@link #move}s files into place.
     */
    void write(String path, byte[] content) throws IOException;

    /** Creates a folder (its parent must exist), only if it does not exist; creates the site root first when needed. */
    boolean createFolder(String folder) throws IOException;

    /**
     * Renames a file, replacing one of that name in a single step (a reader gets the old file or the new
     * one, never nothing), or a folder to a free name, on the server; creates the folders {@code to} needs.
     */
    void move(String from, String to) throws IOException;

    /**
     * Renames a folder to {@code to} only if nothing has that name, in a single step of the server that no
     * other client can come between: the step two publishes cannot both win.
     *
     * @return false when {@code to} exists, or {@code from} does not
     */
    boolean moveIfAbsent(String from, String to) throws IOException;

    /** Deletes a file or a folder with everything in it; nothing happens when it does not exist. */
    void delete(String path) throws IOException;

    @Override
    void close() throws IOException;
}
