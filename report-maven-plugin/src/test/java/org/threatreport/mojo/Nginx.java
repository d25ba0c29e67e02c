package org.threatreport.mojo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real nginx with WebDAV (Debian's {@code nginx} and {@code libnginx-mod-http-dav-ext}) started by a
 * test on 127.0.0.1 at a free port, with its own prefix, configuration, log and document root:
 * anyone may read, writing (PUT, DELETE, MKCOL, COPY, MOVE, PROPFIND) needs basic authentication.
 */
final class Nginx implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/nginx");
    static final Path DAV_EXT = Path.of("/usr/lib/nginx/modules/ngx_http_dav_ext_module.so");

    private final Process process;
    private final Path prefix;
    private final int port;

    private Nginx(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
    }

    static boolean available() {
        return Files.isExecutable(BINARY) && Files.isRegularFile(DAV_EXT);
    }

    /** @param notFound the page served for a missing one, e.g. {@code /reports/404.html} */
    static Nginx start(Path prefix, String user, String password, String notFound) throws Exception {
        Path www = Files.createDirectories(prefix.resolve("www"));
        Files.createDirectories(prefix.resolve("temp"));
        Files.createDirectories(prefix.resolve("logs"));
        Files.writeString(prefix.resolve("htpasswd"), user + ":" + apr1(password) + "\n");
        int port = freePort();
        String conf = """
                load_module %s;
                %s
                daemon off;
                master_process off;
                worker_processes 1;
                pid %s/nginx.pid;
                error_log %s/logs/error.log info;
                events { worker_connections 64; }
                http {
                    client_body_temp_path %s/temp/body;
                    proxy_temp_path %s/temp/proxy;
                    fastcgi_temp_path %s/temp/fastcgi;
                    uwsgi_temp_path %s/temp/uwsgi;
                    scgi_temp_path %s/temp/scgi;
                    access_log %s/logs/access.log;
                    types {
                        text/html html; text/css css; application/javascript js; application/json json;
                        image/svg+xml svg; image/png png; text/csv csv; application/xml xml;
                    }
                    default_type application/octet-stream;
                    charset utf-8;
                    charset_types text/css application/javascript application/json text/csv application/xml;
                    server {
                        listen 127.0.0.1:%d;
                        root %s;
                        client_max_body_size 64m;
                        error_page 404 %s;
                        location / {
                            dav_methods PUT DELETE MKCOL COPY MOVE;
                            dav_ext_methods PROPFIND OPTIONS;
                            create_full_put_path on;
                            dav_access user:rw group:r all:r;
                            limit_except GET HEAD {
                                auth_basic "threat reports";
                                auth_basic_user_file %s/htpasswd;
                            }
                            # The publish lock and unfinished uploads: for editors only, as README says.
                            location ~ /\\. {
                                auth_basic "threat reports";
                                auth_basic_user_file %s/htpasswd;
                            }
                        }
                    }
                }
                """.formatted(DAV_EXT, isRoot() ? "user root;" : "", prefix, prefix, prefix, prefix, prefix, prefix,
                prefix, prefix, port, www, notFound, prefix, prefix);
        return launch(prefix, conf, port);
    }

    /**
     * A plain static web server for {@code root}, as Debian runs nginx: when the test runs as root, the
     * master process stays root and its worker, which reads the files, runs as {@code www-data}, so
     * only what any user may read is served.
     */
    static Nginx serve(Path prefix, Path root) throws Exception {
        Files.createDirectories(prefix.resolve("temp"));
        Files.createDirectories(prefix.resolve("logs"));
        int port = freePort();
        String conf = """
                %s
                daemon off;
                master_process on;
                worker_processes 1;
                pid %s/nginx.pid;
                error_log %s/logs/error.log info;
                events { worker_connections 64; }
                http {
                    client_body_temp_path %s/temp/body;
                    proxy_temp_path %s/temp/proxy;
                    fastcgi_temp_path %s/temp/fastcgi;
                    uwsgi_temp_path %s/temp/uwsgi;
                    scgi_temp_path %s/temp/scgi;
                    access_log %s/logs/access.log;
                    default_type application/octet-stream;
                    server {
                        listen 127.0.0.1:%d;
                        root %s;
                    }
                }
                """.formatted(isRoot() ? "user www-data;" : "", prefix, prefix, prefix, prefix, prefix, prefix, prefix,
                prefix, port, root);
        return launch(prefix, conf, port);
    }

    /** True when the worker of {@link #serve} reads files as {@code www-data}, not as the test's user. */
    static boolean servesAsAnotherUser() {
        return isRoot();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Nginx launch(Path prefix, String conf, int port) throws Exception {
        Path confFile = prefix.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        List<String> command = new java.util.ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/timeout"))) {
            // Should this JVM be killed, the server still stops by itself.
            command.addAll(List.of("/usr/bin/timeout", "900"));
        }
        command.addAll(List.of(BINARY.toString(), "-p", prefix.toString(), "-c", confFile.toString(),
                "-e", prefix.resolve("logs/error.log").toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        Nginx nginx = new Nginx(process, prefix, port);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx stopped: " + Files.readString(prefix.resolve("logs/error.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return nginx;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        nginx.close();
        throw new IllegalStateException("nginx did not start listening on " + port);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** An htpasswd entry made by {@code openssl passwd -apr1}, else nginx's {@code {PLAIN}} scheme. */
    private static String apr1(String password) throws Exception {
        try {
            Process openssl = new ProcessBuilder("openssl", "passwd", "-apr1", password).redirectErrorStream(true).start();
            String hash = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (openssl.waitFor() == 0 && hash.startsWith("$apr1$")) {
                return hash;
            }
        } catch (IOException noOpenssl) {
            // fall through
        }
        return "{PLAIN}" + password;
    }

    int port() {
        return port;
    }

    /** The document root on disk. */
    Path root() {
        return prefix.resolve("www");
    }

    String http(String path) {
        return "http://127.0.0.1:" + port + "/" + path;
    }

    String dav(String path) {
        return "dav:" + http(path);
    }

    /** GET over HTTP, as a reader's browser does. */
    HttpResponse<String> get(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create(http(path))).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    List<String> accessLog() throws IOException {
        Path log = prefix.resolve("logs/access.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
