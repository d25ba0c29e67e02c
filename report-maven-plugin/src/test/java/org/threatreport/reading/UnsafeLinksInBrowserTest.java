package org.threatreport.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Log;
import org.threatreport.pipeline.ReportBuild;
import org.threatreport.testing.ProjectFiles;
import org.threatreport.testing.Requires;

/**
 * A chapter whose link targets are computed to {@code javascript:} and whose text holds raw HTML with
 * scripts and event handlers, built and read in Chromium: every link clicked, every element hovered,
 * and no script of the chapter ever runs.
 */
class UnsafeLinksInBrowserTest {

    @Test
    void noScriptOfTheChapterRunsWhateverTheReaderDoes(@TempDir Path dir) throws Exception {
        Requires.that(Browser.available(), "Debian's chromium and chromium-driver at " + Browser.CHROMIUM
                + " (apt-get install chromium chromium-driver)");
        ProjectFiles.copyTree(Path.of("src/test/resources/security/links"), dir);
        ProjectFiles.copyTree(Path.of("src/test/resources/render/golden/input/data"), dir.resolve("data"));
        BuildOptions options = new BuildOptions(dir, dir.resolve("content"), dir.resolve("data"),
                dir.resolve("site-template"), dir.resolve("target/report-site"), dir.resolve("target/report-cache"), "1.0",
                Optional.empty());
        new ReportBuild(options, Log.silent()).run();
        String page = options.versionDir().resolve("01-links.html").toUri().toString();
        try (Browser browser = new Browser()) {
            browser.driver.get(page);
            List<WebElement> article = browser.driver.findElements(By.cssSelector("main a, main img, main div, main p"));
            assertTrue(article.size() > 3, "the chapter's text is there");
            for (int i = 0; i < article.size(); i++) {
                browser.driver.get(page);
                WebElement element = browser.driver.findElements(By.cssSelector("main a, main img, main div, main p")).get(i);
                if (!element.isDisplayed()) {
                    continue;
                }
                String touched = element.getTagName() + " " + element.getText();
                new Actions(browser.driver).moveToElement(element).perform();
                String href = element.getAttribute("href");
                if (href == null || href.startsWith("file:") || href.startsWith("javascript:")) {
                    element.click(); // links within the site, and any a browser would run
                }
                assertEquals(null, browser.script("return window.xss === undefined ? null : String(window.xss);"),
                        "a script of the chapter ran after touching " + touched);
                assertNoAlert(browser);
            }
        }
    }

    private static void assertNoAlert(Browser browser) {
        try {
            String text = browser.driver.switchTo().alert().getText();
            throw new AssertionError("an alert opened: " + text);
        } catch (NoAlertPresentException expected) {
            // no dialog: nothing ran
        }
    }
}
