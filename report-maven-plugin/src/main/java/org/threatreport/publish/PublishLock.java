package org.threatreport.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.threatreport.diagnostic.Log;

/**
 * The lock of a site root: the folder {@code .publish/lock/}, holding {@code owner.json} (who, on which
 * machine, which process, which version, since when, and a token no other publish has).
 *
 * <p>Every step that decides who holds it is one rename the server does whole, so two publishes can
 * never both hold it:
 * <ul>
 *   <li><b>taking</b> it: the owner is written into a folder of this publish's own
 *       ({@code .publish/lock-<nonce>/}), which is then renamed to {@code lock/} <em>only if that name is
 *       free</em> (WebDAV {@code MOVE} with {@code Overwrite: F}; a file system's rename of a folder onto a
 *       folder that is not empty fails). A lock therefore never exists without its owner;</li>
 *   <li><b>removing a stale lock</b> (its process ended on this machine, it has no owner, or
 *       {@code report.breakLock}): it is renamed to a name of this publish's own, and only if the lock so
 *       taken away is the one judged stale (same token) is it deleted; a lock taken meanwhile by another
 *       publish is put back;</li>
 *   <li><b>releasing</b> it: renamed away only when its token is still ours, then deleted.</li>
 * </ul>
 * Before each step that changes what readers see, a publish checks that the lock still holds its
 * token ({@link #verify}), and stops without changing anything more if not.
 *
 * <p>{@code .publish/} holds nothing readers need; the documented server configuration serves names
 * starting with a dot to editors only, so the owner's details are not public.
 */
final class PublishLock implements AutoCloseable {

    /** Where a publish keeps its lock and its unfinished uploads. */
    static final String AREA = ".publish/";
    static final String FOLDER = AREA + "lock/";
    static final String OWNER_FILE = "owner.json";
    static final String OWNER = FOLDER + OWNER_FILE;
    /** Held by the one publish that removes a stale lock, for the few steps that takes. */
    static final String BREAKER = AREA + "breaker/";
    private static final Duration BREAKER_TIMEOUT = Duration.ofMinutes(1);
    /** How often a publish tries again when other publishes change the lock under it. */
    private static final int ATTEMPTS = 6;
    /** How often, and how far apart, an absent lock is looked for again before this publish stops (3 s in all). */
    private static final int ABSENT_LOOKS = 30;
    private static final long ABSENT_PAUSE_MS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who holds a lock; {@code overwrite} when it may be replacing a published version file by file. */
    record Owner(String user, String host, long pid, String version, boolean overwrite, Instant started, String token) {

        static Owner me(String version, boolean overwrite) {
            return new Owner(System.getProperty("user.name", "?"), hostName(), ProcessHandle.current().pid(), version,
                    overwrite, Instant.now(), UUID.randomUUID().toString());
        }

        byte[] json() throws IOException {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("user", user);
            fields.put("host", host);
            fields.put("pid", pid);
            fields.put("version", version);
            fields.put("overwrite", overwrite);
            fields.put("started", started.toString());
            fields.put("token", token);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(fields);
        }

