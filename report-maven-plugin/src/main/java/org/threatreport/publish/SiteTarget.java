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

    /** Writes a file, creating its folders; a reader sees either the old file or the whole new one. */
    void write(String path, byte[] content) throws IOException;

    /** Creates a folder, only if it does not exist: the one step two publishes cannot both win. */
    boolean createFolder(String folder) throws IOException;

    /** Renames a file (replacing one of that name) or a folder (the new name must be free), on the server. */
    void move(String from, String to) throws IOException;

    /** Deletes a file or a folder with everything in it; nothing happens when it does not exist. */
    void delete(String path) throws IOException;

    @Override
    void close() throws IOException;
}
