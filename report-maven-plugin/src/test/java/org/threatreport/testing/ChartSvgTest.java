package org.threatreport.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reading of a chart's SVG finds each kind of broken rule, and nothing in a chart that keeps them. */
class ChartSvgTest {

    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private static List<String> findings(String body) throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"200\" height=\"100\""
                + " font-size=\"13\"><rect width=\"200\" height=\"100\" fill=\"#ffffff\"/>\n" + body + "</svg>";
        return ChartSvg.read("t", svg, FONT).findings();
    }

    private static final String BAR = "<path class=\"mark s0 c0\" d=\"M10 10L110 10L110 40L10 40Z\" fill=\"#0072b2\"/>\n";

    @Test
    void aChartThatKeepsTheRulesHasNoFindings() throws Exception {
        assertEquals(List.of(), findings(BAR
                + "<text class=\"value s0 c0\" x=\"60\" y=\"30\" text-anchor=\"middle\" fill=\"#ffffff\">42</text>\n"
                + "<text class=\"category c0\" x=\"60\" y=\"60\" text-anchor=\"middle\" fill=\"#333333\">Finance</text>\n"));
    }

    @Test
    void eachBrokenRuleIsFound() throws Exception {
        assertEquals(List.of("t: draws no marks"), findings("<text x=\"5\" y=\"20\" fill=\"#333333\">a</text>"));
        assertTrue(findings(BAR + "<text class=\"category c0\" x=\"60\" y=\"30\" fill=\"#333333\">Finance</text>")
                .get(0).contains("overlaps a mark it does not belong to"));
        assertTrue(findings(BAR + "<text class=\"value s0 c1\" x=\"60\" y=\"30\" fill=\"#ffffff\">42</text>")
                .get(0).contains("overlaps a mark it does not belong to"));
        assertTrue(findings(BAR + "<text class=\"value s0 c0\" x=\"100\" y=\"30\" fill=\"#ffffff\">4242</text>")
                .get(0).contains("straddles the edge of its mark"));
        assertTrue(findings(BAR + "<text class=\"value s0 c0\" x=\"30\" y=\"30\" fill=\"#000000\">42</text>")
                .get(0).contains("has a contrast of"));
        assertTrue(findings(BAR + "<text x=\"10\" y=\"70\" fill=\"#333333\">abc</text><text x=\"14\" y=\"72\""
                + " fill=\"#333333\">abc</text>").get(0).contains("\"abc\" overlaps \"abc\""));
        assertTrue(findings(BAR + "<text x=\"190\" y=\"70\" fill=\"#333333\">outside</text>").get(0)
                .contains("lies outside the canvas"));
        assertTrue(findings("<clipPath id=\"c0\"><rect x=\"0\" y=\"0\" width=\"0\" height=\"0\"/></clipPath>\n"
                + "<path class=\"mark s0 c0\" d=\"M10 10L110 10L110 40L10 40Z\" fill=\"#0072b2\" clip-path=\"url(#c0)\"/>")
                .contains("t: a mark [mark, s0, c0] is clipped away or has no size"));
    }
}
