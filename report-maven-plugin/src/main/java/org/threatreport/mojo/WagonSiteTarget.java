package org.threatreport.mojo;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.wagon.ConnectionException;
import org.apache.maven.wagon.ResourceDoesNotExistException;
import org.apache.maven.wagon.TransferFailedException;
import org.apache.maven.wagon.Wagon;
import org.apache.maven.wagon.WagonException;
import org.apache.maven.wagon.authentication.AuthenticationException;
import org.apache.maven.wagon.authentication.AuthenticationInfo;
import org.apache.maven.wagon.authorization.AuthorizationException;
import org.apache.maven.wagon.providers.file.FileWagon;
import org.apache.maven.wagon.proxy.ProxyInfoProvider;
import org.apache.maven.wagon.repository.Repository;
import org.threatreport.publish.SiteTarget;
import org.threatreport.publish.TargetException;

/**
 * A site root reached through Maven Wagon: reads, lists and uploads with the {@code Wagon} for the
 * URL's scheme, renames and deletes with the {@link ServerOperations} of that scheme. The adapter
 * between the publish stage (which knows nothing of Maven) and Maven's transports.
 */
final class WagonSiteTarget implements SiteTarget {

    /** Finds the wagon Maven has for a scheme (its plexus role {@code Wagon} with the scheme as hint), or null. */
    interface WagonLookup {
        Wagon find(String scheme);
    }

    private final Wagon wagon;
    private final ServerOperations operations;
    private final String url;
    private final String serverId;
    private final Path scratch;

    private WagonSiteTarget(Wagon wagon, ServerOperations operations, String url, String serverId) throws IOException {
        this.wagon = wagon;
        this.operations = operations;
        this.url = url.endsWith("/") ? url : url + "/";
        this.serverId = serverId;
        this.scratch = Files.createTempDirectory("report-publish-");
    }

    /**
     * Connects to {@code url}: {@code file:} through the wagon Maven has for it, {@code dav:}
     * (also {@code dav+http:}, {@code dav+https:}, {@code davs:}) through {@link DavWagon}.
     *
     * @param serverId the {@code <server>} of settings.xml the credentials come from, for messages (may be null)
     * @param auth     the credentials, or null
     */
    static WagonSiteTarget connect(String url, String serverId, AuthenticationInfo auth, ProxyInfoProvider proxies,
                                   WagonLookup lookup) throws IOException {
        Repository repository = new Repository(serverId == null ? "report-site" : serverId, url);
        String scheme = String.valueOf(repository.getProtocol()).toLowerCase(java.util.Locale.ROOT);
        Wagon wagon;
        ServerOperations operations;
        switch (scheme) {
            case "file" -> {
                Wagon found = lookup.find("file");
                wagon = found != null ? found : new FileWagon();
                operations = new FolderOperations(Path.of(repository.getBasedir()));
            }
            case "dav", "dav+http", "dav+https", "davs" -> {
                silenceHttpClientLogs();
                DavWagon dav = new DavWagon();
                wagon = dav;
                operations = dav;
            }
            default -> {
                Wagon other = lookup.find(scheme);
                throw new TargetException(TargetException.Reason.UNSUPPORTED, other != null
                        ? "The Maven Wagon for '" + scheme + ":' can upload but not rename files on the server, which"
                        + " publishing needs so readers never see half a version: use file:/path/to/folder or dav:https://host/path/"
                        : "Maven has no Wagon for '" + scheme + ":' (" + url + "): use file:/path/to/folder for a mounted"
                        + " folder or dav:https://host/path/ for a WebDAV server", null);
            }
        }
        try {
            wagon.setInteractive(false);
            wagon.connect(repository, auth, proxies);
        } catch (AuthenticationException e) {
            throw denied(url, serverId, e);
        } catch (ConnectionException e) {
            throw unreachable(url, e);
        }
        return new WagonSiteTarget(wagon, operations, url, serverId);
    }

