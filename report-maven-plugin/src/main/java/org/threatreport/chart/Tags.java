package org.threatreport.chart;

import java.awt.Color;
import java.util.List;

/** The {@link Tag}s of one drawing: one per text role, one per series (per slice for pies). */
final class Tags {

    final Tag xTick;
    final Tag yTick;
    final Tag title;
    final Tag sliceLabel;
    final Tag[] series;

    Tags(Plan plan, ChartTheme theme) {
        xTick = new Tag(Tag.Role.X_TICK, 0, theme.text());
        yTick = new Tag(Tag.Role.Y_TICK, 0, theme.text());
        title = new Tag(Tag.Role.AXIS_TITLE, 0, theme.text());
        sliceLabel = new Tag(Tag.Role.SLICE_LABEL, 0, theme.text());
        List<Color> palette = theme.palette();
        if (plan.kind().circular()) {
            series = new Tag[plan.categories().size()];
            for (int i = 0; i < series.length; i++) {
                series[i] = new Tag(Tag.Role.SERIES, i, palette.get(i % palette.size()));
            }
        } else {
            series = new Tag[plan.series().size()];
            for (int i = 0; i < series.length; i++) {
                series[i] = new Tag(Tag.Role.SERIES, i, palette.get(plan.origSeries()[i] % palette.size()));
            }
        }
    }
}
