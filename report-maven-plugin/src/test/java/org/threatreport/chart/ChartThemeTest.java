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
}
