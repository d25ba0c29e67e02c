package org.threatreport.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.threatreport.diagnostic.Problems;

/**
 * What a build remembers of the stage outputs of the builds before it, keyed by their inputs: empty
 * for {@code site:report} and {@code site:check} (a build made once), kept in memory by
 * {@code site:serve}, so that a rebuild redoes only the work whose inputs changed. Each build keeps
 * only what it used, so the memo holds one build's worth of outputs. Under it, a tier on disk keeps
 * the outputs that cost the most to make (drawn figures) across builds and runs. Thread-safe.
 *
 * <p>A key holds a stage's inputs by value, or by identity where an input is itself a remembered
 * output ({@link #same}): a table read again is a new object, so what was made from the old one is
 * not reused. An output that depends on what it read while it was made (a chapter: the tables its
 * values read, the cells it refers to) is stored with the fingerprint of those reads, and reused only
 * while the fingerprint is the same.
 */
public final class Memo {

    /**
     * Work that makes a stage's output, reporting the problems it finds to {@code problems}. An output
     * made with problems is not remembered: the next build does the work again and reports them again.
     */
    public interface Work<T> {
        T make(Problems problems) throws Exception;
    }

    private record Entry(Object value, Object reads) {
    }

    private record Key(String stage, Object inputs) {
    }

    /** Makes the bytes of a file kept on disk. */
    public interface FileWork {
        byte[] make() throws IOException;
    }

    private final boolean remembers;
    private final Path disk;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Key, Entry> used = new ConcurrentHashMap<>();

    private Memo(boolean remembers, Path disk) {
        this.remembers = remembers;
        this.disk = disk;
    }

    /**
     * A memo that remembers nothing in memory: every stage does its work, but for the files kept on disk.
     *
     * @param disk the folder of the tier on disk ({@code target/report-cache}), kept between builds
     */
    public static Memo none(Path disk) {
        return new Memo(false, disk);
    }

    /** A memo kept in memory from one build to the next, over the tier on disk in {@code disk}. */
    public static Memo inMemory(Path disk) {
        return new Memo(true, disk);
    }

    /**
     * A file of {@code stage} kept on disk across builds and runs, named after the hash of its inputs
     * ({@code figures/<hash>.svg}): drawn figures, which cost the most to make.
     */
    public byte[] stored(String stage, String name, FileWork work) throws IOException {
        Path file = disk.resolve(stage).resolve(name);
        if (Files.isRegularFile(file)) {
            return Files.readAllBytes(file);
        }
        byte[] bytes = work.make();
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), name, ".part");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return bytes;
    }

    /** The output of {@code stage} for {@code inputs}: remembered, else made by {@code work}. */
    public <T> T get(String stage, Object inputs, Problems problems, Work<T> work) throws Exception {
        return get(stage, inputs, value -> null, problems, work);
    }

    /**
     * Like {@link #get(String, Object, Work)}, for an output whose inputs include what it read:
     * {@code reads} gives the fingerprint of those inputs as they are now (given the output that
     * recorded what it read), and a remembered output is reused only while it is unchanged.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String stage, Object inputs, Function<T, Object> reads, Problems problems, Work<T> work)
            throws Exception {
        if (!remembers) {
            return work.make(problems);
        }
        Key key = new Key(stage, inputs);
        Entry entry = entries.get(key);
        if (entry != null && Objects.equals(entry.reads(), reads.apply((T) entry.value()))) {
            used.put(key, entry);
            return (T) entry.value();
        }
        Problems found = new Problems();
        T value;
        try {
            value = work.make(found);
        } finally {
            problems.addAll(found);
        }
        if (found.isEmpty()) {
            Entry made = new Entry(value, reads.apply(value));
            entries.put(key, made);
            used.put(key, made);
        }
        return value;
    }

    /**
     * {@code value}, or the equal value an earlier build gave for {@code stage}: compared once here,
     * it can then be part of many keys by identity ({@link #same}).
     */
    public Object canonical(String stage, Object value) {
        if (!remembers) {
            return value;
        }
        Key key = new Key(stage, value);
        Entry entry = entries.computeIfAbsent(key, k -> new Entry(value, null));
        used.put(key, entry);
        return entry.value();
    }

    /** Whether outputs are kept from one build to the next (a preview), or made anew each time. */
    public boolean remembers() {
        return remembers;
    }

    /** Keeps only what the build just ended used; called after each good build. */
    public void keepOnlyUsed() {
        entries.keySet().retainAll(used.keySet());
        used.clear();
    }

    /** Forgets what a failed build used, keeping everything for the next attempt. */
    public void forgetUse() {
        used.clear();
    }

    /** An input compared by identity: an output remembered by an earlier stage. */
    public static Object same(Object output) {
        return new Same(output);
    }

    private record Same(Object output) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Same same && same.output == output;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(output);
        }
    }
}
