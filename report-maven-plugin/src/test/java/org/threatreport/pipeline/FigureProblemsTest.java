package org.threatreport.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.check.CheckResult;
import org.threatreport.check.ReportCheck;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.InputException;
import org.threatreport.testing.ProjectFiles;

/**
 * A figure that would be empty or unreadable — too small for its bars and labels, more series than the
 * palette has colours — stops {@code site:report} with an error at its cell, and {@code site:check}
 * reports the very same errors without drawing anything.
 */
class FigureProblemsTest {

    private static final Path LONG_LABELS = Path.of("src/it/long-labels").toAbsolutePath();

    @Test
    void aFigureThatCannotBeDrawnLegiblyIsAnErrorAtItsCellInReportAndCheck(@TempDir Path project) throws Exception {
        ProjectFiles.copyTree(LONG_LABELS.resolve("data"), project.resolve("data"));
        Files.createDirectories(project.resolve("content"));
        Files.copy(LONG_LABELS.resolve("content/report.yaml"), project.resolve("content/report.yaml"));
        Files.writeString(project.resolve("content/01-figures.md"), """
                ---
                title: Figures
                ---

                @fig-tiny, @fig-action-industry and @fig-small-pie.

                ```{figure}
                id: fig-tiny
                chart: bar
                column: industry
                height: 100
                caption: 21 bars in 100 px
                ```

                ```{figure}
                id: fig-action-industry
                chart: stacked
                column: action
                stack: industry
                caption: 21 series on 8 colours
                ```

                ```{figure}
                id: fig-small-pie
                chart: pie
                column: action
                width: 100
                height: 100
                caption: a pie with no room
                ```
                """);
        BuildOptions options = new BuildOptions(project, project.resolve("content"), project.resolve("data"),
                project.resolve("site-template"), project.resolve("target/site"), project.resolve("target/cache"), "1",
                Optional.empty());
        List<String> expected = List.of(
                "content/01-figures.md:7:1: error: figure 'fig-tiny': it cannot be drawn legibly: its 21 bars need"
                        + " at least 413 px of height, and 'height: 100' leaves 2 px a bar: remove 'height' (the chart"
                        + " then grows with its bars) or make it 413 or more",
                "content/01-figures.md:15:1: error: figure 'fig-action-industry': its 21 series ('industry' has 21"
                        + " values) outnumber the 8 colours the chart palette tells apart: stack a column with at most 8"
                        + " values, or give 'palette' in chart-theme.properties more colours",
                "content/01-figures.md:23:1: error: figure 'fig-small-pie': it cannot be drawn legibly: at 100 × 100 px"
                        + " its pie would be 0 px across (the legend takes 128 px): make it at least 204 px high and 76 px"
                        + " wide");

        InputException report = assertThrows(InputException.class, () -> new ReportBuild(options, org.threatreport.diagnostic.Log.silent()).run());
        CheckResult check = new ReportCheck(options, org.threatreport.diagnostic.Log.silent()).run();

        assertEquals(expected, report.describe(project).lines().toList());
        assertEquals(expected, check.errors().stream().map(p -> p.format(project)).toList());
    }
}
