package org.threatreport.mojo;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.threatreport.site.FileModes;
import org.threatreport.site.SiteInstaller;

/**
 * The server operations of a {@code file:} target (a mounted folder): renames are the file system's
 * own. What is moved to a name readers see gets the permissions of a site ({@link FileModes}) first,
 * so a web server serving the folder as another user can read it.
 */
final class FolderOperations implements ServerOperations {

    private final Path root;
    private FileModes modes;

    FolderOperations(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void createRoot() throws IOException {
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root);
            modes().apply(root);
        }
    }

    @Override
    public boolean createFolder(String folder) throws IOException {
        createRoot();
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
        createParents(target, isPublic(to));
        if (isPublic(to)) {
            modes().applyTree(source);
        }
        if (Files.isDirectory(source)) {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A folder's rename onto a folder that is not empty fails, and with {@code ATOMIC_MOVE} Java asks for
     * that one rename and nothing else (no look first). An empty folder in the way is replaced: it holds
     * nothing anyone could lose.
     */
    @Override
    public boolean moveIfAbsent(String from, String to) throws IOException {
        Path source = resolve(from);
        Path target = resolve(to);
        if (!Files.isDirectory(source)) {
            return false;
        }
        createParents(target, isPublic(to));
        if (isPublic(to)) {
            modes().applyTree(source);
        }
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (FileSystemException e) {
            if (Files.exists(target) || !Files.exists(source)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(String path) throws IOException {
        SiteInstaller.deleteTree(resolve(path));
    }

    /** Outside the hidden area readers are not meant to see. */
    private static boolean isPublic(String path) {
        return !path.startsWith(".");
    }

    private void createParents(Path target, boolean withModes) throws IOException {
        Path parent = target.getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        createParents(parent, withModes);
        Files.createDirectory(parent);
        if (withModes) {
            modes().apply(parent);
        }
    }

    /** Found once, the first time a file goes public: the umask does not change while a publish runs. */
    private FileModes modes() throws IOException {
        if (modes == null) {
            Files.createDirectories(root);
            modes = FileModes.probe(root);
        }
        return modes;
    }

    private Path resolve(String path) throws IOException {
        Path resolved = root.resolve(path.endsWith("/") ? path.substring(0, path.length() - 1) : path).normalize();
        if (!resolved.startsWith(root)) {
            throw new IOException("refusing to touch " + path + ": outside the site root " + root);
        }
        return resolved;
    }
}
