package org.threatreport.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.testing.Requires;

class ChartFontsTest {

    static final List<String> CHINESE = List.of("政府部门", "医疗卫生", "IT 信息技术", "事件数量", "其他");
    static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    static boolean cjkInstalled() {
        // Physical fonts only: Java's logical fonts borrow glyphs from whatever is installed.
        return ChartFonts.candidates().stream().anyMatch(f -> new Font(f, Font.PLAIN, 12).canDisplayUpTo("政府部门") == -1);
    }

    @Test
    void picksAnInstalledFontThatDrawsChineseLabels() throws Exception {
        Requires.that(cjkInstalled(), "an installed CJK font (apt-get install fonts-wqy-microhei)");
        ChartFont chosen = ChartFonts.choose(null, null, CHINESE);
        for (String label : CHINESE) {
            assertEquals(-1, chosen.font().canDisplayUpTo(label), label);
        }
        assertTrue(chosen.source().startsWith("installed font "), chosen.source());
        assertFalse(List.of("Dialog", "DialogInput", "Serif", "SansSerif", "Monospaced").contains(chosen.cssFamily()));
    }

    @Test
    void prefersWenQuanYiMicroHeiWhenInstalled() throws Exception {
        Requires.that(ChartFonts.candidates().contains("WenQuanYi Micro Hei"), "WenQuanYi Micro Hei (apt-get install fonts-wqy-microhei)");
        assertEquals("WenQuanYi Micro Hei", ChartFonts.choose(null, null, CHINESE).cssFamily());
        // The same font for Latin-only charts, so that a report's charts look alike.
        assertEquals("WenQuanYi Micro Hei", ChartFonts.choose(null, null, List.of("Web", "Host")).cssFamily());
    }

    @Test
    void candidatesAreDeterministicAndNeverLogical() {
        List<String> c = ChartFonts.candidates();
        assertEquals(c, ChartFonts.candidates());
        for (String logical : List.of("Dialog", "DialogInput", "Serif", "SansSerif", "Monospaced")) {
            assertFalse(c.contains(logical), logical);
        }
    }

    @Test
    void labelNoFontCanDrawIsNamedWithTheFixes() {
        String unassigned = "事件\u0378"; // U+0378 is unassigned in every Unicode version
        ChartFontException e = assertThrows(ChartFontException.class,
                () -> ChartFonts.choose(null, null, List.of("政府部门", unassigned)));
        assertTrue(e.getMessage().contains("事件U+0378"), e.getMessage());
        assertFixes(e.getMessage());
    }

    @Test
    void configuredLatinFontThatCannotDrawChineseIsRefused() {
        Requires.that(Files.isRegularFile(DEJAVU), "DejaVu Sans (apt-get install fonts-dejavu-core)");
        ChartFontException e = assertThrows(ChartFontException.class,
                () -> ChartFonts.choose(DEJAVU, null, List.of("Web", "政府部门")));
        assertTrue(e.getMessage().contains("\"政府部门\""), e.getMessage());
        assertFalse(e.getMessage().contains("\"Web\""), e.getMessage());
        assertTrue(e.getMessage().contains(DEJAVU.toString()), e.getMessage());
        assertFixes(e.getMessage());
    }

    @Test
    void configuredFontIsUsedWhenItDrawsEveryLabel() throws Exception {
        Requires.that(Files.isRegularFile(DEJAVU), "DejaVu Sans (apt-get install fonts-dejavu-core)");
        ChartFont f = ChartFonts.choose(DEJAVU, null, List.of("Web", "Host 2017"));
        assertEquals("DejaVu Sans", f.cssFamily());
        assertEquals(DEJAVU.toString(), f.source());
    }

    @Test
    void missingOrBrokenConfiguredFontIsNamed(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.ttf");
        ChartFontException e = assertThrows(ChartFontException.class, () -> ChartFonts.choose(missing, null, CHINESE));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());

