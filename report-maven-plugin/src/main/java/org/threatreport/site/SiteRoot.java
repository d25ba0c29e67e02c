package org.threatreport.site;

import static freemarker.template.utility.StringUtil.XHTMLEnc;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.io.IOException;
import org.threatreport.diagnostic.InputException;

/**
 * The files of a site root beside the version folders, all derived from the list of versions:
 * {@code versions.json} and {@code versions.js}, {@code index.html} (lands on the latest version by
 * itself: static hosting needs no redirect rule), {@code versions.html} (every version, a plain list),
 * {@code 404.html}, the sitemap index {@code sitemap.xml} and {@code latest/}: one small page per page
 * of the latest version that forwards to it (mike's "redirect" alias), so {@code latest/…} links
 * never go stale. The pages are laid out by the site template ({@code root-*.ftlh}).
 */
public final class SiteRoot {

    public static final String INDEX = "index.html";
    public static final String VERSIONS_PAGE = "versions.html";
    public static final String NOT_FOUND = "404.html";
    public static final String SITEMAP = "sitemap.xml";

    private SiteRoot() {
    }

    /**
     * @param layouts the site template's layouts ({@code root-forward.ftlh}, {@code root-versions.ftlh},
     *                {@code root-404.ftlh}), in the latest version's language
     * @param siteUrl where readers reach the site root ({@code https://intranet/reports/}), for the
     *                sitemaps, which need absolute addresses, and the 404 page, which is served at any
     *                depth; null when unknown (a local site root): then they hold relative addresses
     * @return the files by path relative to the site root, {@code latest/} ones included; the version
     *         lists last, in the order they are to be installed
     */
    public static Map<String, byte[]> files(Versions versions, SiteLayouts layouts, String siteUrl)
            throws InputException, IOException {
        VersionEntry latest = versions.latest().orElseThrow(() -> new IllegalArgumentException("no versions"));
        String base = siteUrl == null ? "" : (siteUrl.endsWith("/") ? siteUrl : siteUrl + "/");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(NOT_FOUND, utf8(layouts.render("root-404.ftlh", Map.of("latest", latest,
                "basePath", siteUrl == null ? "" : path(base)))));
        files.put(SITEMAP, utf8(sitemapIndex(versions, base)));
        files.put(VERSIONS_PAGE, utf8(layouts.render("root-versions.ftlh", Map.of("latest", latest,
                "versions", versions))));
        for (String page : latest.pages()) {
            files.put(Versions.LATEST + "/" + page, utf8(forward(latest, "../" + latest.version() + "/" + page, layouts)));
        }
        files.put(INDEX, utf8(forward(latest, latest.version() + "/index.html", layouts)));
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
            xml.append("  <url><loc>").append(XHTMLEnc(versionUrl + page)).append("</loc><lastmod>")
                    .append(XHTMLEnc(version.date())).append("</lastmod></url>\n");
        }
        return utf8(xml.append("</urlset>\n").toString());
    }

    private static String sitemapIndex(Versions versions, String base) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (VersionEntry entry : versions.entries()) {
            xml.append("  <sitemap><loc>").append(XHTMLEnc(base + entry.version() + "/" + SITEMAP))
                    .append("</loc><lastmod>").append(XHTMLEnc(entry.date())).append("</lastmod></sitemap>\n");
        }
        return xml.append("</sitemapindex>\n").toString();
    }

    /** A page that sends the reader on to {@code target} (keeping the {@code #fragment}), with and without scripts. */
    private static String forward(VersionEntry latest, String target, SiteLayouts layouts)
            throws InputException, IOException {
        return layouts.render("root-forward.ftlh", Map.of("latest", latest, "target", target));
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
