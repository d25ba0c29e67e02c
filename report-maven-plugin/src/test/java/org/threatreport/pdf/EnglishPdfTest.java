package org.threatreport.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Log;
import org.threatreport.pipeline.ReportBuild;
import org.threatreport.testing.ProjectFiles;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Another team's report in English (the invoker fixture {@code src/it/english-report}, with a cover
 * picture added) gets its PDF in English.
 */
class EnglishPdfTest {

    static final Path FIXTURE = Path.of("src/it/english-report").toAbsolutePath();

    @TempDir
    static Path work;
    static Path pdf;

    @BeforeAll
    static void build() throws Exception {
        Path project = work.resolve("english-report");
        for (String folder : List.of("content", "data", "site-template")) {
            ProjectFiles.copyTree(FIXTURE.resolve(folder), project.resolve(folder));
        }
        // A cover picture of the team's own, which the built-in layout puts on the cover.
        BufferedImage cover = new BufferedImage(420, 160, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < cover.getWidth(); x++) {
            for (int y = 0; y < cover.getHeight(); y++) {
                cover.setRGB(x, y, (x * 255 / cover.getWidth()) << 16 | (y * 255 / cover.getHeight()) << 8 | 0x80);
            }
        }
        Files.createDirectories(project.resolve("site-template/pdf"));
        ImageIO.write(cover, "png", project.resolve("site-template/pdf/cover.png").toFile());
        BuildOptions options = BuildOptions.conventional(project, "1.0").withPdf(true);
        pdf = new ReportBuild(options, Log.silent()).run().versionDir().resolve(PdfEdition.FILE);
    }

    @Test
    void itReadsInEnglish() throws Exception {
        assumeTrue(Poppler.available(), Poppler.MISSING);
        String text = Poppler.text(pdf, 1, 1000);
        assertTrue(text.contains("Phishing Response Review 2023") && text.contains("Northwind Security Operations"));
        assertTrue(text.contains("Table of contents"), "the project's own wording of a string (messages_en.properties)");
        assertTrue(text.contains("List of figures and tables"), "front matter in English");
        assertTrue(text.matches("(?s).*Figure 1 \\(page \\d+\\).*"), "a cross-reference and its page: " + text);
        assertTrue(text.contains("Numbers on page "), "each figure leads to its numbers");
        assertFalse(text.contains("图") || text.contains("第"), "nothing in Chinese");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int pages = document.getNumberOfPages();
            String[] byPage = Poppler.text(pdf, 1, pages, "-layout").split("\f");
            for (int i = 1; i < pages; i++) {
                List<String> lines = byPage[i].lines().filter(l -> !l.isBlank()).toList();
                assertEquals("Page " + (i + 1) + " of " + pages, lines.get(lines.size() - 1).trim());
            }
            assertEquals("en", document.getDocumentCatalog().getLanguage());
            assertEquals("Phishing Response Review 2023", document.getDocumentInformation().getTitle());
        }
    }

    @Test
    void theCoverPictureOfTheSiteTemplateIsOnTheCover() throws Exception {
        assumeTrue(Poppler.available(), Poppler.MISSING);
        List<String> images = Poppler.run("pdfimages", "-list", pdf.toString()).lines().skip(2).toList();
        assertEquals(1, images.size(), String.join("\n", images));
        assertTrue(images.get(0).trim().startsWith("1 "), "on page 1: " + images.get(0));
    }

    @Test
    void itIsPdfUaAndPdfA() throws Exception {
        for (PDFAFlavour flavour : List.of(PDFAFlavour.PDFUA_1, PDFAFlavour.PDFA_2_A)) {
            assertEquals(List.of(), VeraPdf.failures(pdf, flavour), flavour.toString());
        }
    }

    @Test
    void itsFontsAreEmbedded() throws Exception {
        assumeTrue(Poppler.available(), Poppler.MISSING);
        List<String> rows = Poppler.run("pdffonts", pdf.toString()).lines().skip(2).filter(l -> !l.isBlank()).toList();
        assertFalse(rows.isEmpty());
        rows.forEach(row -> assertTrue(row.matches(".*\\byes\\s+yes\\s+yes\\s+\\d+\\s+\\d+\\s*$"), row));
    }
}
