package org.threatreport.site;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The permissions every file and folder of a site gets, so that any web server or file share can read
 * it: files {@code 0644}, folders {@code 0755}, less what the user's umask takes away. Temporary files
 * and folders (which Java makes {@code 0600} and {@code 0700}, readable by their owner alone) are given
 * these before they are moved into place.
 *
 * <p>Java cannot read the umask, but a folder created with default permissions shows it: it gets
 * {@code 0777} less the umask. Where the file system has no POSIX permissions nothing is changed.
 */
public final class FileModes {

    private static final Set<PosixFilePermission> FILE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    private static final Set<PosixFilePermission> FOLDER = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

    /** null where the file system has no POSIX permissions */
    private final Set<PosixFilePermission> file;
    private final Set<PosixFilePermission> folder;

    private FileModes(Set<PosixFilePermission> file, Set<PosixFilePermission> folder) {
        this.file = file;
        this.folder = folder;
    }

    /**
     * The modes under the umask that {@code created}, a folder this process has just created with
     * default permissions ({@link Files#createDirectory} without attributes), reveals.
     */
    public static FileModes fromNewFolder(Path created) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(created, PosixFileAttributeView.class);
        if (view == null) {
            return new FileModes(null, null);
        }
        Set<PosixFilePermission> allowed = view.readAttributes().permissions(); // 0777 less the umask
        Set<PosixFilePermission> file = EnumSet.copyOf(FILE);
        file.retainAll(allowed);
        Set<PosixFilePermission> folder = EnumSet.copyOf(FOLDER);
        folder.retainAll(allowed);
        return new FileModes(Set.copyOf(file), Set.copyOf(folder));
    }

    /** The modes under this process's umask, found by creating (and removing) a folder in {@code dir}. */
    public static FileModes probe(Path dir) throws IOException {
        Path probe = Files.createDirectory(dir.resolve(Leftovers.name("modes", "probe")));
        try {
            return fromNewFolder(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** Gives a file or a folder (not what is in it) its mode. */
    public void apply(Path path) throws IOException {
        if (file != null) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? folder : file);
        }
    }

    /** Gives {@code root} and everything in it their modes. */
    public void applyTree(Path root) throws IOException {
        if (file == null) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.setPosixFilePermissions(dir, folder);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) throws IOException {
                Files.setPosixFilePermissions(path, file);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
