package org.threatreport.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.PublishOptions;
import org.threatreport.publish.PublishException;
import org.threatreport.publish.SiteTarget;
import org.threatreport.site.Versions;
import org.threatreport.testing.Requires;

/**
 * Publishes started at the same moment against a real nginx with WebDAV, some steps slowed down as a
 * slow network would (up to 0.7 s before a delete or a rename of the lock): never do two of them hold
 * the lock at once. The same version published four times at once is published once; four publishes
 * at once taking over a stale lock leave one winner; versions published at once by publishes that try
 * again until they get the lock are all listed. Random delays come from fixed seeds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishRaceTest {

    static final String USER = "editor";
    static final String PASSWORD = "race-pass";
    static final String PUBLISH_LOCK = ".publish/lock/";

    @TempDir
    static Path work;
    static Nginx nginx;
    static PublishFixture fixture;
    static String url;

    @BeforeAll
    static void startServerAndBuild() throws Exception {
        Requires.that(Nginx.available(), "nginx with WebDAV (apt-get install nginx libnginx-mod-http-dav-ext)");
        nginx = Nginx.start(work.resolve("nginx"), USER, PASSWORD, "/reports/404.html");
        url = nginx.dav("reports/");
        fixture = new PublishFixture(work.resolve("project"));
        for (String version : List.of("2017.0", "2017.1", "2017.2", "2017.3", "2017.4")) {
            fixture.build(version);
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
    }

    /** Which publish took each step that readers can see (outside {@code .publish/}), in order. */
    static final List<Integer> publicSteps = Collections.synchronizedList(new ArrayList<>());

    /**
     * The publishes whose steps visible to readers were interleaved with another's: two publishes that
     * both believed they held the lock. Empty when each one's visible steps came in one run.
     */
    static List<Integer> interleaved() {
        List<Integer> runs = new ArrayList<>();
        synchronized (publicSteps) {
            for (Integer publish : publicSteps) {
                if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(publish)) {
                    runs.add(publish);
                }
            }
        }
        return runs.stream().filter(p -> Collections.frequency(runs, p) > 1).distinct().toList();
    }

    /** The outcome of one publish: null when it succeeded, else its message. */
    static Callable<String> publish(String version, long seed, boolean retryWhileLocked, CountDownLatch start) {
        return () -> {
            Random random = new Random(seed);
            PublishOptions options = PublishFixture.options(fixture.siteRoot(), version, url, false, false, false);
            start.await();
            for (int attempt = 0; ; attempt++) {
                try {
                    PublishFixture.publish(options, PublishFixture.auth(USER, PASSWORD), new ArrayList<>(),
                            target -> slowed(target, random, (int) seed));
                    return null;
                } catch (PublishException e) {
                    if (!retryWhileLocked || !e.getMessage().startsWith("Another publish holds the lock") || attempt > 200) {
                        return e.getMessage();
                    }
                    Thread.sleep(20 + random.nextInt(80));
                }
            }
        };
    }

    /**
     * Delays before the steps that take a lock away (a rename or a delete of {@code .publish/lock/}: the
     * window in which another publish could take it), and a little before every other one.
     */
    static SiteTarget slowed(SiteTarget target, Random random, int publish) {
        return new SteppedTarget(target, (step, path) -> {
            String changed = path.contains(" ") ? path.substring(path.indexOf(' ') + 1) : path;
            if (!changed.startsWith(".")) {
                publicSteps.add(publish);
            }
            boolean lockStep = path.startsWith(PUBLISH_LOCK);
            int bound;
            synchronized (random) {
                bound = random.nextInt(lockStep ? 700 : 5);
            }
            SteppedTarget.pause(bound);
        });
    }

    static List<String> run(List<Callable<String>> publishes) throws Exception {
        publicSteps.clear();
        ExecutorService threads = Executors.newFixedThreadPool(publishes.size());
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> publish : publishes) {
                futures.add(threads.submit(publish));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> future : futures) {
                outcomes.add(future.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    static List<String> listed() throws Exception {
        return Versions.parse(nginx.get("reports/versions.json").body().getBytes(StandardCharsets.UTF_8))
                .entries().stream().map(v -> v.version()).sorted().toList();
    }

    static void plantStaleLock() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path lock = Files.createDirectories(nginx.root().resolve("reports/.publish/lock"));
        Files.writeString(lock.resolve("owner.json"), """
                {"user": "editor", "host": "%s", "pid": %d, "version": "2016.9", "started": "%s", "token": "stale-one"}"""
                .formatted(java.net.InetAddress.getLocalHost().getHostName(), dead.pid(), java.time.Instant.now()));
    }

    @Test
    @Order(1)
    void theSameVersionPublishedFourTimesAtOnceIsPublishedOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> publishes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            publishes.add(publish("2017.0", 11 + i, false, start));
        }
        start.countDown();
        List<String> outcomes = run(publishes);
        assertEquals(List.of(), interleaved(), "never two holders of the lock");
        assertEquals(1, Collections.frequency(outcomes, null), outcomes.toString());
        for (String refused : outcomes) {
            assertTrue(refused == null || refused.startsWith("Another publish holds the lock")
                    || refused.startsWith("Version 2017.0 is already published"), refused);
        }
        assertEquals(List.of("2017.0"), listed());
    }

    @Test
    @Order(2)
    void fourPublishesTakingOverAStaleLockAtOnceLeaveOneWinner() throws Exception {
        plantStaleLock();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> publishes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            publishes.add(publish("2017.1", 21 + i, false, start));
        }
        start.countDown();
        List<String> outcomes = run(publishes);
        assertEquals(List.of(), interleaved(), "never two holders of the lock");
        assertEquals(1, Collections.frequency(outcomes, null), outcomes.toString());
        assertEquals(List.of("2017.0", "2017.1"), listed());
    }

    @Test
    @Order(3)
    void versionsPublishedAtOnceAreAllListed() throws Exception {
        plantStaleLock();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> publishes = new ArrayList<>();
        for (String version : List.of("2017.2", "2017.3", "2017.4")) {
            publishes.add(publish(version, version.hashCode(), true, start));
        }
        start.countDown();
        List<String> outcomes = run(publishes);
        assertEquals(List.of(), interleaved(), "never two holders of the lock");
        assertEquals(Collections.nCopies(3, null), outcomes, "each one published, after waiting for the lock");
        assertEquals(List.of("2017.0", "2017.1", "2017.2", "2017.3", "2017.4"), listed());
        try (var left = Files.list(nginx.root().resolve("reports/.publish"))) {
            assertEquals(List.of(), left.toList(), "no lock or upload is left");
        }
    }
}
