package org.threatreport.diagnostic;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A build stopped by mistakes in the project's own files (data, schema, chapter, template or
 * option): the editor can fix every one of {@link #problems()} and build again.
 */
public final class InputException extends Exception {

    private final transient List<Problem> problems;

    public InputException(List<Problem> problems) {
        super(problems.stream().distinct().count() == 1 ? problems.get(0).message() : problems.size() + " problems");
        this.problems = List.copyOf(problems.stream().distinct().sorted().toList());
    }

    public static InputException of(Problem problem) {
        return new InputException(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One line per problem, relative to {@code base}. */
    public String describe(Path base) {
        return problems.stream().map(p -> p.format(base)).collect(Collectors.joining("\n"));
    }
}
