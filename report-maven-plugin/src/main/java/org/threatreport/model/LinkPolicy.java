package org.threatreport.model;

import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which link targets a report may carry, in every output (pages, Markdown, notebooks): relative
 * links and {@code http}, {@code https} and {@code mailto} — never {@code javascript:},
 * {@code vbscript:}, {@code data:} or any other scheme. Decided on the target as a browser reads it:
 * Markdown escapes and HTML entities decoded ({@code &#106;avascript:}, {@code javascript&colon;}),
 * the tabs and line breaks a URL parser drops removed, the scheme's case folded.
 */
public final class LinkPolicy {

    public static final Set<String> SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):");

    private LinkPolicy() {
    }

    /** Whether a link target, as written in Markdown, may stand in the report. */
    public static boolean allows(CharSequence target) {
        String decoded = Escaping.unescapeString(target.toString());
        StringBuilder url = new StringBuilder(decoded.length());
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                url.append(c);
            }
        }
        // Browsers skip leading spaces and control characters before the scheme.
        int start = 0;
        while (start < url.length() && url.charAt(start) <= ' ') {
            start++;
        }
        Matcher scheme = SCHEME.matcher(url.substring(start));
        return !scheme.find() || SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT));
    }

    /** The target a link node points to: its own, or its definition's ({@code [text][ref]}); null when unresolved. */
    public static CharSequence target(Node link) {
        if (link instanceof LinkNodeBase node) {
            return node.getUrl();
        }
        if (link instanceof Reference definition) {
            return definition.getUrl();
        }
        if (link instanceof RefNode reference) {
            Reference definition = reference.getReferenceNode(link.getDocument());
            return definition == null ? null : definition.getUrl();
        }
        return null;
    }

    /** Whether a link node (a link, image, autolink or link definition) points somewhere the policy allows. */
    public static boolean allows(Node link) {
        CharSequence target = target(link);
        return target == null || allows(target);
    }

    /** The links and link definitions of a document whose targets are not allowed, in order. */
    public static List<Node> refused(Node document) {
        List<Node> refused = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if ((node instanceof LinkNodeBase || node instanceof Reference) && !allows(node)) {
                refused.add(node);
            }
        }
        return refused;
    }
}
