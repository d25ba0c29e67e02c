package org.threatreport.site;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.threatreport.diagnostic.InputException;

/**
 * The site root on this machine ({@code target/report-site/}): its versions are the version
 * folders that hold a {@code values.json}, and its root files are written again after every build,
 * so the local site works from {@code file://} like the published one.
 */
public final class LocalSiteRoot {

    private LocalSiteRoot() {
    }

    /** The versions in {@code root}, each with its manifest. */
    public static Map<String, VersionManifest> scan(Path root) throws IOException {
        return scan(root, new TreeMap<>());
    }

    /** @param pages receives each version's pages: the {@code .html} files at the top of its folder */
    private static Map<String, VersionManifest> scan(Path root, Map<String, List<String>> pages) throws IOException {
        Map<String, VersionManifest> versions = new TreeMap<>(VersionOrder.INSTANCE);
        if (!Files.isDirectory(root)) {
            return versions;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                Path manifest = folder.resolve(VersionManifest.FILE);
                if (name.startsWith(".") || name.equals(Versions.LATEST) || !Files.isRegularFile(manifest)) {
                    continue;
                }
                try {
                    versions.put(name, VersionManifest.parse(Files.readAllBytes(manifest)));
                    pages.put(name, pages(folder));
                } catch (IOException e) {
                    // A folder left by something else, or a damaged one: not a version.
                }
            }
        }
        return versions;
    }

    /** What a build of {@code version} of {@code edition} knows of the other versions in {@code root}. */
    public static Revision revision(Path root, String version, String edition) throws IOException {
        Map<String, List<String>> pages = new TreeMap<>();
        Map<String, VersionManifest> manifests = scan(root, pages);
        manifests.remove(version);
        Versions known = new Versions(manifests.entrySet().stream()
                .map(e -> e.getValue().entry(pages.get(e.getKey()))).toList());
        return known.previousInEdition(version, edition)
                .map(previous -> new Revision(known, manifests.get(previous.version()), files(root.resolve(previous.version())), null))
                .orElse(new Revision(known, null, path -> null, null));
    }

    /** Reads files of a version folder on disk. */
    public static FileSource files(Path versionDir) {
        return path -> {
            Path file = versionDir.resolve(path).normalize();
            return file.startsWith(versionDir) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        };
    }

    /**
     * Writes the root files for the versions in {@code root}, each replacing the old one in a single
     * move ({@code latest/} one file at a time: no file a reader asks for is ever missing), in the
     * language and with the UI strings of the latest version's template.
     *
     * @return the versions, newest first
     */
    public static Versions refresh(Path root, Path templateDir, FileTime stamp) throws InputException, IOException {
        Map<String, List<String>> pages = new TreeMap<>();
        Versions versions = new Versions(scan(root, pages).entrySet().stream()
                .map(e -> e.getValue().entry(pages.get(e.getKey()))).toList());
        if (versions.isEmpty()) {
            return versions;
        }
        SiteLayouts layouts = SiteLayouts.of(templateDir, versions.latest().orElseThrow().language());
        FileModes modes = FileModes.probe(root);
        Map<String, byte[]> latest = new TreeMap<>();
        for (Map.Entry<String, byte[]> file : SiteRoot.files(versions, layouts, null).entrySet()) {
            if (file.getKey().startsWith(Versions.LATEST + "/")) {
                latest.put(file.getKey().substring(Versions.LATEST.length() + 1), file.getValue());
                continue;
            }
            if (!latest.isEmpty()) {
                SiteInstaller.replaceFileByFile(latest, root.resolve(Versions.LATEST), stamp);
                latest.clear();
            }
            SiteInstaller.writeFile(root.resolve(file.getKey()), file.getValue(), stamp, modes);
        }
        return versions;
    }

    /** The pages of a version folder: the {@code .html} files at its top, in name order. */
    public static List<String> pages(Path versionDir) throws IOException {
        try (var files = Files.list(versionDir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList();
        }
    }
}
