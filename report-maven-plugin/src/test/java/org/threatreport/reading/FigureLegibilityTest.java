package org.threatreport.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threatreport.chart.ChartFontException;
import org.threatreport.chart.ChartFonts;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Log;
import org.threatreport.pipeline.ReportBuild;
import org.threatreport.testing.ChartSvg;
import org.threatreport.testing.Requires;

/**
 * Every figure a build writes — the flagship's and the fixture reports', each in its light, dark and
 * narrow variants — read back from its SVG: it draws marks, all inside the canvas, and no text lies over
 * another text or over a mark it does not belong to, or below 4.5:1 contrast against what is behind it.
 */
class FigureLegibilityTest {

    private static Font font;

    @BeforeAll
    static void chartFont() throws Exception {
        try {
            font = ChartFonts.choose(null, null, List.of("政府部门")).font();
        } catch (ChartFontException e) {
            Requires.that(false, "an installed CJK font (apt-get install fonts-wqy-microhei)");
        }
    }

    @Test
    void everyFlagshipFigureIsDrawnAndLegible() throws Exception {
        assertLegible(ReadingSite.version().resolve("figures"), 8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"english-report", "long-labels", "report-series"})
    void everyFigureOfTheFixtureReportsIsDrawnAndLegible(String fixture) throws Exception {
        Path project = Path.of("src/it", fixture).toAbsolutePath();
        Path target = Path.of("target/figure-fixtures", fixture).toAbsolutePath();
        BuildOptions options = new BuildOptions(project, project.resolve("content"), project.resolve("data"),
                project.resolve("site-template"), target.resolve("site"), target.resolve("cache"), "1",
                Optional.empty());
        new ReportBuild(options, Log.silent()).run();
        assertLegible(target.resolve("site/1/figures"), 5);
    }

    private static void assertLegible(Path figures, int atLeast) throws Exception {
        List<Path> svgs;
        try (Stream<Path> files = Files.list(figures)) {
            svgs = files.filter(f -> f.toString().endsWith(".svg")).sorted().toList();
        }
        assertTrue(svgs.size() >= 4 * atLeast, svgs.size() + " drawings in " + figures);
        List<String> findings = new ArrayList<>();
        for (Path svg : svgs) {
            findings.addAll(ChartSvg.read(svg.getFileName().toString(), Files.readString(svg), font).findings());
        }
        assertEquals(List.of(), findings);
    }
}
