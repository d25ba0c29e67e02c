package org.threatreport.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the HTML of a rendered page into the passages search finds: the text before the first
 * heading, then one passage per second- or third-level heading; and, after the prose of each such
 * section, one passage per figure or table in it — its caption and its numbers (the table of a
 * {@code {table}} cell, the collapsed table under a figure) — so that search finds words that appear
 * only in the data ("医疗卫生"), while the prose, and its snippets, stay free of runs of table cells.
 * Reads only the HTML this plugin makes (flexmark's output and the cell layouts), so a small tag
 * scanner is enough: the text of elements, block boundaries as line breaks, entities decoded;
 * download links, summaries and images' alt text are left out.
 */
final class Passages {

    /**
     * One passage of a page. {@code anchor} is empty for the text before the first heading;
     * {@code parent} is the second-level heading a third-level one is under, else empty. A passage of
     * {@code data} is a figure or table: its anchor the cell's id, its section its caption, its parent
     * the heading it stands under, its text its numbers row by row.
     */
    record Passage(String anchor, String section, String parent, String text, boolean data) {
    }

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]*)\"");
    private static final Pattern DATA_FIGURE = Pattern.compile("\\bdata-figure=\"([^\"]*)\"");
    private static final Pattern CELL_CLASS = Pattern.compile("\\bclass=\"(?:figure|table)\"");
    private static final Set<String> BLOCKS = Set.of("p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "thead", "tbody", "tr", "td", "th", "figure", "figcaption", "blockquote", "pre", "div", "br",
            "hr", "section", "article", "dl", "dt", "dd", "caption");
    private static final Set<String> SKIPPED = Set.of("script", "style", "template", "nav", "summary");
    /** Marks a block boundary in the collected text: always a space, never joined away. */
    private static final char BREAK = '\u0001';
    /** Marks the end of a table row in a figure's or table's numbers. */
    private static final char ROW = '\u0002';
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");

    private Passages() {
    }

    /** A figure or table being read: its caption and its numbers. */
    private static final class Data {
        final String anchor;
        final StringBuilder caption = new StringBuilder();
        final StringBuilder numbers = new StringBuilder();

        Data(String anchor) {
            this.anchor = anchor;
        }
    }

    static List<Passage> of(String html, String pageTitle) {
        List<Passage> passages = new ArrayList<>();
        String anchor = "";
        String section = pageTitle;
        String parent = "";
        String h2 = "";
        StringBuilder text = new StringBuilder();
        StringBuilder heading = null;
        String headingId = null;
        // The figures and tables of the section being read, by id, in order.
        Map<String, Data> cells = new LinkedHashMap<>();
        Data cell = null;
        // The element that holds the figure or table being read: figure, or details.
        String cellElement = null;
        boolean inCaption = false;
        int inTable = 0;
        int skipDepth = 0;
        String skipping = null;
        Matcher tag = TAG.matcher(html);
        int at = 0;
        while (true) {
            boolean found = tag.find();
            String between = html.substring(at, found ? tag.start() : html.length());
            if (skipDepth == 0 && !between.isEmpty()) {
                String decoded = decode(between);
                if (cell != null) {
                    if (inCaption) {
                        cell.caption.append(decoded);
                    } else if (inTable > 0) {
                        cell.numbers.append(decoded);
                    }
                } else {
                    (heading != null ? heading : text).append(decoded);
                }
            }
            if (!found) {
                break;
            }
            at = tag.end();
            if (tag.group(2) == null) {
                continue; // a comment
            }
            boolean closing = !tag.group(1).isEmpty();
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            String attributes = tag.group(3);
            if (skipDepth > 0) {
                if (name.equals(skipping)) {
                    skipDepth += closing ? -1 : 1;
                }
                continue;
            }
            if ((SKIPPED.contains(name) || name.equals("a") && attributes.contains(" download")) && !closing) {
                skipping = name;
                skipDepth = 1;
                continue;
            }
            if (name.equals("figure") && !closing && cell == null && CELL_CLASS.matcher(attributes).find()) {
                Matcher id = ID.matcher(attributes);
                cell = cells.computeIfAbsent(id.find() ? id.group(1) : "", Data::new);
                cellElement = name;
                continue;
            }
            if (name.equals("details") && !closing && cell == null) {
                // A figure's numbers, collapsed under it: they belong to the figure's passage.
                Matcher figure = DATA_FIGURE.matcher(attributes);
                cell = cells.computeIfAbsent(figure.find() ? figure.group(1) : "", Data::new);
                cellElement = name;
                continue;
            }
            if (closing && cell != null && name.equals(cellElement)) {
                cell = null;
                inCaption = false;
                inTable = 0;
                continue;
            }
            if (cell != null) {
                if (name.equals("figcaption")) {
                    inCaption = !closing;
                } else if (name.equals("table")) {
                    inTable += closing ? -1 : 1;
                } else if (inTable > 0 && closing && name.equals("tr")) {
                    cell.numbers.append(ROW);
                } else if (inTable > 0 && (name.equals("td") || name.equals("th"))) {
                    cell.numbers.append(BREAK);
                } else if (inCaption) {
                    cell.caption.append(BLOCKS.contains(name) ? String.valueOf(BREAK) : "");
                }
                continue;
            }
            boolean sectionHeading = name.equals("h2") || name.equals("h3");
            if (sectionHeading && !closing) {
                Matcher id = ID.matcher(attributes);
                if (id.find()) {
                    add(passages, anchor, section, parent, text, cells.values(), anchor.isEmpty() ? "" : section);
                    text.setLength(0);
                    cells.clear();
                    heading = new StringBuilder();
                    headingId = id.group(1);
                    continue;
                }
            }
            if (sectionHeading && closing && heading != null) {
                anchor = headingId;
                section = clean(heading.toString());
                if (name.equals("h2")) {
                    h2 = section;
                    parent = "";
                } else {
                    parent = h2;
                }
                heading = null;
                continue;
            }
            if (BLOCKS.contains(name)) {
                (heading != null ? heading : text).append(BREAK);
            }
        }
        add(passages, anchor, section, parent, text, cells.values(), anchor.isEmpty() ? "" : section);
        return passages;
    }

    /**
     * Adds a section's prose, then its figures and tables.
     *
     * @param under the heading the figures stand under (empty before the first heading)
     */
    private static void add(List<Passage> passages, String anchor, String section, String parent, StringBuilder text,
                            java.util.Collection<Data> cells, String under) {
        String clean = clean(text.toString());
        if (!clean.isEmpty() || !anchor.isEmpty()) {
            passages.add(new Passage(anchor, section, parent, clean, false));
        }
        for (Data cell : cells) {
            String numbers = numbers(cell.numbers.toString());
            if (!cell.anchor.isEmpty() && !numbers.isEmpty()) {
                passages.add(new Passage(cell.anchor, clean(cell.caption.toString()), under, numbers, true));
            }
        }
    }

    /** A table's text: its cells separated by spaces, its rows by " · ". */
    private static String numbers(String table) {
        List<String> rows = new ArrayList<>();
        for (String row : table.split(String.valueOf(ROW))) {
            String clean = clean(row);
            if (!clean.isEmpty()) {
                rows.add(clean);
            }
        }
        return String.join(" · ", rows);
    }

    /**
     * Whitespace collapsed to one space, except that a line break between two CJK characters (a
     * soft break in the Markdown) disappears, as it does when a browser lays the text out.
     */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (!isSpace(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int end = i;
            while (end < text.length() && isSpace(text.charAt(end))) {
                end++;
            }
            boolean softBreak = text.substring(i, end).equals("\n");
            boolean cjkJoin = softBreak && out.length() > 0 && end < text.length()
                    && SearchTokenizer.isCjk(out.codePointBefore(out.length())) && SearchTokenizer.isCjk(text.codePointAt(end));
            if (!cjkJoin && out.length() > 0 && end < text.length()) {
                out.append(' ');
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == BREAK || c == '\u00A0' || Character.isWhitespace(c);
    }

    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher entity = ENTITY.matcher(text);
        return entity.replaceAll(m -> Matcher.quoteReplacement(entity(m.group(1), m.group())));
    }

    private static String entity(String name, String whole) {
        if (name.startsWith("#x") || name.startsWith("#X")) {
            return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
        }
        if (name.startsWith("#")) {
            return new String(Character.toChars(Integer.parseInt(name.substring(1))));
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> "\u00A0";
            default -> whole;
        };
    }
}
