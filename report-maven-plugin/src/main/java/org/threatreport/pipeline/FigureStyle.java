package org.threatreport.pipeline;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Properties;
import java.util.TreeSet;
import org.threatreport.aggregate.CellData;
import org.threatreport.chart.ChartDrawer;
import org.threatreport.chart.ChartFont;
import org.threatreport.chart.ChartFontException;
import org.threatreport.chart.ChartFonts;
import org.threatreport.chart.ChartTheme;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Problem;
import org.threatreport.model.CellKind;
import org.threatreport.render.TemplateSet;

/**
 * How a build draws its figures: the site template's chart theme (light and dark), and the chart font,
 * checked against every label of the figures.
 */
record FigureStyle(ChartDrawer drawer, String identity) {

    private static final String CHART_THEME = "chart-theme.properties";

    static FigureStyle choose(BuildOptions options, TemplateSet templates, Collection<CellData> cells)
            throws InputException, IOException {
        ChartTheme theme;
        ChartTheme dark;
        try {
            Properties properties = theme(templates);
            theme = ChartTheme.fromProperties(properties);
            dark = ChartTheme.darkFromProperties(properties, theme);
        } catch (IllegalArgumentException e) {
            throw InputException.of(Problem.error(options.templateDir().resolve(CHART_THEME), e.getMessage()));
        }
        ChartFont font;
        try {
            Path fontsDir = options.templateDir().resolve("fonts");
            font = ChartFonts.choose(options.chartFont().orElse(null), Files.isDirectory(fontsDir) ? fontsDir : null,
                    labels(cells));
        } catch (ChartFontException e) {
            throw InputException.of(Problem.error(options.chartFont().orElse(options.templateDir().resolve("fonts")),
                    e.getMessage()));
        }
        return new FigureStyle(new ChartDrawer(theme, dark, font), theme + "|" + dark + "|" + font.source());
    }

    /** Every label the figures of {@code cells} draw. */
    static TreeSet<String> labels(Collection<CellData> cells) {
        TreeSet<String> labels = new TreeSet<>();
        for (CellData data : cells) {
            if (data.cell().kind() == CellKind.FIGURE) {
                labels.addAll(data.categories());
                data.series().forEach(s -> labels.add(s.name()));
            }
        }
        return labels;
    }

    private static Properties theme(TemplateSet templates) throws IOException {
        Properties properties = new Properties();
        byte[] file = templates.read(CHART_THEME);
        if (file != null) {
            properties.load(new StringReader(new String(file, StandardCharsets.UTF_8)));
        }
        return properties;
    }
}
