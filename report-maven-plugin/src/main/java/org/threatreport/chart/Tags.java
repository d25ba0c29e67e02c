package org.threatreport.chart;

/** The {@link Tag}s of one drawing: one per text role, one per series (per slice for pies). */
final class Tags {

    final Tag yTick;
    final Tag title;
    final Tag[] series;

    Tags(Plan plan, ChartTheme theme) {
        yTick = new Tag(Tag.Role.Y_TICK, 0, theme.text());
        title = new Tag(Tag.Role.AXIS_TITLE, 0, theme.text());
        if (plan.kind().circular()) {
            series = new Tag[plan.categories().size()];
            for (int i = 0; i < series.length; i++) {
                series[i] = new Tag(Tag.Role.SERIES, i, theme.color(i));
            }
        } else {
            series = new Tag[plan.series().size()];
            for (int i = 0; i < series.length; i++) {
                series[i] = new Tag(Tag.Role.SERIES, i, theme.color(plan.origSeries()[i]));
            }
        }
    }
}
