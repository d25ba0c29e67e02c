package org.threatreport.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threatreport.chart.ChartFont;
import org.threatreport.chart.ChartFonts;

/** The PDF embeds the charts' font, or says why it cannot. Needs Debian's fonts-wqy-microhei and fonts-noto-cjk. */
class PdfFontTest {

    static final Path WQY = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    static final Path NOTO_CJK = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

    @Test
    void theChartsFontFromACollectionIsItsOwnFace() throws Exception {
        assumeTrue(Files.isRegularFile(WQY), "needs fonts-wqy-microhei");
        ChartFont chart = ChartFonts.choose(WQY, null, List.of("政府部门"));
        PdfFont font = PdfFont.choose(chart, f -> true);
        assertEquals("WenQuanYi Micro Hei", font.family(), "not the collection's monospaced face");
        assertEquals(WQY, font.regular().file());
        assertFalse(font.regular().postScriptOutlines());
        assertTrue(font.note().isEmpty());
    }

    @Test
    void anInstalledChartFontIsFoundByItsFamily() throws Exception {
        assumeTrue(Files.isRegularFile(WQY), "needs fonts-wqy-microhei");
        ChartFont chart = ChartFonts.choose(null, null, List.of("政府部门"));
        assumeTrue(chart.cssFamily().equals("WenQuanYi Micro Hei"), "the charts' font here is " + chart.source());
        PdfFont font = PdfFont.choose(chart, f -> true);
        assertEquals(WQY, font.regular().file());
        assertTrue(font.note().isEmpty());
    }

    @Test
    void anInstalledFamilyBringsItsBoldFace() {
        Path dejaVu = Path.of("/usr/share/fonts/truetype/dejavu");
        assumeTrue(Files.isRegularFile(dejaVu.resolve("DejaVuSans.ttf")) && Files.isRegularFile(dejaVu.resolve("DejaVuSans-Bold.ttf")),
                "needs fonts-dejavu-core");
        ChartFont chart = new ChartFont(new java.awt.Font("DejaVu Sans", java.awt.Font.PLAIN, 12), "DejaVu Sans",
                "installed font DejaVu Sans");
        PdfFont font = PdfFont.choose(chart, f -> true);
        assertEquals(dejaVu.resolve("DejaVuSans.ttf"), font.regular().file());
        assertEquals(dejaVu.resolve("DejaVuSans-Bold.ttf"), font.bold().orElseThrow().file());
    }

    @Test
    void aFontWithPostScriptOutlinesGivesWayToAnInstalledTrueTypeFont() throws Exception {
        assumeTrue(Files.isRegularFile(NOTO_CJK) && Files.isRegularFile(WQY), "needs fonts-noto-cjk and fonts-wqy-microhei");
        ChartFont chart = ChartFonts.choose(NOTO_CJK, null, List.of("政府部门"));
        PdfFont font = PdfFont.choose(chart, f -> f.canDisplay('政'));
        assertFalse(font.regular().postScriptOutlines());
        assertTrue(font.note().orElseThrow().contains("PostScript (CFF) outlines"), font.note().orElseThrow());
    }

    @Test
    void withoutAFontForTheTextTheBuildSaysWhatToDo() throws Exception {
        assumeTrue(Files.isRegularFile(WQY), "needs fonts-wqy-microhei");
        ChartFont chart = ChartFonts.choose(WQY, null, List.of("政府部门"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PdfFont.choose(chart, f -> false));
        assertTrue(e.getMessage().contains("lacks characters of the text") && e.getMessage().contains("report.pdf=false"),
                e.getMessage());
    }
}
