package org.threatreport.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The terms of the search index. {@code assets/search.js} repeats this code line for line, so
 * that a query typed in the browser is cut into the very terms the build indexed; a browser test
 * feeds both the same strings.
 *
 * <ol>
 * <li>Normalise, keeping the length in UTF-16 units so positions still point into the original
 *     text: full-width ASCII (Ａ, ０) and the ideographic space become ASCII, and each code point
 *     is lower-cased when that gives one code point of the same length.</li>
 * <li>Cut into runs: a run of CJK characters (Han, kana, Hangul, CJK compatibility) gives every
 *     character (1-gram) and every pair of neighbours (2-gram), so "毒" finds 病毒 and "勒索"
 *     finds 敲诈勒索; a run of other letters and digits is one term ({@code ddos}, {@code 2017});
 *     everything else separates.</li>
 * </ol>
 */
public final class SearchTokenizer {

    private SearchTokenizer() {
    }

    /** {@code text} normalised for matching; the same length as {@code text}. */
    public static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int size = Character.charCount(c);
            i += size;
            if (c >= 0xFF01 && c <= 0xFF5E) {
                c -= 0xFEE0;
            } else if (c == 0x3000) {
                c = 0x20;
            }
            String lower = new String(Character.toChars(c)).toLowerCase(Locale.ROOT);
            if (lower.length() == size && lower.codePointCount(0, lower.length()) == 1) {
                out.append(lower);
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** The terms of {@code text} in order, with repeats. */
    public static List<String> tokens(String text) {
        String s = normalize(text);
        List<String> terms = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String previous = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            String ch = new String(Character.toChars(c));
            if (isCjk(c)) {
                flush(word, terms);
                terms.add(ch);
                if (previous != null) {
                    terms.add(previous + ch);
                }
                previous = ch;
            } else {
                previous = null;
                if (Character.isLetterOrDigit(c)) {
                    word.append(ch);
                } else {
                    flush(word, terms);
                }
            }
        }
        flush(word, terms);
        return terms;
    }

    private static void flush(StringBuilder word, List<String> terms) {
        if (!word.isEmpty()) {
            terms.add(word.toString());
            word.setLength(0);
        }
    }

    /** Han (with extensions and compatibility ideographs), kana and Hangul syllables. */
    static boolean isCjk(int c) {
        return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF)
                || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
    }
}
