package org.threatreport.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.threatreport.model.CellKind;
import org.threatreport.model.Report;
import org.threatreport.render.Messages;
import org.threatreport.render.RenderedChapter;

/**
 * What every page's layout needs for reading beyond the report itself: the scripts' UI strings,
 * the summary for the description and link previews, and the absolute addresses Open Graph wants
 * when the site's address is known.
 */
final class Reading {

    static final String WHOLE_PAGE = "all.html";
    static final String SEARCH_PAGE = "search.html";
    static final String NOT_FOUND_PAGE = "404.html";
    /** Pages of a version that are no content of their own: marked noindex, left out of sitemaps. */
    static final Set<String> NOT_FOR_SEARCH_ENGINES = Set.of(SEARCH_PAGE, NOT_FOUND_PAGE);
    /** Ids the layouts use themselves, which the whole-report page must not repeat. */
    static final Set<String> LAYOUT_IDS = Set.of("main", "site-nav", "search-input", "search-results", "search-status",
            "report-ui", "version-banner", "whole-toc-title", "abstract-title", "toc-title", "downloads-title",
            "search-page-status", "search-page-results", "figure-dialog-caption", "search-help", "search-help-title");
    /** Longest summary: about what link previews show. */
    static final int SUMMARY_LENGTH = 120;
    private static final String SCRIPT_STRINGS = "js.";

    private Reading() {
    }

    /**
     * @param versionUrl where readers reach the version, ending in {@code /}, or empty
     * @return {@code uiJson} (the scripts' strings, safe inside a script element), {@code versionUrl},
     *         {@code ogImage} (the PNG of the report's first figure) and, when {@code report.yaml} gives no
     *         description, {@code pageDescription} from the abstract
     */
    static Map<String, Object> model(Report report, RenderedChapter abstractPage, Messages messages, String versionUrl) {
        Map<String, Object> model = new HashMap<>();
        model.put("uiJson", uiJson(messages));
        model.put("versionUrl", versionUrl);
        model.put("ogImage", report.chapters().stream().flatMap(chapter -> chapter.cells().stream())
                .filter(cell -> cell.kind() == CellKind.FIGURE).findFirst()
                .map(cell -> "figures/" + cell.id() + ".png").orElse(""));
        String description = report.info().description();
        if ((description == null || description.isBlank()) && abstractPage != null) {
            model.put("pageDescription", summary(abstractPage.html(), ""));
        }
        return model;
    }

    /** The scripts' UI strings ({@code js.*}) as JSON that cannot end the script element holding it. */
    static String uiJson(Messages messages) {
        Map<String, String> strings = new TreeMap<>();
        messages.strings().forEach((key, value) -> {
            if (key.startsWith(SCRIPT_STRINGS)) {
                strings.put(key, value);
            }
        });
        try {
            return new ObjectMapper().writeValueAsString(strings).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The opening of a page's text, cut at the end of a sentence when one ends early enough, else
     * at {@link #SUMMARY_LENGTH} characters with an ellipsis.
     */
    static String summary(String html, String title) {
        List<Passages.Passage> passages = Passages.of(html, title);
        String text = passages.stream().filter(p -> !p.data()).map(Passages.Passage::text).filter(t -> !t.isBlank())
                .findFirst().orElse("");
        if (text.length() <= SUMMARY_LENGTH) {
            return text;
        }
        String head = text.substring(0, SUMMARY_LENGTH);
        int end = Math.max(head.lastIndexOf('。'), Math.max(head.lastIndexOf(". "), head.lastIndexOf('！')));
        if (end >= SUMMARY_LENGTH / 2) {
            return head.substring(0, end + 1).strip();
        }
        if (Character.isHighSurrogate(head.charAt(head.length() - 1))) {
            head = head.substring(0, head.length() - 1);
        }
        return head.strip() + "…";
    }
}
