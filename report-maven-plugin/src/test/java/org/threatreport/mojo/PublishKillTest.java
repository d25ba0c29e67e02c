package org.threatreport.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.site.Versions;
import org.threatreport.testing.Requires;

/**
 * Publishes killed at random steps while a reader keeps fetching the site: every response for
 * {@code latest/}, every listed version and {@code versions.json} is 200, from the first kill to the
 * publish that completes after the last. Each publish runs in a JVM of its own, is killed (SIGKILL)
 * after a random number of the steps that change the server, and the next one takes over its lock
 * and cleans up after it. Two versions take turns, each a new version the first time and replaced
 * ({@code report.overwrite}) after, so a killed publish is caught moving a new version into place,
 * replacing one file by file, updating {@code latest/} and the root files; half the kills come right
 * after a rename or a delete. The random steps come from a fixed seed. Each publish's JVM is started
 * while the one before runs, so the test waits for JVMs to start only once.
 */
class PublishKillTest {

    static final String USER = "editor";
    static final String PASSWORD = "kill-pass";
    static final int KILLS = 20;
    static final long SEED = 2017;

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
        fixture = new PublishFixture(work.resolve("project")).build("2017.0").build("2017.1");
        fixture.publish("2017.0", url, PublishFixture.auth(USER, PASSWORD));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
    }

    /** Fetches the site as a reader would, as fast as it can, until stopped; collects every answer that is not 200. */
    static final class Reader extends Thread {
        final AtomicBoolean stop = new AtomicBoolean();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger fetches = new AtomicInteger();
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        @Override
        public void run() {
            while (!stop.get()) {
                try {
                    String json = fetch("versions.json");
                    fetch("latest/");
                    fetch("latest/02-other.html");
                    if (json != null) {
                        for (var entry : Versions.parse(json.getBytes(StandardCharsets.UTF_8)).entries()) {
                            fetch(entry.version() + "/");
                            fetch(entry.version() + "/02-other.html");
                            fetch(entry.version() + "/figures/fig-industry.svg");
                        }
                    }
                    // A breath between rounds, so the publishes being killed get the machine's cores too.
                    Thread.sleep(5);
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        }

        private String fetch(String path) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(nginx.http("reports/" + path)))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            fetches.incrementAndGet();
            if (response.statusCode() != 200) {
                failures.add(response.statusCode() + " " + path);
                return null;
            }
            return response.body();
        }
    }

    /**
     * A publish in its own JVM ({@link PublishMain}), started ahead: it warms up with a dry run while
     * the publish before it runs, and publishes when {@link #run} says so.
     */
    static final class Child {
        private final Process process;
        private final BufferedReader lines;

        Child(String version) throws Exception {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    PublishMain.class.getName(), fixture.siteRoot().toString(), version, url, USER, PASSWORD, "0",
                    "overwrite", "warm");
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Publishes; returns the steps it printed, killing it (SIGKILL) after {@code killAfter} of them (0: never). */
        List<String> run(int killAfter) throws Exception {
            List<String> steps = new ArrayList<>();
            try {
                for (String line = lines.readLine(); line != null && !line.equals("ready"); line = lines.readLine()) {
                    if (!line.startsWith("SLF4J")) {
                        steps.add(line);
                    }
                }
                assertEquals(List.of(), steps, "the warm-up printed nothing but ready");
                process.getOutputStream().write('\n');
                process.getOutputStream().flush();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    steps.add(line);
                    if (killAfter > 0 && steps.size() >= killAfter) {
                        process.destroyForcibly();
                        break;
                    }
                }
            } finally {
                process.destroyForcibly();
                assertTrue(process.waitFor(20, TimeUnit.SECONDS));
                lines.close();
            }
            return steps;
        }

        void stop() throws Exception {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** A whole publish (with overwrite) in this JVM; returns its steps. */
    static List<String> publishHere(String version) throws Exception {
        List<String> steps = new ArrayList<>();
        PublishFixture.publish(PublishFixture.options(fixture.siteRoot(), version, url, true, false, false),
                PublishFixture.auth(USER, PASSWORD), new ArrayList<>(),
                target -> new SteppedTarget(target, (step, path) -> steps.add(step + " " + path)));
        return steps;
    }

    @Test
    void readersSeeOnly200sWhilePublishesAreKilledAtRandomSteps() throws Exception {
        fixture.publish("2017.1", url, PublishFixture.auth(USER, PASSWORD));
        // A whole replacing publish, to count its steps: each kill comes after a random number of them.
        List<String> whole = publishHere("2017.1");
        int steps = whole.size();
        // Half the kills come right after a step that changes what readers see (a rename or a delete,
        // where a reader could miss a file), the other half after any step.
        List<Integer> visible = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            if (whole.get(i).startsWith("move") || whole.get(i).startsWith("delete")) {
                visible.add(i + 1);
            }
        }

        long start = System.nanoTime();
        Random random = new Random(SEED);
        Reader reader = new Reader();
        reader.start();
        List<String> killedAt = new ArrayList<>();
        Child next = new Child("2017.0");
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                String version = kill % 2 == 0 ? "2017.0" : "2017.1";
                int killAfter = random.nextBoolean() ? visible.get(random.nextInt(visible.size())) : 1 + random.nextInt(steps);
                Child child = next;
                next = kill + 1 < KILLS ? new Child(kill % 2 == 0 ? "2017.1" : "2017.0") : null;
                List<String> done = child.run(killAfter);
                killedAt.add(version + " after " + done.get(done.size() - 1));
            }
            // The next publish finishes what the last killed one left, and cleans up.
            publishHere("2017.1");
        } finally {
            if (next != null) {
                next.stop();
            }
            reader.stop.set(true);
            reader.join(20_000);
        }
        System.out.println("Killed " + KILLS + " publishes of " + steps + " steps in "
                + (System.nanoTime() - start) / 1_000_000 + " ms; the reader fetched " + reader.fetches.get()
                + " times: " + reader.failures.size() + " answer(s) other than 200");
        assertEquals(0, reader.failures.size(), "first ones: " + reader.failures.subList(0, Math.min(10, reader.failures.size()))
                + "; killed at: " + killedAt);
        assertTrue(reader.fetches.get() > 100, "the reader kept reading: " + reader.fetches.get());
        assertEquals(List.of("2017.1", "2017.0"), Versions.parse(nginx.get("reports/versions.json").body()
                .getBytes(StandardCharsets.UTF_8)).entries().stream().map(v -> v.version()).toList());
        try (var left = Files.list(nginx.root().resolve("reports/.publish"))) {
            assertEquals(List.of(), left.toList(), "no lock or upload is left");
        }
    }
}
