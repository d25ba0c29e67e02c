package org.threatreport.config;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a build reaches tables that live in a database: the logins of Maven's settings.xml {@code <server>}s
 * and the environment (a schema names which), and whether to stay offline, computing from the snapshots of
 * earlier builds instead. Never printed: {@link #toString()} names no login and no variable.
 *
 * @param servers     the logins by {@code <server>} id, passwords decrypted
 * @param environment the environment variables a schema may name for a user name or password
 * @param offline     whether to read no database at all, but the snapshot of each table's results
 * @param clock       what stamps the moment a table is read (UTC); tests give a fixed one
 */
public record DataAccess(Map<String, Login> servers, Map<String, String> environment, boolean offline, Clock clock) {

    public DataAccess {
        servers = Map.copyOf(servers);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(clock, "clock");
    }

    /** Reading tables at the time of the system's clock. */
    public DataAccess(Map<String, Login> servers, Map<String, String> environment, boolean offline) {
        this(servers, environment, offline, Clock.systemUTC());
    }

    /** A user name and password; {@link #toString()} never shows the password. */
    public record Login(String user, String password) {
        public Login {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public String toString() {
            return "Login[" + user + ", password " + (password == null ? "none" : "hidden") + "]";
        }
    }

    /** No logins, this process's environment, online. */
    public static DataAccess fromEnvironment() {
        return new DataAccess(Map.of(), System.getenv(), false);
    }

    public DataAccess withOffline(boolean newOffline) {
        return new DataAccess(servers, environment, newOffline, clock);
    }

    /** The same access with reads stamped by {@code newClock}. */
    public DataAccess withClock(Clock newClock) {
        return new DataAccess(servers, environment, offline, newClock);
    }

    public Optional<Login> server(String id) {
        return Optional.ofNullable(servers.get(id));
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        return "DataAccess[" + servers.size() + " server(s), " + (offline ? "offline" : "online") + "]";
    }
}
