package org.threatreport.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.threatreport.site.ServingHeaders;
import org.threatreport.site.Versions;

/**
 * Serves the report from memory over HTTP, on the JDK's own server: each file as the build made it,
 * except that HTML pages get the live-reload script (and, while the last build failed, an overlay
 * listing its problems) added before {@code </body>} — at serve time only, never into the files
 * {@code site:report} writes. The script and the overlay's style are files under
 * {@code /_preview/}, so the pages keep the site's Content-Security-Policy, which the server sends
 * with every answer (see {@link ServingHeaders}).
 *
 * <p>The version is served where it stands in the site, at {@code /<version>/}, so that its links
 * out of the version folder ({@code ../versions.js}, other versions) work: they are served from the
 * site root on disk as {@code site:report} left it, when there is one (never through a symbolic link).
 *
 * <p>Live reload is a long poll: the script asks {@code /_preview/wait?token=…} and the server
 * answers as soon as a newer build (or a failed one) is published, or after {@link #WAIT_SECONDS},
 * whereupon the page reloads or asks again.
 *
 * <p>Safe to bind to the network: a request whose {@code Host} is not this machine is refused
 * ({@link HostCheck}, against DNS rebinding), requests are answered by a bounded number of threads
 * with deadlines ({@link RequestThreads}), and a malformed path gets 400 ({@link RequestPath}).
 */
final class PreviewServer implements AutoCloseable {

    static final String PREFIX = "/_preview/";
    private static final long WAIT_SECONDS = 25;
    private static final String SCRIPT_FILE = "live-reload.js";
    private static final String STYLE_FILE = "overlay.css";
    private static final byte[] SCRIPT = resource(SCRIPT_FILE);
    private static final byte[] STYLE = resource(STYLE_FILE);
    private static final String OVERLAY = new String(resource("overlay.html"), StandardCharsets.UTF_8);
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
    private static final String TEXT = "text/plain; charset=utf-8";

    /**
     * What is served: the last good build's files, and the problems of the last build if it failed.
     *
     * @param token    changes with every publication; the pages' script reloads when it does
     * @param problems one line each, {@code file:line:column: error: message}, paths relative to the
     *                 project; empty after a good build
     */
    private record Snapshot(String token, Map<String, byte[]> files, List<String> problems) {
    }

    private final HttpServer server;
    private final RequestThreads threads;
    private final HostCheck hosts;
    /** Live-reload polls waiting at once: fewer than the threads, so that pages are still served. */
    private final Semaphore polls;
    private final String instance = Long.toString(System.nanoTime() & 0xffffff, 36);
    private final AtomicInteger publications = new AtomicInteger();
    private final Object changed = new Object();
    private volatile Snapshot snapshot;
    private volatile boolean closed;

    private final String version;
    private final Path siteRoot;
    private final Path projectDir;

    /**
     * Binds {@code address} at once, so that a port in use is known before anything is built.
     *
     * @param version    the version folder's name: pages are served under {@code /<version>/}
     * @param siteRoot   the site root on disk, for the files outside the version folder
     * @param projectDir the report project's folder: paths in the problems are shown relative to it
     */
    PreviewServer(InetSocketAddress address, String version, Path siteRoot, Path projectDir) throws IOException {
        this(address, version, siteRoot, projectDir, RequestThreads.Limits.DEFAULT);
    }

    /** With other limits on threads and time (tests make them small). */
    PreviewServer(InetSocketAddress address, String version, Path siteRoot, Path projectDir,
                  RequestThreads.Limits limits) throws IOException {
        this.version = version;
        this.siteRoot = siteRoot.toAbsolutePath().normalize();
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.server = HttpServer.create(address, 64);
        this.threads = new RequestThreads(limits);
        this.hosts = new HostCheck(address);
        this.polls = new Semaphore(Math.max(1, limits.threads() - 4));
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        this.snapshot = new Snapshot(instance + "-0", Map.of(), List.of("The report is being built…"));
    }

    void start() {
        server.start();
    }

    /** The names of the threads answering requests start with this (tests count them). */
    String requestThreadPrefix() {
        return threads.threadPrefix();
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
        List<String> shown = problems.stream().map(this::withRelativePaths).toList();
        synchronized (changed) {
            snapshot = new Snapshot(instance + "-" + publications.incrementAndGet(), files, shown);
            changed.notifyAll();
        }
    }

    /**
     * A problem line as the page shows it: the project's folder left out of paths (messages of faults
     * may name files by absolute path), the home folder as {@code ~}; a reader of the preview learns
     * nothing of the machine's folders.
     */
    private String withRelativePaths(String line) {
        String shown = line.replace(projectDir + projectDir.getFileSystem().getSeparator(), "");
        shown = wholePath(projectDir.toString()).matcher(shown).replaceAll(".");
        String home = System.getProperty("user.home");
        return home == null || home.length() < 2 ? shown : wholePath(home).matcher(shown).replaceAll("~");
    }

    /** A folder's path where it stands whole: not the start of a longer name ({@code /home/ann} in {@code /home/anna}). */
    private static Pattern wholePath(String path) {
        return Pattern.compile(Pattern.quote(path) + "(?![\\p{L}\\p{N}._-])");
    }

