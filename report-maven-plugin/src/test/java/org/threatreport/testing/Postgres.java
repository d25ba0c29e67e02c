package org.threatreport.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * A throw-away PostgreSQL cluster (Debian's {@code postgresql} package) started by a test: {@code initdb}
 * in a temporary folder, {@code pg_ctl start} on 127.0.0.1 at a free port with password logins, and
 * everything deleted by {@link #close()}. PostgreSQL refuses to run as root, so when the tests run as root
 * (as in CI) the cluster runs as the package's {@code postgres} user, through {@code runuser}.
 */
public final class Postgres implements AutoCloseable {

    /** The user the cluster is made with, and its password. */
    public static final String USER = "report";
    public static final String PASSWORD = "s3cret-for-tests";

    private final Path bin;
    private final Path folder;
    private final int port;

    private Postgres(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    /** The newest installed PostgreSQL's programs ({@code /usr/lib/postgresql/<version>/bin}), or null. */
    public static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString()))).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int version(String name) {
        return name.matches("\\d+") ? Integer.parseInt(name) : -1;
    }

    /** Whether a cluster can be started here: the programs, and as root the {@code postgres} user and runuser. */
    public static boolean available() {
        return binaries() != null && (!isRoot() || Files.isExecutable(Path.of("/usr/sbin/runuser"))
                && postgresUser() != null);
    }

    /** Skips the calling test (or fails it under {@value Requires#REQUIRE_ALL}) without PostgreSQL. */
    public static void require() {
        Requires.that(available(), "PostgreSQL (apt-get install postgresql)");
    }

    /** Makes and starts a cluster; {@link #close()} stops it and deletes its files. */
    public static Postgres start() throws Exception {
        Path bin = binaries();
        Path folder = Files.createTempDirectory("threatreport-postgres-");
        int port = freePort();
        Postgres postgres = new Postgres(bin, folder, port);
        try {
            Files.writeString(folder.resolve("password"), PASSWORD + "\n", StandardCharsets.UTF_8);
            if (isRoot()) {
                // The folder and what initdb writes into it belong to postgres; /tmp lets it through.
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                chown(folder, postgresUser());
            }
            postgres.run(List.of(bin.resolve("initdb").toString(), "-D", folder.resolve("data").toString(),
                    "--username=" + USER, "--pwfile=" + folder.resolve("password"), "--auth=scram-sha-256",
                    "--encoding=UTF8", "--locale=C", "--no-sync"), 120);
            postgres.run(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
                    "-l", folder.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -h 127.0.0.1 -k " + folder + " -F -c max_connections=20 -c shared_buffers=16MB",
                    "start"), 90);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stopQuietly));
            return postgres;
        } catch (Exception e) {
            postgres.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of the cluster's {@code postgres} database, without credentials. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** A connection as {@link #USER}. */
    public Connection connect() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", USER);
        login.setProperty("password", PASSWORD);
        return new org.postgresql.Driver().connect(url(), login);
    }

    /** Runs statements, in order. */
    public void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Loads a CSV file with a header line into an existing table ({@code COPY … FROM STDIN}): empty cells are NULL. */
    public void copy(String table, Path csv) throws Exception {
        try (Connection connection = connect();
             java.io.Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
        }
    }

    private void run(List<String> command, int seconds) throws Exception {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path log = Files.createTempFile("threatreport-postgres-", ".log");
        try {
            Process process = new ProcessBuilder(full).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + seconds + " s");
            }
            if (process.exitValue() != 0) {
                String server = Files.exists(folder.resolve("server.log")) ? Files.readString(folder.resolve("server.log")) : "";
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log) + server);
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private void stopQuietly() {
        try {
            if (Files.exists(folder.resolve("data/postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate",
                        "-w", "stop"), 60);
            }
        } catch (Exception e) {
            // already stopped, or stopping with the JVM
        }
    }

    @Override
    public void close() throws Exception {
        stopQuietly();
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static UserPrincipal postgresUser() {
        try {
            return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static void chown(Path folder, UserPrincipal owner) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.toList()) {
                Files.setOwner(file, owner);
            }
        }
    }
}
