package org.threatreport.testing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A chart's SVG read back as a reader sees it — marks (class {@code mark}: bars, segments, slices,
 * lines, markers; {@code key}: legend swatches) and text — and the rules it must keep: at least one
 * mark, every mark visible inside the canvas, every text inside the canvas, no text over another text
 * or over a mark it does not belong to (its {@code s<i>}/{@code c<j>} classes), a text over its own mark
 * wholly inside it (it may cross its own series' line), and every text at a contrast of at least 4.5:1
 * against what is behind it.
 *
 * <p>Text is measured with the chart font the build used, by its ink (glyph) bounds.
 */
public final class ChartSvg {

    /** WCAG 2's contrast for normal text. */
    public static final double MIN_CONTRAST = 4.5;
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final Pattern ROTATE = Pattern.compile("rotate\\(([-0-9.]+) ([-0-9.]+) ([-0-9.]+)\\)");
    private static final Pattern PATH_TOKEN = Pattern.compile("[MLQCZ]|-?[0-9.]+");

    /** A mark or swatch: its painted area (strokes widened), clipped, with its colour and classes. */
    public record Mark(Area area, Color color, Set<String> classes, boolean stroked) {
    }

    /** A text: its content, ink outline on the canvas, colour and classes (its own or its group's). */
    public record Label(String text, Shape ink, Color color, Set<String> classes, double fontSize) {
    }

    private final String name;
    private final double width;
    private final double height;
    private final Color background;
    private final double fontSize;
    private final List<Mark> marks = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();

    private ChartSvg(String name, String svg, Font font) throws Exception {
        this.name = name;
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Element root = f.newDocumentBuilder().parse(new InputSource(new StringReader(svg))).getDocumentElement();
        width = Double.parseDouble(root.getAttribute("width"));
        height = Double.parseDouble(root.getAttribute("height"));
        fontSize = Double.parseDouble(root.getAttribute("font-size"));
        Element first = (Element) root.getElementsByTagNameNS(SVG, "rect").item(0);
        background = color(first.getAttribute("fill"));
        Map<String, Rectangle2D> clips = new HashMap<>();
        NodeList clipPaths = root.getElementsByTagNameNS(SVG, "clipPath");
        for (int i = 0; i < clipPaths.getLength(); i++) {
            Element clip = (Element) clipPaths.item(i);
            Element r = (Element) clip.getElementsByTagNameNS(SVG, "rect").item(0);
            clips.put(clip.getAttribute("id"), new Rectangle2D.Double(num(r, "x"), num(r, "y"), num(r, "width"),
                    num(r, "height")));
        }
        NodeList paths = root.getElementsByTagNameNS(SVG, "path");
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            Set<String> classes = classes(p);
            if (!classes.contains("mark") && !classes.contains("key")) {
                continue;
            }
            Shape shape = path(p.getAttribute("d"));
            boolean stroked = p.getAttribute("fill").equals("none");
            Area area;
            if (stroked) {
                float w = p.hasAttribute("stroke-width") ? Float.parseFloat(p.getAttribute("stroke-width")) : 1f;
                int cap = switch (p.getAttribute("stroke-linecap")) {
                    case "round" -> BasicStroke.CAP_ROUND;
                    case "square" -> BasicStroke.CAP_SQUARE;
                    default -> BasicStroke.CAP_BUTT;
                };
                area = new Area(new BasicStroke(w, cap, BasicStroke.JOIN_ROUND).createStrokedShape(shape));
            } else {
                area = new Area(shape);
            }
            String clip = p.getAttribute("clip-path");
            if (!clip.isEmpty()) {
                Rectangle2D c = clips.get(clip.substring("url(#".length(), clip.length() - 1));
                area.intersect(new Area(c));
            }
            marks.add(new Mark(area, color(stroked ? p.getAttribute("stroke") : p.getAttribute("fill")), classes, stroked));
        }
        NodeList texts = root.getElementsByTagNameNS(SVG, "text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            double size = t.hasAttribute("font-size") ? num(t, "font-size") : fontSize;
            Font sized = font.deriveFont(Font.PLAIN, (float) size);
            String content = t.getTextContent();
            TextLayout layout = new TextLayout(content, sized, FRC);
            double shift = switch (t.getAttribute("text-anchor")) {
                case "middle" -> layout.getAdvance() / 2;
                case "end" -> layout.getAdvance();
                default -> 0;
            };
            Rectangle2D ink = layout.getBounds();
            Rectangle2D box = new Rectangle2D.Double(ink.getX() - shift, ink.getY(), ink.getWidth(), ink.getHeight());
            AffineTransform at = new AffineTransform();
            Matcher rotate = ROTATE.matcher(t.getAttribute("transform"));
            if (rotate.find()) {
                at.rotate(Math.toRadians(Double.parseDouble(rotate.group(1))), Double.parseDouble(rotate.group(2)),
                        Double.parseDouble(rotate.group(3)));
            }
            at.translate(num(t, "x"), num(t, "y"));
            Set<String> classes = classes(t);
            if (classes.isEmpty() && t.getParentNode() instanceof Element g && g.getLocalName().equals("g")) {
                classes = classes(g);
            }
            labels.add(new Label(content, at.createTransformedShape(box), color(t.getAttribute("fill")), classes, size));
        }
        NodeList titleNodes = root.getElementsByTagNameNS(SVG, "title");
        for (int i = 0; i < titleNodes.getLength(); i++) {
            titles.add(titleNodes.item(i).getTextContent());
        }
    }

    /** Reads a chart's SVG; {@code name} names it in findings, {@code font} is the chart font. */
    public static ChartSvg read(String name, String svg, Font font) throws Exception {
        return new ChartSvg(name, svg, font);
    }

    public List<Mark> marks() {
        return marks;
    }

    public List<Label> labels() {
        return labels;
    }

    /** The texts, in document order. */
    public List<String> texts() {
        return labels.stream().map(Label::text).toList();
    }

    /** The full texts of shortened or wrapped labels ({@code <title>}). */
    public List<String> titles() {
        return titles;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public double fontSize() {
        return fontSize;
    }

    public Color background() {
        return background;
    }

    /** Every broken rule, one line each; empty when the chart keeps them all. */
    public List<String> findings() {
        List<String> found = new ArrayList<>();
        Rectangle2D canvas = new Rectangle2D.Double(-0.5, -0.5, width + 1, height + 1);
        if (marks.stream().noneMatch(m -> m.classes.contains("mark"))) {
            found.add(name + ": draws no marks");
        }
        for (Mark m : marks) {
            Rectangle2D b = m.area.getBounds2D();
            if (m.area.isEmpty() || b.getWidth() <= 0 || b.getHeight() <= 0) {
                found.add(name + ": a mark " + m.classes + " is clipped away or has no size");
            } else if (!canvas.contains(b)) {
                found.add(name + ": a mark " + m.classes + " lies outside the canvas: " + round(b));
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            Label l = labels.get(i);
            Rectangle2D b = l.ink.getBounds2D();
            if (!canvas.contains(b)) {
                found.add(name + ": \"" + l.text + "\" lies outside the canvas: " + round(b));
            }
            Area ink = shrunk(l.ink);
            for (int j = i + 1; j < labels.size(); j++) {
                Label o = labels.get(j);
                if (o.ink.getBounds2D().intersects(b) && overlaps(ink, new Area(o.ink))) {
                    found.add(name + ": \"" + l.text + "\" overlaps \"" + o.text + "\"");
                }
            }
            Color behind = background;
            for (Mark m : marks) {
                if (!m.area.getBounds2D().intersects(b) || !overlaps(ink, m.area)) {
                    continue;
                }
                if (!belongs(l, m)) {
                    found.add(name + ": \"" + l.text + "\" " + l.classes + " overlaps a mark it does not belong to "
                            + m.classes);
                } else if (m.stroked) {
                    continue; // a value label may cross the line of its own series, drawn under it
                } else if (!inside(ink, m.area)) {
                    found.add(name + ": \"" + l.text + "\" straddles the edge of its mark " + m.classes);
                } else {
                    behind = m.color;
                }
            }
            double contrast = contrast(l.color, behind);
            if (contrast < MIN_CONTRAST) {
                found.add(String.format(Locale.ROOT, "%s: \"%s\" has a contrast of %.2f:1 against %s", name, l.text,
                        contrast, hex(behind)));
            }
        }
        return found;
    }

    /** A text belongs to a mark whose every series and category class it shares. */
    private static boolean belongs(Label l, Mark m) {
        boolean any = false;
        for (String c : m.classes) {
            if (c.matches("[sc][0-9]+")) {
                any = true;
                if (!l.classes.contains(c)) {
                    return false;
                }
            }
        }
        return any && (l.classes.contains("value") || l.classes.contains("legend"));
    }

    /** The ink less half a pixel all round: anti-aliasing fringes touching is not overlapping. */
    private static Area shrunk(Shape ink) {
        Rectangle2D b = ink.getBounds2D();
        if (b.getWidth() <= 1 || b.getHeight() <= 1) {
            return new Area(ink);
        }
        AffineTransform t = new AffineTransform();
        t.translate(b.getCenterX(), b.getCenterY());
        t.scale((b.getWidth() - 1) / b.getWidth(), (b.getHeight() - 1) / b.getHeight());
        t.translate(-b.getCenterX(), -b.getCenterY());
        return new Area(t.createTransformedShape(ink));
    }

    private static boolean overlaps(Area a, Area b) {
        Area both = new Area(a);
        both.intersect(b);
        return !both.isEmpty();
    }

    private static boolean inside(Area text, Area mark) {
        Area outside = new Area(text);
        outside.subtract(mark);
        return outside.isEmpty();
    }

    /** WCAG 2 contrast ratio. */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static Set<String> classes(Element e) {
        String c = e.getAttribute("class").trim();
        return c.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(c.split("\\s+")));
    }

    private static double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    private static Color color(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xFFFFFF);
    }

    private static String round(Rectangle2D b) {
        return String.format(Locale.ROOT, "[%.1f, %.1f, %.1f × %.1f]", b.getX(), b.getY(), b.getWidth(), b.getHeight());
    }

    /** Path data as SvgWriter writes it: absolute M, L, Q, C and Z. */
    private static Shape path(String d) {
        Path2D.Double p = new Path2D.Double();
        Matcher m = PATH_TOKEN.matcher(d);
        List<String> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(m.group());
        }
        int i = 0;
        while (i < tokens.size()) {
            String command = tokens.get(i++);
            switch (command) {
                case "M" -> p.moveTo(Double.parseDouble(tokens.get(i++)), Double.parseDouble(tokens.get(i++)));
                case "L" -> p.lineTo(Double.parseDouble(tokens.get(i++)), Double.parseDouble(tokens.get(i++)));
                case "Q" -> p.quadTo(Double.parseDouble(tokens.get(i++)), Double.parseDouble(tokens.get(i++)),
                        Double.parseDouble(tokens.get(i++)), Double.parseDouble(tokens.get(i++)));
                case "C" -> p.curveTo(Double.parseDouble(tokens.get(i++)), Double.parseDouble(tokens.get(i++)),
                        Double.parseDouble(tokens.get(i++)), Double.parseDouble(tokens.get(i++)),
                        Double.parseDouble(tokens.get(i++)), Double.parseDouble(tokens.get(i++)));
                case "Z" -> p.closePath();
                default -> throw new IllegalArgumentException("unexpected path token '" + command + "' in " + d);
            }
        }
        return p;
    }
}
