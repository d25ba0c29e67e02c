package org.threatreport.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A figure's SVG as the chart stage writes it, read into shapes and labels to draw on a PDF page:
 * {@code rect}, {@code path} (absolute and relative M, L, H, V, Q, C, Z), {@code text} (anchor,
 * rotation), fills, strokes (width, caps, joins, dashes), opacities and rectangular clips, inside
 * {@code g} groups. That is all the chart stage writes; anything else is left out. Reading this one
 * kind of SVG ourselves keeps a general SVG engine (and a second of start-up) out of the build.
 */
record SvgFigure(double width, double height, double fontSize, List<Op> ops) {

    /** Something to draw, in the SVG's user space. */
    sealed interface Op permits Fill, Stroke, Label {
    }

    record Fill(Shape shape, Color color, Shape clip) implements Op {
    }

    record Stroke(Shape shape, Color color, BasicStroke stroke, Shape clip) implements Op {
    }

    /** @param anchor start, middle or end; {@code rotation} in degrees around (x, y) */
    record Label(String text, double x, double y, String anchor, double rotation, Color color, double size,
                 boolean bold) implements Op {
    }

    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Pattern PATH_TOKEN = Pattern.compile("[MmLlHhVvQqCcZz]|" + NUMBER.pattern());
    private static final Pattern ROTATE = Pattern.compile("rotate\\(\\s*([^)]*)\\)");
    private static final Pattern URL = Pattern.compile("url\\(\\s*#([^)\\s]+)\\s*\\)");
    private static final double DEFAULT_SIZE = 300;

    static SvgFigure read(Element svg) {
        double[] viewBox = numbers(svg.getAttribute("viewBox"));
        double width = length(svg.getAttribute("width"), viewBox.length == 4 ? viewBox[2] : DEFAULT_SIZE);
        double height = length(svg.getAttribute("height"), viewBox.length == 4 ? viewBox[3] : DEFAULT_SIZE);
        double fontSize = length(svg.getAttribute("font-size"), 12);
        Map<String, Shape> clips = new HashMap<>();
        collectClips(svg, clips);
        List<Op> ops = new ArrayList<>();
        AffineTransform toViewport = new AffineTransform();
        if (viewBox.length == 4 && viewBox[2] > 0 && viewBox[3] > 0) {
            toViewport.scale(width / viewBox[2], height / viewBox[3]);
            toViewport.translate(-viewBox[0], -viewBox[1]);
        }
        read(svg, new Style(Color.BLACK, null, 1f, fontSize, false), toViewport, clips, ops);
        return new SvgFigure(width, height, fontSize, List.copyOf(ops));
    }

    /** What an element inherits from its parents. */
    private record Style(Color fill, Color stroke, float strokeWidth, double fontSize, boolean bold) {
    }

