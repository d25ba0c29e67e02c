package org.threatreport.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

/**
 * Draws a cell's figure (SVG for pages, PNG at 2× for Markdown, notebooks and print) and writes its
 * numbers as CSV, named after the cell's id. A drawing is kept in the cache folder under the hash
 * of everything it depends on, so an unchanged figure is not drawn again.
 */
public final class FigureFiles {

    /** Changes whenever the drawing code changes what it draws, so old cache entries are not reused. */
    private static final String DRAWING_VERSION = "3";

    private final ChartDrawer drawer;
    private final String drawerIdentity;
    private final Path cacheDir;
    private final Messages messages;

    /** @param drawerIdentity the theme and font, part of every cache key */
    public FigureFiles(ChartDrawer drawer, String drawerIdentity, Path cacheDir, Messages messages) {
        this.drawer = drawer;
        this.drawerIdentity = drawerIdentity;
        this.cacheDir = cacheDir;
        this.messages = messages;
    }

    /** The font the figures' labels are drawn with, for other documents that show the figures. */
    public org.threatreport.chart.ChartFont chartFont() {
        return drawer.font();
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
            byte[] svg = fromCache(key + ".svg");
            byte[] png = fromCache(key + ".png");
            if (svg == null || png == null) {
                ChartDrawer.Drawing drawing = drawer.draw(input); // laid out once for both formats
                svg = svg != null ? svg : toCache(key + ".svg", drawing.svg().getBytes(StandardCharsets.UTF_8));
                png = png != null ? png : toCache(key + ".png", drawing.png());
            }
            files.put(base + ".svg", svg);
            files.put(base + ".png", png);
        }
        return files;
    }

    /** What the chart drawer needs of a figure cell's numbers: kind, categories, series, size. */
    public static ChartInput chartInput(CellData data) {
        Cell cell = data.cell();
        List<ChartSeries> series = data.series().stream().map(s -> new ChartSeries(s.name(),
                cell.percent() ? s.shares().stream().map(share -> share.percent().doubleValue()).toList()
                        : s.counts().stream().map(Long::doubleValue).toList(),
                cell.percent() ? s.shares().stream().map(Share::toString).toList()
                        : s.counts().stream().map(String::valueOf).toList())).toList();
        ChartKind kind = ChartKind.valueOf(cell.chart().name());
        int width = cell.width() > 0 ? cell.width() : 720;
        int height = cell.height() > 0 ? cell.height() : defaultHeight(kind, data.categories().size());
        return new ChartInput(kind, data.categories(), series, cell.percent() ? "%" : "",
                cell.valueLabels(), width, height);
    }

    private static int defaultHeight(ChartKind kind, int categories) {
        return kind == ChartKind.BAR ? Math.max(200, 50 + 32 * categories) : 400;
    }

    /** The cached file's bytes, or null. */
    private byte[] fromCache(String name) throws IOException {
        Path file = cacheDir.resolve(name);
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    private byte[] toCache(String name, byte[] bytes) throws IOException {
        Files.createDirectories(cacheDir);
        Path temporary = Files.createTempFile(cacheDir, name, ".part");
        Files.write(temporary, bytes);
        Files.move(temporary, cacheDir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return bytes;
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
