package org.threatreport.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.threatreport.testing.ChartSvg;
import org.threatreport.testing.Requires;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ChartDrawerTest {

    static final List<String> CATEGORIES = List.of("政府部门", "医疗卫生", "IT 信息技术", "金融", "教育", "其他");
    static final List<Double> COUNTS = List.of(59.0, 31.0, 24.0, 20.0, 15.0, 50.0);
    static final List<String> SHARES = List.of("29.6%", "15.6%", "12.1%", "10.1%", "7.5%", "25.1%");
    static final List<Double> HOSTS = List.of(30.0, 22.0, 18.0, 16.0, 21.0, 17.0);
    static final List<String> HOST_LABELS = List.of("30台", "22台", "18台", "16台", "21台", "17台");

    static ChartDrawer drawer;

    @BeforeAll
    static void font() throws Exception {
        Requires.that(ChartFontsTest.cjkInstalled(), "an installed CJK font (apt-get install fonts-wqy-microhei)");
        drawer = new ChartDrawer(ChartTheme.defaults(), ChartFonts.choose(null, null, CATEGORIES));
    }

    static ChartInput input(ChartKind kind, boolean labels) {
        List<ChartSeries> series = new ArrayList<>();
        series.add(new ChartSeries("网站", COUNTS, SHARES));
        if (kind == ChartKind.STACKED || kind == ChartKind.COLUMN) {
            series.add(new ChartSeries("主机", HOSTS, HOST_LABELS));
        }
        boolean circular = kind == ChartKind.PIE || kind == ChartKind.DONUT;
        return new ChartInput(kind, CATEGORIES, series, circular ? "" : "事件数量", labels, 640, 400);
    }

    @ParameterizedTest
    @EnumSource(ChartKind.class)
    void svgHasRealTextWithCategoriesAndExactValueLabels(ChartKind kind) throws Exception {
        ChartInput in = input(kind, true);
        String svg = drawer.svg(in);
        int bytes = svg.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 150_000, kind + ": " + bytes + " bytes");
        assertTrue(bytes < 20_000, kind + ": " + bytes + " bytes — glyph outlines instead of text?");

        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("1.1", root.getAttribute("version"));
        assertEquals("0 0 640 400", root.getAttribute("viewBox"));
        assertTrue(root.getAttribute("font-family").contains("sans-serif"));

        List<String> texts = texts(doc);
        assertTrue(texts.containsAll(CATEGORIES), kind + ": " + texts);
        for (ChartSeries s : in.series()) {
            assertTrue(texts.containsAll(s.valueLabels()), kind + ": " + texts);
            if (in.series().size() > 1 || kind == ChartKind.STACKED) {
                assertTrue(texts.contains(s.name()), kind + " legend: " + texts);
            }
        }
        if (!in.valueAxisTitle().isEmpty()) {
            assertTrue(texts.contains("事件数量"), kind + ": " + texts);
        }
        if (kind != ChartKind.PIE && kind != ChartKind.DONUT) {
            assertTrue(texts.contains("0") && texts.contains("20"), kind + " value ticks: " + texts);
        }
    }

    @ParameterizedTest
    @EnumSource(ChartKind.class)
    void svgAndPngAreByteIdenticalAcrossCallsAndDrawers(ChartKind kind) throws Exception {
        ChartInput in = input(kind, true);
        String svg = drawer.svg(in);
        byte[] png = drawer.png(in);
        assertEquals(svg, drawer.svg(in));
        assertArrayEquals(png, drawer.png(in));
        ChartDrawer other = new ChartDrawer(ChartTheme.defaults(), ChartFonts.choose(null, null, CATEGORIES));
        assertEquals(svg, other.svg(in));
        assertArrayEquals(png, other.png(in));
        // One drawing written in both formats, each twice: writing never changes what is drawn.
        ChartDrawer.Drawing drawing = drawer.draw(in);
        assertArrayEquals(png, drawing.png());
        assertEquals(svg, drawing.svg());
        assertArrayEquals(png, drawing.png());
        assertEquals(svg, drawing.svg());
    }

    @Test
    void pngPaintsTheThemesColours() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(drawer.png(input(ChartKind.BAR, false))));
        int first = ChartTheme.defaults().palette().get(0).getRGB() & 0xFFFFFF;
        int exchanged = (first & 0xFF) << 16 | (first & 0xFF00) | first >> 16;
        int firstPixels = 0;
        int exchangedPixels = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                firstPixels += rgb == first ? 1 : 0;
                exchangedPixels += rgb == exchanged ? 1 : 0;
            }
        }
        assertTrue(firstPixels > 10_000, "bars in the palette's first colour: " + firstPixels + " pixels");
        assertEquals(0, exchangedPixels, "pixels with red and blue exchanged");
        assertEquals(ChartTheme.defaults().background().getRGB() & 0xFFFFFF, image.getRGB(0, 0) & 0xFFFFFF);
    }

    @ParameterizedTest
    @EnumSource(ChartKind.class)
    void pngDecodesAtTwiceTheSize(ChartKind kind) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(drawer.png(input(kind, true))));
        assertNotNull(image);
        assertEquals(1280, image.getWidth());
        assertEquals(800, image.getHeight());
    }

    @Test
    void horizontalBarsListCategoriesTopDownRightAlignedToTheBars() throws Exception {
        NodeList nodes = parse(drawer.svg(input(ChartKind.BAR, true)))
                .getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        double previousY = Double.NEGATIVE_INFINITY;
        String x = null;
        for (String category : CATEGORIES) {
            Element e = find(nodes, category);
            double y = Double.parseDouble(e.getAttribute("y"));
            assertTrue(y > previousY, category + " should be below the one before");
            previousY = y;
            assertEquals("end", e.getAttribute("text-anchor"));
            assertFalse(e.hasAttribute("transform"), "upright");
            x = x == null ? e.getAttribute("x") : x;
            assertEquals(x, e.getAttribute("x"));
        }
    }

    @Test
    void crowdedColumnLabelsAreTurned() throws Exception {
        List<String> long14 = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            long14.add("第" + i + "类攻击手段名称");
            values.add((double) i);
        }
        ChartInput in = new ChartInput(ChartKind.COLUMN, long14, List.of(new ChartSeries("s", values)), "", false,
                640, 400);
        NodeList nodes = parse(drawer.svg(in)).getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (String category : long14) {
            assertTrue(find(nodes, category).getAttribute("transform").startsWith("rotate(-90 "), category);
        }
    }

    @Test
    void columnsWhoseLabelsDoNotFitUnderThemBecomeBarsWithEveryLabelWhole() throws Exception {
        ChartInput in = new ChartInput(ChartKind.COLUMN, ChartLegibilityTest.INDUSTRIES,
                List.of(new ChartSeries("Incidents", ChartLegibilityTest.INDUSTRY_COUNTS)), "", true, 720, 0);
        ChartSvg svg = ChartSvg.read("columns", drawer.svg(in), drawer.labelFont());
        assertEquals(21, svg.marks().size());
        for (ChartSvg.Label label : svg.labels()) {
            if (label.classes().contains("category")) {
                assertEquals(0, label.ink().getBounds2D().getHeight() > label.ink().getBounds2D().getWidth() ? 1 : 0,
                        label.text() + " is upright");
            }
        }
        // The longest name takes two lines left of its bar; its whole text is the group's title.
        assertTrue(svg.titles().contains(ChartLegibilityTest.INDUSTRIES.get(10)), svg.titles().toString());
        assertTrue(svg.texts().containsAll(ChartLegibilityTest.INDUSTRIES.subList(0, 10)), svg.texts().toString());
        assertEquals(svg.height(), drawer.draw(in).height());
        assertTrue(svg.height() > 21 * 32, "as high as its bars need: " + svg.height());
    }

    @Test
    void aLabelLongerThanThreeLinesIsShortenedAndKeptWholeInItsTitle() throws Exception {
        String name = ChartLegibilityTest.INDUSTRIES.get(10);
        ChartInput in = new ChartInput(ChartKind.BAR, List.of(name, "Other"),
                List.of(new ChartSeries("s", List.of(40.0, 46.0))), "", true, 300, 0);
        ChartSvg svg = ChartSvg.read("short", drawer.svg(in), drawer.labelFont());
        assertTrue(svg.texts().stream().anyMatch(t -> t.endsWith("…")), svg.texts().toString());
        assertEquals(List.of(name), svg.titles());
        assertEquals(List.of(), svg.findings());
    }

    @Test
    void theNarrowDrawingTurnsColumnsAndStacksIntoHorizontalBars() throws Exception {
        for (ChartKind kind : List.of(ChartKind.COLUMN, ChartKind.STACKED)) {
            ChartInput narrow = input(kind, true).narrow(360);
            Document doc = parse(drawer.svg(narrow));
            assertEquals("360", doc.getDocumentElement().getAttribute("width"));
            NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
            for (String category : CATEGORIES) {
                Element e = find(nodes, category);
                assertEquals("end", e.getAttribute("text-anchor"), kind + ": " + category + " left of its bar");
                assertFalse(e.hasAttribute("transform"), kind + ": upright");
            }
        }
        ChartInput line = input(ChartKind.LINE, true).narrow(360);
        assertEquals("middle", find(parse(drawer.svg(line)).getElementsByTagNameNS("http://www.w3.org/2000/svg", "text"),
                CATEGORIES.get(0)).getAttribute("text-anchor"), "a line keeps its time axis along the bottom");
    }

    @Test
    void theDarkDrawingIsTheSameLayoutInTheDarkColours() throws Exception {
        ChartDrawer.Drawing drawing = drawer.draw(input(ChartKind.STACKED, true));
        String light = drawing.svg();
        String dark = drawing.darkSvg();
        assertEquals(light.replaceAll("(fill|stroke)=\"#[0-9a-f]{6}\"", ""), dark.replaceAll("(fill|stroke)=\"#[0-9a-f]{6}\"", ""));
        ChartSvg svg = ChartSvg.read("dark", dark, drawer.labelFont());
        assertEquals(new java.awt.Color(0x0D1117), svg.background());
        assertEquals(List.of(), svg.findings());
    }

    @Test
    void aStackOfSharesOfEachColumnEndsItsAxisAtOneHundred() throws Exception {
        ChartInput in = new ChartInput(ChartKind.STACKED, List.of("a", "b"), List.of(
                new ChartSeries("x", List.of(13.2, 60.0), List.of("13.2%", "60.0%")),
                new ChartSeries("y", List.of(86.8, 40.0), List.of("86.8%", "40.0%"))), "%", true, 400, 300, false, 100);
        List<String> texts = texts(parse(drawer.svg(in)));
        assertTrue(texts.contains("100"), texts.toString());
        assertFalse(texts.contains("120"), texts.toString());
        assertTrue(texts.containsAll(List.of("13.2%", "86.8%", "60.0%", "40.0%")), "whole labels: " + texts);
    }

    @Test
    void aChartTooSmallForItsBarsIsRefusedSayingWhatToChange() {
        ChartInput in = new ChartInput(ChartKind.BAR, ChartLegibilityTest.INDUSTRIES,
                List.of(new ChartSeries("s", ChartLegibilityTest.INDUSTRY_COUNTS)), "", true, 720, 200);
        String problem = drawer.problem(in).orElseThrow();
        assertTrue(problem.startsWith("its 21 bars need at least "), problem);
        assertEquals(problem, assertThrows(ChartException.class, () -> drawer.draw(in)).getMessage());
        assertTrue(drawer.problem(new ChartInput(ChartKind.BAR, ChartLegibilityTest.INDUSTRIES,
                List.of(new ChartSeries("s", ChartLegibilityTest.INDUSTRY_COUNTS)), "", true, 720, 0)).isEmpty());
    }

    private static Element find(NodeList nodes, String text) {
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getTextContent().equals(text)) {
                return (Element) nodes.item(i);
            }
        }
        throw new AssertionError("no <text> " + text);
    }

    @Test
    void noValueLabelsWhenOff() throws Exception {
        List<String> texts = texts(parse(drawer.svg(input(ChartKind.BAR, false))));
        assertTrue(texts.containsAll(CATEGORIES));
        assertFalse(texts.contains("29.6%"), texts.toString());
    }

    @Test
    void singleSeriesHasNoLegend() throws Exception {
        List<String> texts = texts(parse(drawer.svg(input(ChartKind.BAR, true))));
        assertFalse(texts.contains("网站"), texts.toString());
    }

    @Test
    void defaultValueLabelsAreTheValuesInLocaleRoot() throws Exception {
        ChartInput in = new ChartInput(ChartKind.COLUMN, List.of("a", "b"),
                List.of(new ChartSeries("s", List.of(1234.5, 7.0))), "", true, 300, 200);
        List<String> texts = texts(parse(drawer.svg(in)));
        assertTrue(texts.containsAll(List.of("1,234.5", "7")), texts.toString());
    }

    @Test
    void markupInLabelsIsEscaped() throws Exception {
        ChartInput in = new ChartInput(ChartKind.BAR, List.of("R&D <lab>", "\"quoted\""),
                List.of(new ChartSeries("s", List.of(3.0, 4.0), List.of("3 & up", "<4>"))), "a < b", true, 400, 200);
        List<String> texts = texts(parse(drawer.svg(in)));
        assertTrue(texts.containsAll(List.of("R&D <lab>", "\"quoted\"", "3 & up", "<4>", "a < b")), texts.toString());
    }

    @Test
    void missingValuesDrawNothingAndShiftNoLabel() throws Exception {
        List<Double> values = Arrays.asList(5.0, null, 7.0);
        ChartInput in = new ChartInput(ChartKind.COLUMN, List.of("a", "b", "c"),
                List.of(new ChartSeries("s", values, Arrays.asList("five", "none", "seven"))), "", true, 300, 200);
        List<String> texts = texts(parse(drawer.svg(in)));
        assertTrue(texts.containsAll(List.of("five", "seven")), texts.toString());
        assertFalse(texts.contains("none"), texts.toString());
    }

    @Test
    void edgeCasesStillDraw() throws Exception {
        List<ChartInput> inputs = List.of(
                new ChartInput(ChartKind.PIE, List.of("a", "b"), List.of(new ChartSeries("s", List.of(0.0, 0.0))),
                        "", true, 300, 200),
                new ChartInput(ChartKind.COLUMN, List.of("a", "b"), List.of(new ChartSeries("s", List.of(-3.0, 5.0))),
                        "", true, 300, 200),
                new ChartInput(ChartKind.BAR, List.of("only"), List.of(new ChartSeries("s", List.of(0.0))),
                        "", true, 300, 120),
                new ChartInput(ChartKind.LINE, List.of("a", "b"), List.of(new ChartSeries("s", Arrays.asList(null, 2.0))),
                        "", true, 300, 200));
        for (ChartInput in : inputs) {
            parse(drawer.svg(in));
            assertNotNull(ImageIO.read(new ByteArrayInputStream(drawer.png(in))));
        }
    }

    @Test
    void oneDrawerServesSeveralThreads() throws Exception {
        List<ChartInput> inputs = new ArrayList<>();
        for (ChartKind k : ChartKind.values()) {
            inputs.add(input(k, true));
        }
        List<String> expected = inputs.stream().map(drawer::svg).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (ChartInput in : inputs) {
                    results.add(pool.submit(() -> drawer.svg(in)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(expected.get(i % inputs.size()), results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void inputsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new ChartInput(ChartKind.BAR, List.of("a", "b"),
                List.of(new ChartSeries("s", List.of(1.0))), "", false, 300, 200));
        assertThrows(IllegalArgumentException.class, () -> new ChartInput(ChartKind.PIE, List.of("a"),
                List.of(new ChartSeries("s", List.of(1.0)), new ChartSeries("t", List.of(1.0))), "", false, 300, 200));
        assertThrows(IllegalArgumentException.class, () -> new ChartInput(ChartKind.DONUT, List.of("a"),
                List.of(new ChartSeries("s", List.of(-1.0))), "", false, 300, 200));
        assertThrows(IllegalArgumentException.class, () -> new ChartSeries("s", List.of(1.0, 2.0), List.of("1")));
        assertThrows(IllegalArgumentException.class, () -> new ChartSeries("s", List.of(Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> new ChartInput(ChartKind.LINE, List.of("a"),
                List.of(new ChartSeries("s", List.of(1.0))), "", false, 0, 200));
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
