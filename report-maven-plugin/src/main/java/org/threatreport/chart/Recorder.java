package org.threatreport.chart;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A Graphics2D that XChart paints into and that keeps every fill and stroke as a {@link Mark}.
 *
 * <p>VectorGraphics2D already tracks the whole graphics state (transform, clip, create/dispose);
 * only fill and draw are intercepted. The colour is tracked here because VectorGraphics2D ignores a
 * setColor equal (by RGB) to the current one, which would lose the {@link Tag} identity.
 */
final class Recorder extends VectorGraphics2D {

    /** Fixed so that XChart's layout and the drawer's measurements agree on every machine. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final AffineTransform output;
    private final List<Mark> marks; // shared with the copies made by create()
    private Color color = Color.BLACK;

    /** @param output maps XChart's canvas to the output (a reflection for horizontal bars, else identity) */
    Recorder(AffineTransform output) {
        this.output = new AffineTransform(output);
        this.marks = new ArrayList<>();
    }

    List<Mark> marks() {
        return marks;
    }

    @Override
    public void setColor(Color c) {
        if (c != null) {
            color = c;
        }
        super.setColor(c);
    }

    @Override
    public void setPaint(Paint p) {
        if (p instanceof Color c) {
            color = c;
        }
        super.setPaint(p);
    }

    @Override
    public Color getColor() {
        return color;
    }

    @Override
    public FontRenderContext getFontRenderContext() {
        return FRC;
    }

    @Override
    public void fill(Shape s) {
        marks.add(new Mark(toOutput(s), color, null, clip()));
    }

    @Override
    public void draw(Shape s) {
        Stroke st = getStroke();
        BasicStroke basic = st instanceof BasicStroke b ? b : new BasicStroke();
        AffineTransform t = full();
        float scale = (float) Math.sqrt(Math.abs(t.getDeterminant()));
        if (scale != 1f) {
            basic = scaled(basic, scale);
        }
        marks.add(new Mark(toOutput(s), color, basic, clip()));
    }

    // XChart 3.8.8 fills glyph outlines itself; should it ever draw strings, they become outlines here
    // too, so that SceneBuilder still recognises them as text.
    @Override
    public void drawString(String str, float x, float y) {
        if (str != null && !str.isEmpty()) {
            fill(new TextLayout(str, getFont(), FRC).getOutline(AffineTransform.getTranslateInstance(x, y)));
        }
    }

    @Override
    public void drawString(String str, int x, int y) {
        drawString(str, (float) x, (float) y);
    }

    @Override
    public void drawGlyphVector(GlyphVector glyphs, float x, float y) {
        fill(glyphs.getOutline(x, y));
    }

    private Shape toOutput(Shape s) {
        return full().createTransformedShape(s);
    }

    private AffineTransform full() {
        AffineTransform t = new AffineTransform(output);
        t.concatenate(getTransform());
        return t;
    }

    private Rectangle2D clip() {
        Shape c = getClip(); // user space
        return c == null ? null : full().createTransformedShape(c).getBounds2D();
    }

    private static BasicStroke scaled(BasicStroke b, float k) {
        float[] dash = b.getDashArray();
        if (dash != null) {
            dash = dash.clone();
            for (int i = 0; i < dash.length; i++) {
                dash[i] *= k;
            }
        }
        return new BasicStroke(b.getLineWidth() * k, b.getEndCap(), b.getLineJoin(), b.getMiterLimit(), dash,
                b.getDashPhase() * k);
    }
}
