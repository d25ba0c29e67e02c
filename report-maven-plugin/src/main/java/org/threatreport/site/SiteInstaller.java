package org.threatreport.site;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the folders and files of a local site root without ever leaving them half-written, and
 * readable by any web server ({@link FileModes}).
 *
 * <ul>
 *   <li>{@link #install}: a version folder is written into a hidden folder beside it, which then
 *       replaces the old folder by renaming, so a failed build leaves the last good version as it was;</li>
 *   <li>{@link #writeFile}: one file is written under a hidden name and renamed over the old one;</li>
 *   <li>{@link #replaceFileByFile}: a folder readers keep asking for ({@code latest/}) is updated one
 *       file at a time, each by {@link #writeFile}, so no file of it is ever missing.</li>
 * </ul>
 * What a stopped build left behind is removed by the next one ({@link Leftovers}).
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
        boolean newRoot = !Files.isDirectory(parent);
        Files.createDirectories(parent);
        Leftovers.clean(parent);
        Path staging = Files.createDirectory(parent.resolve(Leftovers.name(folder.getFileName().toString(), "new")));
        try {
            FileModes modes = FileModes.fromNewFolder(staging);
            if (newRoot) {
                modes.apply(parent);
            }
            modes.apply(staging);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = inside(staging, file.getKey());
                createFolders(staging, target.getParent(), modes);
                Files.write(target, file.getValue());
                modes.apply(target);
                Files.setLastModifiedTime(target, modified);
            }
            replace(staging, folder);
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * Brings {@code folder} to hold exactly {@code files}, writing each one with {@link #writeFile} and
     * then removing the files it held that are not among them: a reader asking for any of its files
     * meanwhile gets the old one or the new one, never nothing.
     */
    public static void replaceFileByFile(Map<String, byte[]> files, Path folder, FileTime modified) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        Files.createDirectories(root.getParent());
        FileModes modes = FileModes.probe(root.getParent());
        if (!Files.isDirectory(root)) {
            Files.createDirectory(root);
            modes.apply(root);
        }
        Leftovers.clean(root);
        List<Path> wanted = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = inside(root, file.getKey());
            createFolders(root, target.getParent(), modes);
            writeFile(target, file.getValue(), modified, modes);
            wanted.add(target);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> stale = walk.filter(p -> !p.equals(root) && !wanted.contains(p)
                            && wanted.stream().noneMatch(w -> w.startsWith(p))
                            && !Leftovers.isTemporary(p.getFileName().toString()))
                    .sorted(Comparator.reverseOrder()).toList();
            for (Path path : stale) {
                deleteTree(path);
            }
        }
    }

    /** Writes {@code target} under a hidden name beside it, then renames it over the old one in one step. */
    public static void writeFile(Path target, byte[] content, FileTime modified, FileModes modes) throws IOException {
        Path temporary = target.resolveSibling(Leftovers.name(target.getFileName().toString(), "tmp"));
        try {
            Files.write(temporary, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            modes.apply(temporary);
            Files.setLastModifiedTime(temporary, modified);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path inside(Path root, String name) throws IOException {
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IOException("refusing to write outside the site folder: " + name);
        }
        return target;
    }

    /** Creates the folders from {@code root} (which exists) down to {@code folder}, each with its mode. */
    private static void createFolders(Path root, Path folder, FileModes modes) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        createFolders(root, folder.getParent(), modes);
        Files.createDirectory(folder);
        modes.apply(folder);
    }

    private static void replace(Path staging, Path versionDir) throws IOException {
        Path old = null;
        if (Files.exists(versionDir)) {
            old = versionDir.resolveSibling(Leftovers.name(versionDir.getFileName().toString(), "old"));
            Files.move(versionDir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, versionDir, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Deletes {@code root} and everything below it; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
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
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