        static Optional<Owner> parse(byte[] json) {
            try {
                var node = JSON.readTree(json);
                return Optional.of(new Owner(node.path("user").asText("?"), node.path("host").asText("?"),
                        node.path("pid").asLong(-1), node.path("version").asText("?"), node.path("overwrite").asBoolean(false),
                        Instant.parse(node.path("started").asText()), node.path("token").asText("")));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        /** On this machine, and its process has ended: certainly not publishing any more. */
        boolean isDeadHere() {
            return host.equals(hostName()) && pid > 0 && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }

        /** The part of the names of its temporary files and folders that is its own. */
        String nonce() {
            String letters = token.replaceAll("[^A-Za-z0-9]", "");
            return letters.substring(0, Math.min(12, letters.length()));
        }

        String describe() {
            return user + "@" + host + " (process " + pid + ") started publishing " + version + " "
                    + age(Duration.between(started, Instant.now())) + " ago";
        }
    }

    private final SiteTarget target;
    private final Owner owner;
    private final Owner broken;

    private PublishLock(SiteTarget target, Owner owner, Owner broken) {
        this.target = target;
        this.owner = owner;
        this.broken = broken;
    }

    /** Names this publish's temporary files and folders. */
    String nonce() {
        return owner.nonce();
    }

    /** The owner of the stale lock this publish removed, if any (a publish that stopped). */
    Optional<Owner> broken() {
        return Optional.ofNullable(broken);
    }

    /** Takes the lock, or says who holds it. */
    static PublishLock acquire(SiteTarget target, String version, boolean overwrite, boolean breakLock, Log log)
            throws IOException, PublishException {
        Owner me = Owner.me(version, overwrite);
        String mine = AREA + "lock-" + me.nonce() + "/";
        target.createFolder(AREA);
        target.createFolder(mine);
        target.write(mine + OWNER_FILE, me.json());
        boolean taken = false;
        try {
            Owner broken = null;
            boolean mayBreak = breakLock;
            Instant waitUntil = Instant.now().plus(BREAKER_TIMEOUT);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                if (target.moveIfAbsent(mine, FOLDER)) {
                    PublishLock lock = new PublishLock(target, me, broken);
                    lock.verify();
                    taken = true;
                    return lock;
                }
                Optional<byte[]> json = target.read(OWNER);
                if (json.isEmpty() && attempt == 0) {
                    continue; // released between the two requests, most likely: try again
                }
                Optional<Owner> holder = json.flatMap(Owner::parse);
                String who = holder.map(Owner::describe).orElse("a publish that left no owner");
                if (holder.isPresent() && holder.get().isDeadHere()) {
                    log.warn("Removing the lock of a publish that stopped: " + who);
                } else if (holder.isEmpty()) {
                    log.warn("Removing a lock without an owner from " + target.url() + FOLDER);
                } else if (mayBreak) {
                    log.warn("Breaking the lock of " + target.url() + " (report.breakLock): " + who);
                    mayBreak = false;
                } else {
                    throw new PublishException("Another publish holds the lock of " + target.url() + ": " + who
                            + ". Wait for it to finish; if it is no longer running, run again with -Dreport.breakLock=true");
                }
                if (breakStale(target, me, holder, attempt)) {
                    broken = holder.orElse(null);
                } else if (Instant.now().isBefore(waitUntil)) {
                    // Another publish is removing it, or it changed meanwhile: not a lost race, look again.
                    pause();
                    attempt--;
                }
            }
            throw new PublishException("Other publishes kept taking the lock of " + target.url() + " at the same moment:"
                    + " run again");
        } finally {
            if (!taken) {
                target.delete(mine);
            }
        }
    }

