package org.threatreport.site;

import java.io.IOException;
import java.util.Map;
import org.threatreport.diagnostic.InputException;

/**
 * The parts of a version's pages that depend on other versions: the list of versions in every
 * page's selector ({@code version-list.ftlh}) and the generated corrections log ({@code changes.ftlh}).
 * Each stands between two marker comments, so {@code site:publish} can write it again for the
 * versions actually on the server.
 */
public final class Fragments {

    public static final String VERSIONS = "versions";
    public static final String CHANGES = "changes";

    private Fragments() {
    }

    /**
     * Replaces every fragment {@code name} of a page (the versions stand in the header and in the
     * contents menu); a page without it (a custom layout) stays as it is.
     */
    public static String replace(String html, String name, String fragment) {
        String open = open(name);
        String close = close(name);
        StringBuilder out = new StringBuilder(html.length());
        int at = 0;
        while (true) {
            int start = html.indexOf(open, at);
            int end = start < 0 ? -1 : html.indexOf(close, start);
            if (start < 0 || end < 0) {
                return out.append(html, at, html.length()).toString();
            }
            out.append(html, at, start).append(fragment);
            at = end + close.length();
        }
    }

    private static String open(String name) {
        return "<!--report:" + name + "-->";
    }

    private static String close(String name) {
        return "<!--/report:" + name + "-->";
    }

    /**
     * The versions as a plain list of links to the same page in each (or its home where the page
     * does not exist), for readers without scripts; the script turns it into a selector.
     */
    public static String versionList(Versions versions, String current, String page, SiteLayouts layouts)
            throws InputException, IOException {
        return layouts.render("version-list.ftlh", Map.of("versions", versions, "current", current, "page", page));
    }

    /** The generated corrections log of a version. */
    public static String changes(ChangeLog log, SiteLayouts layouts) throws InputException, IOException {
        return layouts.render("changes.ftlh", Map.of("log", log));
    }
}
