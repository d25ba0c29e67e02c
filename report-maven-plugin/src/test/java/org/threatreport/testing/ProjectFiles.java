package org.threatreport.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** File helpers the tests and benchmarks share for setting up report projects in temporary folders. */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    /**
     * Copies the folder {@code from} with everything in it to {@code to}, replacing files that are
     * already there; nothing when {@code from} does not exist (a project without that folder).
     */
    public static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
