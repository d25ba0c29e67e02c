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
    /** How often a publish tries again when other publishes change the lock under it. */
    private static final int ATTEMPTS = 6;
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
                String token = holder.map(Owner::token).orElse(null);
                if (takeAway(target, token, AREA + "stale-" + me.nonce() + "-" + attempt + "/")) {
                    broken = holder.orElse(null);
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
     * Renames the lock to {@code aside} and deletes it there, if it is the lock with {@code token}
     * (null: the lock without an owner); a lock with another token, taken in the meantime, is put back.
     *
     * @return true when the lock with {@code token} was removed
     */
    private static boolean takeAway(SiteTarget target, String token, String aside) throws IOException {
        if (!target.moveIfAbsent(FOLDER, aside)) {
            return false; // someone else moved or released it first
        }
        String moved = target.read(aside + OWNER_FILE).flatMap(Owner::parse).map(Owner::token).orElse(null);
        if (Objects.equals(moved, token)) {
            target.delete(aside);
            return true;
        }
        // A lock taken after we judged the old one: its holder keeps it. Should yet another publish
        // have taken the free name meanwhile, the holder finds it changed at its next check and stops.
        if (!target.moveIfAbsent(aside, FOLDER)) {
            target.delete(aside);
        }
        return false;
    }

    /** Stops the publish (before it changes anything more) when the lock is no longer this publish's. */
    void verify() throws IOException, PublishException {
        Optional<Owner> holder = target.read(OWNER).flatMap(Owner::parse);
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
