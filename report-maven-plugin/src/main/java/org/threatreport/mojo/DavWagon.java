package org.threatreport.mojo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.apache.http.HttpException;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpDelete;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.util.EntityUtils;
import org.apache.jackrabbit.webdav.client.methods.HttpMkcol;
import org.apache.jackrabbit.webdav.client.methods.HttpMove;
import org.apache.maven.wagon.providers.webdav.WebDavWagon;
import org.threatreport.publish.TargetException;

/**
 * Maven's WebDAV wagon ({@code dav:http(s)://}, from {@code wagon-webdav-jackrabbit}) with the WebDAV
 * methods publishing needs and the {@code Wagon} interface lacks — MKCOL (create a folder only if new),
 * MOVE (with {@code Overwrite: T} to rename a file over another in one step, with {@code Overwrite: F}
 * to take a name only if it is free: the lock) and DELETE — sent through the wagon's own HTTP client,
 * so they use the same credentials, proxy and connection settings as its uploads.
 */
final class DavWagon extends WebDavWagon implements ServerOperations {

    @Override
    public void createRoot() throws IOException {
        int status = send(new HttpMkcol(address("")));
        if (status == 409) {
            throw new IOException("the folder above " + address("") + " does not exist on the server: create it first");
        }
        check(status, "create the site root", 201, 405);
    }

    @Override
    public boolean createFolder(String folder) throws IOException {
        int status = send(new HttpMkcol(address(folder)));
        check(status, "create " + folder, 201, 405);
        return status == 201;
    }

    @Override
    public void move(String from, String to) throws IOException {
        check(send(new HttpMove(address(from), address(to), true)), "move " + from + " to " + to, 201, 204);
    }

    /** MOVE with {@code Overwrite: F}: the server answers 412 when the name is taken, 404 when the source is gone. */
    @Override
    public boolean moveIfAbsent(String from, String to) throws IOException {
        int status = send(new HttpMove(address(from), address(to), false));
        check(status, "move " + from + " to " + to, 201, 204, 404, 412);
        return status == 201 || status == 204;
    }

    @Override
    public void delete(String path) throws IOException {
        check(send(new HttpDelete(address(path))), "delete " + path, 200, 204, 404);
    }

    private int send(HttpUriRequest request) throws IOException {
        try (CloseableHttpResponse response = execute(request)) {
            EntityUtils.consumeQuietly(response.getEntity());
            return response.getStatusLine().getStatusCode();
        } catch (ConnectException | UnknownHostException e) {
            throw new TargetException(TargetException.Reason.UNREACHABLE, "Cannot reach " + address("") + " (" + e.getMessage()
                    + "): check the address and that the server is running", e);
        } catch (HttpException e) {
            throw new IOException(request.getMethod() + " " + request.getURI() + " failed: " + e.getMessage(), e);
        }
    }

    private void check(int status, String what, int... expected) throws IOException {
        for (int ok : expected) {
            if (status == ok) {
                return;
            }
        }
        if (status == 401 || status == 403) {
            throw new TargetException(TargetException.Reason.DENIED, "The server at " + address("") + " refused to "
                    + what + " (HTTP " + status + "): check the user name and password of <server> '"
                    + getRepository().getId() + "' in ~/.m2/settings.xml", null);
        }
        if (status == 405 || status == 501) {
            throw new TargetException(TargetException.Reason.UNSUPPORTED, "The server at " + address("")
                    + " does not allow WebDAV " + what + " (HTTP " + status + "): enable WebDAV (PUT, DELETE, MKCOL, COPY,"
                    + " MOVE, PROPFIND) for this folder", null);
        }
        throw new IOException("The server at " + address("") + " could not " + what + " (HTTP " + status + ")");
    }

    /** The address of a path of the site root, each segment percent-encoded. */
    String address(String path) {
        String base = getURL(getRepository());
        StringBuilder url = new StringBuilder(base.endsWith("/") ? base : base + "/");
        for (char c : path.toCharArray()) {
            if (c == '/' || (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0))) {
                url.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    url.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        }
        return url.toString();
    }
}
