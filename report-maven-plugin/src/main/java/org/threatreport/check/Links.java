package org.threatreport.check;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threatreport.diagnostic.Problem;
import org.threatreport.diagnostic.Suggestions;
import org.threatreport.model.Chapter;

/**
 * Checks the links editors write — Markdown links and images in chapters, literal {@code href} and
 * {@code src} values in the project's own layouts — against the files and anchors of the site the
 * build would write. Links to other sites are not followed.
 */
final class Links {

    private static final Pattern INLINE = Pattern.compile(
            "!?\\[(?:[^\\]\\\\]|\\\\.)*]\\(\\s*(<[^>\\n]*>|[^()\\s]*(?:\\([^()\\s]*\\)[^()\\s]*)*)(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
    private static final Pattern DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*(<[^>]*>|\\S+)");
    private static final Pattern TEMPLATE_LINK = Pattern.compile("\\b(?:href|src)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern ANCHOR = Pattern.compile("\\s(?:id|name)=\"([^\"]+)\"");

    /** A link found in a file: where it stands and what it points to. */
    record Link(Path file, int line, int column, String target) {
    }

    private final Set<String> files;
    private final Map<String, Set<String>> anchors = new TreeMap<>();
    private final Path versionDir;

    /**
     * @param site       every file of the version folder, by relative path; the pages' HTML is read for anchors
     * @param unrendered pages whose anchors are unknown (their rendering failed): fragments into them are not checked
     * @param versionDir where the version is written, for links that leave it ({@code ../2016/…})
     */
    Links(Map<String, byte[]> site, Set<String> unrendered, Path versionDir) {
        this.files = site.keySet();
        this.versionDir = versionDir;
        site.forEach((name, bytes) -> {
            if (name.endsWith(".html") && !unrendered.contains(name)) {
                Set<String> ids = new HashSet<>();
                Matcher anchor = ANCHOR.matcher(new String(bytes, StandardCharsets.UTF_8));
                while (anchor.find()) {
                    ids.add(unescape(anchor.group(1)));
                }
                anchors.put(name, ids);
            }
        });
    }

    /** The links of a chapter's Markdown, outside code and FreeMarker. */
    static List<Link> ofChapter(Chapter chapter, ProseText text) {
        List<Link> links = new ArrayList<>();
        String[] lines = text.markdown();
        for (int i = 0; i < lines.length; i++) {
            Matcher definition = DEFINITION.matcher(lines[i]);
            if (definition.find()) {
                links.add(link(chapter.file(), i, definition));
            }
            Matcher inline = INLINE.matcher(lines[i]);
            while (inline.find()) {
                links.add(link(chapter.file(), i, inline));
            }
        }
        return links;
    }

    /** The literal links of a layout: values with FreeMarker in them are computed, and not checked. */
    static List<Link> ofTemplate(Path file, String text) {
        List<Link> links = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher link = TEMPLATE_LINK.matcher(lines[i]);
            while (link.find()) {
                String target = link.group(1);
                if (!target.contains("${") && !target.contains("<#") && !target.contains("<@") && !target.startsWith("#")) {
                    links.add(link(file, i, link));
                }
            }
        }
        return links;
    }

    private static Link link(Path file, int line, Matcher match) {
        String target = match.group(1);
        if (target.startsWith("<") && target.endsWith(">")) {
            return new Link(file, line + 1, match.start(1) + 2, target.substring(1, target.length() - 1));
        }
        return new Link(file, line + 1, match.start(1) + 1, target);
    }

    /**
     * Checks one link.
     *
     * @param page the page the link is on, for links to an anchor of the same page; null for layouts
     */
    void check(Link link, String page, List<Problem> into) {
        String target = link.target().strip();
        if (target.indexOf(ProseText.MASK) >= 0 || SCHEME.matcher(target).find() || target.startsWith("//")) {
            return;
        }
        if (target.isEmpty()) {
            into.add(Findings.error(link.file(), link.line(), link.column(), "this link has no target"));
            return;
        }
        int hash = target.indexOf('#');
        String path = decode(stripQuery(hash < 0 ? target : target.substring(0, hash)));
        String fragment = hash < 0 ? null : decode(target.substring(hash + 1));
        String name = path.isEmpty() ? page : Path.of(path).normalize().toString().replace('\\', '/');
        if (name == null) {
            return;
        }
        if (name.startsWith("..")) {
            if (!Files.exists(versionDir.resolve(name).normalize())) {
                into.add(Findings.warning(link.file(), link.line(), link.column(), "link '" + target
                        + "' leaves this version's folder, and " + name + " does not exist there (yet)"));
            }
            return;
        }
        if (name.startsWith("/")) {
            into.add(Findings.error(link.file(), link.line(), link.column(), "link '" + target + "' starts at the"
                    + " server's root: write it relative to the page, e.g. '" + name.substring(1) + "', so the site"
                    + " also works from a folder or file://"));
            return;
        }
        if (!files.contains(name)) {
            into.add(Findings.error(link.file(), link.line(), link.column(), "broken link '" + target + "': the site"
                    + " has no file " + name + hint(name)));
            return;
        }
        Set<String> ids = anchors.get(name);
        if (fragment != null && !fragment.isEmpty() && ids != null && !ids.contains(fragment)) {
            into.add(Findings.error(link.file(), link.line(), link.column(), "broken link '" + target + "': "
                    + name + " has no anchor '" + fragment + "'" + Suggestions.didYouMean(fragment, ids)));
        }
    }

    private String hint(String name) {
        if (name.endsWith(".md")) {
            String page = name.substring(0, name.length() - 3) + ".html";
            if (files.contains(page)) {
                return " (link to the page '" + page + "', not to its source file)";
            }
        }
        return Suggestions.didYouMean(name, files);
    }

    private static String stripQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String unescape(String attribute) {
        return attribute.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** The ids this link points to on a page of the report ({@code 02-monitoring.html#fig-industry} → fig-industry). */
    static String fragment(Link link) {
        int hash = link.target().indexOf('#');
        return hash < 0 ? null : decode(link.target().substring(hash + 1));
    }
}