    private static void read(Element parent, Style inherited, AffineTransform transform, Map<String, Shape> clips,
                             List<Op> ops) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element e)) {
                continue;
            }
            Style style = style(e, inherited);
            Shape clip = clip(e, clips, transform);
            switch (e.getLocalName() == null ? e.getTagName() : e.getLocalName()) {
                case "g" -> read(e, style, transform, clips, ops);
                case "rect" -> paint(transform.createTransformedShape(new Rectangle2D.Double(number(e, "x"), number(e, "y"),
                        number(e, "width"), number(e, "height"))), e, style, clip, ops);
                case "path" -> paint(transform.createTransformedShape(path(e.getAttribute("d"))), e, style, clip, ops);
                case "text" -> label(e, style, transform, ops);
                default -> { } // clipPath is read beforehand; the chart stage writes nothing else
            }
        }
    }

    private static Style style(Element e, Style inherited) {
        Color fill = e.hasAttribute("fill") ? color(e.getAttribute("fill"), opacity(e, "fill-opacity")) : inherited.fill();
        Color stroke = e.hasAttribute("stroke") ? color(e.getAttribute("stroke"), opacity(e, "stroke-opacity"))
                : inherited.stroke();
        float strokeWidth = e.hasAttribute("stroke-width") ? (float) length(e.getAttribute("stroke-width"), 1)
                : inherited.strokeWidth();
        double fontSize = e.hasAttribute("font-size") ? length(e.getAttribute("font-size"), inherited.fontSize())
                : inherited.fontSize();
        String weight = e.getAttribute("font-weight");
        boolean bold = weight.isEmpty() ? inherited.bold() : weight.equals("bold") || weight.matches("[6-9]00");
        return new Style(fill, stroke, strokeWidth, fontSize, bold);
    }

    private static void paint(Shape shape, Element e, Style style, Shape clip, List<Op> ops) {
        if (style.fill() != null) {
            ops.add(new Fill(shape, style.fill(), clip));
        }
        if (style.stroke() != null && style.strokeWidth() > 0) {
            ops.add(new Stroke(shape, style.stroke(), stroke(e, style.strokeWidth()), clip));
        }
    }

    private static BasicStroke stroke(Element e, float width) {
        int cap = switch (e.getAttribute("stroke-linecap")) {
            case "round" -> BasicStroke.CAP_ROUND;
            case "square" -> BasicStroke.CAP_SQUARE;
            default -> BasicStroke.CAP_BUTT;
        };
        int join = switch (e.getAttribute("stroke-linejoin")) {
            case "round" -> BasicStroke.JOIN_ROUND;
            case "bevel" -> BasicStroke.JOIN_BEVEL;
            default -> BasicStroke.JOIN_MITER;
        };
        double[] dashes = numbers(e.getAttribute("stroke-dasharray"));
        if (dashes.length == 0 || java.util.Arrays.stream(dashes).allMatch(d -> d <= 0)) {
            return new BasicStroke(width, cap, join);
        }
        float[] dash = new float[dashes.length];
        for (int i = 0; i < dash.length; i++) {
            dash[i] = (float) Math.max(0, dashes[i]);
        }
        return new BasicStroke(width, cap, join, 10f, dash, (float) length(e.getAttribute("stroke-dashoffset"), 0));
    }

    private static void label(Element e, Style style, AffineTransform transform, List<Op> ops) {
        String text = e.getTextContent().strip();
        if (text.isEmpty() || style.fill() == null) {
            return;
        }
        double[] at = {number(e, "x"), number(e, "y")};
        transform.transform(at, 0, at, 0, 1);
        double rotation = 0;
        Matcher rotate = ROTATE.matcher(e.getAttribute("transform"));
        if (rotate.find()) {
            double[] r = numbers(rotate.group(1));
            rotation = r.length > 0 ? r[0] : 0; // the chart stage rotates about the label's own anchor point
        }
        double scale = Math.sqrt(Math.abs(transform.getDeterminant()));
        String anchor = e.getAttribute("text-anchor");
        ops.add(new Label(text, at[0], at[1], anchor.isEmpty() ? "start" : anchor, rotation, style.fill(),
                style.fontSize() * (scale == 0 ? 1 : scale), style.bold()));
    }

    private static void collectClips(Element parent, Map<String, Shape> clips) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e) {
                String name = e.getLocalName() == null ? e.getTagName() : e.getLocalName();
                if (name.equals("clipPath") && !e.getAttribute("id").isEmpty()) {
                    Path2D.Double area = new Path2D.Double();
                    for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
                        if (child instanceof Element c && "rect".equals(c.getLocalName() == null ? c.getTagName() : c.getLocalName())) {
                            area.append(new Rectangle2D.Double(number(c, "x"), number(c, "y"), number(c, "width"),
                                    number(c, "height")), false);
                        } else if (child instanceof Element c && "path".equals(c.getLocalName() == null ? c.getTagName() : c.getLocalName())) {
                            area.append(path(c.getAttribute("d")), false);
                        }
                    }
                    clips.put(e.getAttribute("id"), area);
                } else {
                    collectClips(e, clips);
                }
            }
        }
    }

    private static Shape clip(Element e, Map<String, Shape> clips, AffineTransform transform) {
        Matcher url = URL.matcher(e.getAttribute("clip-path"));
        if (!url.find()) {
            return null;
        }
        Shape clip = clips.get(url.group(1));
        return clip == null ? null : transform.createTransformedShape(clip);
    }

    /** SVG path data: M, L, H, V, Q, C and Z, absolute (upper case) or relative (lower case). */
    static Path2D path(String d) {
        Path2D.Double path = new Path2D.Double();
        Matcher token = PATH_TOKEN.matcher(d);
        List<String> tokens = new ArrayList<>();
        while (token.find()) {
            tokens.add(token.group());
        }
        char command = 'M';
        double x = 0;
        double y = 0;
        double startX = 0;
        double startY = 0;
        int i = 0;
        while (i < tokens.size()) {
            String t = tokens.get(i);
            if (Character.isLetter(t.charAt(0))) {
                command = t.charAt(0);
                i++;
                if (command == 'Z' || command == 'z') {
                    path.closePath();
                    x = startX;
                    y = startY;
                }
                continue;
            }
            boolean relative = Character.isLowerCase(command);
            double dx = relative ? x : 0;
            double dy = relative ? y : 0;
            int need = switch (Character.toUpperCase(command)) {
                case 'H', 'V' -> 1;
                case 'Q' -> 4;
                case 'C' -> 6;
                default -> 2;
            };
            if (i + need > tokens.size()) {
                break;
            }
            double[] n = new double[need];
            for (int k = 0; k < need; k++) {
                String v = tokens.get(i + k);
                if (Character.isLetter(v.charAt(0))) {
                    return path; // malformed: stop where the data stops making sense
                }
                n[k] = Double.parseDouble(v);
            }
            i += need;
            switch (Character.toUpperCase(command)) {
                case 'M' -> {
                    x = n[0] + dx;
                    y = n[1] + dy;
                    path.moveTo(x, y);
                    startX = x;
                    startY = y;
                    command = relative ? 'l' : 'L'; // further pairs after a move are lines
                }
                case 'L' -> {
                    x = n[0] + dx;
                    y = n[1] + dy;
                    path.lineTo(x, y);
                }
                case 'H' -> {
                    x = n[0] + dx;
                    path.lineTo(x, y);
                }
                case 'V' -> {
                    y = n[0] + dy;
                    path.lineTo(x, y);
                }
                case 'Q' -> {
                    path.quadTo(n[0] + dx, n[1] + dy, n[2] + dx, n[3] + dy);
                    x = n[2] + dx;
                    y = n[3] + dy;
                }
                case 'C' -> {
                    path.curveTo(n[0] + dx, n[1] + dy, n[2] + dx, n[3] + dy, n[4] + dx, n[5] + dy);
                    x = n[4] + dx;
                    y = n[5] + dy;
                }
                default -> { }
            }
        }
        return path;
    }

    /** {@code #rgb}, {@code #rrggbb}, {@code none}, black or white; anything else draws black. */
    static Color color(String value, double opacity) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("none") || v.equals("transparent")) {
            return null;
        }
        int alpha = (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255);
        int rgb = 0;
        if (v.matches("#[0-9a-f]{6}")) {
            rgb = Integer.parseInt(v.substring(1), 16);
        } else if (v.matches("#[0-9a-f]{3}")) {
            int r = Character.digit(v.charAt(1), 16);
            int g = Character.digit(v.charAt(2), 16);
            int b = Character.digit(v.charAt(3), 16);
            rgb = (r * 17 << 16) | (g * 17 << 8) | b * 17;
        } else if (v.equals("white")) {
            rgb = 0xffffff;
        }
        return new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
    }

    private static double opacity(Element e, String attribute) {
        return e.hasAttribute(attribute) ? length(e.getAttribute(attribute), 1) : 1;
    }

    private static double number(Element e, String attribute) {
        return length(e.getAttribute(attribute), 0);
    }

    /** A length in user units; a unit ("px") is ignored, a missing or unreadable value gives {@code otherwise}. */
    private static double length(String value, double otherwise) {
        Matcher m = NUMBER.matcher(value == null ? "" : value.strip());
        return m.lookingAt() ? Double.parseDouble(m.group()) : otherwise;
    }

    private static double[] numbers(String value) {
        List<Double> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(value == null ? "" : value);
        while (m.find()) {
            found.add(Double.parseDouble(m.group()));
        }
        return found.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
