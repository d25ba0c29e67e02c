package org.threatreport.chart;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Recognises which string a filled glyph outline spells, and where XChart put it.
 *
 * <p>XChart fills {@code TextLayout.getOutline} shapes, so a drawn label is the outline of its string,
 * moved (and maybe turned) by some transform. Each candidate's outline is compared segment by segment;
 * a match yields the string and that transform, from which the text's baseline, direction and anchor
 * follow. Used by one drawing only (not thread-safe).
 */
final class TextMatcher {

    /** px; outlines are float paths, so exact equality would be too strict. */
    private static final double TOLERANCE = 0.01;

    private final Font font;
    private final Map<String, Outline> outlines = new HashMap<>(); // lookup only, never iterated

    record Found(String text, AffineTransform transform) {
    }

    TextMatcher(Font font) {
        this.font = font;
    }

    /** The candidate the shape spells, or null (the caller then keeps the outline as a plain shape). */
    Found match(Shape drawn, Collection<String> candidates) {
        Outline d = Outline.of(drawn);
        for (String c : candidates) {
            Outline o = outlines.computeIfAbsent(c, this::outline);
            if (o != null && Arrays.equals(o.types, d.types) && o.points.length == d.points.length) {
                AffineTransform t = o.fitTo(d);
                if (t != null) {
                    return new Found(c, t);
                }
            }
        }
        return null;
    }

    private Outline outline(String text) {
        return text.isEmpty() ? null : Outline.of(new TextLayout(text, font, Recorder.FRC).getOutline(null));
    }

    /** A path as its segment types and its points, in order. */
    private record Outline(int[] types, double[] points) {

        static Outline of(Shape s) {
            PathIterator it = s.getPathIterator(null);
            int[] types = new int[16];
            double[] points = new double[64];
            int nt = 0;
            int np = 0;
            double[] c = new double[6];
            while (!it.isDone()) {
                int type = it.currentSegment(c);
                int n = switch (type) {
                    case PathIterator.SEG_QUADTO -> 4;
                    case PathIterator.SEG_CUBICTO -> 6;
                    case PathIterator.SEG_CLOSE -> 0;
                    default -> 2;
                };
                if (nt == types.length) {
                    types = Arrays.copyOf(types, nt * 2);
                }
                types[nt++] = type;
                if (np + n > points.length) {
                    points = Arrays.copyOf(points, (np + n) * 2);
                }
                System.arraycopy(c, 0, points, np, n);
                np += n;
                it.next();
            }
            return new Outline(Arrays.copyOf(types, nt), Arrays.copyOf(points, np));
        }

        /** The affine transform taking this outline onto the other, by least squares; null if none fits. */
        AffineTransform fitTo(Outline d) {
            int n = points.length / 2;
            if (n == 0) {
                return null;
            }
            double mx = 0, my = 0, nx = 0, ny = 0;
            for (int i = 0; i < n; i++) {
                mx += points[2 * i];
                my += points[2 * i + 1];
                nx += d.points[2 * i];
                ny += d.points[2 * i + 1];
            }
            mx /= n;
            my /= n;
            nx /= n;
            ny /= n;
            // Centred sums: uu = Σ u uᵀ, vu = Σ v uᵀ; the linear part is vu · uu⁻¹.
            double a = 0, b = 0, cc = 0, p = 0, q = 0, r = 0, s = 0;
            for (int i = 0; i < n; i++) {
                double ux = points[2 * i] - mx, uy = points[2 * i + 1] - my;
                double vx = d.points[2 * i] - nx, vy = d.points[2 * i + 1] - ny;
                a += ux * ux;
                b += ux * uy;
                cc += uy * uy;
                p += vx * ux;
                q += vx * uy;
                r += vy * ux;
                s += vy * uy;
            }
            double det = a * cc - b * b;
            if (Math.abs(det) < 1e-9) {
                return null;
            }
            double m00 = (p * cc - q * b) / det, m01 = (q * a - p * b) / det;
            double m10 = (r * cc - s * b) / det, m11 = (s * a - r * b) / det;
            AffineTransform t = new AffineTransform(m00, m10, m01, m11,
                    nx - m00 * mx - m01 * my, ny - m10 * mx - m11 * my);
            double[] mapped = new double[points.length];
            t.transform(points, 0, mapped, 0, n);
            for (int i = 0; i < mapped.length; i++) {
                if (Math.abs(mapped[i] - d.points[i]) > TOLERANCE) {
                    return null;
                }
            }
            return t;
        }
    }
}
