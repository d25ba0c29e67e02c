package org.threatreport.pdf;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.extend.FSUriResolver;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.threatreport.render.TemplateSet;

/**
 * Everything the PDF's layout may load, from memory: the figures' files (by their path in the version
 * folder, {@code figures/fig-x.svg}) and the site template's files ({@code pdf/cover.png}, fonts named
 * by a stylesheet). They are addressed as {@code report:/<path>}; nothing else is ever loaded — no
 * file of the machine, nothing from the network — whatever a chapter or a template links to.
 */
final class ReportResources implements FSStreamFactory, FSUriResolver {

    static final String SCHEME = "report";
    static final String BASE = SCHEME + ":/";

    private final Map<String, byte[]> files;
    private final TemplateSet templates;

    /** @param files the version's files a page may show (the figures), by path */
    ReportResources(Map<String, byte[]> files, TemplateSet templates) {
        this.files = files;
        this.templates = templates;
    }

    /** Links stay as written; a relative address becomes a {@code report:} one, loaded by {@link #getUrl}. */
    @Override
    public String resolveURI(String baseUri, String uri) {
        try {
            URI address = new URI(uri.strip());
            if (address.isAbsolute()) {
                return uri;
            }
            return new URI(baseUri == null || !baseUri.startsWith(SCHEME + ":") ? BASE : baseUri).resolve(address)
                    .toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Only {@code report:} addresses are ever loaded. */
    static boolean allowed(String uri, ExternalResourceType type) {
        return uri != null && uri.startsWith(SCHEME + ":");
    }

    @Override
    public FSStream getUrl(String uri) {
        byte[] bytes = read(uri);
        return new FSStream() {
            @Override
            public InputStream getStream() {
                return bytes == null ? null : new ByteArrayInputStream(bytes);
            }

            @Override
            public Reader getReader() {
                return bytes == null ? null : new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
            }
        };
    }

    private byte[] read(String uri) {
        String path;
        try {
            path = new URI(uri).getPath();
        } catch (URISyntaxException e) {
            return null;
        }
        if (path == null || path.contains("..")) {
            return null;
        }
        path = path.replaceFirst("^/+", "");
        byte[] file = files.get(path);
        if (file != null) {
            return file;
        }
        try {
            return templates.read(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
