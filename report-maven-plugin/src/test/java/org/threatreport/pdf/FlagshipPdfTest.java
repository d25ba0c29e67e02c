package org.threatreport.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Log;
import org.threatreport.pipeline.ReportBuild;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The flagship 2017 report's PDF, built once into {@code target/pdf-site/2017/report.pdf} and read
 * the way its readers' tools read it: poppler's pdftotext, pdffonts, pdfimages and pdftoppm, PDFBox
 * for the outline, links and structure, veraPDF for PDF/UA-1 and PDF/A-2a. The pages rendered by
 * pdftoppm are kept in {@code target/pdf-pages/}.
 */
class FlagshipPdfTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final Path PAGES = TARGET.resolve("pdf-pages");
    /** The page numbers the PDF adds after a cross-reference or under a figure, which the site's pages do not have. */
    static final Pattern PAGE_REFERENCES = Pattern.compile("（第\\d+页）|数据见第\\d+页");

    static Path site;
    static Path pdf;
    static PDDocument document;

    @BeforeAll
    static void build() throws Exception {
        site = build(TARGET.resolve("pdf-site"));
        pdf = site.resolve(PdfEdition.FILE);
        document = Loader.loadPDF(pdf.toFile());
    }

    @AfterAll
    static void close() throws IOException {
        if (document != null) {
            document.close();
        }
    }

    static Path build(Path output) throws Exception {
        BuildOptions options = new BuildOptions(ROOT, ROOT.resolve("content"), ROOT.resolve("data"),
                ROOT.resolve("site-template"), output, TARGET.resolve("pdf-cache"), "2017", Optional.empty()).withPdf(true);
        return new ReportBuild(options, Log.silent()).run().versionDir();
    }

    static List<Path> chapterPages() throws IOException {
        try (Stream<Path> files = Files.list(site)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d\\d-.*\\.html")).sorted().toList();
        }
    }

    static String normalized(String text) {
        return text.replaceAll("[\\s\\p{Z}]+", "");
    }

    static int pageCount() {
        return document.getNumberOfPages();
    }

    @Test
    void theChaptersReadInTheOrderOfTheirPages() throws IOException {
        assumeTrue(Poppler.available(), Poppler.MISSING);
        String body = PAGE_REFERENCES.matcher(normalized(Poppler.body(pdf, 1, pageCount()))).replaceAll("");
        int at = 0;
        int blocks = 0;
        for (Path page : chapterPages()) {
            Element article = Jsoup.parse(page.toFile(), "UTF-8").selectFirst("article.chapter");
            article.select("nav, .chapter-formats, details, figure").remove();
            for (Element block : article.select("h1, h2, h3, p, li:not(:has(p))")) {
                String text = normalized(block.text());
                if (text.isEmpty()) {
                    continue;
                }
                int found = body.indexOf(text, at);
                assertTrue(found >= 0, page.getFileName() + ": not in the PDF after what came before: " + block.text());
                at = found + text.length();
                blocks++;
            }
        }
        assertTrue(blocks > 50, "read " + blocks + " blocks");
    }

    @Test
    void everyFontIsEmbeddedAsASubset() throws IOException {
        assumeTrue(Poppler.available(), Poppler.MISSING);
        List<String> rows = Poppler.run("pdffonts", pdf.toString()).lines().skip(2).filter(l -> !l.isBlank()).toList();
        assertFalse(rows.isEmpty());
        for (String row : rows) {
            String[] columns = row.trim().split("\\s+");
            assertEquals("yes", columns[columns.length - 5], "embedded: " + row);
            assertEquals("yes", columns[columns.length - 4], "subset: " + row);
            assertTrue(columns[0].matches("[A-Z]{6}\\+.+"), row);
        }
    }

    @Test
    void everyFigureIsVectorWithItsLabelsAsText() throws IOException {
        assumeTrue(Poppler.available(), Poppler.MISSING);
        List<String> images = Poppler.run("pdfimages", "-list", pdf.toString()).lines().skip(2).toList();
        assertEquals(List.of(), images, "no raster image: the charts are drawn as vector graphics");
        for (JsonNode cell : manifest().get("cells")) {
            String id = cell.get("id").asText();
            if (!id.startsWith("fig-")) {
                continue;
            }
            int page = pageOfCaption(cell.get("label").asText(), cell.get("caption").asText());
            String text = normalized(Poppler.body(pdf, page, page));
            for (String label : firstColumn(site.resolve("figures/" + id + ".csv"))) {
                assertTrue(text.contains(normalized(label)), id + ": label '" + label + "' is not text on page " + page);
            }
        }
    }

    /** The first page after the front matter whose body shows the caption. */
    static int pageOfCaption(String label, String caption) throws IOException {
        String wanted = normalized(label + caption);
        for (int page = frontMatterEnd() + 1; page <= pageCount(); page++) {
            if (normalized(Poppler.body(pdf, page, page)).contains(wanted)) {
                return page;
            }
        }
        throw new AssertionError("no page shows " + label + " " + caption);
    }

    static int frontMatterEnd() throws IOException {
        return outline().get("图表目录");
    }

    static List<String> firstColumn(Path csv) throws IOException {
        List<String> values = new ArrayList<>();
        Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1).forEach(line -> {
            String first = line.startsWith("\"") ? line.substring(1, line.indexOf('"', 1)) : line.split(",", 2)[0];
            values.add(first);
        });
        return values;
    }

    static JsonNode manifest() throws IOException {
        return new ObjectMapper().readTree(site.resolve("values.json").toFile());
    }

    @Test
    void theOutlineHasEveryChapterAndSection() throws IOException {
        Map<String, Integer> outline = outline();
        for (Path page : chapterPages()) {
            Document html = Jsoup.parse(page.toFile(), "UTF-8");
            String title = html.selectFirst("article.chapter h1").text();
            assertTrue(outline.containsKey(title), "no bookmark for " + title + " in " + outline.keySet());
            for (Element section : html.select("article.chapter > h2")) {
                assertTrue(outline.containsKey(section.text()), "no bookmark for " + section.text());
            }
        }
        assertTrue(outline.containsKey("摘要") && outline.containsKey("目录") && outline.containsKey("附录 图的数据"),
                outline.keySet().toString());
    }

    /** Every bookmark's title and the page (1-based) it leads to, in order. */
    static Map<String, Integer> outline() throws IOException {
        Map<String, Integer> titles = new LinkedHashMap<>();
        collect(document.getDocumentCatalog().getDocumentOutline(), titles);
        return titles;
    }

    private static void collect(PDOutlineNode node, Map<String, Integer> titles) throws IOException {
        for (PDOutlineItem item : node.children()) {
            PDPageDestination destination = (PDPageDestination) (item.getDestination() != null ? item.getDestination()
                    : ((PDActionGoTo) item.getAction()).getDestination());
            titles.putIfAbsent(item.getTitle(), document.getPages().indexOf(destination.getPage()) + 1);
            collect(item, titles);
        }
    }

    @Test
    void theContentsGiveThePagesWhereTheHeadingsAre() throws IOException {
        assumeTrue(Poppler.available(), Poppler.MISSING);
        int contents = outline().get("目录");
        Map<String, Integer> listed = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^\\s*(\\S.*?)(?:\\s*\\.){3,}\\s*(\\d+)\\s*$")
                .matcher(Poppler.text(pdf, contents, contents, "-layout"));
        while (line.find()) {
            listed.put(line.group(1).trim(), Integer.parseInt(line.group(2)));
        }
        assertTrue(listed.size() > 15, "contents: " + listed);
        Map<String, Integer> outline = outline();
        listed.forEach((title, page) -> {
            assertEquals(outline.get(title), page, "contents and bookmark disagree on " + title);
            try {
                String body = normalized(Poppler.body(pdf, page, page));
                assertTrue(body.contains(normalized(title)), title + " is not on page " + page);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        for (Path page : chapterPages()) {
            String title = Jsoup.parse(page.toFile(), "UTF-8").selectFirst("article.chapter h1").text();
            int at = listed.get(title);
            assertTrue(normalized(Poppler.body(pdf, at, at)).startsWith(normalized(title)), title + " starts page " + at);
        }
    }

    @Test
    void noHeadingIsLeftAloneAtTheFootOfAPage() throws IOException {
        assumeTrue(Poppler.available(), Poppler.MISSING);
        List<String> headings = new ArrayList<>();
        for (Path page : chapterPages()) {
            Jsoup.parse(page.toFile(), "UTF-8").select("article.chapter h2, article.chapter h3")
                    .forEach(h -> headings.add(normalized(h.text())));
        }
        String[] pages = Poppler.body(pdf, 1, pageCount()).split("\f");
        for (int i = 0; i < pages.length; i++) {
            List<String> lines = pages[i].lines().filter(l -> !l.isBlank()).toList();
            if (!lines.isEmpty()) {
                String last = normalized(lines.get(lines.size() - 1));
                assertFalse(headings.contains(last), "page " + (i + 1) + " ends with the heading " + last);
            }
        }
    }

    @Test
    void everyPageButTheCoverIsNumberedOfTheWhole() throws IOException {
        assumeTrue(Poppler.available(), Poppler.MISSING);
        String[] pages = Poppler.text(pdf, 1, pageCount(), "-layout").split("\f");
        assertFalse(pages[0].contains("第 1 页"), "the cover has no footer");
        for (int i = 1; i < pageCount(); i++) {
            List<String> lines = pages[i].lines().filter(l -> !l.isBlank()).toList();
            assertEquals("第" + (i + 1) + "页", normalized(lines.get(lines.size() - 1)), "footer of page " + (i + 1));
            assertTrue(lines.get(0).contains("2017 年网络安全应急响应分析报告"), "running header of page " + (i + 1));
        }
        assertTrue(Poppler.run("pdfinfo", pdf.toString()).contains("Pages:           " + pageCount()));
    }

    @Test
    void everyLinkInsideTheReportLeadsToAPage() throws IOException {
        int internal = 0;
        for (PDPage page : document.getPages()) {
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionGoTo goTo) {
                    PDPageDestination destination = (PDPageDestination) goTo.getDestination();
                    assertTrue(document.getPages().indexOf(destination.getPage()) >= 0, "a link leads nowhere");
                    assertNotNull(link.getContents(), "every link has a description");
                    internal++;
                }
            }
        }
        assertTrue(internal > 40, internal + " internal links (contents, list of figures, cross-references)");
    }

    @Test
    void theDocumentDescribesItself() throws IOException {
        PDDocumentInformation info = document.getDocumentInformation();
        assertEquals("2017 年网络安全应急响应分析报告", info.getTitle());
        assertEquals("360 安服团队", info.getAuthor());
        assertTrue(info.getSubject().startsWith("360 安服团队对 2017 年"), info.getSubject());
        assertTrue(info.getKeywords().contains("应急响应"), info.getKeywords());
        assertEquals("zh-CN", document.getDocumentCatalog().getLanguage());
        assertEquals(2018, info.getCreationDate().get(java.util.Calendar.YEAR));
        String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
        assertTrue(xmp.contains("2017 年网络安全应急响应分析报告") && xmp.contains("<xmp:CreateDate>2018-08-13T00:00:00Z<"), xmp);
    }

    @Test
    void itIsTaggedWithHeadingsTablesAndFiguresWithTheirAltText() throws IOException {
        Map<String, List<PDStructureElement>> byType = new LinkedHashMap<>();
        structure(document.getDocumentCatalog().getStructureTreeRoot(), byType);
        List<String> alts = byType.getOrDefault("Figure", List.of()).stream().map(PDStructureElement::getAlternateDescription)
                .toList();
        for (Path page : chapterPages()) {
            for (Element img : Jsoup.parse(page.toFile(), "UTF-8").select("figure.figure img")) {
                assertTrue(alts.contains(img.attr("alt")), "a figure tagged with the alt text " + img.attr("alt"));
            }
        }
        assertTrue(byType.get("H1").size() >= 7, "H1: chapters, abstract, contents …");
        assertTrue(byType.get("H2").size() >= 10, "H2: sections");
        assertTrue(byType.get("Table").size() >= 13, "tables: the report's and the figures' numbers");
        assertTrue(byType.get("TH").size() > 50, "header cells");
        assertTrue(byType.containsKey("L") && byType.containsKey("LI"), "lists");
        assertTrue(byType.containsKey("Link"), "links");
    }

    private static void structure(PDStructureNode node, Map<String, List<PDStructureElement>> byType) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                byType.computeIfAbsent(element.getStandardStructureType(), t -> new ArrayList<>()).add(element);
                structure(element, byType);
            }
        }
    }

    @Test
    void veraPdfFindsNoFailedRuleOfPdfUaOrPdfA() throws Exception {
        for (PDFAFlavour flavour : List.of(PDFAFlavour.PDFUA_1, PDFAFlavour.PDFA_2_A)) {
            assertEquals(List.of(), VeraPdf.failures(pdf, flavour), flavour.toString());
        }
    }

    @Test
    void thePagesLookAsIntended() throws IOException {
        assumeTrue(Poppler.available(), Poppler.MISSING);
        Files.createDirectories(PAGES);
        try (Stream<Path> old = Files.list(PAGES)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Poppler.run("pdftoppm", "-r", "36", "-png", pdf.toString(), PAGES.resolve("page").toString());
        List<Path> images;
        try (Stream<Path> files = Files.list(PAGES)) {
            images = files.sorted().toList();
        }
        assertEquals(pageCount(), images.size());
        for (Path image : images) {
            BufferedImage page = ImageIO.read(image.toFile());
            double ink = share(page, 0.12, 0.88, rgb -> brightness(rgb) < 200);
            assertTrue(ink > 0.003, image.getFileName() + " is blank (" + ink + ")");
        }
        BufferedImage cover = ImageIO.read(images.get(0).toFile());
        assertTrue(share(cover, 0.85, 1.0, rgb -> near(rgb, 0x1d5c96)) > 0.6, "the cover's band in the report's accent colour");
        assertTrue(share(cover, 0.2, 0.4, rgb -> near(rgb, 0x1d5c96)) > 0.002, "the cover's title in the accent colour");
        int figure = pageOfCaption("图 1", "2017 年应急响应事件月度趋势");
        BufferedImage chart = ImageIO.read(images.get(figure - 1).toFile());
        assertTrue(share(chart, 0.1, 0.9, rgb -> near(rgb, 0x0072b2)) > 0.0005, "the line of figure 1 is drawn");
    }

    interface Pixel {
        boolean test(int rgb);
    }

    /** The share of the pixels between two heights (0 top, 1 bottom) that pass {@code test}. */
    static double share(BufferedImage image, double from, double to, Pixel test) {
        int count = 0;
        int total = 0;
        for (int y = (int) (image.getHeight() * from); y < (int) (image.getHeight() * to); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                total++;
                count += test.test(image.getRGB(x, y) & 0xffffff) ? 1 : 0;
            }
        }
        return total == 0 ? 0 : (double) count / total;
    }

    static int brightness(int rgb) {
        return ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
    }

    static boolean near(int rgb, int colour) {
        int d = Math.abs((rgb >> 16 & 0xff) - (colour >> 16 & 0xff)) + Math.abs((rgb >> 8 & 0xff) - (colour >> 8 & 0xff))
                + Math.abs((rgb & 0xff) - (colour & 0xff));
        return d < 60;
    }

    @Test
    void everyPageOfTheSiteOffersThePdf() throws IOException {
        try (Stream<Path> files = Files.list(site)) {
            for (Path page : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Element link = Jsoup.parse(page.toFile(), "UTF-8").selectFirst("a.site-pdf");
                assertNotNull(link, page.getFileName() + " offers the PDF");
                assertEquals("report.pdf", link.attr("href"));
                assertEquals("下载 PDF", link.text());
                assertEquals("2017 年网络安全应急响应分析报告 2017.pdf", link.attr("download"));
            }
        }
        assertNotNull(Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8").selectFirst(".downloads a[href=report.pdf]"));
        assertNotNull(Jsoup.parse(site.resolve("corrections.html").toFile(), "UTF-8")
                .selectFirst(".downloads a[href=report.pdf]"), "the corrections log lists the PDF");
        assertEquals("report.pdf", manifest().get("documents").get(0).get("href").asText());
        String versions = Files.readString(site.getParent().resolve("versions.html"));
        assertTrue(versions.contains("<a href=\"2017/report.pdf\">下载 PDF</a>"), versions);
    }

    @Test
    void aSecondBuildWritesTheSameBytes() throws Exception {
        Path again = build(TARGET.resolve("pdf-site-again"));
        assertArrayEquals(Files.readAllBytes(pdf), Files.readAllBytes(again.resolve(PdfEdition.FILE)));
    }
}
