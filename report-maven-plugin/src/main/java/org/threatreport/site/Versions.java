package org.threatreport.site;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every version of a site root, newest first, as {@code versions.json} (for tools) and
 * {@code versions.js} (for pages: a script sets a global, so it works from {@code file://} where a
 * page cannot fetch a JSON file). The newest version by {@link VersionOrder} carries the alias
 * {@code latest}.
 */
public record Versions(List<VersionEntry> entries) {

    public static final String JSON_FILE = "versions.json";
    public static final String SCRIPT_FILE = "versions.js";
    public static final String LATEST = "latest";
    /** The global {@code versions.js} sets. */
    public static final String GLOBAL = "threatReportVersions";

    public Versions {
        List<VersionEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(VersionEntry::version, VersionOrder.INSTANCE).reversed());
        List<VersionEntry> aliased = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            aliased.add(sorted.get(i).withAliases(i == 0 ? List.of(LATEST) : List.of()));
        }
        entries = List.copyOf(aliased);
    }

    public static Versions empty() {
        return new Versions(List.of());
    }

    public static Versions parse(byte[] json) throws IOException {
        return new Versions(Json.read(json, new TypeReference<List<VersionEntry>>() {
        }));
    }

    /** These versions with {@code entry} added, or replacing the entry of the same version. */
    public Versions with(VersionEntry entry) {
        List<VersionEntry> all = new ArrayList<>(entries.stream().filter(e -> !e.version().equals(entry.version())).toList());
        all.add(entry);
        return new Versions(all);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Optional<VersionEntry> latest() {
        return entries.stream().findFirst();
    }

    public Optional<VersionEntry> find(String version) {
        return entries.stream().filter(e -> e.version().equals(version)).findFirst();
    }

    /** The newest version of {@code edition} older than {@code version}: what a revision is compared with. */
    public Optional<VersionEntry> previousInEdition(String version, String edition) {
        return entries.stream()
                .filter(e -> e.edition().equals(edition))
                .filter(e -> VersionOrder.INSTANCE.compare(e.version(), version) < 0)
                .findFirst();
    }

    public byte[] json() {
        return Json.write(entries);
    }

    public byte[] script() {
        return ("// The versions of this report, newest first: read by the version selector and the banner of every page.\n"
                + "window." + GLOBAL + " = " + Json.compact(entries) + ";\n").getBytes(StandardCharsets.UTF_8);
    }
}
