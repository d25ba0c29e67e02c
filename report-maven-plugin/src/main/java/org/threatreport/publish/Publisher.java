package org.threatreport.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.threatreport.config.PublishOptions;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Log;
import org.threatreport.site.ChangeLog;
import org.threatreport.site.FileSource;
import org.threatreport.site.Fragments;
import org.threatreport.site.SiteLayouts;
import org.threatreport.site.SiteRoot;
import org.threatreport.site.VersionEntry;
import org.threatreport.site.VersionHistory;
import org.threatreport.site.VersionManifest;
import org.threatreport.site.Versions;

/**
 * Sends a built version to a site root on a hosting server, as named steps that never leave readers
 * with a half-published site:
 * <ol>
 *   <li>check: the version was built, is not published yet (or {@code overwrite}), the server answers;</li>
 *   <li>lock the site root, so a second publish at the same time is refused ({@link PublishLock});</li>
 *   <li>complete the version against the server: its corrections log compared with the previous
 *       version of its edition <em>there</em>, its version list, its sitemap's addresses;</li>
 *   <li>upload it under {@code .publish/}, then move it into place: a new version in one rename, a
 *       replaced one file by file;</li>
 *   <li>write the root files ({@code 404.html}, sitemap index, {@code versions.html}, {@code latest/},
 *       {@code index.html}, then {@code versions.js} and {@code versions.json} last), each replacing the old one;</li>
 *   <li>unlock.</li>
 * </ol>
 * A publish stopped anywhere leaves every listed version and {@code latest/} complete and readable:
 * its leftovers are under {@code .publish/}, and the next publish removes them.
 */
public final class Publisher {

    private final PublishOptions options;
    private final Log log;

    public Publisher(PublishOptions options, Log log) {
        this.options = options;
        this.log = log;
    }

    /** The version as built, checked before anything is sent. */
    private record Built(VersionManifest manifest, Map<String, byte[]> files) {
    }

    /** Everything a publish will write, worked out from the server's current state. */
    private record Plan(Built built, Versions versions, boolean exists, ChangeLog changes, Map<String, byte[]> files,
                        Map<String, byte[]> rootFiles) {

        long bytes() {
            return files.values().stream().mapToLong(b -> b.length).sum();
        }
    }

    public PublishResult publish(SiteTarget target) throws PublishException, IOException {
        long start = System.nanoTime();
        Built built = built();
        try {
            if (options.dryRun()) {
                Plan plan = plan(target, built);
                PublishLock.holder(target).ifPresent(h -> log.warn("[dry run] the site root is locked now: " + h));
                return report(plan, true, start);
            }
            check(target);
            try (PublishLock lock = PublishLock.acquire(target, options.version(), options.overwrite(), options.breakLock(),
                    log)) {
                removeLeftovers(target, lock);
                Plan plan = plan(target, built);
                install(target, plan, lock);
                return report(plan, false, start);
            }
        } catch (TargetException e) {
            throw new PublishException(e.getMessage(), e);
        }
    }

    private Built built() throws PublishException, IOException {
        Path dir = options.versionDir();
        String rebuild = "run `mvn site:report -Dreport.version=" + options.version() + "` first";
        if (!Files.isDirectory(dir)) {
            throw new PublishException("No built site for version " + options.version() + " at " + dir + ": " + rebuild);
        }
        Path manifestFile = dir.resolve(VersionManifest.FILE);
        if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(dir.resolve("index.html"))) {
            throw new PublishException("The site at " + dir + " is incomplete (no " + VersionManifest.FILE
                    + " or index.html): " + rebuild);
        }
        VersionManifest manifest;
        try {
            manifest = VersionManifest.parse(Files.readAllBytes(manifestFile));
        } catch (IOException e) {
            throw new PublishException(manifestFile + " cannot be read (" + e.getMessage() + "): " + rebuild);
        }
        if (!options.version().equals(manifest.version())) {
            throw new PublishException("The site at " + dir + " was built as version " + manifest.version()
                    + ", not " + options.version() + ": " + rebuild);
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return new Built(manifest, files);
    }

    /** The checks that need only reading, before the lock: a mistake changes nothing on the server. */
    private void check(SiteTarget target) throws PublishException, IOException {
        refusePublished(target, readVersions(target));
    }

    private void refusePublished(SiteTarget target, Versions published) throws PublishException {
        if (published.find(options.version()).isPresent() && !options.overwrite()) {
            throw new PublishException("Version " + options.version() + " is already published at " + target.url()
                    + " and published versions do not change: publish under a new version (-Dreport.version=…)"
                    + " or replace it with -Dreport.overwrite=true");
        }
    }

    private Plan plan(SiteTarget target, Built built) throws PublishException, IOException {
        try {
            return laidOut(target, built);
        } catch (InputException e) {
            throw new PublishException("The site template's layouts have " + e.problems().size()
                    + " mistake(s); fix them and build again:\n" + e.describe(options.templateDir().getParent()), e);
        }
    }

