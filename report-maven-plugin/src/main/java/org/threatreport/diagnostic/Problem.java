package org.threatreport.diagnostic;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One finding about an input file, located as precisely as the stage that found it can: a line of
 * 0 means "the whole file", a column of 0 means "the whole line".
 */
public record Problem(Path file, int line, int column, Severity severity, String message)
        implements Comparable<Problem> {

    public enum Severity { ERROR, WARNING }

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(Path file, int line, int column, String message) {
        return new Problem(file, line, column, Severity.ERROR, message);
    }

    public static Problem error(Path file, String message) {
        return error(file, 0, 0, message);
    }

    /** {@code file:line:column: error: message}, with the file relative to {@code base}. */
    public String format(Path base) {
        StringBuilder out = new StringBuilder(displayPath(base));
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        return out.append(": ").append(severity.name().toLowerCase(java.util.Locale.ROOT))
                .append(": ").append(message).toString();
    }

    private String displayPath(Path base) {
        Path absolute = file.toAbsolutePath().normalize();
        if (base != null) {
            Path root = base.toAbsolutePath().normalize();
            if (absolute.startsWith(root)) {
                return root.relativize(absolute).toString().replace('\\', '/');
            }
        }
        return absolute.toString();
    }

    @Override
    public int compareTo(Problem other) {
        int byFile = file.toString().compareTo(other.file.toString());
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }
}
