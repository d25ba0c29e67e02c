package org.threatreport.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.site.ServingHeaders;

/**
 * The preview server as a browser, a page elsewhere or a careless client meets it, over raw
 * sockets (to send what browsers never send): the site's headers on every answer, a foreign
 * {@code Host} refused, no symbolic links followed, malformed paths refused, slow clients cut off,
 * a bounded number of threads however many connections, and problems shown without the project's
 * absolute folder.
 */
class PreviewServerSafetyTest {

    /** Small limits, so that the deadlines pass within the test. */
    static final RequestThreads.Limits LIMITS = new RequestThreads.Limits(6, 4, Duration.ofMillis(400),
            Duration.ofSeconds(30));

    @TempDir
    Path project;
    Path siteRoot;
    PreviewServer server;
    int port;

    @BeforeEach
    void start() throws IOException {
        siteRoot = Files.createDirectories(project.resolve("target/report-site"));
        server = new PreviewServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "2017", siteRoot, project,
                LIMITS);
        server.publish(Map.of("index.html", "<html><body><h1>Home</h1></body></html>".getBytes(StandardCharsets.UTF_8),
                "assets/style.css", "h1{}".getBytes(StandardCharsets.UTF_8)), List.of());
        server.start();
        port = server.url().getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** One answer as raw text; the request is sent as given, then the connection is closed by the server. */
    record Answer(int status, String head, String body) {

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    Answer send(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String[] status = head.split(" ", 3);
            return new Answer(status.length > 1 ? Integer.parseInt(status[1]) : -1, head,
                    end < 0 ? "" : text.substring(end + 4));
        }
    }

