package org.threatreport.reading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.threatreport.site.SearchTokenizer;

/**
 * The text of the built pages as a reader sees it, read with jsoup independently of the search
 * index: the abstract on the home page and each chapter's body, cut at its h2/h3 headings. The
 * answer a search must give.
 */
final class ReportText {

    /** A passage: its link ({@code page#anchor}) and its text, the heading first. */
    record Passage(String link, String text) {
    }

    private ReportText() {
    }

    /** The chapter pages in reading order, from the home page's table of contents. */
    static List<String> chapterPages(Path site) throws IOException {
        return Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8").select(".toc-chapters > li > a").eachAttr("href");
    }

    static List<Passage> passages(Path site) throws IOException {
        List<Passage> passages = new ArrayList<>();
        Document home = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        Element abstractText = home.selectFirst("section.abstract").clone();
        abstractText.select("#abstract-title, .keywords").remove();
        cut("index.html", abstractText, passages);
        for (String page : chapterPages(site)) {
            Element article = Jsoup.parse(site.resolve(page).toFile(), "UTF-8").selectFirst("article.chapter").clone();
            // what the layout adds around the chapter's own text: title, contents, download links, summaries
            article.select("h1, nav, summary, a[download], .chapter-formats").remove();
            cut(page, article, passages);
        }
        return passages;
    }

    /**
     * The prose of each section, then each of its figures and tables: the caption first, then the
     * numbers (a table cell's own, or those a figure shows under it).
     */
    private static void cut(String page, Element body, List<Passage> into) {
        String link = page;
        StringBuilder text = new StringBuilder();
        java.util.Map<String, StringBuilder> cells = new java.util.LinkedHashMap<>();
        for (Element child : body.children()) {
            if (child.is("h2[id], h3[id]")) {
                add(link, text, cells, page, into);
                link = page + "#" + child.id();
                text = new StringBuilder(child.text()).append('\n');
                cells = new java.util.LinkedHashMap<>();
            } else if (child.is("figure.figure, figure.table")) {
                Element caption = child.selectFirst("figcaption");
                StringBuilder cell = cells.computeIfAbsent(child.id(), id -> new StringBuilder());
                cell.append(caption == null ? "" : caption.text()).append('\n');
                child.select("table").forEach(table -> cell.append(table.text()).append('\n'));
            } else if (child.is("details[data-figure]")) {
                StringBuilder cell = cells.computeIfAbsent(child.attr("data-figure"), id -> new StringBuilder("\n"));
                child.select("table").forEach(table -> cell.append(table.text()).append('\n'));
            } else {
                text.append(child.text()).append('\n');
            }
        }
        add(link, text, cells, page, into);
    }

    private static void add(String link, StringBuilder text, java.util.Map<String, StringBuilder> cells, String page,
                            List<Passage> into) {
        if (!text.isEmpty()) {
            into.add(new Passage(link, text.toString()));
        }
        cells.forEach((id, cell) -> into.add(new Passage(page + "#" + id, cell.toString())));
    }

    /** The links of the passages containing {@code query}, compared as search compares (case, full width). */
    static Set<String> containing(Path site, String query) throws IOException {
        String needle = SearchTokenizer.normalize(query);
        Set<String> links = new LinkedHashSet<>();
        for (Passage passage : passages(site)) {
            if (SearchTokenizer.normalize(passage.text()).contains(needle)) {
                links.add(passage.link());
            }
        }
        return links;
    }
}
