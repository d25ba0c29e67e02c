package org.threatreport.site;

import org.threatreport.render.Messages;

/**
 * The parts of a version's pages that depend on other versions: the list of versions in every
 * page's selector and the generated corrections log. Each stands between two marker comments, so
 * {@code site:publish} can write it again for the versions actually on the server.
 */
public final class Fragments {

    public static final String VERSIONS = "versions";
    public static final String CHANGES = "changes";

    private Fragments() {
    }

    /** Replaces the fragment {@code name} of a page; a page without it (a custom layout) stays as it is. */
    public static String replace(String html, String name, String fragment) {
        String open = open(name);
        String close = close(name);
        int start = html.indexOf(open);
        int end = html.indexOf(close, Math.max(start, 0));
        if (start < 0 || end < 0) {
            return html;
        }
        return html.substring(0, start) + fragment + html.substring(end + close.length());
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
    public static String versionList(Versions versions, String current, String page, Messages messages) {
        StringBuilder html = new StringBuilder(open(VERSIONS)).append("<ul class=\"version-list\">");
        for (VersionEntry entry : versions.entries()) {
            String target = entry.hasPage(page) ? page : "index.html";
            html.append("<li><a href=\"../").append(Html.escape(entry.version())).append('/').append(Html.escape(target))
                    .append('"').append(entry.version().equals(current) ? " aria-current=\"true\"" : "").append('>')
                    .append(Html.escape(entry.version())).append("</a>");
            if (entry.aliases().contains(Versions.LATEST)) {
                html.append(" <span class=\"version-latest\">").append(Html.escape(messages.get("version.latest")))
                        .append("</span>");
            }
            html.append("</li>");
        }
        html.append("<li class=\"version-all\"><a href=\"../versions.html\">").append(Html.escape(messages.get("version.all")))
                .append("</a></li></ul>").append(close(VERSIONS));
        return html.toString();
    }

    /** The generated corrections log of a version. */
    public static String changes(ChangeLog log, Messages messages) {
        StringBuilder html = new StringBuilder(open(CHANGES));
        html.append("<section class=\"changes\" id=\"changes\" aria-labelledby=\"changes-title\"")
                .append(log.isFirst() ? "" : " data-since=\"" + Html.escape(log.since()) + "\"").append(">\n");
        html.append("<h2 id=\"changes-title\">").append(Html.escape(messages.get("corrections.changes"))).append("</h2>\n");
        if (log.isFirst()) {
            html.append("<p>").append(Html.escape(messages.get("corrections.first"))).append("</p>\n");
        } else if (log.size() == 0) {
            html.append("<p>").append(Html.escape(Html.format(messages.get("corrections.none"), log.since()))).append("</p>\n");
        } else {
            html.append("<p>").append(Html.escape(Html.format(messages.get("corrections.since"), log.since()))).append("</p>\n");
            if (!log.cells().isEmpty()) {
                html.append("<h3>").append(Html.escape(messages.get("corrections.figures"))).append("</h3>\n<ul class=\"changes-cells\">\n");
                for (ChangeLog.CellChange cell : log.cells()) {
                    html.append("<li>");
                    String name = Html.escape(cell.label());
                    html.append(cell.status() == ChangeLog.Status.REMOVED ? name
                            : "<a href=\"" + Html.escape(cell.page()) + "#" + Html.escape(cell.id()) + "\">" + name + "</a>");
                    html.append(": ").append(Html.escape(cell.caption()));
                    if (cell.status() != ChangeLog.Status.CHANGED) {
                        html.append(" (").append(Html.escape(messages.get(cell.status() == ChangeLog.Status.ADDED
                                ? "corrections.added" : "corrections.removed"))).append(')');
                    }
                    if (!cell.rows().isEmpty()) {
                        html.append("\n<ul>");
                        for (ChangeLog.RowChange row : cell.rows()) {
                            html.append("<li>").append(Html.escape(row.row()))
                                    .append(row.column().isEmpty() ? "" : " · " + Html.escape(row.column())).append(' ')
                                    .append(number(row.before())).append(" → ").append(number(row.after())).append("</li>");
                        }
                        html.append("</ul>");
                    }
                    html.append("</li>\n");
                }
                html.append("</ul>\n");
            }
            if (!log.values().isEmpty()) {
                html.append("<h3>").append(Html.escape(messages.get("corrections.values"))).append("</h3>\n<ul class=\"changes-values\">\n");
                for (ChangeLog.ValueChange value : log.values()) {
                    html.append("<li><a href=\"").append(Html.escape(value.page())).append("\">")
                            .append(Html.escape(value.pageTitle())).append("</a>: ");
                    if (!value.context().isEmpty()) {
                        html.append("“").append(Html.escape(value.context())).append("” ");
                    }
                    html.append(number(value.before())).append(" → ").append(number(value.after()))
                            .append(" <code>").append(Html.escape(value.expression())).append("</code></li>\n");
                }
                html.append("</ul>\n");
            }
        }
        if (!log.isFirst()) {
            html.append("<p class=\"changes-earlier\"><a href=\"../").append(Html.escape(log.since()))
                    .append("/corrections.html\">").append(Html.escape(Html.format(messages.get("corrections.earlier"),
                            log.since()))).append("</a></p>\n");
        }
        html.append("</section>").append(close(CHANGES));
        return html.toString();
    }

    private static String number(String value) {
        return value == null ? "—" : "<strong>" + Html.escape(value) + "</strong>";
    }
}
