package org.threatreport.site;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden temporary files and folders a local build makes beside what it writes
 * ({@code .2017.0.new-<process>-<random>/}, {@code .index.html.tmp-<process>-<random>}), and their
 * removal by a later build when the one that made them was stopped (killed, power lost) before it
 * could remove them itself.
 *
 * <p>Only names of this form are touched. One is removed when the process named in it has ended
 * (it runs on this machine: the site root is local), or when it is a day old whatever its process,
 * in case the number now belongs to another program. A version folder that a stopped build had moved
 * aside ({@code .2017.0.old-…}) and not yet replaced is moved back instead, if nothing took its place.
 * Names left by earlier releases of the plugin ({@code .2017.0.new-<digits>}) carry no process and go
 * when they are an hour old.
 */
public final class Leftovers {

    static final Duration ABANDONED = Duration.ofDays(1);
    static final Duration UNNAMED = Duration.ofHours(1);

    private static final Pattern OURS = Pattern.compile("\\.(.+)\\.(new|old|tmp|probe)-(\\d+)-[0-9a-z]+");
    private static final Pattern EARLIER = Pattern.compile("\\..+\\.(new|old)-\\d+|\\..+\\d+\\.tmp");

    private Leftovers() {
    }

    /** A hidden name for a temporary file or folder of {@code kind} beside {@code name}, holding this process's number. */
    static String name(String name, String kind) {
        return "." + name + "." + kind + "-" + ProcessHandle.current().pid() + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    /** True for a name this class makes or removes (which is therefore never a part of the site). */
    static boolean isTemporary(String name) {
        return OURS.matcher(name).matches() || EARLIER.matcher(name).matches();
    }

    /**
     * Removes (or, for a version moved aside, restores) what stopped builds left in {@code folder}.
     *
     * @return how many names were removed or restored
     */
    public static int clean(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        Instant now = Instant.now();
        int cleaned = 0;
        try (DirectoryStream<Path> names = Files.newDirectoryStream(folder, p -> p.getFileName().toString().startsWith("."))) {
            for (Path path : names) {
                try {
                    cleaned += clean(path, now) ? 1 : 0;
                } catch (NoSuchFileException gone) {
                    // Removed meanwhile by the build that made it, or by another one cleaning up.
                }
            }
        }
        return cleaned;
    }

    private static boolean clean(Path path, Instant now) throws IOException {
        String name = path.getFileName().toString();
        Duration age = Duration.between(Files.getLastModifiedTime(path).toInstant(), now);
        Matcher ours = OURS.matcher(name);
        if (ours.matches()) {
            long pid = Long.parseLong(ours.group(3));
            boolean running = pid == ProcessHandle.current().pid()
                    || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (running && age.compareTo(ABANDONED) < 0) {
                return false;
            }
            Path original = path.resolveSibling(ours.group(1));
            if (ours.group(2).equals("old") && Files.isDirectory(path) && !Files.exists(original)) {
                Files.move(path, original, StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
            SiteInstaller.deleteTree(path);
            return true;
        }
        if (EARLIER.matcher(name).matches() && age.compareTo(UNNAMED) >= 0) {
            SiteInstaller.deleteTree(path);
            return true;
        }
        return false;
    }
}
