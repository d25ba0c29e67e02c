package org.threatreport.site;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * Writes a version folder without ever leaving it half-written: the files go to a temporary
 * folder beside it, which then replaces the old folder by renaming. A failed build therefore
 * leaves the last good site as it was.
 */
public final class SiteInstaller {

    private SiteInstaller() {
    }

    /**
     * @param modified the time stamp every file gets, so that two builds are identical to the byte
     *                 and to the listing
     */
    public static void install(Map<String, byte[]> files, Path versionDir, FileTime modified) throws IOException {
        // Normalised, so that "./site" or "a/../site" compare as the folders they name.
        Path folder = versionDir.toAbsolutePath().normalize();
        Path parent = folder.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + folder.getFileName() + ".new-");
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = staging.resolve(file.getKey()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("refusing to write outside the site folder: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
                Files.setLastModifiedTime(target, modified);
            }
            replace(staging, folder);
        } finally {
            deleteTree(staging);
        }
    }

    private static void replace(Path staging, Path versionDir) throws IOException {
        Path old = null;
        if (Files.exists(versionDir)) {
            old = Files.createTempDirectory(versionDir.getParent(), "." + versionDir.getFileName() + ".old-");
            Files.delete(old);
            Files.move(versionDir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, versionDir, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Deletes {@code root} and everything below it; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
