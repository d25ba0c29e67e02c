package org.threatreport.pdf;

import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxOutputDevice;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.w3c.dom.Element;

/**
 * Draws the figures' SVG (read by {@link SvgFigure}) on the PDF's pages as vector graphics, each a form
 * of PDF drawing operations: paths filled and stroked, clips, and the labels as text in the PDF's own
 * font (the same embedded subset as the body text), anchored with that font's widths.
 */
final class FigureDrawer implements SVGDrawer {

    /** CSS pixels to PDF points. */
    private static final float POINTS_PER_PIXEL = 72f / 96f;

    private final PDFont font;
    private final PDFont bold;

    /** @param bold the bold face, or {@code font} again when there is none */
    FigureDrawer(PDFont font, PDFont bold) {
        this.font = font;
        this.bold = bold;
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
            PdfBoxOutputDevice pdf = (PdfBoxOutputDevice) device;
            try {
                PDFormXObject form = form(pdf.getWriter());
                pdf.drawPdfAsImage(form, box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), context),
                        getIntrinsicWidth(), getIntrinsicHeight());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The figure in points, its top left corner at the form's top left. */
        private PDFormXObject form(PDDocument document) throws IOException {
            float width = (float) figure.width() * POINTS_PER_PIXEL;
            float height = (float) figure.height() * POINTS_PER_PIXEL;
            // An appearance stream is a form too; PDFBox writes one with the document in hand, which it needs to
            // subset the font the labels use.
            PDAppearanceStream form = new PDAppearanceStream(document);
            form.setBBox(new PDRectangle(width, height));
            form.setResources(new PDResources());
            try (PDPageContentStream out = new PDPageContentStream(document, form)) {
                // SVG's user space: pixels, y down.
                out.transform(new Matrix(POINTS_PER_PIXEL, 0, 0, -POINTS_PER_PIXEL, 0, height));
                for (SvgFigure.Op op : figure.ops()) {
                    if (op instanceof SvgFigure.Fill fill) {
                        shape(out, fill.shape(), fill.clip(), fill.color(), null);
                    } else if (op instanceof SvgFigure.Stroke stroke) {
                        shape(out, stroke.shape(), stroke.clip(), stroke.color(), stroke.stroke());
                    } else if (op instanceof SvgFigure.Label label) {
                        label(out, label);
                    }
                }
            }
            return form;
        }
    }

    /** Fills {@code shape}, or strokes it with {@code stroke}, inside {@code clip} (may be null). */
    private static void shape(PDPageContentStream out, Shape shape, Shape clip, Color color, BasicStroke stroke)
            throws IOException {
        out.saveGraphicsState();
        if (clip != null) {
            path(out, clip);
            out.clip();
        }
        alpha(out, color, stroke != null);
        if (stroke == null) {
            out.setNonStrokingColor(color);
            path(out, shape);
            if (shape.getPathIterator(null).getWindingRule() == PathIterator.WIND_EVEN_ODD) {
                out.fillEvenOdd();
            } else {
                out.fill();
            }
        } else {
            out.setStrokingColor(color);
            out.setLineWidth(stroke.getLineWidth());
            out.setLineCapStyle(switch (stroke.getEndCap()) {
                case BasicStroke.CAP_ROUND -> 1;
                case BasicStroke.CAP_SQUARE -> 2;
                default -> 0;
            });
            out.setLineJoinStyle(switch (stroke.getLineJoin()) {
                case BasicStroke.JOIN_ROUND -> 1;
                case BasicStroke.JOIN_BEVEL -> 2;
                default -> 0;
            });
            if (stroke.getDashArray() != null) {
                out.setLineDashPattern(stroke.getDashArray(), stroke.getDashPhase());
            }
            path(out, shape);
            out.stroke();
        }
        out.restoreGraphicsState();
    }

    private static void alpha(PDPageContentStream out, Color color, boolean stroking) throws IOException {
        if (color.getAlpha() == 255) {
            return;
        }
        PDExtendedGraphicsState state = new PDExtendedGraphicsState();
        if (stroking) {
            state.setStrokingAlphaConstant(color.getAlpha() / 255f);
        } else {
            state.setNonStrokingAlphaConstant(color.getAlpha() / 255f);
        }
        out.setGraphicsStateParameters(state);
    }

    private static void path(PDPageContentStream out, Shape shape) throws IOException {
        float[] c = new float[6];
        float x = 0;
        float y = 0;
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    out.moveTo(c[0], c[1]);
                    x = c[0];
                    y = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    out.lineTo(c[0], c[1]);
                    x = c[0];
                    y = c[1];
                }
                case PathIterator.SEG_QUADTO -> { // PDF has cubic curves only: the same curve, raised a degree
                    out.curveTo(x + 2f / 3 * (c[0] - x), y + 2f / 3 * (c[1] - y), c[2] + 2f / 3 * (c[0] - c[2]),
                            c[3] + 2f / 3 * (c[1] - c[3]), c[2], c[3]);
                    x = c[2];
                    y = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    out.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
                    x = c[4];
                    y = c[5];
                }
                default -> out.closePath();
            }
        }
    }

    private void label(PDPageContentStream out, SvgFigure.Label label) throws IOException {
        PDFont face = label.bold() ? bold : font;
        float size = (float) label.size();
        float advance = face.getStringWidth(label.text()) / 1000f * size;
        float shift = switch (label.anchor()) {
            case "middle" -> -advance / 2;
            case "end" -> -advance;
            default -> 0;
        };
        AffineTransform at = AffineTransform.getTranslateInstance(label.x(), label.y());
        at.rotate(Math.toRadians(label.rotation()));
        at.translate(shift, 0);
        at.scale(1, -1); // text upright in the y-down user space
        out.saveGraphicsState();
        alpha(out, label.color(), false);
        out.setNonStrokingColor(label.color());
        out.beginText();
        out.setFont(face, size);
        out.setTextMatrix(new Matrix(at));
        out.showText(label.text());
        out.endText();
        out.restoreGraphicsState();
    }
}
