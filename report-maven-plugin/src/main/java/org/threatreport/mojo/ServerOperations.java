package org.threatreport.mojo;

import java.io.IOException;

/**
 * What publishing needs of a server beyond Maven Wagon's {@code Wagon} (which can put, get and list,
 * but not rename or delete): creating a folder only if it is new, renaming, deleting.
 */
interface ServerOperations {

    /** Creates the site root itself if it does not exist. */
    void createRoot() throws IOException;

    /** @return false when the folder exists already */
    boolean createFolder(String folder) throws IOException;

    /** @see org.threatreport.publish.SiteTarget#move */
    void move(String from, String to) throws IOException;

    /** @see org.threatreport.publish.SiteTarget#moveIfAbsent */
    boolean moveIfAbsent(String from, String to) throws IOException;

    void delete(String path) throws IOException;
}