    Answer get(String path, String host) throws IOException {
        return send("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    Answer get(String path) throws IOException {
        return get(path, "127.0.0.1:" + port);
    }

    @Test
    void everyAnswerCarriesTheSiteHeaders() throws IOException {
        for (String path : List.of("/2017/", "/2017/assets/style.css", "/2017/missing.html", "/", "/_preview/live-reload.js",
                "/_preview/overlay.css", "/2017/%00", "/_preview/wait?token=other")) {
            Answer answer = get(path);
            for (Map.Entry<String, String> header : ServingHeaders.ALL) {
                assertEquals(header.getValue(), answer.header(header.getKey()), header.getKey() + " of " + path);
            }
        }
        assertEquals(421, get("/2017/", "attacker.example").status());
        assertEquals("nosniff", get("/2017/", "attacker.example").header("X-Content-Type-Options"));
        assertTrue(ServingHeaders.CONTENT_SECURITY_POLICY.contains("script-src 'self';"));
    }

    @Test
    void aForeignHostIsRefusedAndThisMachineIsServed() throws IOException {
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST", "localhost.", "[::1]:" + port,
                "127.0.0.1")) {
            assertEquals(200, get("/2017/", host).status(), host);
        }
        for (String host : List.of("attacker.example", "attacker.example:" + port, "localhost.attacker.example",
                "127.0.0.1.nip.io", "localhost:80:80", "")) {
            Answer answer = get("/2017/", host);
            assertEquals(host.isEmpty() ? 400 : 421, answer.status(), host);
            assertFalse(answer.body().contains("Home"), host);
        }
        // HTTP/1.0 without any Host header.
        assertEquals(400, send("GET /2017/ HTTP/1.0\r\n\r\n").status());
    }

    @Test
    void boundToTheNetworkItAlsoAnswersForThisMachinesNameAndAddresses() throws IOException {
        HostCheck any = new HostCheck(new InetSocketAddress("0.0.0.0", 8000));
        assertTrue(any.allows("192.168.1.20:8000"), "an address has no name to rebind");
        assertTrue(any.allows("[fe80::1]:8000"));
        assertTrue(any.allows(InetAddress.getLocalHost().getHostName() + ":8000"));
        assertFalse(any.allows("intranet.attacker.example:8000"));
        HostCheck named = new HostCheck(InetSocketAddress.createUnresolved("preview.example", 8000));
        assertTrue(named.allows("Preview.Example:8000"));
        assertFalse(named.allows("other.example:8000"));
    }

    @Test
    void filesOutsideTheVersionAreServedButNeverThroughASymbolicLink() throws IOException {
        Answer none = get("/versions.js");
        assertEquals(200, none.status(), "before any site:report: no other versions");
        assertEquals("window.threatReportVersions = [];\n", none.body());
        assertEquals("text/javascript; charset=utf-8", none.header("Content-Type"));
        Files.writeString(siteRoot.resolve("versions.js"), "window.threatReportVersions = [];\n");
        Path secret = Files.writeString(project.resolve("secret.txt"), "not for readers");
        Files.createSymbolicLink(siteRoot.resolve("secret.txt"), secret);
        Path outside = Files.createDirectories(project.resolve("outside"));
        Files.writeString(outside.resolve("notes.txt"), "not for readers either");
        Files.createSymbolicLink(siteRoot.resolve("linked"), outside);

        assertEquals(200, get("/versions.js").status());
        assertTrue(get("/versions.js").body().contains("threatReportVersions"));
        for (String path : List.of("/secret.txt", "/linked/notes.txt")) {
            Answer answer = get(path);
            assertEquals(404, answer.status(), path);
            assertFalse(answer.body().contains("not for readers"), path);
        }
    }

    @Test
    void aMalformedPathIsABadRequest() throws IOException {
        for (String path : List.of("/2017/index.html%00", "/%00", "/2017/%0d%0aSet-Cookie:x", "/2017/%C0%AF",
                "/2017/%FF.html", "/2017/../../etc/passwd", "/2017/./index.html", "/2017/a%5Cb", "/2017/%2e%2e/x")) {
            Answer answer = get(path);
            assertEquals(400, answer.status(), path);
            assertTrue(answer.body().startsWith("Bad request: "), answer.body());
        }
        assertEquals(200, get("/2017/index.html").status());
        assertEquals(404, get("/2017/%E6%94%BF%E5%BA%9C.html").status(), "a well-formed Chinese name is looked up");
    }

    @Test
    void aClientThatSendsItsRequestTooSlowlyIsCutOff() throws IOException {
        try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), port)) {
            slow.setSoTimeout(10_000);
            OutputStream out = slow.getOutputStream();
            out.write("GET /2017/ HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // The headers never end: the server closes the connection once the read deadline passes.
            assertEquals(-1, readToEnd(slow.getInputStream()), "the connection is closed without an answer");
        }
        assertEquals(200, get("/2017/").status(), "the thread it held serves again");
    }

    @Test
    void manyConnectionsUseABoundedNumberOfThreads() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.getOutputStream().write("GET /2017/ HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
                sockets.add(socket);
            }
            Thread.sleep(200);
            assertTrue(requestThreads() <= LIMITS.threads(), requestThreads() + " request threads");
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        assertTrue(requestThreads() <= LIMITS.threads(), requestThreads() + " request threads");
        // Once the deadlines have freed the threads, pages are served again.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status = -1;
        while (status != 200 && System.nanoTime() < deadline) {
            try {
                status = get("/2017/").status();
            } catch (SocketException | SocketTimeoutException refusedWhileBusy) {
                Thread.sleep(100);
            }
        }
        assertEquals(200, status);
    }

    @Test
    void waitingPagesAreBoundedAndTheRestAskAgainLater() throws Exception {
        int polls = LIMITS.threads() - 4;
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("data-token=\"([^\"]+)\"").matcher(get("/2017/").body());
        assertTrue(token.find());
        String wait = "/_preview/wait?token=" + token.group(1);
        List<Socket> waiting = new ArrayList<>();
        try {
            for (int i = 0; i < polls; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.getOutputStream().write(("GET " + wait + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                waiting.add(socket);
            }
            Thread.sleep(200);
            Answer refused = get(wait);
            assertEquals(503, refused.status());
            assertEquals("2", refused.header("Retry-After"));
            assertEquals(200, get("/2017/").status(), "pages are still served");
        } finally {
            for (Socket socket : waiting) {
                socket.close();
            }
        }
    }

    @Test
    void problemsShowPathsRelativeToTheProject() throws IOException {
        String home = System.getProperty("user.home");
        server.publish(Map.of("index.html", "<body></body>".getBytes(StandardCharsets.UTF_8)), List.of(
                "content/01-a.md:3:5: error: unknown column",
                ": error: the build failed: java.nio.file.AccessDeniedException: " + project.resolve("target/report-cache/x"),
                "site-template/fonts: error: The chart font " + home + "/fonts/a.ttf cannot draw \"政府\"",
                "error in " + project));
        String page = get("/2017/").body();
        assertTrue(page.contains("AccessDeniedException: target/report-cache/x"), page);
        assertTrue(page.contains("The chart font ~/fonts/a.ttf"), page);
        assertTrue(page.contains("error in ."), page);
        assertFalse(page.contains(project.toString()), page);
        assertFalse(page.toLowerCase(Locale.ROOT).contains(home.toLowerCase(Locale.ROOT) + "/"), page);
    }

    private static int readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            all.write(b);
        }
        return all.size() == 0 ? -1 : all.size();
    }

    private long requestThreads() {
        String prefix = server.requestThreadPrefix();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix) && !t.getName().endsWith("watchdog"))
                .count();
    }
}
