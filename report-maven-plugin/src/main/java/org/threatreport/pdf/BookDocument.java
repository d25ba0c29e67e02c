package org.threatreport.pdf;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * The PDF's HTML after its layout, made fit for paper: what only works on screen goes (scripts,
 * buttons, download links, the collapsible figure data, which the appendix prints), links into the
 * report point into the document and cross-references to figures and tables show their page, links
 * to the site's other files become absolute addresses (or plain text when the site's address is not
 * known), and the outline is made from the headings.
 */
final class BookDocument {

    /** Things a printed page cannot use. */
    private static final String INTERACTIVE = "script, noscript, template, button, input, select, textarea, form, "
            + "iframe, object, embed, video, audio, dialog";

    private final Document html;

    private BookDocument(Document html) {
        this.html = html;
    }

    /**
     * @param html       the layout's output
     * @param files      the figures' files, by path in the version folder: an image of a figure's SVG becomes
     *                   the SVG itself, drawn as the page's own vector graphics
     * @param dataIds    the appendix's id of each figure's numbers, by the figure's id
     * @param dataTitles what a link to a figure's numbers says, by the figure's id
     * @param versionUrl where the version is published ({@code https://…/2017/}), to which links to its other
     *                   files point; empty when not known
     */
    static BookDocument of(String html, Map<String, byte[]> files, Map<String, String> dataIds,
                           Map<String, String> dataTitles, Optional<String> versionUrl) {
        BookDocument book = new BookDocument(Jsoup.parse(html));
        book.removeScreenParts();
        book.inlineFigures(files);
        book.linkFiguresToTheirNumbers(dataIds, dataTitles);
        book.fixLinks(versionUrl);
        book.addOutline();
        return book;
    }

    private void removeScreenParts() {
        html.select(INTERACTIVE).remove();
        html.select("details.figure-data").remove();
        for (Element details : html.select("details")) {
            details.select("> summary").tagName("p").addClass("summary");
            details.tagName("div").addClass("details");
        }
        for (Element link : html.select("a[download]")) {
            Element parent = link.parent();
            if (parent != null && parent.tagName().equals("p") && parent.text().strip().equals(link.text().strip())) {
                parent.remove();
            } else {
                link.unwrap();
            }
        }
        html.select("a.figure-image").unwrap();
    }

    /**
     * Each {@code <img>} of a figure's SVG becomes that {@code <svg>} element, its alt text kept: the
     * page draws it (see {@link FigureDrawer}) without loading and parsing a file of its own.
     */
    private void inlineFigures(Map<String, byte[]> files) {
        for (Element img : html.select("img[src$=.svg]")) {
            byte[] svg = files.get(img.attr("src"));
            if (svg == null) {
                continue;
            }
            Element drawing = Jsoup.parse(new String(svg, StandardCharsets.UTF_8), "", Parser.xmlParser())
                    .selectFirst("svg");
            if (drawing == null) {
                continue;
            }
            drawing.attr("alt", img.attr("alt")).attr("class", (img.className() + " chart").strip())
                    .attr("role", "img");
            img.replaceWith(drawing);
        }
    }

    private void linkFiguresToTheirNumbers(Map<String, String> dataIds, Map<String, String> dataTitles) {
        dataIds.forEach((figure, data) -> {
            Element cell = html.getElementById(figure);
            if (cell != null && html.getElementById(data) != null) {
                cell.appendElement("p").addClass("data-ref").appendElement("a").addClass("data-ref")
                        .attr("href", "#" + data).attr("title", dataTitles.getOrDefault(figure, figure));
            }
        });
    }

    private void fixLinks(Optional<String> versionUrl) {
        for (Element link : html.select("a[href]")) {
            String href = link.attr("href").strip();
            if (href.startsWith("#")) {
                Element target = href.length() > 1 ? html.getElementById(href.substring(1)) : null;
                if (target == null) {
                    link.unwrap(); // points nowhere in the PDF
                    continue;
                }
                if (target.tagName().equals("figure") && !link.hasClass("data-ref") && !inContents(link)) {
                    link.addClass("xref");
                }
            } else if (!href.matches("(?i)(https?|mailto):.*")) {
                if (versionUrl.isEmpty() || href.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                    link.unwrap(); // another file of the site, whose address is not known, or a scheme readers cannot open
                    continue;
                }
                link.attr("href", versionUrl.get() + href);
            }
            if (link.attr("title").isBlank()) {
                String text = link.text().strip();
                link.attr("title", text.isEmpty() ? href : text);
            }
        }
    }

    private static boolean inContents(Element link) {
        return link.closest(".toc, .figure-list") != null;
    }

    /** PDF bookmarks: every heading with an id, nested by level, in document order. */
    private void addOutline() {
        Element bookmarks = html.head().appendElement("bookmarks");
        Deque<Element> open = new ArrayDeque<>();
        Deque<Integer> levels = new ArrayDeque<>();
        for (Element heading : html.body().select("h1[id], h2[id], h3[id]")) {
            int level = heading.tagName().charAt(1) - '0';
            while (!levels.isEmpty() && levels.peek() >= level) {
                levels.pop();
                open.pop();
            }
            Element parent = open.isEmpty() ? bookmarks : open.peek();
            Element mark = parent.appendElement("bookmark").attr("name", heading.text().strip())
                    .attr("href", "#" + heading.id());
            open.push(mark);
            levels.push(level);
        }
    }

    /** The text of each element with one of {@code ids} (a chapter's section), and the rest under "". */
    Map<String, String> texts(Set<String> ids) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        Document copy = html.clone();
        for (String id : ids) {
            Element part = copy.getElementById(id);
            if (part != null) {
                texts.put(id, part.text());
                part.remove();
            }
        }
        texts.put("", copy.title() + " " + copy.body().text() + " "
                + String.join(" ", copy.select("meta[content]").eachAttr("content")));
        return texts;
    }

    Elements select(String query) {
        return html.select(query);
    }

    /** The HTML laid out, for the document's identity. */
    String markup() {
        return html.outerHtml();
    }

    org.w3c.dom.Document w3c() {
        return new W3CDom().fromJsoup(html);
    }
}
