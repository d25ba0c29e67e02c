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
import java.util.Optional;
import java.util.TreeMap;
import org.threatreport.aggregate.CellData;
import org.threatreport.aggregate.Share;
import org.threatreport.chart.ChartDrawer;
import org.threatreport.chart.ChartException;
import org.threatreport.chart.ChartInput;
import org.threatreport.chart.ChartKind;
import org.threatreport.chart.ChartSeries;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Problem;
import org.threatreport.model.Cell;
import org.threatreport.model.CellKind;
import org.threatreport.model.ChartType;

/**
 * Draws a cell's figure and writes its numbers as CSV, named after the cell's id: the SVG for pages in
 * the light and the dark theme ({@code <id>.svg}, {@code <id>.dark.svg}), the same for narrow screens
 * ({@code <id>.narrow.svg}, {@code <id>.narrow.dark.svg}: {@value #NARROW_WIDTH} px wide, bars
 * horizontal), and the PNG at 2× for Markdown, notebooks and print. A drawing is kept in a
 * {@link DrawingStore} under the hash of everything it depends on, so an unchanged figure is not drawn
 * again.
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

    /** A figure's width unless its cell gives one (CSS px). */
    public static final int WIDTH = 720;
    /** The width of the variant for narrow screens: its 13 px text stays above 11 px down to a 330 px column. */
    public static final int NARROW_WIDTH = 360;
    /** The file name endings of a figure's drawings after its id, the default first. */
    public static final List<String> DRAWINGS = List.of(".svg", ".dark.svg", ".narrow.svg", ".narrow.dark.svg",
            ".png");

    /** Changes whenever the drawing code changes what it draws, so old cache entries are not reused. */
    private static final String DRAWING_VERSION = "4";

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

    /** The font the figures' labels are drawn with, for other documents that show the figures. */
    public org.threatreport.chart.ChartFont chartFont() {
        return drawer.font();
    }

    /**
     * The files of one cell, by path relative to the version folder.
     *
     * @throws InputException at the cell, for a figure that cannot be drawn legibly
     */
    public Map<String, byte[]> files(CellData data) throws IOException, InputException {
        Map<String, byte[]> files = new TreeMap<>();
        Cell cell = data.cell();
        String base = "figures/" + cell.id();
        files.put(base + ".csv", TableRows.of(data, messages).toCsv().getBytes(StandardCharsets.UTF_8));
        if (cell.kind() == CellKind.FIGURE) {
            try {
                drawings(files, base, chartInput(data));
                drawings(files, base + ".narrow", chartInput(data).narrow(NARROW_WIDTH));
            } catch (ChartException e) {
                throw InputException.of(problem(cell, e.getMessage()));
            }
        }
        return files;
    }

    /** The SVGs (light and dark) and, for the default variant, the PNG of one variant of a figure. */
    private void drawings(Map<String, byte[]> files, String base, ChartInput input) throws IOException {
        String key = hash(input.toString() + '\n' + drawerIdentity + '\n' + DRAWING_VERSION);
        ChartDrawer.Drawing[] drawing = {null}; // laid out once for every file, when any is not kept
        files.put(base + ".svg", store.get(key + ".svg", () -> draw(input, drawing).svg()
                .getBytes(StandardCharsets.UTF_8)));
        files.put(base + ".dark.svg", store.get(key + ".dark.svg", () -> draw(input, drawing).darkSvg()
                .getBytes(StandardCharsets.UTF_8)));
        if (!base.endsWith(".narrow")) {
            files.put(base + ".png", store.get(key + ".png", () -> draw(input, drawing).png()));
        }
    }

    /**
     * What makes a figure wrong or unreadable, found without drawing it (as {@code site:check} and
     * {@code site:report} both do before any figure is drawn): more series than the palette has distinct
     * colours, or a size that leaves no room for its marks and labels, on wide or narrow screens.
     */
    public static List<Problem> problems(ChartDrawer drawer, CellData data) {
        Cell cell = data.cell();
        List<Problem> problems = new ArrayList<>();
        if (cell.kind() != CellKind.FIGURE) {
            return problems;
        }
        ChartInput input = chartInput(data);
        int colours = drawer.distinctColours();
        if (input.kind() == ChartKind.PIE || input.kind() == ChartKind.DONUT) {
            if (input.categories().size() > colours) {
                problems.add(problem(cell, "its " + input.categories().size() + " slices outnumber the "
                        + colours + " colours the chart palette tells apart: keep the largest with 'top: "
                        + (colours - 1) + "', or draw it as 'chart: bar'"));
            }
        } else if (input.series().size() > colours) {
            problems.add(problem(cell, "its " + input.series().size() + " series ('" + cell.stack() + "' has "
                    + input.series().size() + " values) outnumber the " + colours + " colours the chart palette"
                    + " tells apart: stack a column with at most " + colours + " values, or give 'palette' in"
                    + " chart-theme.properties more colours"));
        }
        Optional<String> wide = drawer.problem(input);
        wide.ifPresent(p -> problems.add(problem(cell, "it cannot be drawn legibly: " + p)));
        if (wide.isEmpty()) {
            drawer.problem(input.narrow(NARROW_WIDTH)).ifPresent(p -> problems.add(problem(cell,
                    "it cannot be drawn legibly for narrow screens (" + NARROW_WIDTH + " px wide): " + p)));
        }
        return problems;
    }

    private static Problem problem(Cell cell, String message) {
        return Problem.error(cell.file(), cell.line(), 1, "figure '" + cell.id() + "': " + message);
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
     * few rows are not drawn. A histogram is drawn as columns, one per bin. A stacked chart of shares whose
     * every column adds up to 100 % ends its axis at 100.
     */
    public static ChartInput chartInput(CellData data) {
        Cell cell = data.cell();
        List<ChartSeries> series = data.series().stream().map(s -> series(data, s, cell.percent())).toList();
        ChartKind kind = cell.chart() == ChartType.HISTOGRAM ? ChartKind.COLUMN : ChartKind.valueOf(cell.chart().name());
        int width = cell.width() > 0 ? cell.width() : WIDTH;
        String axis = cell.percent() ? "%" : data.measured() ? data.valueTitle() : "";
        double valueMax = kind == ChartKind.STACKED && cell.percent() && columnsOfWholes(series) ? 100 : 0;
        return new ChartInput(kind, data.axisLabels(), series, axis, cell.valueLabels(), width, cell.height(), false,
                valueMax);
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

    /** Whether every column with rows adds up to 100 (%), within the rounding of its shares. */
    private static boolean columnsOfWholes(List<ChartSeries> series) {
        int categories = series.get(0).values().size();
        boolean any = false;
        for (int c = 0; c < categories; c++) {
            double sum = 0;
            for (ChartSeries s : series) {
                Double v = s.values().get(c);
                sum += v == null ? 0 : v;
            }
            if (sum == 0) {
                continue;
            }
            any = true;
            if (Math.abs(sum - 100) > 0.05 * series.size() + 1e-9) {
                return false;
            }
        }
        return any;
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
