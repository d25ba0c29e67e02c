package org.threatreport.mojo;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.threatreport.site.SiteInstaller;

/** The server operations of a {@code file:} target (a mounted folder): renames are the file system's own. */
final class FolderOperations implements ServerOperations {

    private final Path root;

    FolderOperations(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void createRoot() throws IOException {
        Files.createDirectories(root);
    }

    @Override
    public boolean createFolder(String folder) throws IOException {
        try {
            Files.createDirectory(resolve(folder));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    @Override
    public void move(String from, String to) throws IOException {
        Path source = resolve(from);
        Path target = resolve(to);
        if (Files.isDirectory(source)) {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void delete(String path) throws IOException {
        SiteInstaller.deleteTree(resolve(path));
    }

    private Path resolve(String path) throws IOException {
        Path resolved = root.resolve(path.endsWith("/") ? path.substring(0, path.length() - 1) : path).normalize();
        if (!resolved.startsWith(root)) {
            throw new IOException("refusing to touch " + path + ": outside the site root " + root);
        }
        return resolved;
    }
}
