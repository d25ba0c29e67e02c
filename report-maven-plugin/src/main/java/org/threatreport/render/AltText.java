package org.threatreport.render;

import java.util.ArrayList;
import java.util.List;
import org.threatreport.aggregate.CellData;
import org.threatreport.model.ChartType;

/**
 * The text alternative of a figure, generated from its numbers when the editor gives none:
 * "条形图：政府部门 59 起（29.6%）、事业单位 24 起（12.1%）…".
 */
final class AltText {

    private AltText() {
    }

    /** @param alt the editor's alt text as rendered, or empty */
    static String of(CellData data, String alt, boolean chinese) {
        if (!alt.isBlank()) {
            return alt;
        }
        String kind = kindName(data.cell().chart(), chinese);
        List<String> parts = new ArrayList<>();
        if (data.series().size() == 1) {
            CellData.Series series = data.series().get(0);
            for (int i = 0; i < data.categories().size(); i++) {
                if (series.measured()) {
                    parts.add(data.categories().get(i) + " " + data.measureText(series.values().get(i)));
                } else {
                    String count = data.countText(series.counts().get(i));
                    String share = series.shares().get(i).toString();
                    parts.add(chinese ? data.categories().get(i) + " " + count + " 起（" + share + "）"
                            : data.categories().get(i) + " " + count + " (" + share + ")");
                }
            }
        } else {
            for (int i = 0; i < data.categories().size(); i++) {
                List<String> stacks = new ArrayList<>();
                for (CellData.Series series : data.series()) {
                    if (series.measured()) {
                        stacks.add(series.name() + " " + data.measureText(series.values().get(i)));
                    } else if (series.counts().get(i) > 0) {
                        stacks.add(series.name() + " " + data.countText(series.counts().get(i)));
                    }
                }
                parts.add(data.categories().get(i) + (chinese ? "：" : ": ") + String.join(chinese ? "，" : ", ", stacks));
            }
        }
        return kind + (chinese ? "：" : ": ") + String.join(chinese ? "；" : "; ", parts) + (chinese ? "。" : ".");
    }

    private static String kindName(ChartType chart, boolean chinese) {
        return switch (chart) {
            case BAR -> chinese ? "条形图" : "Bar chart";
            case COLUMN -> chinese ? "柱状图" : "Column chart";
            case STACKED -> chinese ? "堆积柱状图" : "Stacked column chart";
            case LINE -> chinese ? "折线图" : "Line chart";
            case PIE -> chinese ? "饼图" : "Pie chart";
            case DONUT -> chinese ? "环形图" : "Donut chart";
            case HISTOGRAM -> chinese ? "直方图" : "Histogram";
        };
    }
}
