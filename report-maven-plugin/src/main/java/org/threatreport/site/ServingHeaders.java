package org.threatreport.site;

import java.util.List;
import java.util.Map;

/**
 * The response headers the site is meant to be served with: {@code site:serve} sends them, and the
 * README gives them to the intranet's web server (nginx and Apache). The site's own pages satisfy
 * the policy: they load scripts, styles and images only from the site itself and run no inline
 * script or style, from a web server as from {@code file://}.
 */
public final class ServingHeaders {

    /**
     * Everything from the site's own origin, nothing inline, nothing from elsewhere; the site may be
     * framed by its own pages only, and its search form posts to itself.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    /** Addresses of the (intranet) site are not sent to other sites a reader follows a link to. */
    public static final String REFERRER_POLICY = "same-origin";

    /** Browsers take each file for the type the server names, never for what its bytes look like. */
    public static final String CONTENT_TYPE_OPTIONS = "nosniff";

    /** The headers, name and value, in the order the README lists them. */
    public static final List<Map.Entry<String, String>> ALL = List.of(
            Map.entry("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            Map.entry("Referrer-Policy", REFERRER_POLICY),
            Map.entry("X-Content-Type-Options", CONTENT_TYPE_OPTIONS));

    private ServingHeaders() {
    }
}
