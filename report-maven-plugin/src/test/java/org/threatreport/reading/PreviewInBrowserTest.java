package org.threatreport.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Log;
import org.threatreport.preview.Preview;
import org.threatreport.testing.ProjectFiles;
import org.threatreport.testing.Requires;

/**
 * {@code site:serve} in Debian's headless Chromium, on a copy of the flagship report: the served
 * pages, with the live-reload script and the problem overlay the preview adds, keep to the
 * Content-Security-Policy it sends (no violation in the console), and under that policy the page
 * still reloads by itself when a save breaks the report, shows the problems styled, closes them,
 * and reloads again when the save fixes it. Skipped where Chromium is not installed.
 */
class PreviewInBrowserTest {

    static final Path FLAGSHIP = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path project;

    @Test
    void thePreviewKeepsToThePolicyAndShowsProblemsUnderIt() throws Exception {
        Requires.that(Browser.available(), "Debian's chromium and chromium-driver at " + Browser.CHROMIUM
                + " (apt-get install chromium chromium-driver)");
        for (String folder : List.of("content", "data", "site-template")) {
            ProjectFiles.copyTree(FLAGSHIP.resolve(folder), project.resolve(folder));
        }
        List<String> errors = new ArrayList<>();
        try (Preview preview = Preview.start(BuildOptions.conventional(project, "2017"), "127.0.0.1", 0, Log.silent());
             Browser browser = new Browser()) {
            WebDriverWait slowly = new WebDriverWait(browser.driver, Duration.ofSeconds(30), Duration.ofMillis(100));
            browser.driver.get(preview.url().resolve("02-monitoring.html").toString());
            assertEquals(true, browser.script("return document.documentElement.classList.contains('js')"));
            errors.addAll(browser.takeConsoleErrors());

            // A broken layout: the open page reloads by itself and shows the problem, styled by overlay.css.
            Path layout = project.resolve("site-template/chapter.ftlh");
            Files.writeString(layout, "<#import \"layout.ftlh\" as layout>\n<@layout.page title=chapter.title>\n"
                    + "${chapter.title\n</@layout.page>\n");
            WebElement problems = slowly.until(d -> {
                List<WebElement> found = d.findElements(By.id("threat-report-preview-problems"));
                return found.isEmpty() ? null : found.get(0);
            });
            assertTrue(problems.getText().contains("site-template/chapter.ftlh:4:"), problems.getText());
            assertEquals("fixed", browser.script("return getComputedStyle(arguments[0]).position", problems));
            problems.findElement(By.cssSelector(".threat-report-preview-close")).click();
            assertFalse(problems.isDisplayed(), "the close button works without an inline handler");
            errors.addAll(browser.takeConsoleErrors());

            // Fixed: the page reloads again, without the problems.
            Files.delete(layout);
            slowly.until(d -> d.findElements(By.id("threat-report-preview-problems")).isEmpty()
                    && !d.findElements(By.cssSelector("main h1")).isEmpty());
            errors.addAll(browser.takeConsoleErrors());
        }
        assertEquals(List.of(), errors);
    }
}
