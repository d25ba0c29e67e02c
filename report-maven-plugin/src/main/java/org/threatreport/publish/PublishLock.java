package org.threatreport.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The lock of a site root: a folder {@code .publish.lock/} that only one publish can create, holding
 * {@code owner.json} (who, on which machine, which process, which version, since when). A lock left
 * by a publish of this machine whose process is gone is removed by itself; any other lock only when
 * asked ({@code report.breakLock}).
 */
final class PublishLock implements AutoCloseable {

    static final String FOLDER = ".publish.lock/";
    static final String OWNER = FOLDER + "owner.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who holds a lock. */
    record Owner(String user, String host, long pid, String version, Instant started, String token) {

        static Owner me(String version) {
            return new Owner(System.getProperty("user.name", "?"), hostName(), ProcessHandle.current().pid(), version,
                    Instant.now(), UUID.randomUUID().toString());
        }

        byte[] json() throws IOException {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("user", user);
            fields.put("host", host);
            fields.put("pid", pid);
            fields.put("version", version);
            fields.put("started", started.toString());
            fields.put("token", token);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(fields);
        }

        static Optional<Owner> parse(byte[] json) {
            try {
                var node = JSON.readTree(json);
                return Optional.of(new Owner(node.path("user").asText("?"), node.path("host").asText("?"),
                        node.path("pid").asLong(-1), node.path("version").asText("?"),
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
            return letters.substring(0, Math.min(8, letters.length()));
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

    /** Names this publish's temporary files and folders, so whoever breaks its lock can find them. */
    String nonce() {
        return owner.nonce();
    }

    /** The owner of the lock this publish removed (a publish that stopped), whose leftovers are to be cleaned up. */
    Optional<Owner> broken() {
        return Optional.ofNullable(broken);
    }

    /** Takes the lock, or says who holds it. */
    static PublishLock acquire(SiteTarget target, String version, boolean breakLock, PublishLog log)
            throws IOException, PublishException {
        Owner me = Owner.me(version);
        Owner broken = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            if (target.createFolder(FOLDER)) {
                target.write(OWNER, me.json());
                return new PublishLock(target, me, broken);
            }
            Optional<Owner> holder = target.read(OWNER).flatMap(Owner::parse);
            String who = holder.map(Owner::describe).orElse("a publish that left no owner");
            if (attempt == 0 && holder.isPresent() && holder.get().isDeadHere()) {
                log.warn("Removing the lock of a publish that stopped: " + who);
            } else if (attempt == 0 && breakLock) {
                log.warn("Breaking the lock of " + target.url() + " (report.breakLock): " + who);
            } else {
                throw new PublishException("Another publish holds the lock of " + target.url() + ": " + who
                        + ". Wait for it to finish; if it is no longer running, run again with -Dreport.breakLock=true");
            }
            broken = holder.orElse(null);
            target.delete(FOLDER);
        }
        throw new PublishException("Another publish took the lock of " + target.url() + " at the same moment; run again");
    }

    /** The current holder of {@code target}'s lock, if any (for dry runs). */
    static Optional<String> holder(SiteTarget target) throws IOException {
        return target.read(OWNER).map(json -> Owner.parse(json).map(Owner::describe).orElse("unknown owner"));
    }

    @Override
    public void close() throws IOException {
        target.delete(FOLDER);
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
