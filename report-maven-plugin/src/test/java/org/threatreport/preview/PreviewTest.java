package org.threatreport.preview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Log;

/**
 * {@code site:serve} end to end, on a copy of the flagship report: serve it on a free port, edit a
 * chapter and see the new text within 2 s, break a layout and see the problem over the page, fix it
 * and see the page again, stop.
 */
class PreviewTest {

    private static final long EDIT_TO_PAGE_MILLIS = 2_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private Log recordingLog() {
        return new Log() {
            @Override
            public void info(String message) {
                log.add(message);
            }

            @Override
            public void debug(String message) {
            }

            @Override
            public void error(String message, Exception e) {
                log.add(message);
            }
        };
    }

    private HttpResponse<byte[]> get(URI url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private String text(URI url) throws IOException, InterruptedException {
        return new String(get(url).body(), StandardCharsets.UTF_8);
    }

    /** Fetches the page until it satisfies {@code test}; returns how long that took. */
    private long awaitPage(URI page, Predicate<String> test, String what) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(20).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = text(page);
            if (test.test(last)) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never served " + what + "; log: " + log + "\nlast page:\n" + last);
    }

    @Test
    void servesRebuildsShowsProblemsAndStops(@TempDir Path project) throws Exception {
        BuildOptions options = PreviewFixture.copyFlagship(project);
        Preview preview = Preview.start(options, "127.0.0.1", 0, recordingLog());
        URI chapter = preview.url().resolve("02-monitoring.html");
        try {
            // Served: the same bytes site:report writes, plus the live-reload script in pages.
            HttpResponse<byte[]> home = get(preview.url());
            assertEquals(200, home.statusCode());
            assertEquals("text/html; charset=utf-8", home.headers().firstValue("Content-Type").orElse(""));
            String index = new String(home.body(), StandardCharsets.UTF_8);
            assertTrue(index.contains("/_preview/live-reload.js"), "the live-reload script is injected");
            Map<String, byte[]> built = PreviewFixture.siteReport(options);
            assertEquals(new String(built.get("index.html"), StandardCharsets.UTF_8), withoutInjection(index));
            assertArrayEquals(built.get("figures/fig-industry.svg"), get(preview.url().resolve("figures/fig-industry.svg")).body());
            assertArrayEquals(built.get("assets/style.css"), get(preview.url().resolve("assets/style.css")).body());
            assertEquals(404, get(preview.url().resolve("no-such-page.html")).statusCode());
            HttpResponse<byte[]> root = get(preview.url().resolve("/"));
            assertEquals(302, root.statusCode(), "the site root leads to the version");
            assertEquals("/2017/", root.headers().firstValue("Location").orElse(""));
            assertFalse(Files.exists(project.resolve("target/report-site")), "serving writes no site");

            // A chapter edit is served within 2 s (after one edit to warm up).
            Path source = project.resolve("content/02-monitoring.md");
            PreviewFixture.edit(source, "各月的分布如下", "各月的分布情况如下");
            awaitPage(chapter, page -> page.contains("各月的分布情况如下"), "the warm-up edit");
            String token = token(text(chapter));
            PreviewFixture.edit(source, "各月的分布情况如下", "各月的分布（预览测试）如下");
            long millis = awaitPage(chapter, page -> page.contains("各月的分布（预览测试）如下"), "the edited text");
            assertTrue(millis < EDIT_TO_PAGE_MILLIS, "the edit took " + millis + " ms to be served");
            String waited = text(preview.url().resolve("/_preview/wait?token=" + token));
            assertFalse(waited.contains("\"" + token + "\""), "a waiting page learns of the new build: " + waited);

            // A broken layout: the last good page stays, with the problem (file and line) over it.
            Path layout = project.resolve("site-template/chapter.ftlh");
            Files.writeString(layout, "<#import \"layout.ftlh\" as layout>\n<@layout.page title=chapter.title>\n"
                    + "${chapter.title\n</@layout.page>\n");
            awaitPage(chapter, page -> page.contains("threat-report-preview-problems"), "the problem overlay");
            String broken = text(chapter);
            assertTrue(broken.contains("site-template/chapter.ftlh:4:"), broken);
            assertTrue(broken.contains("各月的分布（预览测试）如下"), "the last good page is still served");

            // Fixed: the page again, without the overlay.
            Files.delete(layout);
            awaitPage(chapter, page -> !page.contains("threat-report-preview-problems")
                    && page.contains("各月的分布（预览测试）如下"), "the page after the fix");
        } finally {
            preview.close();
        }
        assertThrows(ConnectException.class, () -> get(chapter), "the server is stopped");
    }

    private static String token(String page) {
        Matcher token = Pattern.compile("data-token=\"([^\"]+)\"").matcher(page);
        assertTrue(token.find(), "no token in the page");
        return token.group(1);
    }

    /** The page as built: without the script (and overlay) injected before {@code </body>}. */
    private static String withoutInjection(String page) {
        return page.replaceFirst("<script src=\"/_preview/live-reload.js\" data-token=\"[^\"]*\"></script>\\n(?=</body>)", "");
    }
}
