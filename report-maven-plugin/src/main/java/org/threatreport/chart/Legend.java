package org.threatreport.chart;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The legend: rows of colour swatch and name, centred below the plot. Drawn here rather than by
 * XChart so that it is the same for every kind (XChart's would be turned with horizontal bars). A name
 * wider than the chart is shortened, its whole text kept as the SVG title.
 */
final class Legend {

    private static final double ITEM_GAP = 16;
    private static final double SWATCH_GAP = 6;

    /** @param index the series (the slice of a pie) */
    private record Item(String name, String shown, int index, double width) {
    }

    private final List<List<Item>> rows;
    private final boolean slices;
    private final double swatch;
    private final double rowHeight;

    private Legend(List<List<Item>> rows, boolean slices, double swatch, double rowHeight) {
        this.rows = rows;
        this.slices = slices;
        this.swatch = swatch;
        this.rowHeight = rowHeight;
    }

    /** The legend the input needs, or null: single-series bars and lines need none. */
    static Legend of(ChartInput input, Font font) {
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
            String shown = Lines.shorten(names.get(i), room - swatch - SWATCH_GAP, font);
            Item item = new Item(names.get(i), shown, i, swatch + SWATCH_GAP + Text.advance(shown, font));
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
        return new Legend(rows, input.kind().circular(), swatch, Math.ceil(Text.lineHeight(font) + 4));
    }

    /** Height taken from the bottom of the chart. */
    int height() {
        return (int) Math.ceil(rows.size() * rowHeight + XCharts.PADDING);
    }

    void paint(List<Scene.Op> ops, int width, int chartHeight, Font font) {
        double top = chartHeight - height();
        double shift = Text.middleToBaseline(font);
        for (int r = 0; r < rows.size(); r++) {
            List<Item> row = rows.get(r);
            double rowWidth = (row.size() - 1) * ITEM_GAP;
            for (Item item : row) {
                rowWidth += item.width;
            }
            double x = Math.max(XCharts.PADDING, (width - rowWidth) / 2);
            double middle = top + r * rowHeight + rowHeight / 2;
            for (Item item : row) {
                int s = slices ? -1 : item.index;
                int c = slices ? item.index : -1;
                ops.add(new Scene.Paint(new Rectangle2D.Double(x, middle - swatch / 2, swatch, swatch),
                        Ink.series(item.index), null, null, new Scene.Part(Scene.Part.Kind.KEY, s, c)));
                ops.add(new Scene.Label(item.shown, x + swatch + SWATCH_GAP, middle + shift, Scene.Anchor.START, 0,
                        Ink.TEXT, new Scene.Part(Scene.Part.Kind.LEGEND, s, c),
                        item.shown.equals(item.name) ? null : item.name));
                x += item.width + ITEM_GAP;
            }
        }
    }
}
