package org.threatreport.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.threatreport.aggregate.CellData;
import org.threatreport.aggregate.Share;
import org.threatreport.chart.ChartDrawer;
import org.threatreport.chart.ChartInput;
import org.threatreport.chart.ChartKind;
import org.threatreport.chart.ChartSeries;
import org.threatreport.model.Cell;
import org.threatreport.model.CellKind;
import org.threatreport.model.ChartType;

/**
 * Draws a cell's figure (SVG for pages, PNG at 2× for Markdown, notebooks and print) and writes its
 * numbers as CSV, named after the cell's id. A drawing is kept in a {@link DrawingStore} under the hash
 * of everything it depends on, so an unchanged figure is not drawn again.
 */
public final class FigureFiles {

    /** Where drawings are kept between builds, by file name: gives the kept bytes, or makes and keeps them. */
    public interface DrawingStore {
        byte[] get(String name, Drawn drawn) throws IOException;
    }

    /** Makes a drawing's bytes. */
    public interface Drawn {
        byte[] bytes() throws IOException;
    }

    /** Changes whenever the drawing code changes what it draws, so old cache entries are not reused. */
    private static final String DRAWING_VERSION = "3";

    private final ChartDrawer drawer;
    private final String drawerIdentity;
    private final DrawingStore store;
    private final Messages messages;

    /** @param drawerIdentity the theme and font, part of every drawing's key */
    public FigureFiles(ChartDrawer drawer, String drawerIdentity, DrawingStore store, Messages messages) {
        this.drawer = drawer;
        this.drawerIdentity = drawerIdentity;
        this.store = store;
        this.messages = messages;
    }

    /** The files of one cell, by path relative to the version folder. */
    public Map<String, byte[]> files(CellData data) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Cell cell = data.cell();
        String base = "figures/" + cell.id();
        files.put(base + ".csv", TableRows.of(data, messages).toCsv().getBytes(StandardCharsets.UTF_8));
        if (cell.kind() == CellKind.FIGURE) {
            ChartInput input = chartInput(data);
            String key = hash(input.toString() + '\n' + drawerIdentity + '\n' + DRAWING_VERSION);
            ChartDrawer.Drawing[] drawing = {null}; // laid out once for both formats, when either is not kept
            files.put(base + ".svg", store.get(key + ".svg", () -> draw(input, drawing).svg()
                    .getBytes(StandardCharsets.UTF_8)));
            files.put(base + ".png", store.get(key + ".png", () -> draw(input, drawing).png()));
        }
        return files;
    }

    /** Everything a cell's files are made of (not its number, "图 3", which they never show). */
    public static List<Object> inputs(CellData data, Messages messages) {
        Cell cell = data.cell();
        return List.of(cell.id(), cell.kind(), cell.kind() == CellKind.FIGURE ? chartInput(data) : "",
                TableRows.of(data, messages));
    }

    /**
     * What the chart drawer needs of a figure cell's numbers: kind, categories (as the axis labels them),
     * series, size. Counts and measures are labelled as the text prints them (digits grouped); shares of too
     * few rows are not drawn. A histogram is drawn as columns, one per bin.
     */
    public static ChartInput chartInput(CellData data) {
        Cell cell = data.cell();
        List<ChartSeries> series = data.series().stream().map(s -> series(data, s, cell.percent())).toList();
        ChartKind kind = cell.chart() == ChartType.HISTOGRAM ? ChartKind.COLUMN : ChartKind.valueOf(cell.chart().name());
        int width = cell.width() > 0 ? cell.width() : 720;
        int height = cell.height() > 0 ? cell.height() : defaultHeight(kind, data.categories().size());
        String axis = cell.percent() ? "%" : data.measured() ? data.valueTitle() : "";
        return new ChartInput(kind, data.axisLabels(), series, axis, cell.valueLabels(), width, height);
    }

    private static ChartSeries series(CellData data, CellData.Series s, boolean percent) {
        List<Double> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < s.counts().size(); i++) {
            if (data.measured()) {
                BigDecimal value = s.values().get(i);
                values.add(value == null ? null : value.doubleValue());
                labels.add(value == null ? null : data.measureText(value));
            } else if (percent) {
                Share share = s.shares().get(i);
                values.add(share.suppressed() ? null : share.percent().doubleValue());
                labels.add(share.suppressed() ? null : share.toString());
            } else {
                values.add(s.counts().get(i).doubleValue());
                labels.add(data.countText(s.counts().get(i)));
            }
        }
        return new ChartSeries(s.name(), values, labels);
    }

    private static int defaultHeight(ChartKind kind, int categories) {
        return kind == ChartKind.BAR ? Math.max(200, 50 + 32 * categories) : 400;
    }

    private ChartDrawer.Drawing draw(ChartInput input, ChartDrawer.Drawing[] drawn) {
        if (drawn[0] == null) {
            drawn[0] = drawer.draw(input);
        }
        return drawn[0];
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
