package org.threatreport.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.threatreport.pipeline.VersionedProject;
import org.threatreport.testing.Requires;

/**
 * Three versions of one report built one after the other into one site root, read in Debian's
 * headless Chromium both from a web server and from {@code file://}: every page's version selector
 * (and the plain list of links that stands for it without scripts), the banner of older versions,
 * which is decided in the browser from the site root's {@code versions.js}, so the first version,
 * built when no other existed and never rebuilt, names the third as the latest; the site root's
 * landing page and its 404 page. Skipped only where Chromium is not installed.
 */
class VersionsInBrowserTest {

    static final String FIRST = "2017.0";
    static final String REVISED = "2017.1";
    static final String LATEST = "2017.2";
    /** The chapter only the latest version has. */
    static final String NEW_PAGE = "03-method.html";

    @TempDir
    static Path project;
    static Path root;
    /** The first version's files right after its build: path → identity on disk and content hash. */
    static Map<String, String> firstAsBuilt;
    static SiteServer server;
    static Browser browser;
    static Browser withoutScripts;

    /** Where the reader opens the site: from the web server, or as files on their own machine. */
    enum Access { HTTP, FILE }

    @BeforeAll
    static void buildThreeVersionsAndStart() throws Exception {
        Requires.that(Browser.available(), "Debian's chromium and chromium-driver at " + Browser.CHROMIUM
                + " (apt-get install chromium chromium-driver)");
        VersionedProject report = new VersionedProject(project);
        root = report.siteRoot();
        report.build(FIRST);
        firstAsBuilt = files(root.resolve(FIRST));
        report.revise().publishedOn("2018-09-01").build(REVISED);
        report.addChapter("03-method", "研究方法", "本报告统计了 ${incidents.count()} 起事件。\n")
                .publishedOn("2019-03-01").build(LATEST);
        server = new SiteServer(root, "/threat-report/");
        browser = new Browser();
        withoutScripts = Browser.withoutScripts();
    }

    @AfterAll
    static void stop() throws Exception {
        try (AutoCloseable first = browser; AutoCloseable second = withoutScripts; AutoCloseable third = server) {
            // closed in reverse order, each even when another fails
        }
    }

    @AfterEach
    void theConsoleStaysFreeOfErrors() {
        assertEquals(List.of(), browser.takeConsoleErrors());
        assertEquals(List.of(), withoutScripts.takeConsoleErrors());
    }

    /** The address of {@code path} (relative to the site root, with an optional {@code #fragment}). */
    static String url(Access access, String path) {
        if (access == Access.HTTP) {
            return server.url(path);
        }
        int hash = path.indexOf('#');
        return hash < 0 ? root.resolve(path).toUri().toString()
                : root.resolve(path.substring(0, hash)).toUri() + path.substring(hash);
    }

    /** Opens {@code path}, relative to the site root. */
    static ChromeDriver open(Browser in, Access access, String path) {
        in.driver.get(url(access, path));
        return in.driver;
    }

    /** Waits until the browser shows {@code path} and that page is loaded. */
    static void arrivesAt(Browser in, Access access, String path) {
        in.waiting().until(ExpectedConditions.urlToBe(url(access, path)));
        in.waiting().until(d -> "complete".equals(in.script("return document.readyState")));
    }

    static Select selector(WebDriver driver) {
        return new Select(driver.findElement(By.cssSelector(".version-switcher select")));
    }

