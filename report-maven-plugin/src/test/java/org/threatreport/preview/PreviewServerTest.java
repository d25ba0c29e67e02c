package org.threatreport.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the preview adds to a page as it serves it: the live-reload script, and the problems. */
class PreviewServerTest {

    private static String inject(String page, List<String> problems) {
        return new String(PreviewServer.inject(page.getBytes(StandardCharsets.UTF_8), "t-1", problems),
                StandardCharsets.UTF_8);
    }

    @Test
    void theScriptGoesJustBeforeTheEndOfTheBody() {
        String page = inject("<html><body><p>x</p></body></html>", List.of());

        assertEquals("<html><body><p>x</p><script src=\"/_preview/live-reload.js\" data-token=\"t-1\"></script>\n"
                + "</body></html>", page);
        assertFalse(page.contains("threat-report-preview-problems"));
    }

    @Test
    void problemsAreShownAsTextOverThePage() {
        String page = inject("<body></body>", List.of("content/01-a.md:3:5: error: '<b>' is not defined"));

        assertTrue(page.contains("id=\"threat-report-preview-problems\""));
        assertTrue(page.contains("content/01-a.md:3:5: error: '&lt;b&gt;' is not defined"), page);
        assertTrue(page.contains("The report has 1 problem(s)."));
        // Nothing inline: the overlay's style and the close button's script are files, as the CSP requires.
        assertTrue(page.contains("<link rel=\"stylesheet\" href=\"/_preview/overlay.css\">"), page);
        assertFalse(page.contains("style="), page);
        assertFalse(page.contains("onclick"), page);
        assertFalse(page.contains("<script>"), page);
    }

    @Test
    void aPageWithoutBodyGetsTheScriptAtTheEnd() {
        String page = inject("<p>fragment</p>", List.of());

        assertTrue(page.startsWith("<p>fragment</p><script src="), page);
        assertEquals(1, page.split("<script", -1).length - 1);
    }
}
