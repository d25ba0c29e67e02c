package org.threatreport.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.model.CellKind;
import org.threatreport.render.PortableFixture;
import org.threatreport.render.PortableMarkdown;
import org.threatreport.testing.Requires;

/**
 * The notebooks of the small report of {@code portable/input/}: the golden chapter's notebook is
 * exactly {@code portable/expected/01-golden.ipynb} (rewrite with {@code -Dgolden.update=true} and
 * review the diff), every notebook is valid nbformat 4.5, and its code, run with JShell beside the
 * report's data, prints the report's numbers — here with multi-category columns, groups, top-N,
 * filters on a group and a month, percent axes, pies and stacked bars, which the flagship report
 * does not all use — and it draws exactly the pictures stored under its cells, on data with a field
 * of 20,000 characters (which the build reads too).
 */
class NotebookBuilderTest {

    /** A summary longer than any field Tablesaw reads by default (4,096 characters). */
    static final String LONG_SUMMARY = "Defaced home page, long report. ".repeat(625);

    @TempDir
    static Path folder;
    static PortableFixture fixture;
    static NotebookBuilder builder;
    static Map<String, byte[]> notebooks;

    @BeforeAll
    static void build() throws Exception {
        fixture = PortableFixture.load();
        builder = new NotebookBuilder(fixture.report, fixture.data, fixture.cells, fixture.markdown, fixture.messages,
                "WenQuanYi Micro Hei");
        notebooks = builder.files(fixture.chapters);
        // The version folder as the build lays it out: notebooks beside data/<table>.csv — here with a
        // summary of 20,000 characters, which changes no count.
        Files.createDirectories(folder.resolve("data"));
        String csv = Files.readString(PortableFixture.INPUT.resolve("data/incidents.csv"), StandardCharsets.UTF_8);
        assertEquals(20_000, LONG_SUMMARY.length());
        Files.writeString(folder.resolve("data/incidents.csv"),
                csv.replace("\"Defaced home page, \"\"urgent\"\"\"", "\"" + LONG_SUMMARY + "\""), StandardCharsets.UTF_8);
        assertTrue(Files.readString(folder.resolve("data/incidents.csv")).contains(LONG_SUMMARY));
        for (Map.Entry<String, byte[]> notebook : notebooks.entrySet()) {
            Files.write(folder.resolve(notebook.getKey()), notebook.getValue());
        }
    }

    @Test
    void theGoldenNotebookIsAsExpected() throws Exception {
        // The pictures' bytes depend on the fonts of the machine: they are compared by running the code.
        PortableFixture.assertGolden("01-golden.ipynb", new String(notebooks.get("01-golden.ipynb"), StandardCharsets.UTF_8)
                .replaceAll("\"image/png\": \"[^\"]*\"", "\"image/png\": \"(a PNG the cell's code draws)\""));
    }

    @Test
    void everyChapterHasItsNotebook() {
        assertEquals(List.of("01-golden.ipynb", "02-other.ipynb"), List.copyOf(notebooks.keySet()));
    }

    @Test
    void theNotebooksFollowTheNbformatSchema() throws Exception {
        List<Path> files = notebooks.keySet().stream().map(folder::resolve).toList();
        for (Path file : files) {
            assertEquals(List.of(), NotebookChecks.structuralProblems(file), file.toString());
        }
        String python = NotebookChecks.pythonWithNbformat();
        Requires.that(python != null, "Python with nbformat (apt-get install python3-nbformat)");
        assertEquals(files.stream().map(f -> "VALID " + f).toList(), NotebookChecks.validateWithNbformat(python, files));
    }

    @Test
    void buildingTwiceGivesTheSameBytes() {
        Map<String, byte[]> again = builder.files(fixture.chapters);
        notebooks.forEach((name, bytes) -> assertEquals(new String(bytes, StandardCharsets.UTF_8),
                new String(again.get(name), StandardCharsets.UTF_8), name));
    }

    @Test
    void theCellsAreTheTextTheSetupAndAComputationPerFigureOrTable() throws Exception {
        JsonNode cells = new ObjectMapper().readTree(notebooks.get("01-golden.ipynb")).path("cells");
        List<String> shape = new ArrayList<>();
        for (JsonNode cell : cells) {
            String computes = cell.path("metadata").path(NotebookBuilder.METADATA_KEY).path("cell").asText("");
            shape.add(cell.path("cell_type").asText() + (computes.isEmpty() ? "" : " " + computes));
        }
        assertEquals(List.of("markdown", "code", "code", "code", "code", "markdown", "code fig-sectors", "markdown",
                "code tbl-techniques", "markdown", "code fig-channels", "markdown", "code fig-sector-channel", "markdown",
                "code tbl-march-web", "markdown"), shape);
        assertEquals("01-golden-1", cells.get(0).path("id").asText());
        assertTrue(cells.get(1).path("source").get(0).asText().startsWith("%maven tech.tablesaw:tablesaw-core:0.44.4"));
        assertTrue(cells.get(1).path("source").get(1).asText().startsWith("%maven org.knowm.xchart:xchart:3.8.8"));
    }

