package org.threatreport.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the HTML of a rendered page into the passages search finds: the text before the first
 * heading, then one passage per second- or third-level heading. Reads only the HTML this plugin
 * makes (flexmark's output and the cell layouts), so a small tag scanner is enough: the text of
 * elements, block boundaries as line breaks, entities decoded; a figure's collapsed table of
 * numbers and download links are left out, its caption kept.
 */
final class Passages {

    /**
     * One passage of a page. {@code anchor} is empty for the text before the first heading;
     * {@code parent} is the second-level heading a third-level one is under, else empty.
     */
    record Passage(String anchor, String section, String parent, String text) {
    }

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]*)\"");
    private static final Set<String> BLOCKS = Set.of("p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "thead", "tbody", "tr", "td", "th", "figure", "figcaption", "blockquote", "pre", "div", "br",
            "hr", "section", "article", "dl", "dt", "dd", "caption");
    private static final Set<String> SKIPPED = Set.of("details", "script", "style", "template", "nav");
    /** Marks a block boundary in the collected text: always a space, never joined away. */
    private static final char BREAK = '\u0001';
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");

    private Passages() {
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
        int skipDepth = 0;
        String skipping = null;
        Matcher tag = TAG.matcher(html);
        int at = 0;
        while (true) {
            boolean found = tag.find();
            String between = html.substring(at, found ? tag.start() : html.length());
            if (skipDepth == 0 && !between.isEmpty()) {
                (heading != null ? heading : text).append(decode(between));
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
            if (skipDepth > 0) {
                if (name.equals(skipping)) {
                    skipDepth += closing ? -1 : 1;
                }
                continue;
            }
            if (SKIPPED.contains(name) && !closing) {
                skipping = name;
                skipDepth = 1;
                continue;
            }
            if (name.equals("a") && !closing && tag.group(3).contains(" download")) {
                skipping = "a";
                skipDepth = 1;
                continue;
            }
            boolean sectionHeading = name.equals("h2") || name.equals("h3");
            if (sectionHeading && !closing) {
                Matcher id = ID.matcher(tag.group(3));
                if (id.find()) {
                    add(passages, anchor, section, parent, text);
                    text.setLength(0);
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
        add(passages, anchor, section, parent, text);
        return passages;
    }

    private static void add(List<Passage> passages, String anchor, String section, String parent, StringBuilder text) {
        String clean = clean(text.toString());
        if (!clean.isEmpty() || !anchor.isEmpty()) {
            passages.add(new Passage(anchor, section, parent, clean));
        }
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