    private void handle(HttpExchange exchange) {
        threads.requestRead();
        try {
            String method = exchange.getRequestMethod();
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (host == null || host.isBlank()) {
                send(exchange, 400, TEXT, bytes("Bad request: no Host header."));
                return;
            }
            if (!hosts.allows(host)) {
                // 421: this server does not answer for that name (a page elsewhere rebinding its name here).
                send(exchange, 421, TEXT, bytes("This preview answers only for this machine's address or name, "
                        + "e.g. " + url() + ", not for " + host + "."));
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, TEXT, bytes("Only GET and HEAD are served."));
                return;
            }
            String path;
            try {
                path = RequestPath.decode(exchange.getRequestURI().getRawPath());
            } catch (RequestPath.MalformedException e) {
                send(exchange, 400, TEXT, bytes("Bad request: " + e.getMessage() + "."));
                return;
            }
            if (path.startsWith(PREFIX.substring(1))) {
                servePreviewFile(exchange, path.substring(PREFIX.length() - 1));
                return;
            }
            serveFile(exchange, path);
        } catch (IOException e) {
            // The browser went away (a reload while a poll was waiting), or the request ran out of time.
        } catch (RuntimeException e) {
            answerFault(exchange);
        } finally {
            exchange.close();
        }
    }

    /** The preview's own files: the live-reload script, the overlay's style, and the poll. */
    private void servePreviewFile(HttpExchange exchange, String name) throws IOException {
        switch (name) {
            case "wait" -> waitForChange(exchange);
            case SCRIPT_FILE -> send(exchange, 200, TYPES.get("js"), SCRIPT);
            case STYLE_FILE -> send(exchange, 200, TYPES.get("css"), STYLE);
            default -> send(exchange, 404, TEXT, bytes("Not found."));
        }
    }

    private void serveFile(HttpExchange exchange, String path) throws IOException {
        Snapshot current = snapshot;
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

    /**
     * A file of the site outside this version (other versions, the version list), as site:report left
     * it; never one reached through a symbolic link, which could lead anywhere on the machine.
     */
    private void serveFromSiteRoot(HttpExchange exchange, String path, Snapshot current) throws IOException {
        Path file = siteRoot.resolve(path).normalize();
        byte[] bytes = file.startsWith(siteRoot) && !file.startsWith(siteRoot.resolve(version)) ? readPlainFile(file) : null;
        if (bytes == null && path.equals(Versions.SCRIPT_FILE)) {
            // No site:report yet: no published versions. The pages treat an empty list as they treat none,
            // and the browser gets a script rather than a page it must refuse to run (nosniff).
            send(exchange, 200, TYPES.get("js"), bytes("window." + Versions.GLOBAL + " = [];\n"));
            return;
        }
        if (bytes == null) {
            notFound(exchange, path, current);
            return;
        }
        send(exchange, 200, type(path), bytes);
    }

    /** The file's bytes when it and every folder between it and the site root are no symbolic links; else null. */
    private byte[] readPlainFile(Path file) throws IOException {
        for (Path p = file; p != null && p.startsWith(siteRoot) && !p.equals(siteRoot); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                return null;
            }
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             InputStream in = Channels.newInputStream(channel)) {
            return in.readAllBytes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void notFound(HttpExchange exchange, String path, Snapshot current) throws IOException {
        boolean built = !current.files().isEmpty();
        String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + (built ? "Not found" : "Not built yet")
                + "</title></head><body><h1>" + (built ? "Not found: " + escape(path) : "The report has not been built yet")
                + "</h1><p><a href=\"/" + escape(version) + "/\">Home page</a></p></body></html>";
        send(exchange, built ? 404 : 503, TYPES.get("html"), inject(bytes(page), current));
    }

    private void answerFault(HttpExchange exchange) {
        try {
            send(exchange, 500, TEXT, bytes("The preview could not answer this request; see the build's log."));
        } catch (IOException | RuntimeException e) {
            // the answer had already begun, or the browser went away
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, 302, TEXT, new byte[0]);
    }

    private void waitForChange(HttpExchange exchange) throws IOException {
        if (!polls.tryAcquire()) {
            // Too many pages waiting: this one asks again later rather than holding a thread.
            exchange.getResponseHeaders().set("Retry-After", "2");
            send(exchange, 503, TEXT, bytes("Too many pages are waiting for a change; asking again shortly."));
            return;
        }
        try {
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
                    return;
                }
            }
        } finally {
            polls.release();
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
            injected.append(OVERLAY.replace("__STYLE__", PREFIX + STYLE_FILE)
                    .replace("__COUNT__", Integer.toString(problems.size()))
                    .replace("__PROBLEMS__", lines.toString().strip()));
        }
        injected.append("<script src=\"").append(PREFIX).append(SCRIPT_FILE).append("\" data-token=\"")
                .append(escape(token)).append("\"></script>\n");
        int body = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        String out = body < 0 ? html + injected : html.substring(0, body) + injected + html.substring(body);
        return bytes(out);
    }

    private static byte[] inject(byte[] page, Snapshot snapshot) {
        return inject(page, snapshot.token(), snapshot.problems());
    }

    /** Every answer carries the site's serving headers, and is never cached: the next build replaces it. */
    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        ServingHeaders.ALL.forEach(header -> exchange.getResponseHeaders().set(header.getKey(), header.getValue()));
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

    private static byte[] resource(String name) {
        try (InputStream in = PreviewServer.class.getResourceAsStream(name)) {
            return in.readAllBytes();
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
        threads.close();
    }
}