    /**
     * The loggers of the WebDAV wagon's HTTP client that write every request's headers and bytes: with
     * {@code mvn -X} they would print the {@code Authorization} header, the password in base64, for every
     * request. Maven's own logging configuration silences only the shaded client of its built-in HTTP
     * wagon (MNG-6181), not this one.
     */
    static final List<String> HTTP_CLIENT_LOGS = List.of("org.apache.http.headers", "org.apache.http.wire");

    /**
     * Turns the loggers of {@link #HTTP_CLIENT_LOGS} off, whatever the log level, as Maven's logging
     * configuration does for its own client: through the system properties its logger reads when a logger
     * is made. The client makes them when its classes are first used, so this runs before the first
     * {@link DavWagon} is created (not in DavWagon itself: its superclasses would be set up first). The
     * setting is the same for every publish, so setting it again changes nothing.
     */
    private static void silenceHttpClientLogs() {
        for (String log : HTTP_CLIENT_LOGS) {
            System.setProperty("org.slf4j.simpleLogger.log." + log, "off");
        }
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        File file = Files.createTempFile(scratch, "get-", ".part").toFile();
        try {
            wagon.get(path, file);
            return Optional.of(Files.readAllBytes(file.toPath()));
        } catch (ResourceDoesNotExistException e) {
            return Optional.empty();
        } catch (WagonException e) {
            throw translate("read " + path, e);
        } finally {
            Files.deleteIfExists(file.toPath());
        }
    }

    @Override
    public List<String> list(String folder) throws IOException {
        try {
            List<String> names = new ArrayList<>();
            for (String name : wagon.getFileList(folder)) {
                if (!name.isEmpty() && !name.equals("./") && !name.equals("../")) {
                    names.add(name);
                }
            }
            return names;
        } catch (ResourceDoesNotExistException e) {
            return List.of();
        } catch (WagonException e) {
            throw translate("list " + (folder.isEmpty() ? "the site root" : folder), e);
        }
    }

    @Override
    public void write(String path, byte[] content) throws IOException {
        Path file = Files.createTempFile(scratch, "put-", ".part");
        try {
            Files.write(file, content);
            wagon.put(file.toFile(), path);
        } catch (WagonException e) {
            throw translate("upload " + path, e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public boolean createFolder(String folder) throws IOException {
        operations.createRoot();
        return operations.createFolder(folder);
    }

    @Override
    public void move(String from, String to) throws IOException {
        operations.move(from, to);
    }

    @Override
    public boolean moveIfAbsent(String from, String to) throws IOException {
        return operations.moveIfAbsent(from, to);
    }

    @Override
    public void delete(String path) throws IOException {
        operations.delete(path);
    }

    @Override
    public void close() throws IOException {
        try {
            wagon.disconnect();
        } catch (ConnectionException e) {
            // Nothing is pending after the last request.
        } finally {
            try (var files = Files.list(scratch)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(scratch);
        }
    }

    private IOException translate(String what, WagonException e) {
        if (e instanceof AuthorizationException) {
            return denied(url, serverId, e);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TargetException target) {
                return target;
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
                return unreachable(url, cause);
            }
        }
        String message = String.valueOf(e.getMessage());
        if (e instanceof TransferFailedException && (message.contains("401") || message.contains("403")
                || message.contains("Not authorized") || message.contains("Access denied"))) {
            return denied(url, serverId, e);
        }
        return new IOException("Could not " + what + " at " + url + ": " + message, e);
    }

    private static TargetException denied(String url, String serverId, Exception e) {
        return new TargetException(TargetException.Reason.DENIED, "The server at " + url + " refused the credentials"
                + (serverId == null ? " (none given)" : " of <server> '" + serverId + "'") + ": check the <server> "
                + (serverId == null ? "" : "with id '" + serverId + "' ") + "in ~/.m2/settings.xml"
                + (serverId == null ? " and name it with -Dreport.serverId=…" : "") + " (" + firstLine(e) + ")", e);
    }

    private static TargetException unreachable(String url, Throwable e) {
        return new TargetException(TargetException.Reason.UNREACHABLE, "Cannot reach " + url + " (" + firstLine(e)
                + "): check the address and that the server is running", e);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