    @Test
    void figuresKeepThePictureTheirCodeDrawsAndTablesAnHtmlTable() throws Exception {
        Map<String, JsonNode> results = new TreeMap<>();
        for (JsonNode cell : new ObjectMapper().readTree(notebooks.get("01-golden.ipynb")).path("cells")) {
            for (JsonNode output : cell.path("outputs")) {
                if (output.path("output_type").asText().equals("execute_result")) {
                    results.put(cell.path("metadata").path(NotebookBuilder.METADATA_KEY).path("cell").asText(), output);
                }
            }
        }
        byte[] png = Base64.getDecoder().decode(results.get("fig-sectors").path("data").path("image/png").asText());
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertEquals(720, picture.getWidth(), "the size the notebook's XChart code draws");
        assertEquals(400, picture.getHeight());
        String html = results.get("tbl-techniques").path("data").path("text/html").toString();
        assertTrue(html.contains("<th>Other</th><td style=\\\"text-align: right\\\">6</td>"), html);
        String text = results.get("tbl-techniques").path("data").path("text/plain").toString();
        assertTrue(text.contains("Table 1"), text);
    }

    @Test
    void theCodeRunWithJShellPrintsTheReportsNumbers() throws Exception {
        NotebookRunner.Output run = NotebookRunner.run(folder, List.copyOf(notebooks.keySet()));
        assertEquals(List.of(), run.errors(), run.log());
        int compared = 0;
        int pictures = 0;
        for (String notebook : notebooks.keySet()) {
            Map<String, List<String>> printed = run.printed().get(notebook);
            assertNotNull(printed, run.log());
            Map<String, String> stored = NotebookChecks.storedPrints(folder.resolve(notebook));
            for (PortableMarkdown.Block block : fixture.markdown.blocks(fixture.chapter(notebook.replace(".ipynb", "")), null)) {
                if (block instanceof PortableMarkdown.CellBlock cell) {
                    String id = cell.data().cell().id();
                    List<String> expected = NotebookChecks.expectedLines(cell.rows().toCsv(),
                            fixture.messages.get("table.count"), fixture.messages.get("table.share"));
                    assertEquals(expected, printed.get(id), notebook + " " + id);
                    assertEquals(String.join("\n", expected) + "\n", stored.get(id), notebook + " " + id + " stored output");
                    compared++;
                    if (cell.data().cell().kind() == CellKind.FIGURE) {
                        Path drawn = NotebookRunner.picture(folder, notebook, id);
                        assertNotNull(drawn, notebook + " " + id + " drew no picture: " + run.log());
                        assertEquals("", NotebookChecks.pictureDifference(NotebookChecks.storedPictures(
                                folder.resolve(notebook)).get(id), Files.readAllBytes(drawn)),
                                notebook + " " + id + ": running the cell changes its picture");
                        pictures++;
                    }
                }
            }
        }
        assertEquals(fixture.cells.size(), compared);
        assertEquals(fixture.cells.values().stream().filter(c -> c.cell().kind() == CellKind.FIGURE).count(), pictures);
    }

    /**
     * The data download marks cells a spreadsheet would run as formulas ({@code DataDownload}); the
     * notebook reading it gets the values back as they were.
     */
    @Test
    void theNotebookReadsTheDataAsItWasBeforeItWasMadeSafeForSpreadsheets(@TempDir Path dir) throws Exception {
        String csv = Files.readString(PortableFixture.INPUT.resolve("data/incidents.csv"));
        List<String> summaries = List.of("=HYPERLINK(\"http://evil.example\";\"x\")", "-2+3", "@SUM(A1)", "'=1", "-5");
        String[] lines = csv.split("\n", -1);
        for (int row = 0; row < summaries.size(); row++) {
            String line = lines[row + 1];
            String withoutSummary = line.startsWith("G01") ? line.substring(0, line.indexOf(",\"")) : line.substring(0, line.lastIndexOf(','));
            lines[row + 1] = withoutSummary + ",\"" + summaries.get(row).replace("\"", "\"\"") + "\"";
        }
        byte[] original = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        byte[] download = org.threatreport.site.DataDownload.of(original, StandardCharsets.UTF_8);
        assertTrue(new String(download, StandardCharsets.UTF_8).contains("\"'=HYPERLINK("), "the download is marked");
        Files.createDirectories(dir.resolve("data"));
        Files.write(dir.resolve("data/incidents.csv"), download);

        // The golden notebook's setup, then a cell that prints the summaries it read.
        ObjectMapper json = new ObjectMapper();
        ObjectNode notebook = (ObjectNode) json.readTree(notebooks.get("01-golden.ipynb"));
        ArrayNode cells = json.createArrayNode();
        for (JsonNode cell : notebook.path("cells")) {
            if (cell.path("cell_type").asText().equals("code") && cell.path("metadata").path(NotebookBuilder.METADATA_KEY).path("cell").isMissingNode()) {
                cells.add(cell);
            }
        }
        ObjectNode check = cells.addObject();
        check.put("cell_type", "code");
        check.putObject("metadata").putObject(NotebookBuilder.METADATA_KEY).put("cell", "summaries");
        check.putArray("source").add("for (int i = 0; i < " + summaries.size() + "; i++) System.out.println(incidents.stringColumn(\"summary\").get(i));");
        check.putArray("outputs");
        notebook.set("cells", cells);
        Files.write(dir.resolve("check.ipynb"), json.writeValueAsBytes(notebook));

        NotebookRunner.Output run = NotebookRunner.run(dir, List.of("check.ipynb"));
        assertEquals(List.of(), run.errors(), run.log());
        assertEquals(summaries, run.printed().get("check.ipynb").get("summaries"), run.log());
    }
}
