package org.threatreport.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The SVG the chart stage writes, read back into what the PDF draws. */
class SvgFigureTest {

    static Element svg(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    @Test
    void shapesClipsAndLabelsAreReadAsTheChartStageWritesThem() throws Exception {
        SvgFigure figure = SvgFigure.read(svg("""
                <svg xmlns="http://www.w3.org/2000/svg" width="720" height="400" viewBox="0 0 720 400" font-size="13">
                <rect width="720" height="400" fill="#ffffff"/>
                <clipPath id="c0"><rect x="10" y="10" width="100" height="50"/></clipPath>
                <path d="M10 20L30 20L30 40Z" fill="#0072b2" clip-path="url(#c0)"/>
                <path d="M0 0L100 0" fill="none" stroke="#222" stroke-width="2" stroke-dasharray="3,1" stroke-linecap="round"/>
                <text x="50" y="390" text-anchor="middle" transform="rotate(-45 50 390)" fill="#222222">政府部门</text>
                <text x="5" y="5" fill="#000000" fill-opacity="0.5">&lt;b&gt;</text>
                </svg>"""));
        assertEquals(720, figure.width());
        assertEquals(400, figure.height());
        List<SvgFigure.Op> ops = figure.ops();
        assertEquals(5, ops.size());
        SvgFigure.Fill background = assertInstanceOf(SvgFigure.Fill.class, ops.get(0));
        assertEquals(Color.WHITE, background.color());
        assertNull(background.clip());
        SvgFigure.Fill bar = assertInstanceOf(SvgFigure.Fill.class, ops.get(1));
        assertEquals(new Color(0x00, 0x72, 0xb2), bar.color());
        assertEquals(new Rectangle2D.Double(10, 10, 100, 50), bar.clip().getBounds2D());
        SvgFigure.Stroke line = assertInstanceOf(SvgFigure.Stroke.class, ops.get(2));
        assertEquals(new Color(0x22, 0x22, 0x22), line.color());
        assertEquals(new BasicStroke(2, BasicStroke.CAP_ROUND, BasicStroke.JOIN_MITER, 10, new float[] {3, 1}, 0),
                line.stroke());
        SvgFigure.Label label = assertInstanceOf(SvgFigure.Label.class, ops.get(3));
        assertEquals(new SvgFigure.Label("政府部门", 50, 390, "middle", -45, new Color(0x22, 0x22, 0x22), 13, false), label);
        SvgFigure.Label faint = assertInstanceOf(SvgFigure.Label.class, ops.get(4));
        assertEquals("<b>", faint.text());
        assertEquals(128, faint.color().getAlpha());
    }

    @Test
    void pathDataAbsoluteAndRelativeWithCurves() {
        List<double[]> points = new ArrayList<>();
        List<Integer> kinds = new ArrayList<>();
        double[] c = new double[6];
        for (PathIterator it = SvgFigure.path("M10 10 l5 0 h5 v5 Q20 20 10 20 c-1 0 -2 -1 -2 -2 z M1,1 2,2").getPathIterator(null);
             !it.isDone(); it.next()) {
            int kind = it.currentSegment(c);
            kinds.add(kind);
            points.add(c.clone());
        }
        assertEquals(List.of(PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO, PathIterator.SEG_LINETO,
                PathIterator.SEG_LINETO, PathIterator.SEG_QUADTO, PathIterator.SEG_CUBICTO, PathIterator.SEG_CLOSE,
                PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO), kinds);
        assertEquals(15, points.get(1)[0]);
        assertEquals(20, points.get(2)[0]);
        assertEquals(15, points.get(3)[1]);
        assertEquals(10, points.get(4)[2]);
        assertEquals(8, points.get(5)[4]);
        assertEquals(18, points.get(5)[5]);
        assertEquals(2, points.get(8)[0], "further pairs after a move are lines");
    }

    @Test
    void coloursTheChartStageWrites() {
        assertEquals(new Color(0x11, 0x22, 0x33), SvgFigure.color("#123", 1));
        assertEquals(new Color(0xab, 0xcd, 0xef, 0), SvgFigure.color("#ABCDEF", 0));
        assertNull(SvgFigure.color("none", 1));
        assertNotNull(SvgFigure.color("currentColor", 1), "anything else draws black rather than nothing");
    }
}
