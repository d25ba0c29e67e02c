package org.threatreport.site;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.threatreport.render.Messages;

/**
 * The files of a site root beside the version folders, all derived from the list of versions:
 * {@code versions.json} and {@code versions.js}, {@code index.html} (lands on the latest version by
 * itself: static hosting needs no redirect rule), {@code versions.html} (every version, a plain list),
 * {@code 404.html}, the sitemap index {@code sitemap.xml} and {@code latest/}: one small page per page
 * of the latest version that forwards to it (mike's "redirect" alias), so {@code latest/…} links
 * never go stale.
 */
public final class SiteRoot {

    public static final String INDEX = "index.html";
    public static final String VERSIONS_PAGE = "versions.html";
    public static final String NOT_FOUND = "404.html";
    public static final String SITEMAP = "sitemap.xml";

    private SiteRoot() {
    }

    /**
     * @param siteUrl where readers reach the site root ({@code https://intranet/reports/}), for the
     *                sitemaps, which need absolute addresses, and the 404 page, which is served at any
     *                depth; null when unknown (a local site root): then they hold relative addresses
     * @return the files by path relative to the site root, {@code latest/} ones included; the version
     *         lists last, in the order they are to be installed
     */
    public static Map<String, byte[]> files(Versions versions, Messages messages, String siteUrl) {
        VersionEntry latest = versions.latest().orElseThrow(() -> new IllegalArgumentException("no versions"));
        String base = siteUrl == null ? "" : (siteUrl.endsWith("/") ? siteUrl : siteUrl + "/");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(NOT_FOUND, utf8(notFound(versions, latest, messages, siteUrl == null ? null : path(base))));
        files.put(SITEMAP, utf8(sitemapIndex(versions, base)));
        files.put(VERSIONS_PAGE, utf8(versionsPage(versions, latest, messages)));
        for (String page : latest.pages()) {
            files.put(Versions.LATEST + "/" + page, utf8(forward(latest, "../" + latest.version() + "/" + page, messages)));
        }
        files.put(INDEX, utf8(forward(latest, latest.version() + "/index.html", messages)));
        files.put(Versions.SCRIPT_FILE, versions.script());
        files.put(Versions.JSON_FILE, versions.json());
        return files;
    }

