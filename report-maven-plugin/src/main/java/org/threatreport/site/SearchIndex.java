package org.threatreport.site;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.threatreport.render.RenderedChapter;

/**
 * The full-text search index of one version of the report, written as {@code search-index.js}: a
 * script that sets {@code window.REPORT_SEARCH_INDEX}, so that search works from {@code file://}
 * (where pages cannot fetch files) as well as over http. It holds every passage — the text of a
 * page under one heading, and each figure's or table's caption and numbers — and, for every term of
 * {@link SearchTokenizer}, the passages that contain it. The browser looks a query's terms up to find
 * the candidate passages, keeps those that contain the query's words, ranks them and cuts a snippet
 * from their text (see {@link #find}).
 *
 * <pre>
 * window.REPORT_SEARCH_INDEX = {
 *   "format": 2, "language": "zh-CN",
 *   "pages": [["02-monitoring.html", "第二章 应急响应监测分析"], …],
 *   "passages": [[page, "anchor", "section title", "text", "parent section title", kind], …],  // kind 1: a figure's or table's data
 *   "terms": {"勒索": [4, 9], "ddos": [12], …}          // passage numbers, ascending
 * };
 * </pre>
 */
public final class SearchIndex {

    /** The file, at the top of the version folder. */
    public static final String FILE = "search-index.js";
    /** The global the script sets. */
    public static final String GLOBAL = "REPORT_SEARCH_INDEX";

    /** A page as search shows it. */
    record Page(String href, String title) {
    }

    /**
     * A passage: its page (by number), the heading it is under, its text, and the heading that
     * heading is under (a third-level heading's second-level one, else empty), to tell apart two
     * sections of the same name. A passage of {@code data} is a figure or table (its caption and numbers).
     */
    record Entry(int page, String anchor, String section, String text, String parent, boolean data) {

        /** What a query is matched against: the heading, then the text. */
        String haystack() {
            return section + "\n" + text;
        }
    }

    private final String language;
    private final List<Page> pages;
    private final List<Entry> passages;
    private final TreeMap<String, BitSet> terms;
    private byte[] script;

    private SearchIndex(String language, List<Page> pages, List<Entry> passages) {
        this.language = language;
        this.pages = List.copyOf(pages);
        this.passages = List.copyOf(passages);
        this.terms = new TreeMap<>();
        for (int i = 0; i < passages.size(); i++) {
            for (String term : SearchTokenizer.tokens(passages.get(i).haystack())) {
                terms.computeIfAbsent(term, t -> new BitSet()).set(i);
            }
        }
    }

    /**
     * Indexes the abstract (shown on {@code index.html}) and every chapter, in reading order.
     *
     * @param abstractPage  the rendered abstract, or null
     * @param abstractTitle its title on the home page ("摘要")
     */
    public static SearchIndex of(String language, RenderedChapter abstractPage, String abstractTitle,
                                 List<RenderedChapter> chapters) {
        List<Page> pages = new ArrayList<>();
        List<Entry> passages = new ArrayList<>();
        if (abstractPage != null) {
            add(pages, passages, "index.html", abstractTitle, abstractPage.html());
        }
        for (RenderedChapter chapter : chapters) {
            add(pages, passages, chapter.chapter().pageName(), chapter.chapter().fullTitle(), chapter.html());
        }
        return new SearchIndex(language, pages, passages);
    }

    private static void add(List<Page> pages, List<Entry> passages, String href, String title, String html) {
        int page = pages.size();
        pages.add(new Page(href, title));
        for (Passages.Passage passage : Passages.of(html, title)) {
            passages.add(new Entry(page, passage.anchor(), passage.section(), passage.text(), passage.parent(),
                    passage.data()));
        }
    }

    public int pageCount() {
        return pages.size();
    }

    public int passageCount() {
        return passages.size();
    }

    public int termCount() {
        return terms.size();
    }

    List<Entry> passages() {
        return passages;
    }

    List<Page> pages() {
        return pages;
    }

