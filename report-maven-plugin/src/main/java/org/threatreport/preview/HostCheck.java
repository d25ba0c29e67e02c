package org.threatreport.preview;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which {@code Host} headers the preview answers: a request is served only when the browser asked
 * for this machine by a name it cannot be tricked into, so that a web page elsewhere cannot read
 * the unpublished report through DNS rebinding (its own name made to point here).
 *
 * <p>Allowed: an IP address (an address has no name to rebind), {@code localhost}, the name the
 * server was bound to ({@code -Dreport.bind=preview.example}), and this machine's own host names.
 * The port is not compared: a rebinding page reaches the same port anyway.
 */
final class HostCheck {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+(%[0-9A-Za-z._~-]+)?\\]");

    private final Set<String> names = new TreeSet<>();

    /** @param bound the address the server listens on, with the name it was given if any */
    HostCheck(InetSocketAddress bound) {
        names.add("localhost");
        String given = bound.getHostString();
        if (given != null && !given.isEmpty()) {
            names.add(normal(given));
        }
        if (bound.getAddress() == null || bound.getAddress().isAnyLocalAddress()) {
            // Reachable from the network: the names others know this machine by.
            try {
                // The machine's own name as configured (no reverse lookup, which may wait on DNS).
                names.add(normal(InetAddress.getLocalHost().getHostName()));
            } catch (UnknownHostException e) {
                // no name of its own: addresses and localhost still work
            }
        }
    }

    /** Whether a request with this {@code Host} header (null when missing) may be answered. */
    boolean allows(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String host = hostHeader.strip();
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 && IPV6.matcher(host.substring(0, end + 1)).matches() && portOrNothing(host.substring(end + 1));
        }
        int colon = host.indexOf(':');
        String name = colon < 0 ? host : host.substring(0, colon);
        if (colon >= 0 && !portOrNothing(host.substring(colon))) {
            return false;
        }
        return IPV4.matcher(name).matches() || names.contains(normal(name));
    }

    /** The names allowed besides addresses, for the message of a refused request. */
    Set<String> names() {
        return Set.copyOf(names);
    }

    private static boolean portOrNothing(String rest) {
        return rest.isEmpty() || rest.matches(":\\d{1,5}");
    }

    private static String normal(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
