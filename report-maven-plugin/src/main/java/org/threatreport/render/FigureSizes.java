package org.threatreport.render;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives each figure drawing a page shows ({@code <img>}, and the {@code <source>}s of its
 * {@code <picture>}) the width and height of the drawn SVG, so that the page keeps the figure's place
 * while the drawing loads. The sizes are known only once the figures are drawn, after the chapters
 * are rendered; a drawing that is not there (a check draws nothing) leaves its tag as it was.
 */
public final class FigureSizes {

    private static final Pattern TAG = Pattern.compile(
            "<(?:img|source)\\b[^>]*?\\b(?:src|srcset)=\"(figures/[^\"]+\\.svg)\"[^>]*>");
    private static final Pattern SVG_SIZE = Pattern.compile(
            "<svg\\b[^>]*?\\swidth=\"(\\d+)\"[^>]*?\\sheight=\"(\\d+)\"");
    /** The root element of a drawn SVG starts within its first bytes. */
    private static final int HEAD_BYTES = 1024;

    private FigureSizes() {
    }

    /** The chapter with its figures' sizes in its HTML. */
    public static RenderedChapter of(RenderedChapter chapter, Map<String, byte[]> files) {
        if (chapter == null || !chapter.html().contains("figures/")) {
            return chapter;
        }
        String html = fill(chapter.html(), files);
        return html.equals(chapter.html()) ? chapter : new RenderedChapter(chapter.chapter(), chapter.markdown(),
                chapter.parts(), html, chapter.headings(), chapter.values(), chapter.reads());
    }

    /** {@code html} with {@code width} and {@code height} added to each figure tag that has none. */
    static String fill(String html, Map<String, byte[]> files) {
        Matcher tag = TAG.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        while (tag.find()) {
            String text = tag.group();
            String size = text.contains(" width=") ? null : size(files.get(tag.group(1)));
            String sized = size == null ? text : text.endsWith("/>")
                    ? text.substring(0, text.length() - 2).stripTrailing() + size + ">"
                    : text.substring(0, text.length() - 1) + size + ">";
            tag.appendReplacement(out, Matcher.quoteReplacement(sized));
        }
        tag.appendTail(out);
        return out.toString();
    }

    /** {@code  width="…" height="…"} of a drawn SVG, or null when there is none to read. */
    private static String size(byte[] svg) {
        if (svg == null || svg.length == 0) {
            return null;
        }
        Matcher size = SVG_SIZE.matcher(new String(svg, 0, Math.min(svg.length, HEAD_BYTES), StandardCharsets.UTF_8));
        return size.find() ? " width=\"" + size.group(1) + "\" height=\"" + size.group(2) + "\"" : null;
    }
}
