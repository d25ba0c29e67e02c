package org.threatreport.diagnostic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one run of a stage, so that every mistake of a file is reported
 * together; stops collecting a file's problems after a limit so a broken file cannot flood the log.
 */
public final class Problems {

    public static final int LIMIT_PER_FILE = 50;

    private final List<Problem> found = new ArrayList<>();
    private final java.util.Map<Path, Integer> perFile = new java.util.HashMap<>();

    public void add(Problem problem) {
        int count = perFile.merge(problem.file(), 1, Integer::sum);
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

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Problem> list() {
        List<Problem> all = new ArrayList<>(found);
        perFile.forEach((file, count) -> {
            if (count > LIMIT_PER_FILE) {
                all.add(Problem.error(file, "… and " + (count - LIMIT_PER_FILE)
                        + " more problems in this file (fix the ones above first)"));
            }
        });
        return all;
    }

    /** Throws when any problem was found. */
    public void throwIfAny() throws InputException {
        if (!found.isEmpty()) {
            throw new InputException(list());
        }
    }
}
