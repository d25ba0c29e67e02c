package org.threatreport.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The legend: rows of colour swatch and name, centred below the plot. Drawn here rather than by
 * XChart so that it is the same for every kind (XChart's would be turned with horizontal bars).
 */
final class Legend {

    private static final double ITEM_GAP = 16;
    private static final double SWATCH_GAP = 6;

    private record Item(String name, Color color, double width) {
    }

    private final List<List<Item>> rows;
    private final double swatch;
    private final double rowHeight;

    private Legend(List<List<Item>> rows, double swatch, double rowHeight) {
        this.rows = rows;
        this.swatch = swatch;
        this.rowHeight = rowHeight;
    }

    /** The legend the input needs, or null: single-series bars and lines need none. */
    static Legend of(ChartInput input, ChartTheme theme, Font font) {
        List<String> names = new ArrayList<>();
        if (input.kind().circular()) {
            names.addAll(input.categories());
        } else if (input.kind() == ChartKind.STACKED || input.series().size() > 1) {
            input.series().forEach(s -> names.add(s.name()));
        } else {
            return null;
        }
        double swatch = Math.round(font.getSize2D() * 0.8);
        double room = input.width() - 2.0 * XCharts.PADDING;
        List<List<Item>> rows = new ArrayList<>();
        List<Item> row = new ArrayList<>();
        double used = 0;
        for (int i = 0; i < names.size(); i++) {
            Color color = theme.palette().get(i % theme.palette().size());
            Item item = new Item(names.get(i), color, swatch + SWATCH_GAP + Text.advance(names.get(i), font));
            double extra = row.isEmpty() ? item.width : ITEM_GAP + item.width;
            if (!row.isEmpty() && used + extra > room) {
                rows.add(row);
                row = new ArrayList<>();
                extra = item.width;
                used = 0;
            }
            row.add(item);
            used += extra;
        }
        rows.add(row);
        return new Legend(rows, swatch, Math.ceil(Text.lineHeight(font) + 4));
    }

    /** Height taken from the bottom of the chart. */
    int height() {
        return (int) Math.ceil(rows.size() * rowHeight + XCharts.PADDING);
    }

    void paint(List<Scene.Op> ops, ChartInput input, ChartTheme theme, Font font) {
        double top = input.height() - height();
        double shift = Text.middleToBaseline(font);
        for (int r = 0; r < rows.size(); r++) {
            List<Item> row = rows.get(r);
            double width = (row.size() - 1) * ITEM_GAP;
            for (Item item : row) {
                width += item.width;
            }
            double x = Math.max(XCharts.PADDING, (input.width() - width) / 2);
            double middle = top + r * rowHeight + rowHeight / 2;
            for (Item item : row) {
                ops.add(new Scene.Paint(new Rectangle2D.Double(x, middle - swatch / 2, swatch, swatch), item.color,
                        null, null));
                ops.add(new Scene.Label(item.name, x + swatch + SWATCH_GAP, middle + shift, Scene.Anchor.START, 0,
                        theme.text()));
                x += item.width + ITEM_GAP;
            }
        }
    }
}
