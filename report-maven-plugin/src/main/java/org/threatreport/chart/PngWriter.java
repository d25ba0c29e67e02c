package org.threatreport.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Paints a {@link Scene} at twice its size (for high-density screens and print) and encodes it as PNG.
 *
 * <p>It paints into a 3-byte BGR image with every colour's red and blue exchanged, so the image's
 * bytes are the real colours in the R, G, B order PNG stores: the encoder compresses them as they
 * are, without a loop over the pixels (which in a fresh JVM runs interpreted, ~30 ms a chart).
 * Blending and anti-aliasing treat the three channels alike, so exchanging two of them commutes with
 * painting.
 */
final class PngWriter {

    static final int SCALE = 2;

    private PngWriter() {
    }

    /** @param theme the colours to paint the scene's inks in */
    static byte[] write(Scene scene, ChartTheme theme, Font font) {
        BufferedImage image = new BufferedImage(scene.width() * SCALE, scene.height() * SCALE,
                BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // Geometry as computed, not nudged to pixel centres: the PNG matches the SVG.
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(SCALE, SCALE);
            g.setColor(redBlueExchanged(theme.background()));
            g.fillRect(0, 0, scene.width(), scene.height());
            g.setFont(font);
            for (Scene.Op op : scene.ops()) {
                if (op instanceof Scene.Paint p) {
                    paint(g, p, p.ink().in(theme));
                } else if (op instanceof Scene.Label l) {
                    label(g, l, l.ink().in(theme), font);
                }
            }
        } finally {
            g.dispose();
        }
        byte[] rgb = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        return PngEncoder.encode(rgb, image.getWidth(), image.getHeight());
    }

    private static Color redBlueExchanged(Color c) {
        return new Color(c.getBlue(), c.getGreen(), c.getRed(), c.getAlpha());
    }

    private static void paint(Graphics2D g, Scene.Paint p, Color color) {
        Shape oldClip = g.getClip();
        if (p.clip() != null) {
            g.clip(p.clip());
        }
        g.setColor(redBlueExchanged(color));
        if (p.stroke() == null) {
            g.fill(p.shape());
        } else {
            g.setStroke(p.stroke());
            g.draw(p.shape());
        }
        g.setClip(oldClip);
    }

    private static void label(Graphics2D g, Scene.Label l, Color color, Font font) {
        if (l.text().isBlank()) {
            return;
        }
        TextLayout layout = new TextLayout(l.text(), font, g.getFontRenderContext());
        double shift = switch (l.anchor()) {
            case START -> 0;
            case MIDDLE -> layout.getAdvance() / 2;
            case END -> layout.getAdvance();
        };
        AffineTransform old = g.getTransform();
        g.translate(l.x(), l.y());
        if (l.rotation() != 0) {
            g.rotate(Math.toRadians(l.rotation()));
        }
        g.setColor(redBlueExchanged(color));
        layout.draw(g, (float) -shift, 0f);
        g.setTransform(old);
    }
}
