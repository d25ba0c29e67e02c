package org.threatreport.diagnostic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the stages of a build report the problems they find, so that every mistake of a file is
 * reported together; stops collecting a file's problems after a limit so a broken file cannot flood
 * the log. Thread-safe: chapters are rendered in parallel.
 */
public final class Problems {

    public static final int LIMIT_PER_FILE = 50;

    private final List<Problem> found = new ArrayList<>();
    private final Map<Path, Integer> perFile = new HashMap<>();
    private final Map<Path, Integer> warningsPerFile = new HashMap<>();

    private Map<Path, Integer> counts(Problem.Severity severity) {
        return severity == Problem.Severity.ERROR ? perFile : warningsPerFile;
    }

    /** Errors and warnings are limited apart, so that a warning never hides an error. */
    public synchronized void add(Problem problem) {
        int count = counts(problem.severity()).merge(problem.file(), 1, Integer::sum);
        if (count <= LIMIT_PER_FILE) {
            found.add(problem);
        }
    }

    public void error(Path file, int line, int column, String message) {
        add(Problem.error(file, line, column, message));
    }

    public void addAll(List<Problem> problems) {
        problems.forEach(this::add);
    }

    /** Adds what {@code other} collected, counted as if it had been added here. */
    public void addAll(Problems other) {
        List<Problem> theirs;
        Map<Path, Integer> theirCounts;
        Map<Path, Integer> theirWarnings;
        synchronized (other) {
            theirs = List.copyOf(other.found);
            theirCounts = Map.copyOf(other.perFile);
            theirWarnings = Map.copyOf(other.warningsPerFile);
        }
        synchronized (this) {
            theirs.forEach(this::add);
            addCounts(theirs, theirCounts, Problem.Severity.ERROR);
            addCounts(theirs, theirWarnings, Problem.Severity.WARNING);
        }
    }

    /** Counts the problems {@code theirs} left out beyond those added one by one. */
    private void addCounts(List<Problem> theirs, Map<Path, Integer> theirCounts, Problem.Severity severity) {
        theirCounts.forEach((file, count) -> {
            int kept = (int) theirs.stream().filter(p -> p.file().equals(file) && p.severity() == severity).count();
            if (count > kept) {
                counts(severity).merge(file, count - kept, Integer::sum);
            }
        });
    }

    public synchronized boolean isEmpty() {
        return found.isEmpty();
    }

    /** Whether any problem is an error (not only a warning). */
    public synchronized boolean hasErrors() {
        return found.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    /** Whether a problem was found in {@code file}. */
    public synchronized boolean concerns(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        return java.util.stream.Stream.concat(perFile.keySet().stream(), warningsPerFile.keySet().stream())
                .anyMatch(f -> f.toAbsolutePath().normalize().equals(normal));
    }

    public synchronized List<Problem> list() {
        List<Problem> all = new ArrayList<>(found);
        perFile.forEach((file, count) -> {
            if (count > LIMIT_PER_FILE) {
                all.add(Problem.error(file, "… and " + (count - LIMIT_PER_FILE)
                        + " more problems in this file (fix the ones above first)"));
            }
        });
        warningsPerFile.forEach((file, count) -> {
            if (count > LIMIT_PER_FILE) {
                all.add(new Problem(file, 0, 0, Problem.Severity.WARNING,
                        "… and " + (count - LIMIT_PER_FILE) + " more warnings in this file"));
            }
        });
        return all;
    }

    /** Throws when any problem was found. */
    public void throwIfAny() throws InputException {
        if (!isEmpty()) {
            throw new InputException(list());
        }
    }
}