    /** The plan, with the pages that list the versions laid out again for the versions on the server. */
    private Plan laidOut(SiteTarget target, Built built) throws PublishException, IOException, InputException {
        String version = options.version();
        Versions published = readVersions(target);
        refusePublished(target, published);
        boolean listed = published.find(version).isPresent();
        boolean exists = listed || target.list("").contains(version + "/");
        if (exists && !listed) {
            log.warn("Replacing " + version + "/ on the server: a publish that did not finish left it, unlisted");
        }
        VersionManifest manifest = built.manifest();
        VersionEntry entry = manifest.entry(built.files().keySet().stream()
                .filter(name -> name.endsWith(".html") && !name.contains("/")).toList());
        Versions versions = published.with(entry);
        SiteLayouts layouts = SiteLayouts.of(options.templateDir(), manifest.language());

        Optional<VersionEntry> previous = published.previousInEdition(version, manifest.edition());
        ChangeLog changes = ChangeLog.first();
        if (previous.isPresent()) {
            String folder = previous.get().version() + "/";
            Optional<byte[]> theirs = target.read(folder + VersionManifest.FILE);
            if (theirs.isPresent()) {
                FileSource remote = path -> target.read(folder + path).orElse(null);
                changes = ChangeLog.between(VersionManifest.parse(theirs.get()), remote, manifest, built.files()::get);
            } else {
                log.warn("Version " + previous.get().version() + " on the server has no " + VersionManifest.FILE
                        + ": the corrections log of " + version + " cannot compare with it");
            }
        }
        Map<String, byte[]> files = new TreeMap<>(built.files());
        String changesHtml = Fragments.changes(changes, layouts);
        for (Map.Entry<String, byte[]> file : built.files().entrySet()) {
            if (file.getKey().endsWith(".html") && !file.getKey().contains("/")) {
                String html = new String(file.getValue(), StandardCharsets.UTF_8);
                html = Fragments.replace(html, Fragments.VERSIONS, Fragments.versionList(versions, version, file.getKey(), layouts));
                if (file.getKey().equals(VersionHistory.CORRECTIONS_PAGE)) {
                    html = Fragments.replace(html, Fragments.CHANGES, changesHtml);
                }
                files.put(file.getKey(), html.getBytes(StandardCharsets.UTF_8));
            }
        }
        Optional<String> readerUrl = options.readerUrl();
        readerUrl.ifPresent(url -> files.put(SiteRoot.SITEMAP, SiteRoot.versionSitemap(entry, url + version + "/")));
        SiteLayouts rootLayouts = SiteLayouts.of(options.templateDir(), versions.latest().orElseThrow().language());
        Map<String, byte[]> rootFiles = SiteRoot.files(versions, rootLayouts, readerUrl.orElse(null));
        return new Plan(built, versions, exists, changes, files, rootFiles);
    }

    private Versions readVersions(SiteTarget target) throws PublishException, IOException {
        Optional<byte[]> json = target.read(Versions.JSON_FILE);
        if (json.isEmpty()) {
            return Versions.empty();
        }
        try {
            return Versions.parse(json.get());
        } catch (IOException e) {
            throw new PublishException(target.url() + Versions.JSON_FILE + " is not a list of versions (" + firstLine(e)
                    + "): repair or remove it on the server, then publish again");
        }
    }

    /**
     * Removes what interrupted publishes left in {@code .publish/} (everything there but the lock, which
     * is ours now), and the hidden names of earlier releases of this plugin that a listing shows. Warns
     * when the publish that stopped was replacing a version, which may then hold files of both builds.
     */
    private void removeLeftovers(SiteTarget target, PublishLock lock) throws IOException {
        lock.broken().filter(PublishLock.Owner::overwrite).ifPresent(dead -> log.warn("The publish that stopped was"
                + " replacing version " + dead.version() + ", which may now hold files of both builds: publish it again"
                + " with -Dreport.overwrite=true"));
        for (String name : target.list(PublishLock.AREA)) {
            if (!(PublishLock.AREA + name).equals(PublishLock.FOLDER)) {
                log.info("Removing " + PublishLock.AREA + name + ", left by a publish that did not finish");
                target.delete(PublishLock.AREA + name);
            }
        }
        for (String name : target.list("")) {
            if (name.startsWith(".staging-") || name.startsWith(".old-") || name.startsWith(".tmp-")) {
                log.info("Removing " + name + ", left by a publish that did not finish");
                target.delete(name);
            }
        }
    }

