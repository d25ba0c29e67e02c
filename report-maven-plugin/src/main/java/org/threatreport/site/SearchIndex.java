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
 * (where pages cannot fetch files) as well as over http. It holds every passage (the text of a
 * page under one heading) and, for every term of {@link SearchTokenizer}, the passages that contain
 * it. The browser looks a query's terms up to find the candidate passages, then keeps those that
 * contain the query itself and cuts a snippet from their text.
 *
 * <pre>
 * window.REPORT_SEARCH_INDEX = {
 *   "format": 1, "language": "zh-CN",
 *   "pages": [["02-monitoring.html", "第二章 应急响应监测分析"], …],
 *   "passages": [[page, "anchor", "section title", "text", "parent section title"], …],
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
     * sections of the same name.
     */
    record Entry(int page, String anchor, String section, String text, String parent) {

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
            passages.add(new Entry(page, passage.anchor(), passage.section(), passage.text(), passage.parent()));
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
     * The links ({@code page#anchor}) of the passages a query finds, in reading order, found as
     * {@code search.js} finds them: the query is cut at white space into parts; a passage is a
     * candidate when it holds every term of every part (a CJK term exactly, a word as the prefix of
     * a term, so that "attack" finds "attacks"), and it is found when its heading or text contains
     * every part. So "勒索" finds exactly the passages in which 勒索 is written.
     */
    public List<String> find(String query) {
        List<String> parts = java.util.Arrays.stream(SearchTokenizer.normalize(query).split("[ \\t\\n\\x0B\\f\\r]+"))
                .filter(part -> !part.isEmpty()).toList();
        BitSet candidates = null;
        for (String part : parts) {
            for (String term : SearchTokenizer.tokens(part)) {
                BitSet postings = new BitSet();
                if (SearchTokenizer.isCjk(term.codePointAt(0))) {
                    postings.or(terms.getOrDefault(term, new BitSet()));
                } else {
                    terms.subMap(term, term + Character.MAX_VALUE).values()
                            .forEach(postings::or);
                }
                if (candidates == null) {
                    candidates = postings;
                } else {
                    candidates.and(postings);
                }
            }
        }
        List<String> found = new ArrayList<>();
        if (candidates == null) {
            return found;
        }
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            String haystack = SearchTokenizer.normalize(passages.get(i).haystack());
            if (parts.stream().allMatch(haystack::contains)) {
                found.add(link(passages.get(i)));
            }
        }
        return found;
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
                json.writeNumberField("format", 1);
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