    /**
     * The links ({@code page#anchor}) of the passages a query finds, best first, found and ranked as
     * {@code search.js} does. The query is cut at white space into words; a passage is found when its
     * heading or text contains one of them (a passage holding every term of a word is a candidate: a
     * CJK term exactly, an English one as the prefix of a term, so that "attack" finds "attacks"). So
     * "勒索" finds exactly the passages in which 勒索 is written. Ranked:
     * <ol>
     *   <li>passages containing every word before those containing only some;</li>
     *   <li>then the prose before the figures' and tables' data;</li>
     *   <li>then by how often the words occur (in a heading five times as much);</li>
     *   <li>then in reading order.</li>
     * </ol>
     */
    public List<String> find(String query) {
        List<String> parts = java.util.Arrays.stream(SearchTokenizer.normalize(query).split("[ \\t\\n\\x0B\\f\\r]+"))
                .filter(part -> !part.isEmpty()).toList();
        BitSet candidates = new BitSet();
        for (String part : parts) {
            BitSet ofPart = null;
            for (String term : SearchTokenizer.tokens(part)) {
                BitSet postings = new BitSet();
                if (SearchTokenizer.isCjk(term.codePointAt(0))) {
                    postings.or(terms.getOrDefault(term, new BitSet()));
                } else {
                    terms.subMap(term, term + Character.MAX_VALUE).values().forEach(postings::or);
                }
                if (ofPart == null) {
                    ofPart = postings;
                } else {
                    ofPart.and(postings);
                }
            }
            if (ofPart != null) {
                candidates.or(ofPart);
            }
        }
        record Hit(int passage, boolean all, boolean data, int score) {
        }
        List<Hit> hits = new ArrayList<>();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Entry passage = passages.get(i);
            String haystack = SearchTokenizer.normalize(passage.haystack());
            int headingLength = passage.section().length();
            int matched = 0;
            int score = 0;
            for (String part : parts) {
                boolean contains = false;
                for (int at = haystack.indexOf(part); at >= 0; at = haystack.indexOf(part, at + part.length())) {
                    contains = true;
                    score += at < headingLength ? 5 : 1;
                }
                matched += contains ? 1 : 0;
            }
            if (matched > 0) {
                hits.add(new Hit(i, matched == parts.size(), passage.data(), score));
            }
        }
        hits.sort(java.util.Comparator.comparing((Hit h) -> !h.all()).thenComparing(Hit::data)
                .thenComparing(Hit::score, java.util.Comparator.reverseOrder()).thenComparingInt(Hit::passage));
        return hits.stream().map(h -> link(passages.get(h.passage()))).toList();
    }

    String link(Entry passage) {
        String href = pages.get(passage.page()).href();
        return passage.anchor().isEmpty() ? href : href + "#" + passage.anchor();
    }

    /** {@code search-index.js}: deterministic, terms in Java (UTF-16) string order, as the browser sorts them. */
    public synchronized byte[] script() {
        if (script == null) {
            script = write();
        }
        return script.clone();
    }

    private byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(("window." + GLOBAL + " = ").getBytes(StandardCharsets.UTF_8));
            try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.writeStartObject();
                json.writeNumberField("format", 2);
                json.writeStringField("language", language);
                json.writeArrayFieldStart("pages");
                for (Page page : pages) {
                    json.writeStartArray();
                    json.writeString(page.href());
                    json.writeString(page.title());
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeArrayFieldStart("passages");
                for (Entry passage : passages) {
                    json.writeRaw('\n');
                    json.writeStartArray();
                    json.writeNumber(passage.page());
                    json.writeString(passage.anchor());
                    json.writeString(passage.section());
                    json.writeString(passage.text());
                    json.writeString(passage.parent());
                    json.writeNumber(passage.data() ? 1 : 0);
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeRaw('\n');
                json.writeObjectFieldStart("terms");
                for (Map.Entry<String, BitSet> term : terms.entrySet()) {
                    json.writeArrayFieldStart(term.getKey());
                    BitSet postings = term.getValue();
                    for (int i = postings.nextSetBit(0); i >= 0; i = postings.nextSetBit(i + 1)) {
                        json.writeNumber(i);
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            out.write(";\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
