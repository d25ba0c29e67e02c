package org.threatreport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FigureSizesTest {

    private static byte[] svg(int width, int height) {
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\"><rect/></svg>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eachDrawingGetsTheSizeItWasDrawnAt() {
        Map<String, byte[]> files = Map.of("figures/a.svg", svg(720, 413), "figures/a.narrow.svg", svg(360, 520));
        String html = "<picture><source media=\"(max-width: 41rem)\" srcset=\"figures/a.narrow.svg\">"
                + "<img src=\"figures/a.svg\" alt=\"Bars: x 1\"></picture>";
        assertEquals("<picture><source media=\"(max-width: 41rem)\" srcset=\"figures/a.narrow.svg\" width=\"360\""
                + " height=\"520\"><img src=\"figures/a.svg\" alt=\"Bars: x 1\" width=\"720\" height=\"413\"></picture>",
                FigureSizes.fill(html, files));
    }

    @Test
    void aTagWithASizeOrWithoutADrawingStaysAsItIs() {
        Map<String, byte[]> files = Map.of("figures/a.svg", svg(720, 413), "figures/b.svg", new byte[0]);
        String html = "<img src=\"figures/a.svg\" alt=\"\" width=\"10\" height=\"10\"><img src=\"figures/b.svg\" alt=\"\">"
                + "<img src=\"figures/c.svg\" alt=\"\"><img src=\"assets/logo.svg\" alt=\"\">";
        assertEquals(html, FigureSizes.fill(html, files));
    }
}
