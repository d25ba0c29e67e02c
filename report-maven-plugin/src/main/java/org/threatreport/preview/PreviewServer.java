package org.threatreport.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the report from memory over HTTP, on the JDK's own server: each file as the build made it,
 * except that HTML pages get the live-reload script (and, while the last build failed, an overlay
 * listing its problems) injected before {@code </body>} — at serve time only, never into the files
 * {@code site:report} writes.
 *
 * <p>The version is served where it stands in the site, at {@code /<version>/}, so that its links
 * out of the version folder ({@code ../versions.js}, other versions) work: they are served from the
 * site root on disk as {@code site:report} left it, when there is one.
 *
 * <p>Live reload is a long poll: the script asks {@code /_preview/wait?token=…} and the server
 * answers as soon as a newer build (or a failed one) is published, or after {@link #WAIT_SECONDS},
 * whereupon the page reloads or asks again.
 */
final class PreviewServer implements AutoCloseable {

    static final String PREFIX = "/_preview/";
    private static final long WAIT_SECONDS = 25;
    private static final String SCRIPT = resource("live-reload.js");
    private static final String OVERLAY = resource("overlay.html");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("xml", "application/xml"), Map.entry("ipynb", "application/x-ipynb+json"),
            Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"), Map.entry("pdf", "application/pdf"));

    /**
     * What is served: the last good build's files, and the problems of the last build if it failed.
     *
     * @param token    changes with every publication; the pages' script reloads when it does
     * @param problems one line each, {@code file:line:column: error: message}; empty after a good build
     */
    private record Snapshot(String token, Map<String, byte[]> files, List<String> problems) {
    }

    private final HttpServer server;
    private final ExecutorService handlers;
    private final String instance = Long.toString(System.nanoTime() & 0xffffff, 36);
    private final AtomicInteger publications = new AtomicInteger();
    private final Object changed = new Object();
    private volatile Snapshot snapshot;
    private volatile boolean closed;

    private final String version;
    private final Path siteRoot;

    /**
     * Binds {@code address} at once, so that a port in use is known before anything is built.
     *
     * @param version  the version folder's name: pages are served under {@code /<version>/}
     * @param siteRoot the site root on disk, for the files outside the version folder
     */
    PreviewServer(InetSocketAddress address, String version, Path siteRoot) throws IOException {
        this.version = version;
        this.siteRoot = siteRoot.toAbsolutePath().normalize();
        this.server = HttpServer.create(address, 64);
        AtomicInteger threads = new AtomicInteger();
        this.handlers = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "report-preview-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        this.snapshot = new Snapshot(instance + "-0", Map.of(), List.of("The report is being built…"));
    }

    void start() {
        server.start();
    }

    /** The address pages are served at, e.g. {@code http://127.0.0.1:8000/}. */
    URI url() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/"
                + version + "/");
    }

    /**
     * Serves a new build.
     *
     * @param files    the last good build's files (kept by the caller when this build failed)
     * @param problems the build's problems, one line each; empty when it succeeded
     */
    void publish(Map<String, byte[]> files, List<String> problems) {
        synchronized (changed) {
            snapshot = new Snapshot(instance + "-" + publications.incrementAndGet(), files, List.copyOf(problems));
            changed.notifyAll();
        }
    }

    private void handle(HttpExchange exchange) {
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", bytes("Only GET and HEAD are served."));
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith(PREFIX + "wait")) {
                waitForChange(exchange);
                return;
            }
            serveFile(exchange, path);
        } catch (IOException e) {
            // The browser went away (a reload while a poll was waiting): nothing to answer.
        } finally {
            exchange.close();
        }
    }

    private void serveFile(HttpExchange exchange, String rawPath) throws IOException {
        Snapshot current = snapshot;
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        path = path.startsWith("/") ? path.substring(1) : path;
        String prefix = version + "/";
        if (path.isEmpty() || path.equals(version)) {
            redirect(exchange, "/" + prefix);
            return;
        }
        if (!path.startsWith(prefix)) {
            serveFromSiteRoot(exchange, path, current);
            return;
        }
        String name = path.substring(prefix.length());
        if (name.isEmpty() || name.endsWith("/")) {
            name += "index.html";
        }
        byte[] file = current.files().get(name);
        if (file == null && !name.endsWith(".html") && current.files().containsKey(name + "/index.html")) {
            redirect(exchange, "/" + prefix + name + "/");
            return;
        }
        if (file == null) {
            notFound(exchange, path, current);
            return;
        }
        String type = type(name);
        send(exchange, 200, type, type.startsWith("text/html") ? inject(file, current) : file);
    }

    /** A file of the site outside this version (other versions, the version list), as site:report left it. */
    private void serveFromSiteRoot(HttpExchange exchange, String path, Snapshot current) throws IOException {
        Path file = siteRoot.resolve(path).normalize();
        if (!file.startsWith(siteRoot) || file.startsWith(siteRoot.resolve(version)) || !Files.isRegularFile(file)) {
            notFound(exchange, path, current);
            return;
        }
        send(exchange, 200, type(path), Files.readAllBytes(file));
    }

    private void notFound(HttpExchange exchange, String path, Snapshot current) throws IOException {
        boolean built = !current.files().isEmpty();
        String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + (built ? "Not found" : "Not built yet")
                + "</title></head><body><h1>" + (built ? "Not found: " + escape(path) : "The report has not been built yet")
                + "</h1><p><a href=\"/" + escape(version) + "/\">Home page</a></p></body></html>";
        send(exchange, built ? 404 : 503, TYPES.get("html"), inject(bytes(page), current));
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, 302, "text/plain; charset=utf-8", new byte[0]);
    }

    private void waitForChange(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String token = query != null && query.startsWith("token=") ? query.substring("token=".length()) : "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        synchronized (changed) {
            try {
                while (!closed && snapshot.token().equals(token) && System.nanoTime() < deadline) {
                    changed.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Snapshot current = snapshot;
        send(exchange, 200, TYPES.get("json"), bytes("{\"token\":\"" + current.token() + "\",\"problems\":"
                + current.problems().size() + "}"));
    }

    /** The page with the live-reload script, and the overlay of problems when the last build failed. */
    static byte[] inject(byte[] page, String token, List<String> problems) {
        String html = new String(page, StandardCharsets.UTF_8);
        StringBuilder injected = new StringBuilder();
        if (!problems.isEmpty()) {
            StringBuilder lines = new StringBuilder();
            problems.forEach(line -> lines.append(escape(line)).append('\n'));
            injected.append(OVERLAY.replace("__COUNT__", Integer.toString(problems.size()))
                    .replace("__PROBLEMS__", lines.toString().strip()));
        }
        injected.append("<script>").append(SCRIPT.replace("__TOKEN__", token)).append("</script>\n");
        int body = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        String out = body < 0 ? html + injected : html.substring(0, body) + injected + html.substring(body);
        return bytes(out);
    }

    private static byte[] inject(byte[] page, Snapshot snapshot) {
        return inject(page, snapshot.token(), snapshot.problems());
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String type(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = PreviewServer.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (changed) {
            changed.notifyAll();
        }
        server.stop(0);
        handlers.shutdownNow();
    }
}
