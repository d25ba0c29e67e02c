package org.threatreport.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ChartThemeTest {

    @Test
    void defaultsAreOkabeItoThirteenPixelsOnWhite() {
        ChartTheme d = ChartTheme.defaults();
        assertEquals(new Color(0xE69F00), d.palette().get(0));
        assertEquals(new Color(0x56B4E9), d.palette().get(1));
        assertEquals(8, d.palette().size());
        assertEquals(13f, d.fontSize());
        assertEquals(Color.WHITE, d.background());
    }

    @Test
    void propertiesOverrideTheDefaults() {
        Properties p = new Properties();
        p.setProperty("palette", "#112233, #AABBCC");
        p.setProperty("fontSize", "14.5");
        p.setProperty("text", "#000000");
        ChartTheme t = ChartTheme.fromProperties(p);
        assertEquals(List.of(new Color(0x112233), new Color(0xAABBCC)), t.palette());
        assertEquals(14.5f, t.fontSize());
        assertEquals(Color.BLACK, t.text());
        assertEquals(ChartTheme.defaults().grid(), t.grid());
        assertEquals(ChartTheme.defaults(), ChartTheme.fromProperties(new Properties()));
    }

    @Test
    void badValuesNameTheKeyAndTheValue() {
        assertMessage("palette", "#112233,blue", "'palette'", "'blue'");
        assertMessage("palette", "#112233,,#445566", "'palette'", "''");
        assertMessage("fontSize", "big", "'fontSize'", "'big'");
        assertMessage("fontSize", "-3", "'fontSize'", "'-3'");
        assertMessage("grid", "#12345", "'grid'", "'#12345'");
        assertMessage("background", "white", "'background'", "'white'");
    }

    private static void assertMessage(String key, String value, String... expected) {
        Properties p = new Properties();
        p.setProperty(key, value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChartTheme.fromProperties(p));
        for (String s : expected) {
            assertTrue(e.getMessage().contains(s), e.getMessage());
        }
    }

    @Test
    void theDarkThemeIsTheSitesDarkColoursWithEveryPaletteColourStandingOut() {
        ChartTheme dark = ChartTheme.darkDefaults();
        assertEquals(new Color(0x0D1117), dark.background());
        assertEquals(new Color(0xE6EDF3), dark.text());
        assertEquals(ChartTheme.defaults().palette().size(), dark.palette().size());
        assertEquals(ChartTheme.defaults().palette().get(0), dark.palette().get(0), "bright colours are kept");
        for (Color c : dark.palette()) {
            assertTrue(ChartTheme.contrast(c, dark.background()) >= 3, c + " stands out on the dark background");
        }
        Properties greys = new Properties();
        greys.setProperty("palette", "#000000, #111111, #222222, #333333, #444444, #555555, #666666, #777777");
        ChartTheme light = ChartTheme.fromProperties(greys);
        assertEquals(8, ChartTheme.darkFromProperties(greys, light).distinctColours(), "distinct colours stay distinct");
        Properties p = new Properties();
        p.setProperty("dark.palette", "#FFFFFF, #AABBCC");
        p.setProperty("dark.background", "#000000");
        ChartTheme own = ChartTheme.darkFromProperties(p, ChartTheme.defaults());
        assertEquals(List.of(Color.WHITE, new Color(0xAABBCC)), own.palette());
        assertEquals(Color.BLACK, own.background());
    }

    @Test
    void chartTextMustBeReadableOnTheBackground() {
        Properties p = new Properties();
        p.setProperty("text", "#AAAAAA");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChartTheme.fromProperties(p));
        assertEquals("chart theme keys 'text' and 'background': #aaaaaa on #ffffff has a contrast of 2.3:1; chart text"
                + " needs at least 4.5:1 to be readable", e.getMessage());
        Properties d = new Properties();
        d.setProperty("dark.text", "#333333");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChartTheme.darkFromProperties(d,
                ChartTheme.defaults())).getMessage().startsWith("chart theme keys 'dark.text' and 'dark.background'"));
    }

    @Test
    void textOnAColourIsWhicheverReadsBest() {
        ChartTheme t = ChartTheme.defaults();
        for (Color c : List.of(new Color(0x0072B2), new Color(0xE69F00), new Color(0xF0E442), Color.BLACK,
                new Color(0x777777), new Color(0x888888))) {
            assertTrue(ChartTheme.contrast(t.readableOn(c), c) >= 4.5, c.toString());
        }
    }
}
