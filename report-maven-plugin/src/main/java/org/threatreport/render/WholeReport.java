package org.threatreport.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole report in one document — the site's {@code all.html}, to read straight through or to
 * print, and the PDF edition: every chapter's HTML one after the other, each a section whose
 * headings may move down (the site's page has one {@code h1}, the report's title). Ids stay unique
 * in the document — an id a later chapter repeats gets a suffix — and links follow: {@code #id} and
 * {@code 02-monitoring.html#id} point into the document, {@code 02-monitoring.html} to that
 * chapter's section.
 */
public final class WholeReport {

    /** A page of the report to put in the document: its file name, title and body. */
    public record Part(String pageName, String title, String html) {

        public static Part of(RenderedChapter chapter) {
            return new Part(chapter.chapter().pageName(), chapter.chapter().fullTitle(), chapter.html());
        }
    }

    /**
     * One part in the document; {@code html} is ready to print as it is.
     *
     * @param ids each id of the part's own HTML as the document has it (a repeated one with a suffix)
     */
    public record Section(String id, String titleId, String title, String html, Map<String, String> ids) {

        public Section {
            ids = Map.copyOf(ids);
        }

        /** The part's id {@code id} as the document has it. */
        public String idOf(String id) {
            return ids.getOrDefault(id, id);
        }
    }

    private static final Pattern ID = Pattern.compile("(\\sid=\")([^\"]*)(\")");
    private static final Pattern HREF = Pattern.compile("(\\shref=\")([^\"]*)(\")");
    private static final Pattern HEADING = Pattern.compile("<(/?)h([1-5])\\b");

    private WholeReport() {
    }

    /**
     * @param reserved     ids the document's layout uses itself (its own headings, the search box …)
     * @param headingShift how many levels each heading moves down ({@code h2} becomes {@code h3} with 1)
     */
    public static List<Section> sections(List<Part> parts, Set<String> reserved, int headingShift) {
        UniqueIds used = new UniqueIds(reserved);
        Map<String, String> sectionIds = new HashMap<>();
        List<String> titleIds = new ArrayList<>();
        List<Map<String, String>> idMaps = new ArrayList<>();
        Map<String, Integer> byPage = new HashMap<>();
        for (Part part : parts) {
            String slug = part.pageName().replaceFirst("\\.html$", "");
            String sectionId = used.unique("part-" + slug);
            sectionIds.put(part.pageName(), sectionId);
            titleIds.add(used.unique(sectionId + "-title"));
            Map<String, String> ids = new HashMap<>();
            Matcher id = ID.matcher(part.html());
            while (id.find()) {
                ids.putIfAbsent(id.group(2), used.unique(id.group(2)));
            }
            byPage.put(part.pageName(), idMaps.size());
            idMaps.add(ids);
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            Map<String, String> ids = idMaps.get(i);
            String html = ID.matcher(part.html()).replaceAll(m -> Matcher.quoteReplacement(
                    m.group(1) + ids.getOrDefault(m.group(2), m.group(2)) + m.group(3)));
            html = HREF.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
                    m.group(1) + link(m.group(2), ids, sectionIds, byPage, idMaps) + m.group(3)));
            if (headingShift != 0) {
                html = HEADING.matcher(html).replaceAll(m -> "<" + m.group(1) + "h"
                        + Math.min(6, Integer.parseInt(m.group(2)) + headingShift));
            }
            sections.add(new Section(sectionIds.get(part.pageName()), titleIds.get(i), part.title(), html, ids));
        }
        return sections;
    }

    private static String link(String href, Map<String, String> own, Map<String, String> sectionIds,
                               Map<String, Integer> byPage, List<Map<String, String>> idMaps) {
        if (href.startsWith("#")) {
            return "#" + own.getOrDefault(href.substring(1), href.substring(1));
        }
        int hash = href.indexOf('#');
        String page = hash < 0 ? href : href.substring(0, hash);
        Integer target = byPage.get(page);
        if (target == null) {
            return href;
        }
        if (hash < 0) {
            return "#" + sectionIds.get(page);
        }
        String fragment = href.substring(hash + 1);
        return "#" + idMaps.get(target).getOrDefault(fragment, fragment);
    }

    /**
     * The ids given out on the page so far. An id taken already gets the first free suffix: {@code id-2},
     * {@code id-3} … Each id remembers the last suffix it tried, since ids are only ever added: a
     * heading every chapter repeats ("概述") costs one step per chapter, not one per earlier chapter.
     */
    private static final class UniqueIds {
        private final Set<String> used;
        private final Map<String, Integer> nextSuffix = new HashMap<>();

        UniqueIds(Set<String> reserved) {
            this.used = new HashSet<>(reserved);
        }

        String unique(String id) {
            if (used.add(id)) {
                return id;
            }
            int n = nextSuffix.getOrDefault(id, 2);
            while (!used.add(id + "-" + n)) {
                n++;
            }
            nextSuffix.put(id, n + 1);
            return id + "-" + n;
        }
    }
}
