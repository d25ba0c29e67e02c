package org.threatreport.preview;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches the report's source folders (with their subfolders) for changes and hands them out in
 * batches: an editor's save is often several events (a temporary file, a rename), so a batch is
 * closed only once the folders have been quiet for a moment. A folder that does not exist yet is
 * watched for from its parent, and watched once it appears.
 */
final class SourceWatcher implements AutoCloseable {

    /** How long the folders must be quiet before a batch is handed out. */
    private static final long QUIET_MILLIS = 30;
    /** A batch is handed out after this long even if events keep coming. */
    private static final long LONGEST_MILLIS = 400;

    private final WatchService service;
    private final List<Path> roots;
    /** Each watched folder by its key: a folder of a root, or the parent of a root that does not exist yet. */
    private final Map<WatchKey, Path> folders = new HashMap<>();

    SourceWatcher(List<Path> roots) throws IOException {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        this.service = FileSystems.getDefault().newWatchService();
        for (Path root : this.roots) {
            watch(root);
        }
    }

    /** Editor scratch files (backups, swap files, lock files) that are never part of a report. */
    static boolean isScratch(String name) {
        return name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx")
                || name.endsWith(".tmp") || name.equals("4913") || name.startsWith("#");
    }

    private void watch(Path root) throws IOException {
        if (Files.isDirectory(root)) {
            try (Stream<Path> tree = Files.walk(root)) {
                for (Path folder : tree.filter(Files::isDirectory).toList()) {
                    register(folder);
                }
            }
        } else if (root.getParent() != null && Files.isDirectory(root.getParent())) {
            register(root.getParent());
        }
    }

    private void register(Path folder) throws IOException {
        folders.put(folder.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), folder);
    }

    /**
     * Waits for changes and returns the changed paths (files, or a root's folder when its events were
     * lost and everything should be read again).
     *
     * @return the batch, or null once the watcher is closed
     */
    Set<Path> next() throws InterruptedException {
        Set<Path> changed = new LinkedHashSet<>();
        try {
            WatchKey key = service.take();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LONGEST_MILLIS);
            while (key != null) {
                collect(key, changed);
                if (System.nanoTime() > deadline) {
                    break;
                }
                key = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
            }
            return changed;
        } catch (ClosedWatchServiceException e) {
            return null;
        }
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (folder == null) {
                continue;
            }
            if (event.kind() == OVERFLOW) {
                changed.addAll(roots); // events were lost: read everything again
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            Path root = rootOf(path);
            if (root == null || isScratch(path.getFileName().toString())) {
                continue; // a sibling of a missing root's folder, or an editor's scratch file
            }
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    watch(path);
                    try (Stream<Path> tree = Files.walk(path)) {
                        tree.filter(Files::isRegularFile).forEach(changed::add);
                    }
                } catch (IOException e) {
                    changed.addAll(roots);
                }
            }
            changed.add(path);
        }
        if (!key.reset()) {
            folders.remove(key);
        }
    }

    private Path rootOf(Path path) {
        for (Path root : roots) {
            if (path.startsWith(root)) {
                return root;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
