package org.threatreport.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Scene} as SVG 1.1 with real {@code <text>}: small, searchable, drawn in the reader's
 * fonts. Each shape and text says what it shows in its class ("mark s0 c3" for a bar, "value s0 c3" for its
 * label, "category c3"); a label shown shortened or wrapped is a group whose title is the whole label.
 * Output depends only on the scene and the theme: numbers are formatted by hand (no locale), clip ids count up.
 */
final class SvgWriter {

    /** After the chosen font, fonts a reader's system is likely to have for Chinese, then any sans-serif. */
    static final String FALLBACK_FAMILIES = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Noto Sans SC', "
            + "'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', sans-serif";

    private final StringBuilder out = new StringBuilder(8192);
    private final List<Rectangle2D> clips = new ArrayList<>();
    private final ChartTheme theme;
    /** The title of the group of text lines being written, or null. */
    private String openTitle;
    private Scene.Part openPart;

    private SvgWriter(ChartTheme theme) {
        this.theme = theme;
    }

    /** @param theme the colours to write the scene's inks in */
    static String write(Scene scene, ChartTheme theme, String family, float fontSize) {
        return new SvgWriter(theme).svg(scene, family, fontSize);
    }

    private String svg(Scene scene, String family, float fontSize) {
        String w = Integer.toString(scene.width());
        String h = Integer.toString(scene.height());
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" font-family=\"").append(attr(families(family))).append("\" font-size=\"")
                .append(num(fontSize)).append("\">\n");
        out.append("<rect width=\"").append(w).append("\" height=\"").append(h).append('"');
        fill(theme.background());
        out.append("/>\n");
        for (Scene.Op op : scene.ops()) {
            if (op instanceof Scene.Paint p) {
                closeGroup();
                paint(p);
            } else if (op instanceof Scene.Label l) {
                label(l);
            }
        }
        closeGroup();
        return out.append("</svg>\n").toString();
    }

    private static String families(String family) {
        String clean = family.replaceAll("['\"\\\\;<>&]", "").trim();
        String quoted = "'" + clean + "'";
        if (clean.isEmpty() || FALLBACK_FAMILIES.startsWith(quoted + ",")) {
            return FALLBACK_FAMILIES;
        }
        return quoted + ", " + FALLBACK_FAMILIES.replace(", " + quoted, "");
    }

    private void paint(Scene.Paint p) {
        String d = path(p.shape());
        if (d.isEmpty()) {
            return;
        }
        String clip = clip(p);
        out.append("<path");
        cssClass(p.part());
        out.append(" d=\"").append(d).append('"');
        Color color = p.ink().in(theme);
        if (p.stroke() == null) {
            fill(color);
        } else {
            out.append(" fill=\"none\"");
            stroke(color, p.stroke());
        }
        if (clip != null) {
            out.append(" clip-path=\"url(#").append(clip).append(")\"");
        }
        out.append("/>\n");
    }

    /** Only clips that cut something are written; XChart clips nearly everything to the plot. */
    private String clip(Scene.Paint p) {
        Rectangle2D c = p.clip();
        if (c == null) {
            return null;
        }
        double pad = p.stroke() == null ? 0 : p.stroke().getLineWidth();
        Rectangle2D b = p.shape().getBounds2D();
        b.setRect(b.getX() - pad, b.getY() - pad, b.getWidth() + 2 * pad, b.getHeight() + 2 * pad);
        if (c.contains(b)) {
            return null;
        }
        int i = clips.indexOf(c);
        if (i < 0) {
            i = clips.size();
            clips.add(c);
            out.append("<clipPath id=\"c").append(i).append("\"><rect x=\"").append(num(c.getX())).append("\" y=\"")
                    .append(num(c.getY())).append("\" width=\"").append(num(c.getWidth())).append("\" height=\"")
                    .append(num(c.getHeight())).append("\"/></clipPath>\n");
        }
        return "c" + i;
    }

    /** A text line; lines of one shortened or wrapped label are grouped under its whole text as title. */
    private void label(Scene.Label l) {
        String text = xml(l.text());
        if (text.isBlank()) {
            return;
        }
        boolean grouped = l.title() != null;
        if (!grouped || !l.title().equals(openTitle) || !l.part().equals(openPart)) {
            closeGroup();
            if (grouped) {
                out.append("<g");
                cssClass(l.part());
                out.append("><title>").append(xml(l.title())).append("</title>\n");
                openTitle = l.title();
                openPart = l.part();
            }
        }
        out.append("<text");
        if (!grouped) {
            cssClass(l.part());
        }
        out.append(" x=\"").append(num(l.x())).append("\" y=\"").append(num(l.y())).append('"');
        if (l.anchor() != Scene.Anchor.START) {
            out.append(" text-anchor=\"").append(l.anchor().name().toLowerCase(Locale.ROOT)).append('"');
        }
        if (l.rotation() != 0) {
            out.append(" transform=\"rotate(").append(num(l.rotation())).append(' ').append(num(l.x())).append(' ')
                    .append(num(l.y())).append(")\"");
        }
        fill(l.ink().in(theme));
        out.append('>').append(text).append("</text>\n");
    }

    private void closeGroup() {
        if (openTitle != null) {
            out.append("</g>\n");
            openTitle = null;
            openPart = null;
        }
    }

    private void cssClass(Scene.Part part) {
        String c = part.cssClass();
        if (!c.isEmpty()) {
            out.append(" class=\"").append(c).append('"');
        }
    }

    private void fill(Color c) {
        out.append(" fill=\"").append(hex(c)).append('"');
        if (c.getAlpha() < 255) {
            out.append(" fill-opacity=\"").append(num(c.getAlpha() / 255.0)).append('"');
        }
    }

    private void stroke(Color c, BasicStroke s) {
        out.append(" stroke=\"").append(hex(c)).append('"');
        if (c.getAlpha() < 255) {
            out.append(" stroke-opacity=\"").append(num(c.getAlpha() / 255.0)).append('"');
        }
        if (s.getLineWidth() != 1f) {
            out.append(" stroke-width=\"").append(num(s.getLineWidth())).append('"');
        }
        switch (s.getEndCap()) { // SVG's default cap is butt
            case BasicStroke.CAP_ROUND -> out.append(" stroke-linecap=\"round\"");
            case BasicStroke.CAP_SQUARE -> out.append(" stroke-linecap=\"square\"");
            default -> { }
        }
        switch (s.getLineJoin()) { // SVG's default join is miter
            case BasicStroke.JOIN_ROUND -> out.append(" stroke-linejoin=\"round\"");
            case BasicStroke.JOIN_BEVEL -> out.append(" stroke-linejoin=\"bevel\"");
            default -> { }
        }
        float[] dash = s.getDashArray();
        if (dash != null && dash.length > 0) {
            out.append(" stroke-dasharray=\"");
            for (int i = 0; i < dash.length; i++) {
                out.append(i == 0 ? "" : ",").append(num(dash[i]));
            }
            out.append('"');
            if (s.getDashPhase() != 0) {
                out.append(" stroke-dashoffset=\"").append(num(s.getDashPhase())).append('"');
            }
        }
    }

    /** Path data with absolute commands and two decimals (1/100 px is far below what a screen shows). */
    static String path(Shape shape) {
        StringBuilder d = new StringBuilder();
        double[] c = new double[6];
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> d.append('M').append(num(c[0])).append(' ').append(num(c[1]));
                case PathIterator.SEG_LINETO -> d.append('L').append(num(c[0])).append(' ').append(num(c[1]));
                case PathIterator.SEG_QUADTO -> d.append('Q').append(num(c[0])).append(' ').append(num(c[1]))
                        .append(' ').append(num(c[2])).append(' ').append(num(c[3]));
                case PathIterator.SEG_CUBICTO -> d.append('C').append(num(c[0])).append(' ').append(num(c[1]))
                        .append(' ').append(num(c[2])).append(' ').append(num(c[3])).append(' ').append(num(c[4]))
                        .append(' ').append(num(c[5]));
                default -> d.append('Z');
            }
        }
        return d.toString();
    }

    /** Two decimals, no trailing zeros, never "-0", never a locale's comma. */
    static String num(double v) {
        long hundredths = Math.round(v * 100);
        if (hundredths == 0) {
            return "0";
        }
        StringBuilder b = new StringBuilder();
        if (hundredths < 0) {
            b.append('-');
            hundredths = -hundredths;
        }
        b.append(hundredths / 100);
        long frac = hundredths % 100;
        if (frac != 0) {
            b.append('.').append(frac / 10);
            if (frac % 10 != 0) {
                b.append(frac % 10);
            }
        }
        return b.toString();
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xFFFFFF);
    }

    private static String attr(String s) {
        return xml(s).replace("\"", "&quot;");
    }

    /** Escapes markup and drops characters XML 1.0 forbids (control characters, lone surrogates). */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> {
                    boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
                    if (allowed) {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }
}
