package org.threatreport.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a file looks like from outside — path, size, modification time, identity on disk — as the key
 * of what a build made of it: a save changes at least one of them, and comparing them costs nothing
 * next to reading the file.
 */
record FileStamp(Path path, long size, long modified, Object identity) {

    static FileStamp of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(file.toAbsolutePath().normalize(), attributes.size(),
                    attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), attributes.fileKey());
        } catch (IOException e) {
            return new FileStamp(file.toAbsolutePath().normalize(), -1, 0, null);
        }
    }

    /** Every file under {@code folder}, in name order; empty when it does not exist. */
    static List<FileStamp> tree(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<FileStamp> stamps = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                stamps.add(of(file));
            }
        }
        return stamps;
    }
}
