package org.threatreport.site;

import java.io.IOException;

/** Reads the files of one version folder, wherever it is: on disk, in memory, on a server. */
@FunctionalInterface
public interface FileSource {

    /** The file at {@code path} (relative to the version folder), or null when there is none. */
    byte[] read(String path) throws IOException;
}
