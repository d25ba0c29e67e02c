package org.threatreport.pipeline;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Problem;
import org.threatreport.diagnostic.Problems;

/**
 * Finds symbolic links in {@code content/}, {@code data/} and {@code site-template/} that lead out
 * of the project: a build reads and publishes what these folders hold, so a link must not bring in a
 * file from elsewhere on the machine (a password file, another project's data).
 */
final class OutsideLinks {

    private OutsideLinks() {
    }

    /** @return how many files and folders were looked at */
    static int check(BuildOptions options, Problems problems) throws IOException {
        Path project = options.projectDir().toAbsolutePath().normalize();
        Path realProject = Files.exists(project) ? project.toRealPath() : project;
        int[] seen = {0};
        for (Path folder : List.of(options.contentDir(), options.dataDir(), options.templateDir())) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    seen[0]++;
                    if (attributes.isSymbolicLink()) {
                        refuseIfOutside(file, realProject, problems);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return seen[0];
    }

    private static void refuseIfOutside(Path link, Path realProject, Problems problems) {
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException e) {
            return; // a dangling link: reading it fails, with its own message
        }
        if (!target.startsWith(realProject)) {
            problems.add(Problem.error(link, "is a symbolic link to a file outside the project: copy the file into"
                    + " the project instead, so that the report holds only its own files"));
        }
    }
}
