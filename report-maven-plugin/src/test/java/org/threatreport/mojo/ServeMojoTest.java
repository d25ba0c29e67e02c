package org.threatreport.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code site:serve} goal as Maven runs it: its parameters reach the server, it serves until
 * stopped, and a port in use is a plain failure that names the option to change.
 */
class ServeMojoTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static ServeMojo mojo(Path project, int port) throws Exception {
        ServeMojo mojo = new ServeMojo();
        set(mojo, "baseDir", project.toFile());
        set(mojo, "content", ROOT.resolve("content").toFile());
        set(mojo, "data", ROOT.resolve("data").toFile());
        set(mojo, "templates", ROOT.resolve("site-template").toFile());
        set(mojo, "output", project.resolve("target/report-site").toFile());
        set(mojo, "cache", project.resolve("target/report-cache").toFile());
        set(mojo, "version", "2017");
        set(mojo, "renderTimeout", 60); // as Maven injects its default
        set(mojo, "port", port);
        set(mojo, "bind", "127.0.0.1");
        mojo.setLog(new SystemStreamLog());
        return mojo;
    }

    private static void set(Object mojo, String name, Object value) throws Exception {
        for (Class<?> type = mojo.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(mojo, value);
                return;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void servesUntilStoppedAndWritesNoSite(@TempDir Path project) throws Exception {
        int port = freePort();
        ServeMojo mojo = mojo(project, port);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread goal = new Thread(() -> {
            try {
                mojo.execute();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "site-serve");
        goal.start();
        HttpClient http = HttpClient.newHttpClient();
        URI page = URI.create("http://127.0.0.1:" + port + "/2017/02-monitoring.html");
        HttpResponse<String> response = null;
        for (int i = 0; i < 600 && response == null; i++) {
            try {
                response = http.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                Thread.sleep(100); // still building
            }
        }
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("应急响应监测分析"));

        goal.interrupt(); // as Ctrl-C ends the wait of the goal
        goal.join(10_000);

        assertNull(failure.get());
        assertThrows(ConnectException.class, () -> http.send(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString()));
        try (Stream<Path> target = Files.list(project.resolve("target"))) {
            assertEquals(java.util.List.of(project.resolve("target/report-cache")), target.toList());
        }
    }

    @Test
    void aPortInUseIsAFailureThatNamesTheOption(@TempDir Path project) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            ServeMojo mojo = mojo(project, taken.getLocalPort());

            MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

            assertTrue(e.getMessage().contains("-Dreport.port="), e.getMessage());
        }
    }
}
