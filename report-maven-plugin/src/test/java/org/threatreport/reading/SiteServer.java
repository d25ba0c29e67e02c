package org.threatreport.reading;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.threatreport.site.ServingHeaders;

/**
 * A static web server over a built site root, on 127.0.0.1 and a free port, as a reader's web
 * server would serve it: under the path of the site's address ({@code /threat-report/}), files with
 * their content types and the headers the README asks the intranet's server to send
 * ({@link ServingHeaders}: the pages must keep to its Content-Security-Policy), and a version's
 * {@code 404.html} (status 404) for an address in that version that has no file.
 */
final class SiteServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("xml", "application/xml"), Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("ipynb", "application/x-ipynb+json"), Map.entry("txt", "text/plain; charset=utf-8"));

    private final Path root;
    private final String mount;
    private final HttpServer server;

    /** @param mount the path the site is served under, starting and ending with {@code /} */
    SiteServer(Path root, String mount) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.mount = mount;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "site-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** The address of {@code path} (relative to the site root) on this server. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + mount + path;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            ServingHeaders.ALL.forEach(header -> exchange.getResponseHeaders().set(header.getKey(), header.getValue()));
            String full = exchange.getRequestURI().getPath();
            if (!full.startsWith(mount)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String path = full.substring(mount.length() - 1);
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root)) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            int status = 200;
            if (!Files.isRegularFile(file)) {
                status = 404;
                Path relative = root.relativize(root.resolve(path.substring(1)).normalize());
                Path notFound = relative.getNameCount() > 1 ? root.resolve(relative.getName(0)).resolve("404.html")
                        : root.resolve("404.html");
                if (!Files.isRegularFile(notFound)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                file = notFound;
            }
            String name = file.getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            byte[] body = exchange.getRequestMethod().equals("HEAD") ? new byte[0] : Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
