package org.threatreport.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The site template: the plugin's built-in files, each overridden by a file of the same name in
 * the project's {@code site-template/} folder, so a team restyles its report without forking.
 */
public final class TemplateSet {

    static final String BUILT_IN = "/org/threatreport/site-template/";
    private static final String INDEX = "files.txt";

    private final Path projectDir;

    public TemplateSet(Path projectDir) {
        this.projectDir = projectDir;
    }

    public Path projectDir() {
        return projectDir;
    }

    /** FreeMarker's view of the template: the project's folder first, then the built-in files. */
    public TemplateLoader loader() {
        try {
            List<TemplateLoader> loaders = new ArrayList<>();
            if (Files.isDirectory(projectDir)) {
                loaders.add(new FileTemplateLoader(projectDir.toFile()));
            }
            loaders.add(new ClassTemplateLoader(TemplateSet.class, BUILT_IN));
            return new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one file of the template, or null when neither layer has it. */
    public byte[] read(String name) throws IOException {
        byte[] own = readOwn(name);
        return own != null ? own : readBuiltIn(name);
    }

    /** The project's own version of a file, or null. */
    public byte[] readOwn(String name) throws IOException {
        Path own = projectDir.resolve(name);
        return Files.isRegularFile(own) ? Files.readAllBytes(own) : null;
    }

    /** The plugin's built-in version of a file, or null. */
    public byte[] readBuiltIn(String name) throws IOException {
        try (InputStream in = TemplateSet.class.getResourceAsStream(BUILT_IN + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /**
     * The static files copied into the site as they are (everything under {@code assets/}), by
     * path, built-in ones overridden by the project's.
     */
    public Map<String, byte[]> assets() throws IOException {
        Map<String, byte[]> assets = new TreeMap<>();
        try (InputStream index = TemplateSet.class.getResourceAsStream(BUILT_IN + INDEX)) {
            String names = new String(index.readAllBytes(), StandardCharsets.UTF_8);
            for (String name : names.lines().map(String::strip).filter(n -> n.startsWith("assets/")).toList()) {
                assets.put(name, read(name));
            }
        }
        Path ownAssets = projectDir.resolve("assets");
        if (Files.isDirectory(ownAssets)) {
            try (Stream<Path> files = Files.walk(ownAssets)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    assets.put(projectDir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
        }
        return assets;
    }
}
