package org.threatreport.chart;

import java.awt.Font;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Fitting a label into a width: wrapped where lines may break (UAX #14: between words, between Chinese characters), or shortened with an ellipsis. */
final class Lines {

    static final String ELLIPSIS = "…";

    private Lines() {
    }

    /**
     * {@code text} in lines no wider than {@code width}, at most {@code maxLines} of them, the last one
     * shortened with an ellipsis when the text does not fit. A word wider than the width is cut.
     */
    static List<String> wrap(String text, double width, int maxLines, Font font) {
        List<String> lines = new ArrayList<>();
        if (Text.advance(text, font) <= width) {
            lines.add(text);
            return lines;
        }
        BreakIterator breaks = BreakIterator.getLineInstance(Locale.ROOT);
        breaks.setText(text);
        StringBuilder line = new StringBuilder();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String piece = text.substring(start, end);
            String joined = line + piece;
            if (Text.advance(joined.stripTrailing(), font) <= width) {
                line.append(piece);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
            // A piece wider than a line on its own is cut where it must be.
            while (Text.advance(piece.stripTrailing(), font) > width) {
                int fit = longestPrefix(piece, width, "", font);
                if (fit == 0) {
                    fit = piece.offsetByCodePoints(0, 1);
                }
                lines.add(piece.substring(0, fit));
                piece = piece.substring(fit);
            }
            line.append(piece);
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().strip());
        }
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            String rest = String.join(" ", lines.subList(maxLines - 1, lines.size()));
            kept.set(maxLines - 1, shorten(rest, width, font));
            return kept;
        }
        return lines;
    }

    /** {@code text}, or its longest start that fits {@code width} with an ellipsis after it. */
    static String shorten(String text, double width, Font font) {
        if (Text.advance(text, font) <= width) {
            return text;
        }
        int fit = longestPrefix(text, width, ELLIPSIS, font);
        String start = text.substring(0, fit).stripTrailing();
        while (!start.isEmpty() && ",;:-/（(".indexOf(start.charAt(start.length() - 1)) >= 0) {
            start = start.substring(0, start.length() - 1).stripTrailing();
        }
        return start + ELLIPSIS;
    }

    /** The length of the longest start of {@code text} that fits {@code width} followed by {@code after}. */
    private static int longestPrefix(String text, double width, String after, Font font) {
        int lo = 0;
        int hi = text.codePointCount(0, text.length());
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            int end = text.offsetByCodePoints(0, mid);
            if (Text.advance(text.substring(0, end) + after, font) <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return text.offsetByCodePoints(0, lo);
    }

    /** The widest line's advance. */
    static double widest(List<String> lines, Font font) {
        double w = 0;
        for (String line : lines) {
            w = Math.max(w, Text.advance(line, font));
        }
        return w;
    }
}
