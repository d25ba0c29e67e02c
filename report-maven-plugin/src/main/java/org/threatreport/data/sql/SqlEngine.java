package org.threatreport.data.sql;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.duckdb.DuckDBConnection;

/**
 * A few connections to one database, shared by the threads of a build: each query borrows one, runs with
 * the source's time limit (cancelled past it), and gives it back. Connections are opened as needed and
 * closed by {@link #close()}. The login is given to the driver as properties, never in the URL, and never
 * appears in a message.
 */
public final class SqlEngine implements AutoCloseable {

    /** Reads the rows of a result. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private final String url;
    private final Properties login;
    private final String source;
    private final String credentialsFrom;
    private final int timeoutSeconds;
    private final int size;
    private final java.util.List<String> setup;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private int open;
    /** DuckDB: the first connection, whose database the others share. */
    private DuckDBConnection duckDb;
    private final ScheduledExecutorService timer;
    private boolean closed;

    /**
     * @param source          what messages call the database (its URL and table)
     * @param credentialsFrom where the login came from, for the message when it is refused (" (server 'x' of
     *                        settings.xml)"), or empty
     * @param setup           statements run on the first connection (DuckDB: the views over local files)
     * @param size            the most connections open at once
     */
    public SqlEngine(String url, Properties login, String source, String credentialsFrom, int timeoutSeconds,
                     java.util.List<String> setup, int size) {
        this.url = url;
        this.login = login;
        this.source = source;
        this.credentialsFrom = credentialsFrom;
        this.timeoutSeconds = timeoutSeconds;
        this.setup = java.util.List.copyOf(setup);
        this.size = Math.max(1, size);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sql-timeout");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What messages call the database. */
    public String source() {
        return source;
    }

    /** Runs one query and reads its rows. */
    public <T> T query(String sql, Reader<T> reader) {
        Connection connection = borrow();
        boolean healthy = true;
        AtomicBoolean timedOut = new AtomicBoolean();
        try (Statement statement = connection.createStatement()) {
            ScheduledFuture<?> cancel = timer.schedule(() -> {
                timedOut.set(true);
                try {
                    statement.cancel();
                } catch (SQLException | RuntimeException e) {
                    // the query ends by itself, or the connection is dropped below
                }
            }, timeoutSeconds, TimeUnit.SECONDS);
            try (ResultSet rows = statement.executeQuery(sql)) {
                return reader.read(rows);
            } finally {
                cancel.cancel(false);
            }
        } catch (SQLException | RuntimeException e) {
            healthy = !timedOut.get() && isValid(connection);
            if (e instanceof SqlFailure failure) {
                throw failure;
            }
            throw SqlErrors.querying(source, timeoutSeconds, timedOut.get(), e);
        } finally {
            giveBack(connection, healthy);
        }
    }

    private synchronized Connection borrow() {
        while (true) {
            if (closed) {
                throw new SqlFailure("the connection to " + source + " is closed");
            }
            Connection connection = idle.poll();
            if (connection != null) {
                return connection;
            }
            if (open < size) {
                open++;
                try {
                    return connect();
                } catch (RuntimeException e) {
                    open--;
                    throw e;
                }
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SqlFailure("interrupted while waiting for a connection to " + source);
            }
        }
    }

    private synchronized void giveBack(Connection connection, boolean healthy) {
        if (healthy && !closed) {
            idle.push(connection);
        } else {
            open--;
            closeQuietly(connection);
        }
        notifyAll();
    }

    private Connection connect() {
        try {
            if (duckDb != null) {
                return duckDb.duplicate();
            }
            Connection connection = driver().connect(url, login);
            if (connection == null) {
                throw new SqlFailure(SqlFailure.Kind.CONNECTION, "no driver takes the URL of " + source);
            }
            if (connection instanceof DuckDBConnection duck) {
                duckDb = (DuckDBConnection) duck.duplicate();
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : setup) {
                    statement.execute(sql);
                }
            } catch (SQLException e) {
                closeQuietly(connection);
                throw SqlErrors.querying(source, timeoutSeconds, false, e);
            }
            return connection;
        } catch (SQLException e) {
            throw SqlErrors.connecting(source, credentialsFrom, e);
        }
    }

    /**
     * The tables and views the login can read, each by its name and by its name qualified with its schema
     * ({@code incidents}, {@code public.incidents}): for suggesting the closest when a schema names another.
     */
    public java.util.Set<String> tableNames() {
        Connection connection = borrow();
        boolean healthy = true;
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            while (tables.next()) {
                String schema = tables.getString("TABLE_SCHEM");
                String name = tables.getString("TABLE_NAME");
                if (schema != null && (schema.equalsIgnoreCase("information_schema") || schema.startsWith("pg_"))) {
                    continue;
                }
                names.add(name);
                if (schema != null && !schema.isEmpty()) {
                    names.add(schema + "." + name);
                }
            }
            return names;
        } catch (SQLException | RuntimeException e) {
            healthy = isValid(connection);
            return java.util.Set.of();
        } finally {
            giveBack(connection, healthy);
        }
    }

    /** The driver for the URL among those the plugin carries (or a report adds to the plugin's dependencies). */
    private Driver driver() throws SQLException {
        for (Driver driver : ServiceLoader.load(Driver.class, SqlEngine.class.getClassLoader())) {
            if (driver.acceptsURL(url)) {
                return driver;
            }
        }
        for (Driver driver : ServiceLoader.load(Driver.class, Thread.currentThread().getContextClassLoader())) {
            if (driver.acceptsURL(url)) {
                return driver;
            }
        }
        throw new SqlFailure(SqlFailure.Kind.CONNECTION, "no JDBC driver for " + source + ": the plugin carries DuckDB's and PostgreSQL's;"
                + " for another engine add its driver to the plugin's <dependencies> in the POM");
    }

    private static boolean isValid(Connection connection) {
        try {
            return connection.isValid(5);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing a broken connection: nothing to tell
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        idle.forEach(SqlEngine::closeQuietly);
        idle.clear();
        if (duckDb != null) {
            closeQuietly(duckDb);
            duckDb = null;
        }
        timer.shutdownNow();
        notifyAll();
    }
}
