package org.threatreport.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A throw-away Trino cluster of two processes on 127.0.0.1, started by a test: a coordinator, which schedules
 * no work on itself, and one worker, which finds the coordinator by its discovery service. Each node is a JVM
 * of its own on a free port, with a {@code memory} catalog (tables the worker holds) and a {@code hive}
 * catalog over a local folder (Parquet files, a metastore in files). {@link #close()} stops both and deletes
 * their files.
 *
 * <p>The server is Trino's release tarball ({@code io.trino:trino-server}, a test dependency of the plugin:
 * Maven brings it into the local repository and passes its path as the system property
 * {@value #TARBALL_PROPERTY}). Only the launcher's libraries and the plugins the tests use are extracted,
 * once, into a folder beside the tarball that later runs reuse. Trino needs Java 24 or newer, which the
 * nodes are started with: {@code TRINO_JAVA_HOME}, else the newest such JDK in {@code /usr/lib/jvm}.
 */
public final class Trino implements AutoCloseable {

    public static final String VERSION = "476";
    public static final String TARBALL_PROPERTY = "trino.server.tarball";
    /** The user queries run as (the cluster asks for no password). */
    public static final String USER = "report";

    /** The plugins extracted and loaded: nothing else is needed, and every plugin costs start-up time. */
    private static final List<String> PLUGINS = List.of("memory", "hive");
    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    private final Path folder;
    private final int coordinatorPort;
    private final List<Node> nodes = new ArrayList<>();

    private record Node(String name, Process process, Path log) {
    }

    private Trino(Path folder, int coordinatorPort) {
        this.folder = folder;
        this.coordinatorPort = coordinatorPort;
    }

    /** The tarball Maven brought, or null. */
    public static Path tarball() {
        String property = System.getProperty(TARBALL_PROPERTY);
        Path path = property != null && !property.isBlank() && !property.startsWith("${") ? Path.of(property)
                : Path.of(System.getProperty("user.home"), ".m2/repository/io/trino/trino-server", VERSION,
                "trino-server-" + VERSION + ".tar.gz");
        return Files.isRegularFile(path) ? path : null;
    }

    /** A JDK that runs Trino (24 or newer), or null. */
    public static Path javaHome() {
        String chosen = System.getenv("TRINO_JAVA_HOME");
        if (chosen != null && !chosen.isBlank()) {
            return majorVersion(Path.of(chosen)) >= 24 ? Path.of(chosen) : null;
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> majorVersion(home) >= 24).max(Comparator.comparingInt(Trino::majorVersion))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The Java version a JDK's {@code release} file names (25 for "25.0.3"), or 0. */
    private static int majorVersion(Path home) {
        try {
            if (!Files.isExecutable(home.resolve("bin/java"))) {
                return 0;
            }
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a JDK
        }
        return 0;
    }

    public static boolean available() {
        return tarball() != null && javaHome() != null;
    }

    static final String MISSING_TARBALL = "Trino's server tarball io.trino:trino-server:" + VERSION + ":tar.gz"
            + " (a test dependency: run the tests through Maven, online once)";
    static final String MISSING_JAVA = "Java 24 or newer for Trino (a JDK in /usr/lib/jvm, or TRINO_JAVA_HOME)";

    /**
     * Starts a coordinator and a worker (at once, in parallel) and returns when the coordinator counts the
     * worker as active; {@link #close()} stops them.
     */
    public static Trino start() throws Exception {
        return start("1536m");
    }

    /** Starts a cluster whose nodes' JVMs have {@code heap} each ({@code -Xmx}, e.g. 2g). */
    public static Trino start(String heap) throws Exception {
        Path server = server(tarball());
        Path java = javaHome().resolve("bin/java");
        Path folder = Files.createTempDirectory("threatreport-trino-");
        int coordinatorPort = freePort();
        Trino trino = new Trino(folder, coordinatorPort);
        Runtime.getRuntime().addShutdownHook(new Thread(trino::stopNodes));
        try {
            Files.createDirectories(folder.resolve("lake/metastore"));
            trino.nodes.add(trino.startNode(java, server, heap, "coordinator", coordinatorPort, true));
            trino.nodes.add(trino.startNode(java, server, heap, "worker", freePort(), false));
            trino.awaitWorker();
            return trino;
        } catch (Exception | Error e) {
            trino.close();
            throw e;
        }
    }

    /** The JDBC URL of a schema of a catalog ({@code memory}, {@code hive}). */
    public String url(String catalog, String schema) {
        return "jdbc:trino://127.0.0.1:" + coordinatorPort + "/" + catalog + "/" + schema;
    }

    /** The folder the {@code hive} catalog keeps its tables in (and reads external ones from). */
    public Path lake() {
        return folder.resolve("lake");
    }

    /** A connection as {@link #USER}. */
    public Connection connect() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", USER);
        return new io.trino.jdbc.TrinoDriver().connect("jdbc:trino://127.0.0.1:" + coordinatorPort, login);
    }

    /** Runs statements, in order. */
    public void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /**
     * Loads a CSV file with a header line into an existing table whose columns are the file's, in its order:
     * each cell is cast from its text to the column's type by Trino itself; empty cells are NULL. The file
     * is read by DuckDB (the plugin's CSV engine for tables too large for memory).
     */
    public void insert(String table, Path csv) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Connection duck = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
             Statement statement = duck.createStatement();
             ResultSet read = statement.executeQuery("SELECT * FROM read_csv('" + csv.toAbsolutePath()
                     .toString().replace("'", "''") + "', header = true, all_varchar = true)")) {
            int columns = read.getMetaData().getColumnCount();
            for (int i = 1; i <= columns; i++) {
                names.add(read.getMetaData().getColumnLabel(i));
            }
            while (read.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(read.getString(i));
                }
                rows.add(row);
            }
        }
        Map<String, String> types = new HashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet described = statement.executeQuery("DESCRIBE " + table)) {
            while (described.next()) {
                types.put(described.getString(1), described.getString(2));
            }
        }
        String casts = names.stream().map(n -> "CAST(" + quote(n) + " AS " + types.get(n) + ")")
                .collect(Collectors.joining(", "));
        String columns = names.stream().map(Trino::quote).collect(Collectors.joining(", "));
        for (int from = 0; from < rows.size(); from += 500) {
            String values = rows.subList(from, Math.min(rows.size(), from + 500)).stream()
                    .map(row -> row.stream().map(Trino::literal).collect(Collectors.joining(", ", "(", ")")))
                    .collect(Collectors.joining(", "));
            execute("INSERT INTO " + table + " (" + columns + ") SELECT " + casts + " FROM (VALUES " + values
                    + ") AS v (" + columns + ")");
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String literal(String text) {
        return text == null ? "CAST(NULL AS VARCHAR)" : "'" + text.replace("'", "''") + "'";
    }

    // ---- the nodes -------------------------------------------------------------------------------------

    private Node startNode(Path java, Path server, String heap, String name, int port, boolean coordinator)
            throws IOException {
        Path node = folder.resolve(name);
        Path catalogs = node.resolve("catalog");
        Files.createDirectories(catalogs);
        Files.createDirectories(node.resolve("data"));
        Files.writeString(node.resolve("config.properties"), String.join("\n",
                "node.environment=test",
                "node.id=" + name,
                "node.internal-address=127.0.0.1",
                "coordinator=" + coordinator,
                coordinator ? "node-scheduler.include-coordinator=false" : "",
                "http-server.http.port=" + port,
                "discovery.uri=http://127.0.0.1:" + coordinatorPort,
                "plugin.dir=" + server.resolve("plugin"),
                "catalog.config-dir=" + catalogs,
                "query.max-memory=1GB",
                "query.max-memory-per-node=512MB",
                // two cores shared by two nodes and the test: few threads each
                "task.concurrency=2",
                "task.max-worker-threads=4",
                "http-server.log.enabled=false",
                ""), StandardCharsets.UTF_8);
        Files.writeString(catalogs.resolve("memory.properties"), "connector.name=memory\n"
                + "memory.max-data-per-node=512MB\n", StandardCharsets.UTF_8);
        Files.writeString(catalogs.resolve("hive.properties"), String.join("\n",
                "connector.name=hive",
                "hive.metastore=file",
                "hive.metastore.catalog.dir=local:///metastore",
                "fs.native-local.enabled=true",
                "local.location=" + lake(),
                "hive.non-managed-table-writes-enabled=true",
                ""), StandardCharsets.UTF_8);
        List<String> command = List.of(java.toString(),
                "-Xmx" + heap, "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError", "-XX:-OmitStackTraceInFastThrow",
                "-XX:+EnableDynamicAgentLoading", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Djdk.attach.allowAttachSelf=true", "-Dfile.encoding=UTF-8",
                "-Dconfig=" + node.resolve("config.properties"),
                "-Dlog.levels-file=" + writeLogLevels(node),
                "-cp", server.resolve("lib") + "/*", "io.trino.server.TrinoServer");
        Path log = node.resolve("server.log");
        Process process = new ProcessBuilder(command).directory(node.resolve("data").toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        return new Node(name, process, log);
    }

    private static Path writeLogLevels(Path node) throws IOException {
        Path levels = node.resolve("log.properties");
        Files.writeString(levels, "io.trino=WARN\nio.airlift=WARN\n", StandardCharsets.UTF_8);
        return levels;
    }

    /** Waits until the coordinator has started and counts the worker among its active nodes. */
    private void awaitWorker() throws Exception {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Node node : nodes) {
                if (!node.process().isAlive()) {
                    throw new IllegalStateException("the Trino " + node.name() + " stopped while starting: "
                            + tail(node.log()));
                }
            }
            if (started() && activeWorkers() >= 1) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the Trino cluster did not start within " + START_LIMIT.toSeconds() + " s: "
                + nodes.stream().map(n -> n.name() + ": " + tail(n.log())).collect(Collectors.joining("\n")));
    }

    private boolean started() {
        try {
            HttpURLConnection info = (HttpURLConnection) URI.create("http://127.0.0.1:" + coordinatorPort + "/v1/info")
                    .toURL().openConnection();
            info.setConnectTimeout(1000);
            info.setReadTimeout(2000);
            try (InputStream body = info.getInputStream()) {
                return new String(body.readAllBytes(), StandardCharsets.UTF_8).contains("\"starting\":false");
            } finally {
                info.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private int activeWorkers() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM system.runtime.nodes"
                     + " WHERE NOT coordinator AND state = 'active'")) {
            return rows.next() ? rows.getInt(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Stops every node: asked first, then killed, and waited for. */
    private synchronized void stopNodes() {
        for (Node node : nodes) {
            node.process().destroy();
        }
        for (Node node : nodes) {
            try {
                if (!node.process().waitFor(15, TimeUnit.SECONDS)) {
                    node.process().destroyForcibly().waitFor(15, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                node.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() throws Exception {
        stopNodes();
        deleteTree(folder);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    // ---- the server's files ----------------------------------------------------------------------------

    /**
     * The server extracted beside its tarball ({@code lib/} and the plugins used), extracted now if it is not
     * yet: into a temporary folder first, moved into place when whole, so that a run stopped halfway leaves
     * nothing that a later one would take for the server.
     */
    static Path server(Path tarball) throws IOException {
        Path server = tarball.resolveSibling("trino-server-" + VERSION + "-" + String.join("-", PLUGINS));
        if (Files.isDirectory(server)) {
            return server;
        }
        Path staging = Files.createTempDirectory(tarball.getParent(), ".extracting-");
        try {
            extract(tarball, staging);
            Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            try {
                Files.move(staging, server, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // another run extracted it meanwhile
            } catch (IOException e) {
                if (!Files.isDirectory(server)) {
                    throw e;
                }
            }
        } finally {
            deleteTree(staging);
        }
        return server;
    }

    /**
     * Extracts {@code lib/} and the {@link #PLUGINS} from the tarball, with the top folder stripped. The
     * tarball stores each library once and hard-links the other copies, often to another plugin's folder:
     * a first pass reads which files the wanted entries link to, the second writes each file once to where
     * it is wanted and links its other wanted places to it (a link always follows the file it names).
     */
    private static void extract(Path tarball, Path into) throws IOException {
        Map<String, List<String>> linkedFrom = new HashMap<>();
        readTar(tarball, (entry, content) -> {
            if (entry.type() == '1' && wanted(entry.name())) {
                linkedFrom.computeIfAbsent(entry.link(), k -> new ArrayList<>()).add(entry.name());
            }
        });
        readTar(tarball, (entry, content) -> {
            if (entry.type() == '0' || entry.type() == 0) {
                List<String> places = new ArrayList<>();
                if (wanted(entry.name())) {
                    places.add(entry.name());
                }
                places.addAll(linkedFrom.getOrDefault(entry.name(), List.of()));
                if (places.isEmpty()) {
                    return;
                }
                Path first = into.resolve(strip(places.get(0)));
                Files.createDirectories(first.getParent());
                Files.copy(content, first);
                for (String other : places.subList(1, places.size())) {
                    Path link = into.resolve(strip(other));
                    Files.createDirectories(link.getParent());
                    Files.createLink(link, first);
                }
            }
        });
        if (!Files.isDirectory(into.resolve("lib")) || PLUGINS.stream().anyMatch(p -> !Files.isDirectory(into.resolve("plugin/" + p)))) {
            throw new IOException(tarball + " does not hold lib/ and plugin/" + String.join(", plugin/", PLUGINS));
        }
    }

    private static boolean wanted(String name) {
        String path = strip(name);
        return path.startsWith("lib/") || PLUGINS.stream().anyMatch(p -> path.startsWith("plugin/" + p + "/"));
    }

    /** The path inside the server: the tarball's top folder ({@code trino-server-476/}) dropped. */
    private static String strip(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(slash + 1);
    }

    private record TarEntry(String name, char type, String link, long size) {
    }

    @FunctionalInterface
    private interface TarVisitor {
        void visit(TarEntry entry, InputStream content) throws IOException;
    }

    /**
     * Reads a gzipped tar archive entry by entry: ustar headers, with the long names and link names of pax
     * extended headers ({@code x}) and of GNU's ({@code L}, {@code K}).
     */
    private static void readTar(Path tarball, TarVisitor visitor) throws IOException {
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tarball), 1 << 16), 1 << 16)) {
            byte[] header = new byte[512];
            Map<String, String> extended = new HashMap<>();
            while (in.readNBytes(header, 0, 512) == 512) {
                if (header[0] == 0) {
                    return;
                }
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                String octal = text(header, 124, 12).trim();
                long size = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
                char type = (char) header[156];
                BoundedStream content = new BoundedStream(in, size);
                switch (type) {
                    case 'x' -> extended.putAll(paxRecords(content.readAllBytes()));
                    case 'L' -> extended.put("path", text(content.readAllBytes()));
                    case 'K' -> extended.put("linkpath", text(content.readAllBytes()));
                    case 'g' -> {
                        // global settings: none that matter here
                    }
                    default -> {
                        TarEntry entry = new TarEntry(extended.getOrDefault("path", name), type,
                                extended.getOrDefault("linkpath", text(header, 157, 100)), size);
                        extended.clear();
                        visitor.visit(entry, content);
                    }
                }
                content.skipRest();
                in.skipNBytes((512 - size % 512) % 512);
            }
        }
    }

    /** The records of a pax extended header: "length key=value\n" each. */
    private static Map<String, String> paxRecords(byte[] data) {
        Map<String, String> records = new HashMap<>();
        int at = 0;
        while (at < data.length) {
            int space = at;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int length = Integer.parseInt(new String(data, at, space - at, StandardCharsets.US_ASCII));
            String record = new String(data, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            records.put(record.substring(0, equals), record.substring(equals + 1));
            at += length;
        }
        return records;
    }

    private static String text(byte[] data) {
        return text(data, 0, data.length);
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** The content of one entry: at most its size read from the archive. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, left));
            if (read > 0) {
                left -= read;
            }
            return read;
        }

        void skipRest() throws IOException {
            in.skipNBytes(left);
            left = 0;
        }
    }
}