    /**
     * Sends the version and then the root files, in an order in which a reader never misses a file:
     * everything is uploaded under {@code .publish/} first and moved into place after (see {@link #putInPlace}),
     * {@code versions.js} and {@code versions.json} last, each step after checking the lock is still ours.
     */
    private void install(SiteTarget target, Plan plan, PublishLock lock) throws IOException, PublishException {
        String version = options.version();
        String upload = PublishLock.AREA + "upload-" + version + "-" + lock.nonce() + "/";
        int done = 0;
        for (Map.Entry<String, byte[]> file : plan.files().entrySet()) {
            target.write(upload + file.getKey(), file.getValue());
            if (++done % 25 == 0) {
                log.debug("Uploaded " + done + " of " + plan.files().size() + " files");
            }
        }
        lock.verify();
        putInPlace(target, upload, version + "/", plan.files().keySet());
        log.info("Installed " + version + "/ (" + plan.files().size() + " files, " + size(plan.bytes()) + ")");

        Map<String, byte[]> latest = new TreeMap<>();
        plan.rootFiles().forEach((name, bytes) -> {
            if (name.startsWith(Versions.LATEST + "/")) {
                latest.put(name.substring(Versions.LATEST.length() + 1), bytes);
            }
        });
        String latestUpload = PublishLock.AREA + "upload-" + Versions.LATEST + "-" + lock.nonce() + "/";
        for (Map.Entry<String, byte[]> file : latest.entrySet()) {
            target.write(latestUpload + file.getKey(), file.getValue());
        }
        String rootUpload = PublishLock.AREA + "root-" + lock.nonce() + "/";
        for (Map.Entry<String, byte[]> file : plan.rootFiles().entrySet()) {
            if (!file.getKey().startsWith(Versions.LATEST + "/")) {
                target.write(rootUpload + file.getKey(), file.getValue());
            }
        }
        lock.verify();
        boolean latestDone = false;
        for (String name : plan.rootFiles().keySet()) {
            if (name.startsWith(Versions.LATEST + "/")) {
                if (!latestDone) {
                    putInPlace(target, latestUpload, Versions.LATEST + "/", latest.keySet());
                    latestDone = true;
                }
                continue;
            }
            if (name.equals(Versions.JSON_FILE)) {
                lock.verify(); // the list of versions is what two publishes at once would lose one of
            }
            target.move(rootUpload + name, name);
        }
        target.delete(rootUpload);
    }

    /**
     * Moves the folder uploaded at {@code uploaded} to {@code folder}: in one rename when {@code folder}
     * is new; else file by file (each rename replaces one file whole, the pages last), then removing
     * the files the new one lacks. A reader asking for any file of a published version or of
     * {@code latest/} gets the old file or the new one, never nothing; a folder is never missing.
     */
    private static void putInPlace(SiteTarget target, String uploaded, String folder, Collection<String> files)
            throws IOException {
        if (target.moveIfAbsent(uploaded, folder)) {
            return;
        }
        List<String> order = new ArrayList<>(files);
        order.sort(Comparator.comparing((String name) -> name.endsWith(".html") && !name.contains("/"))
                .thenComparing(name -> name.equals("index.html")).thenComparing(Comparator.naturalOrder()));
        for (String name : order) {
            target.move(uploaded + name, folder + name);
        }
        removeOthers(target, folder, "", new HashSet<>(files));
        target.delete(uploaded);
    }

    /** Deletes what {@code folder}{@code sub} holds beyond {@code keep} (paths relative to {@code folder}). */
    private static void removeOthers(SiteTarget target, String folder, String sub, Set<String> keep) throws IOException {
        for (String name : target.list(folder + sub)) {
            String path = sub + name;
            if (name.endsWith("/")) {
                if (keep.stream().anyMatch(k -> k.startsWith(path))) {
                    removeOthers(target, folder, path, keep);
                } else {
                    target.delete(folder + path);
                }
            } else if (!keep.contains(path)) {
                target.delete(folder + path);
            }
        }
    }

    private PublishResult report(Plan plan, boolean dryRun, long start) {
        String version = options.version();
        String latest = plan.versions().latest().map(VersionEntry::version).orElse(version);
        List<String> rootNames = new ArrayList<>();
        plan.rootFiles().keySet().forEach(name -> {
            String shown = name.startsWith(Versions.LATEST + "/") ? Versions.LATEST + "/" : name;
            if (!rootNames.contains(shown)) {
                rootNames.add(shown);
            }
        });
        String prefix = dryRun ? "[dry run] would " : "";
        log.info(prefix + (dryRun ? "publish " : "Published ") + version + " to " + options.url() + ": "
                + plan.files().size() + " files, " + size(plan.bytes())
                + (plan.exists() ? " (replacing the published " + version + ")" : " (a new version)"));
        log.info((dryRun ? "[dry run] " : "") + (plan.changes().isFirst() ? "Corrections log: the first version of edition "
                + plan.built().manifest().edition() : "Corrections log: " + plan.changes().size()
                + " figure(s), table(s) and value(s) changed since " + plan.changes().since()));
        log.info(prefix + (dryRun ? "write " : "Wrote ") + String.join(", ", rootNames) + "; latest → " + latest);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new PublishResult(version, options.url(), plan.files().size(), plan.bytes(), plan.exists(), latest,
                plan.changes().since(), plan.changes().size(), rootNames, dryRun, millis);
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