        Path broken = Files.writeString(dir.resolve("broken.ttf"), "not a font");
        e = assertThrows(ChartFontException.class, () -> ChartFonts.choose(broken, null, CHINESE));
        assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
    }

    @Test
    void firstTemplateFontByNameIsUsed(@TempDir Path dir) throws Exception {
        Requires.that(Files.isRegularFile(DEJAVU), "DejaVu Sans (apt-get install fonts-dejavu-core)");
        Files.copy(DEJAVU, dir.resolve("b-sans.ttf"));
        Files.copy(DEJAVU, dir.resolve("a-sans.TTF"));
        Files.writeString(dir.resolve("0-readme.txt"), "not a font");
        ChartFont f = ChartFonts.choose(null, dir, List.of("Web"));
        assertEquals(dir.resolve("a-sans.TTF").toString(), f.source());
        // The template font is not silently replaced when it cannot draw a label.
        ChartFontException e = assertThrows(ChartFontException.class, () -> ChartFonts.choose(null, dir, CHINESE));
        assertTrue(e.getMessage().contains("a-sans.TTF"), e.getMessage());
    }

    @Test
    void missingTemplateDirFallsBackToInstalledFonts(@TempDir Path dir) throws Exception {
        Requires.that(cjkInstalled(), "an installed CJK font (apt-get install fonts-wqy-microhei)");
        assertTrue(ChartFonts.choose(null, dir.resolve("fonts"), CHINESE).source().startsWith("installed font "));
    }

    @Test
    void atMostTenLabelsAreNamed() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            labels.add("x" + i + "\u0378");
        }
        ChartFontException e = assertThrows(ChartFontException.class, () -> ChartFonts.choose(null, null, labels));
        assertTrue(e.getMessage().contains("x9U+0378"), e.getMessage());
        assertFalse(e.getMessage().contains("x10U+0378"), e.getMessage());
        assertTrue(e.getMessage().contains("and 4 more"), e.getMessage());
    }

    @Test
    void chosenFontDrawsAtAnySizeAndNullLabelsAreIgnored() throws Exception {
        Requires.that(cjkInstalled(), "an installed CJK font (apt-get install fonts-wqy-microhei)");
        Font f = ChartFonts.choose(null, null, java.util.Arrays.asList("政府部门", null)).font().deriveFont(13f);
        assertEquals(-1, f.canDisplayUpTo("政府部门"));
    }

    @Test
    void withNoInstalledFontTheBundledFontDrawsChineseLabels() throws Exception {
        ChartFont chosen = ChartFonts.choose(null, null, CHINESE, List::of);
        assertEquals("Noto Sans SC", chosen.cssFamily());
        assertTrue(chosen.source().startsWith("bundled font Noto Sans SC"), chosen.source());
        for (String label : CHINESE) {
            assertEquals(-1, chosen.font().canDisplayUpTo(label), label);
        }
        assertEquals(-1, chosen.font().deriveFont(13f).canDisplayUpTo("政府部门"), "at any size");
    }

    @Test
    void anInstalledFontThatDrawsEveryLabelComesBeforeTheBundledOne() throws Exception {
        Requires.that(Files.isRegularFile(DEJAVU), "DejaVu Sans (apt-get install fonts-dejavu-core)");
        // Latin labels: the installed Latin font, as on a machine without CJK fonts before the font was bundled.
        assertEquals("DejaVu Sans", ChartFonts.choose(null, null, List.of("Web", "Host"), () -> List.of("DejaVu Sans"))
                .cssFamily());
        // Chinese labels it cannot draw: the bundled font.
        assertEquals("Noto Sans SC", ChartFonts.choose(null, null, CHINESE, () -> List.of("DejaVu Sans")).cssFamily());
    }

    @Test
    void aLabelBeyondTheBundledSubsetFallsBackToAnInstalledFont() throws Exception {
        Requires.that(ChartFonts.candidates().contains("WenQuanYi Micro Hei"), "WenQuanYi Micro Hei (apt-get install fonts-wqy-microhei)");
        List<String> traditional = List.of("政府部門", "醫療衛生"); // not in GB 2312
        assertEquals("WenQuanYi Micro Hei", ChartFonts.choose(null, null, traditional,
                () -> List.of("DejaVu Sans", "WenQuanYi Micro Hei")).cssFamily());

        ChartFontException e = assertThrows(ChartFontException.class,
                () -> ChartFonts.choose(null, null, List.of("政府部门", "醫療衛生"), List::of));
        assertTrue(e.getMessage().contains("the label \"醫療衛生\""), e.getMessage());
        assertTrue(e.getMessage().contains("bundled Noto Sans SC"), e.getMessage());
        assertFixes(e.getMessage());
    }

    @Test
    void theBundledFontHasEveryCharacterOfGb2312AndTheFlagshipData() throws Exception {
        Font bundled = ChartFonts.choose(null, null, List.of("x"), List::of).font();
        Charset gb2312 = Charset.forName("GB2312");
        StringBuilder missing = new StringBuilder();
        int characters = 0;
        for (int row = 0xA1; row <= 0xF7; row++) {
            for (int cell = 0xA1; cell <= 0xFE; cell++) {
                String c = new String(new byte[] {(byte) row, (byte) cell}, gb2312);
                if (c.length() != 1 || c.charAt(0) == '\uFFFD') {
                    continue; // an unassigned code
                }
                characters++;
                if (bundled.canDisplayUpTo(c) != -1) {
                    missing.append(c);
                }
            }
        }
        assertTrue(characters > 7400, characters + " characters decoded");
        assertEquals("", missing.toString(), "characters of GB 2312 the bundled font lacks");
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (String file : List.of("data/incidents.csv", "data/incidents.schema.yaml")) {
            String text = Files.readString(root.resolve(file), StandardCharsets.UTF_8).replaceAll("\\s", "");
            assertEquals(-1, bundled.canDisplayUpTo(text), file);
        }
        assertEquals(-1, bundled.canDisplayUpTo("，。、；：？！“”‘’（）《》【】—…·％℃№€－＋"));
    }

    @Test
    void theBundledFontHasItsLicenceBesideIt() throws Exception {
        try (var licence = ChartFonts.class.getResourceAsStream("NotoSansSC-OFL.txt")) {
            String text = new String(licence.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("SIL OPEN FONT LICENSE Version 1.1"), text);
        }
    }

    private static void assertFixes(String message) {
        assertTrue(message.contains("apt-get install fonts-wqy-microhei"), message);
        assertTrue(message.contains("site-template/fonts/"), message);
        assertTrue(message.contains("report.chartFont"), message);
        assertTrue(message.contains("<chartFont>"), message);
    }
}