    static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    @Test
    void aDraftIsShownAsADraftWithItsNumberAndNeverAsSnapshot(@TempDir Path draftProject) throws Exception {
        VersionedProject draft = new VersionedProject(draftProject);
        draft.build("2018.0-SNAPSHOT");
        String page = draft.siteRoot().resolve("2018.0-SNAPSHOT/index.html").toUri().toString();
        for (Browser in : List.of(browser, withoutScripts)) {
            in.driver.get(page);
            String text = in.driver.findElement(By.tagName("body")).getText();
            assertFalse(text.contains("SNAPSHOT"), text);
            for (String where : List.of(".site-header .site-version", ".edition", ".site-footer")) {
                assertTrue(in.driver.findElement(By.cssSelector(where)).getText().contains("版本 2018.0（草稿）"),
                        where + ": " + in.driver.findElement(By.cssSelector(where)).getText());
            }
        }
        browser.driver.get(page);
        assertEquals(List.of("2018.0（草稿） (最新)"), texts(selector(browser.driver).getOptions()));
        withoutScripts.driver.get(page);
        assertEquals("2018.0（草稿）", withoutScripts.driver.findElement(By.cssSelector(".site-header .version-list a[aria-current]"))
                .getText());
        withoutScripts.driver.get(draft.siteRoot().resolve("versions.html").toUri().toString());
        assertFalse(withoutScripts.driver.findElement(By.tagName("body")).getText().contains("SNAPSHOT"));
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    void everyPageHasASelectorOfEveryVersionWithTheLatestMarked(Access access) {
        for (String version : List.of(FIRST, REVISED, LATEST)) {
            for (String page : List.of("index.html", "02-other.html", "corrections.html")) {
                ChromeDriver driver = open(browser, access, version + "/" + page);
                Select selector = selector(driver);
                assertEquals(List.of(LATEST + " (最新)", REVISED, FIRST), texts(selector.getOptions()), version + "/" + page);
                assertTrue(selector.getFirstSelectedOption().getText().startsWith(version), version + "/" + page);
                assertEquals("版本", selector.getWrappedElement().getAccessibleName());
                assertFalse(driver.findElement(By.cssSelector(".version-list")).isDisplayed(), "the list the selector replaces");
                WebElement all = driver.findElement(By.cssSelector(".version-switcher .version-all-link"));
                assertTrue(all.isDisplayed());
                assertEquals(url(access, "versions.html"), all.getAttribute("href"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    void choosingAVersionOpensTheSamePageThere(Access access) {
        ChromeDriver driver = open(browser, access, FIRST + "/02-other.html");
        String title = driver.findElement(By.tagName("h1")).getText();
        selector(driver).selectByVisibleText(LATEST + " (最新)");
        arrivesAt(browser, access, LATEST + "/02-other.html");
        assertEquals(title, driver.findElement(By.tagName("h1")).getText());
        selector(driver).selectByVisibleText(REVISED);
        arrivesAt(browser, access, REVISED + "/02-other.html");
        assertEquals(REVISED, selector(driver).getFirstSelectedOption().getText());
        // Back on a page left by the selector, the selector names that page's version again.
        driver.navigate().back();
        arrivesAt(browser, access, LATEST + "/02-other.html");
        assertEquals(LATEST + " (最新)", selector(driver).getFirstSelectedOption().getText());
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    void choosingAVersionWithoutThePageOpensItsHome(Access access) {
        ChromeDriver driver = open(browser, access, LATEST + "/" + NEW_PAGE);
        selector(driver).selectByVisibleText(FIRST);
        arrivesAt(browser, access, FIRST + "/index.html");
        open(browser, access, LATEST + "/" + NEW_PAGE);
        selector(driver).selectByVisibleText(REVISED);
        arrivesAt(browser, access, REVISED + "/index.html");
    }

    @Test
    void theFirstVersionIsNotRewrittenByTheLaterBuilds() throws Exception {
        assertEquals(firstAsBuilt, files(root.resolve(FIRST)));
    }

    /** The first version's pages are read as they were built, before the later versions existed. */
    @ParameterizedTest
    @EnumSource(Access.class)
    void olderVersionsShowABannerToTheSamePageInTheLatestAndToWhatChanged(Access access) {
        Map<String, String> published = Map.of(FIRST, "2018-01-15", REVISED, "2018-09-01");
        for (String version : List.of(FIRST, REVISED)) {
            ChromeDriver driver = open(browser, access, version + "/01-golden.html");
            WebElement banner = driver.findElement(By.id("version-banner"));
            assertTrue(banner.isDisplayed(), version);
            assertEquals("你正在阅读 " + published.get(version) + " 发布的 " + version + " 版，最新版本为 " + LATEST
                    + "。 阅读本页的最新版本 · 更正与变更", banner.getText());
            if (version.equals(FIRST)) {
                browser.screenshot("version-banner-1280");
            }
            banner.findElement(By.linkText("阅读本页的最新版本")).click();
            arrivesAt(browser, access, LATEST + "/01-golden.html");
            assertFalse(driver.findElement(By.id("version-banner")).isDisplayed());
            driver.navigate().back();
            arrivesAt(browser, access, version + "/01-golden.html");
            driver.findElement(By.id("version-banner")).findElement(By.linkText("更正与变更")).click();
            arrivesAt(browser, access, LATEST + "/corrections.html");
            assertEquals("更正说明", driver.findElement(By.cssSelector("main h1")).getText());
            assertTrue(driver.findElement(By.id("changes")).isDisplayed());
        }
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    void theLatestVersionShowsNoBanner(Access access) {
        for (String page : List.of("index.html", "01-golden.html", "02-other.html", NEW_PAGE, "all.html",
                "corrections.html", "search.html")) {
            ChromeDriver driver = open(browser, access, LATEST + "/" + page);
            WebElement banner = driver.findElement(By.id("version-banner"));
            assertFalse(banner.isDisplayed(), page);
            assertEquals("", banner.getDomProperty("innerHTML"), page);
            assertEquals(LATEST + " (最新)", selector(driver).getFirstSelectedOption().getText(), "the page ran its scripts");
        }
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    void withoutScriptsTheVersionsAreAListOfLinksThatWork(Access access) {
        ChromeDriver driver = open(withoutScripts, access, LATEST + "/02-other.html");
        assertNull(driver.findElement(By.tagName("html")).getDomAttribute("class"), "scripts are off");
        assertEquals(List.of(), driver.findElements(By.cssSelector(".version-switcher select")));
        assertFalse(driver.findElement(By.id("version-banner")).isDisplayed());
        WebElement list = driver.findElement(By.cssSelector(".version-switcher .version-list"));
        assertTrue(list.isDisplayed());
        assertEquals(List.of(LATEST + " 最新", REVISED, FIRST, "全部版本"), texts(list.findElements(By.tagName("li"))));
        assertEquals(LATEST, list.findElement(By.cssSelector("a[aria-current]")).getText());
        for (String version : List.of(REVISED, FIRST, LATEST)) {
            open(withoutScripts, access, LATEST + "/02-other.html");
            driver.findElement(By.cssSelector(".version-list")).findElement(By.linkText(version)).click();
            arrivesAt(withoutScripts, access, version + "/02-other.html");
        }
        open(withoutScripts, access, LATEST + "/" + NEW_PAGE);
        driver.findElement(By.cssSelector(".version-list")).findElement(By.linkText(FIRST)).click();
        arrivesAt(withoutScripts, access, FIRST + "/index.html");

        // The first version's list was made when it was the only one; its link to every version leads on.
        open(withoutScripts, access, FIRST + "/02-other.html");
        driver.findElement(By.cssSelector(".version-list")).findElement(By.linkText("全部版本")).click();
        arrivesAt(withoutScripts, access, "versions.html");
        assertEquals(List.of(LATEST, "更正与变更", REVISED, "更正与变更", FIRST, "更正与变更"),
                texts(driver.findElements(By.cssSelector("ul.versions a"))));
        driver.findElement(By.linkText(LATEST)).click();
        arrivesAt(withoutScripts, access, LATEST + "/index.html");
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    void theSiteRootLandsOnTheLatestVersion(Access access) {
        for (Browser reader : List.of(browser, withoutScripts)) {
            open(reader, access, "index.html");
            arrivesAt(reader, access, LATEST + "/index.html");
            open(reader, access, "latest/02-other.html");
            arrivesAt(reader, access, LATEST + "/02-other.html");
        }
        open(browser, access, "index.html#main");
        arrivesAt(browser, access, LATEST + "/index.html#main");
        if (access == Access.HTTP) {
            open(browser, access, "");
            arrivesAt(browser, access, LATEST + "/index.html");
        }
    }

    @Test
    void aMissingAddressAtTheRootGetsTheRoot404LeadingToTheLatest() throws Exception {
        Map<String, String> leadsTo = Map.of("02-other.html", LATEST + "/02-other.html",
                "no-such-page.html", LATEST + "/index.html");
        for (Map.Entry<String, String> missing : leadsTo.entrySet()) {
            HttpURLConnection connection = (HttpURLConnection) URI.create(server.url(missing.getKey())).toURL().openConnection();
            assertEquals(404, connection.getResponseCode());
            connection.disconnect();
            ChromeDriver driver = open(browser, Access.HTTP, missing.getKey());
            assertTrue(driver.getTitle().startsWith("页面不存在"), driver.getTitle());
            driver.findElement(By.linkText("前往最新版本（" + LATEST + "）")).click();
            arrivesAt(browser, Access.HTTP, missing.getValue());
            List<String> errors = browser.takeConsoleErrors();
            assertTrue(errors.size() == 1 && errors.get(0).contains(missing.getKey()) && errors.get(0).contains("404"),
                    errors.toString());
        }
    }

    /** Every file of a folder by relative path: its identity on disk (so a rewrite shows) and content hash. */
    static Map<String, String> files(Path folder) throws Exception {
        Map<String, String> files = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (var walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                files.put(folder.relativize(file).toString(), attributes.fileKey() + " "
                        + HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
            }
        }
        return files;
    }
}