    /**
     * Removes the lock judged stale ({@code judged}: its owner, or empty for a lock without one) while
     * holding the breaker, {@value #BREAKER}: only one publish at a time removes a stale lock, and it
     * looks again, holding the breaker, that the lock is still the one judged. A stale lock is never
     * released by its owner and no publish can take the lock while it is there, so the lock it moves
     * away is the stale one, never a lock another publish has just taken.
     *
     * @return true when this publish removed the judged lock
     */
    private static boolean breakStale(SiteTarget target, Owner me, Optional<Owner> judged, int attempt)
            throws IOException {
        String mine = AREA + "breaker-" + me.nonce() + "-" + attempt + "/";
        target.createFolder(mine);
        target.write(mine + OWNER_FILE, me.json());
        if (!target.moveIfAbsent(mine, BREAKER)) {
            target.delete(mine);
            clearStaleBreaker(target);
            return false; // another publish is removing it: try again
        }
        try {
            String token = judged.map(Owner::token).orElse(null);
            boolean there = target.list(AREA).contains("lock/");
            String now = target.read(OWNER).flatMap(Owner::parse).map(Owner::token).orElse(null);
            if (!there || !Objects.equals(now, token)) {
                return false; // released or removed meanwhile: try again
            }
            return takeAway(target, token, AREA + "stale-" + me.nonce() + "-" + attempt + "/");
        } finally {
            takeAway(target, BREAKER, me.token(), AREA + "unbreaker-" + me.nonce() + "-" + attempt + "/");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ABSENT_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes a breaker its publish left when it was stopped (its process ended here, or it is a minute old). */
    private static void clearStaleBreaker(SiteTarget target) throws IOException {
        Optional<Owner> breaker = target.read(BREAKER + OWNER_FILE).flatMap(Owner::parse);
        if (breaker.isPresent() && (breaker.get().isDeadHere()
                || Duration.between(breaker.get().started(), Instant.now()).compareTo(BREAKER_TIMEOUT) > 0)) {
            takeAway(target, BREAKER, breaker.get().token(), AREA + "stale-breaker-" + breaker.get().nonce() + "/");
        }
    }

    private static boolean takeAway(SiteTarget target, String token, String aside) throws IOException {
        return takeAway(target, FOLDER, token, aside);
    }

    /**
     * Renames the lock to {@code aside} and deletes it there, if it is the lock with {@code token}
     * (null: the lock without an owner); a lock with another token, taken in the meantime, is put back.
     *
     * @return true when the lock with {@code token} was removed
     */
    private static boolean takeAway(SiteTarget target, String folder, String token, String aside) throws IOException {
        if (!target.moveIfAbsent(folder, aside)) {
            return false; // someone else moved or released it first
        }
        String moved = target.read(aside + OWNER_FILE).flatMap(Owner::parse).map(Owner::token).orElse(null);
        if (Objects.equals(moved, token)) {
            target.delete(aside);
            return true;
        }
        // A lock taken after we judged the old one: its holder keeps it. Should yet another publish
        // have taken the free name meanwhile, the holder finds it changed at its next check and stops.
        if (!target.moveIfAbsent(aside, folder)) {
            target.delete(aside);
        }
        return false;
    }

    /** Stops the publish (before it changes anything more) when the lock is no longer this publish's. */
    void verify() throws IOException, PublishException {
        Optional<Owner> holder = target.read(OWNER).flatMap(Owner::parse);
        // A publish that judged an older lock stale may have moved this one aside for a moment: it puts a
        // lock that is not the one it judged back at once, so an absent lock is looked for again first.
        for (int look = 0; holder.isEmpty() && look < ABSENT_LOOKS; look++) {
            try {
                Thread.sleep(ABSENT_PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            holder = target.read(OWNER).flatMap(Owner::parse);
        }
        if (holder.isEmpty() || !holder.get().token().equals(owner.token())) {
            throw new PublishException("The lock of " + target.url() + " was taken from this publish"
                    + holder.map(h -> " by " + h.describe()).orElse("") + " (someone ran with -Dreport.breakLock=true"
                    + " while it was running?); it stopped before changing anything more: run again when no other"
                    + " publish is running");
        }
    }

    /** The current holder of {@code target}'s lock, if any (for dry runs). */
    static Optional<String> holder(SiteTarget target) throws IOException {
        return target.read(OWNER).map(json -> Owner.parse(json).map(Owner::describe).orElse("unknown owner"));
    }

    /** Releases the lock, if it is still this publish's. */
    @Override
    public void close() throws IOException {
        Optional<Owner> holder = target.read(OWNER).flatMap(Owner::parse);
        if (holder.isPresent() && holder.get().token().equals(owner.token())) {
            takeAway(target, owner.token(), AREA + "released-" + owner.nonce() + "/");
        }
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }

    static String age(Duration age) {
        long seconds = Math.max(0, age.getSeconds());
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        return seconds / 3600 + " h";
    }
}