    /** A version's own sitemap: its pages, under {@code versionUrl} (absolute, or empty for relative addresses). */
    public static byte[] versionSitemap(VersionEntry version, String versionUrl) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String page : version.pages()) {
            if (Reading.NOT_FOR_SEARCH_ENGINES.contains(page)) {
                continue;
            }
            xml.append("  <url><loc>").append(Html.escape(versionUrl + page)).append("</loc><lastmod>")
                    .append(Html.escape(version.date())).append("</lastmod></url>\n");
        }
        return utf8(xml.append("</urlset>\n").toString());
    }

    private static String sitemapIndex(Versions versions, String base) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (VersionEntry entry : versions.entries()) {
            xml.append("  <sitemap><loc>").append(Html.escape(base + entry.version() + "/" + SITEMAP))
                    .append("</loc><lastmod>").append(Html.escape(entry.date())).append("</lastmod></sitemap>\n");
        }
        return xml.append("</sitemapindex>\n").toString();
    }

    /** A page that sends the reader on to {@code target} (keeping the {@code #fragment}), with and without scripts. */
    private static String forward(VersionEntry latest, String target, Messages messages) {
        String href = Html.escape(target);
        return "<!DOCTYPE html>\n<html lang=\"" + Html.escape(latest.language()) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + Html.escape(latest.title()) + "</title>\n"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + href + "\">\n"
                + "<link rel=\"canonical\" href=\"" + href + "\">\n"
                // The target version's icon, so that the browser does not ask the server root for /favicon.ico.
                + "<link rel=\"icon\" href=\"" + Html.escape(target.substring(0, target.lastIndexOf('/') + 1))
                + "assets/favicon.svg\" type=\"image/svg+xml\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<script>location.replace(\"" + target.replace("\\", "\\\\").replace("\"", "\\\"") + "\" + location.hash);</script>\n"
                + "</head>\n<body>\n<p><a href=\"" + href + "\">" + Html.escape(Html.format(messages.get("version.goLatest"),
                latest.version())) + "</a></p>\n</body>\n</html>\n";
    }

    /** The head of a root page, with the latest version's icon and style: the root has no assets of its own. */
    private static String head(VersionEntry latest, String title, String prefix) {
        String assets = prefix + Html.escape(latest.version()) + "/assets/";
        return "<!DOCTYPE html>\n<html lang=\"" + Html.escape(latest.language()) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + "</title>\n"
                + "<link rel=\"icon\" href=\"" + assets + "favicon.svg\" type=\"image/svg+xml\">\n"
                + "<link rel=\"stylesheet\" href=\"" + assets + "style.css\">\n";
    }

    private static String versionsPage(Versions versions, VersionEntry latest, Messages messages) {
        StringBuilder html = new StringBuilder(head(latest, messages.get("version.all") + " · " + latest.title(), ""));
        html.append("</head>\n<body>\n<main id=\"main\" class=\"content versions-page\">\n<h1>")
                .append(Html.escape(latest.title())).append("</h1>\n<h2>").append(Html.escape(messages.get("version.all")))
                .append("</h2>\n<ul class=\"versions\">\n");
        for (VersionEntry entry : versions.entries()) {
            String version = Html.escape(entry.version());
            html.append("<li><a href=\"").append(version).append("/index.html\">").append(version).append("</a>");
            if (entry.aliases().contains(Versions.LATEST)) {
                html.append(" <span class=\"version-latest\">").append(Html.escape(messages.get("version.latest"))).append("</span>");
            }
            html.append(" · ").append(Html.escape(entry.title())).append(" · ").append(Html.escape(entry.date()));
            if (entry.hasPage("corrections.html")) {
                html.append(" · <a href=\"").append(version).append("/corrections.html\">")
                        .append(Html.escape(messages.get("version.whatChanged"))).append("</a>");
            }
            for (String document : entry.documents()) {
                if (document.endsWith(".pdf")) {
                    html.append(" · <a href=\"").append(version).append('/').append(Html.escape(document)).append("\">")
                            .append(Html.escape(messages.get("download.pdf"))).append("</a>");
                }
            }
            html.append("</li>\n");
        }
        return html.append("</ul>\n</main>\n</body>\n</html>\n").toString();
    }

    /** @param basePath the site root's path on the server ({@code /reports/}), or null to use relative links */
    private static String notFound(Versions versions, VersionEntry latest, Messages messages, String basePath) {
        StringBuilder html = new StringBuilder(head(latest, messages.get("notFound.title") + " · " + latest.title(), ""));
        if (basePath != null) {
            html.insert(html.indexOf("<meta name=\"viewport\""), "<base href=\"" + Html.escape(basePath) + "\">\n");
        }
        String version = Html.escape(latest.version());
        html.append("</head>\n<body>\n<main id=\"main\" class=\"content not-found\">\n<h1>")
                .append(Html.escape(messages.get("notFound.title"))).append("</h1>\n<p>")
                .append(Html.escape(messages.get("notFound.text"))).append("</p>\n<ul>\n")
                .append("<li><a id=\"same-page\" href=\"").append(version).append("/index.html\">")
                .append(Html.escape(Html.format(messages.get("version.goLatest"), latest.version()))).append("</a></li>\n")
                .append("<li><a href=\"").append(VERSIONS_PAGE).append("\">").append(Html.escape(messages.get("version.all")))
                .append("</a></li>\n</ul>\n</main>\n")
                .append("<script src=\"").append(Versions.SCRIPT_FILE).append("\"></script>\n")
                // The page asked for, in the latest version when it has it.
                .append("<script>(function () {\n"
                        + "  var versions = window." + Versions.GLOBAL + " || [], latest = versions[0];\n"
                        + "  var page = location.pathname.split(\"/\").pop();\n"
                        + "  if (latest && page && latest.pages.indexOf(page) >= 0) {\n"
                        + "    document.getElementById(\"same-page\").setAttribute(\"href\", latest.version + \"/\" + page);\n"
                        + "  }\n"
                        + "})();</script>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    private static String path(String url) {
        try {
            String path = java.net.URI.create(url).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The names of the files {@link #files} writes at the root itself (not under {@code latest/}). */
    public static List<String> rootNames() {
        return List.of(NOT_FOUND, SITEMAP, VERSIONS_PAGE, INDEX, Versions.SCRIPT_FILE, Versions.JSON_FILE);
    }
}
