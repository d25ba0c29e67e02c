package org.threatreport.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.threatreport.testing.ChartSvg;
import org.threatreport.testing.Requires;

/**
 * Every chart, whatever its labels, draws its marks inside the canvas and its text where it can be read:
 * no text over another or over a mark it does not belong to, a text inside its own mark wholly inside
 * it, and 4.5:1 contrast against what is behind — read back from the SVG as a reader's browser gets it.
 */
class ChartLegibilityTest {

    /** 21 industries with long English names, up to 71 characters, and a genuine value "Other". */
    static final List<String> INDUSTRIES = List.of(
            "Public Administration",
            "Professional, Scientific and Technical Services",
            "Health Care and Social Assistance",
            "Finance and Insurance",
            "Information",
            "Educational Services",
            "Manufacturing",
            "Retail Trade",
            "Accommodation and Food Services",
            "Other",
            "Administrative and Support and Waste Management and Remediation Services",
            "Arts, Entertainment, and Recreation",
            "Construction",
            "Transportation and Warehousing",
            "Utilities",
            "Wholesale Trade",
            "Real Estate and Rental and Leasing",
            "Mining, Quarrying, and Oil and Gas Extraction",
            "Agriculture, Forestry, Fishing and Hunting",
            "Management of Companies and Enterprises",
            "Other Services (except Public Administration)");
    static final List<Double> INDUSTRY_COUNTS = List.of(412.0, 301.0, 288.0, 190.0, 143.0, 120.0, 98.0, 77.0, 61.0,
            46.0, 40.0, 37.0, 30.0, 28.0, 21.0, 14.0, 11.0, 9.0, 6.0, 4.0, 2.0);

    static ChartDrawer drawer;

    @BeforeAll
    static void font() throws Exception {
        Requires.that(ChartFontsTest.cjkInstalled(), "an installed CJK font (apt-get install fonts-wqy-microhei)");
        drawer = new ChartDrawer(ChartTheme.defaults(), ChartFonts.choose(null, null, List.of("政府部门")));
    }

    static ChartSeries series(String name, List<Double> values) {
        return new ChartSeries(name, values);
    }

    static Stream<Arguments> charts() {
        List<Arguments> charts = new ArrayList<>();
        for (ChartKind kind : ChartKind.values()) {
            charts.add(Arguments.of(kind + " of the drawer test", ChartDrawerTest.input(kind, true)));
        }
        for (ChartKind kind : List.of(ChartKind.COLUMN, ChartKind.BAR, ChartKind.LINE)) {
            charts.add(Arguments.of(kind + " of 21 long industry names", new ChartInput(kind, INDUSTRIES,
                    List.of(series("Incidents", INDUSTRY_COUNTS)), "Incidents", true, 720, 0)));
        }
        charts.add(Arguments.of("DONUT of a small slice between large ones", new ChartInput(ChartKind.DONUT,
                List.of("内部安全运营巡检", "出现入侵迹象或遭勒索后发现", "监管机构或主管单位通报"),
                List.of(series("发现方式", List.of(78.0, 97.0, 24.0))), "", true, 720, 400)));
        charts.add(Arguments.of("PIE of thin slices", new ChartInput(ChartKind.PIE,
                List.of("a", "b", "c", "d", "e", "f"),
                List.of(series("s", List.of(300.0, 5.0, 4.0, 3.0, 2.0, 1.0))), "", true, 400, 300)));
        List<String> areas = List.of("Web sites", "Servers", "Terminals", "Mail", "Cloud", "Industrial control",
                "Mobile devices", "Network devices");
        charts.add(Arguments.of("STACKED shares in narrow segments", new ChartInput(ChartKind.STACKED, areas, List.of(
                new ChartSeries("Profit", List.of(13.2, 45.0, 4.0, 1.0, 20.0, 2.5, 9.9, 30.0),
                        List.of("13.2%", "45.0%", "4.0%", "1.0%", "20.0%", "2.5%", "9.9%", "30.0%")),
                new ChartSeries("Extortion", List.of(14.0, 25.0, 11.0, 2.0, 0.5, 3.0, 18.0, 12.0),
                        List.of("14.0%", "25.0%", "11.0%", "2.0%", "0.5%", "3.0%", "18.0%", "12.0%")),
                new ChartSeries("Data theft", List.of(13.0, 0.0, 3.0, 9.0, 7.0, 6.0, 2.0, 1.0),
                        List.of("13.0%", "0.0%", "3.0%", "9.0%", "7.0%", "6.0%", "2.0%", "1.0%"))),
                "%", true, 480, 320)));
        charts.add(Arguments.of("BAR of Chinese labels with slashes", new ChartInput(ChartKind.BAR,
                List.of("服务器病毒告警", "网页被篡改", "运行异常/异常外联", "PC 病毒告警", "网站无法访问/访问迟缓",
                        "webshell 告警"),
                List.of(series("事件", List.of(56.0, 24.0, 20.0, 16.0, 14.0, 14.0))), "", true, 720, 250)));
        charts.add(Arguments.of("LINE of two crossing series", new ChartInput(ChartKind.LINE,
                List.of("1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"),
                List.of(series("a", List.of(5.0, 9.0, 7.0, 12.0, 11.0, 12.0, 13.0, 9.0, 15.0, 14.0, 20.0, 26.0)),
                        series("b", List.of(6.0, 8.0, 8.0, 11.0, 12.0, 12.0, 12.0, 10.0, 14.0, 15.0, 19.0, 25.0))),
                "", true, 720, 400)));
        return charts.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void everyMarkIsDrawnAndEveryTextIsReadable(String name, ChartInput input) throws Exception {
        ChartSvg svg = ChartSvg.read(name, drawer.svg(input), drawer.labelFont());
        assertEquals(List.of(), svg.findings());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void everyValueIsDrawnAsAMark(String name, ChartInput input) throws Exception {
        ChartSvg svg = ChartSvg.read(name, drawer.svg(input), drawer.labelFont());
        long values = input.series().stream().flatMap(s -> s.values().stream()).filter(v -> v != null && v != 0).count();
        long marks = svg.marks().stream().filter(m -> m.classes().contains("mark")
                && m.classes().stream().anyMatch(c -> c.matches("c[0-9]+"))).count();
        assertTrue(marks >= values, name + ": " + marks + " marks for " + values + " values");
    }
}
