package org.threatreport.pdf;

import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.io.File;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Draws the figures' SVG (read by {@link SvgFigure}) on the PDF's pages as vector graphics. Labels
 * stay text: they are drawn in the PDF's own font, which the page's Java2D maps back to the embedded
 * font, and anchored with that font's measures.
 */
final class FigureDrawer implements SVGDrawer {

    /** Measured without hinting, as the PDF draws them. */
    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

    private final Font font;

    /** @param font the PDF's font as Java2D knows it (any size) */
    FigureDrawer(Font font) {
        this.font = font;
    }

    @Override
    public SVGImage buildSVGImage(Element svg, Box box, CssContext css, double cssWidth, double cssHeight,
                                  double dotsPerPixel) {
        return new Image(SvgFigure.read(svg), box, dotsPerPixel);
    }

    @Override
    public void importFontFaceRules(List<FontFaceRule> fontFaces, SharedContext shared) {
        // figure labels are drawn in the PDF's own font
    }

    @Override
    public void addFontFile(File fontFile, String family, Integer weight, FontStyle style) {
        // figure labels are drawn in the PDF's own font
    }

    @Override
    public void close() {
    }

    /** One figure on a page, scaled into its box as CSS sized it, keeping its proportions. */
    private final class Image implements SVGImage {
        private final SvgFigure figure;
        private final Box box;
        private final double dotsPerPixel;

        Image(SvgFigure figure, Box box, double dotsPerPixel) {
            this.figure = figure;
            this.box = box;
            this.dotsPerPixel = dotsPerPixel;
        }

        @Override
        public int getIntrinsicWidth() {
            return (int) Math.round(figure.width() * dotsPerPixel);
        }

        @Override
        public int getIntrinsicHeight() {
            return (int) Math.round(figure.height() * dotsPerPixel);
        }

        @Override
        public void drawSVG(OutputDevice device, RenderingContext context, double x, double y) {
            Rectangle content = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), context);
            double width = content.width / dotsPerPixel;
            double height = content.height / dotsPerPixel;
            double scale = Math.min(width / figure.width(), height / figure.height());
            device.drawWithGraphics((float) x, (float) y, (float) width, (float) height, g -> {
                g.translate((width - figure.width() * scale) / 2, (height - figure.height() * scale) / 2);
                g.scale(scale, scale);
                paint(g);
            });
        }

        private void paint(Graphics2D g) {
            for (SvgFigure.Op op : figure.ops()) {
                if (op instanceof SvgFigure.Fill fill) {
                    Shape clip = clip(g, fill.clip());
                    g.setColor(fill.color());
                    g.fill(fill.shape());
                    g.setClip(clip);
                } else if (op instanceof SvgFigure.Stroke stroke) {
                    Shape clip = clip(g, stroke.clip());
                    g.setColor(stroke.color());
                    g.setStroke(stroke.stroke());
                    g.draw(stroke.shape());
                    g.setClip(clip);
                } else if (op instanceof SvgFigure.Label label) {
                    label(g, label);
                }
            }
        }

        /** Sets {@code clip} (if any) and returns the clip to restore. */
        private Shape clip(Graphics2D g, Shape clip) {
            Shape before = g.getClip();
            if (clip != null) {
                g.clip(clip);
            }
            return before;
        }

        private void label(Graphics2D g, SvgFigure.Label label) {
            Font sized = font.deriveFont(label.bold() ? Font.BOLD : Font.PLAIN, (float) label.size());
            double advance = sized.getStringBounds(label.text(), MEASURE).getWidth();
            double shift = switch (label.anchor()) {
                case "middle" -> -advance / 2;
                case "end" -> -advance;
                default -> 0;
            };
            AffineTransform before = g.getTransform();
            g.translate(label.x(), label.y());
            if (label.rotation() != 0) {
                g.rotate(Math.toRadians(label.rotation()));
            }
            g.setFont(sized);
            g.setColor(label.color());
            g.drawString(label.text(), (float) shift, 0f);
            g.setTransform(before);
        }
    }
}
