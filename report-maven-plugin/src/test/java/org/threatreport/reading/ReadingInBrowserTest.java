package org.threatreport.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.threatreport.site.SearchTokenizer;
import org.threatreport.site.TokenizerSamples;
import org.threatreport.testing.Requires;

/**
 * The flagship 2017 report read in a real browser — Debian's headless Chromium — served over http
 * from 127.0.0.1 (and once from file://): the contents and previous/next through every chapter,
 * Chinese search, the sidebar, keyboard use, figures, dark mode, print, small screens, the 404
 * page, no console error, and axe-core's accessibility rules. Screenshots at 390 and 1280 px
 * are kept under {@code target/screenshots/}. Skipped only where Chromium is not installed.
 */
class ReadingInBrowserTest {

    static Path site;
    static SiteServer server;
    static Browser browser;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        Requires.that(Browser.available(), "Debian's chromium and chromium-driver at " + Browser.CHROMIUM
                + " (apt-get install chromium chromium-driver)");
        site = ReadingSite.version();
        server = new SiteServer(ReadingSite.root(), "/threat-report/");
        browser = new Browser();
        driver = browser.driver;
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void desktop() {
        browser.viewport(1280, 900, false);
        browser.media("screen", "light");
    }

    @AfterEach
    void theConsoleStaysFreeOfErrors() {
        assertEquals(List.of(), browser.takeConsoleErrors());
    }

    static void open(String page) {
        driver.get(server.url("2017/" + page));
    }

    static String h1() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    static Object js(String script, Object... arguments) {
        return browser.script(script, arguments);
    }

    static String page(String url) {
        String path = URI.create(url).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code 02-monitoring.html#行业排名} from a link's address (without the words a result marks, {@code ?h=…}). */
    static String link(String href) {
        String decoded = URLDecoder.decode(href, StandardCharsets.UTF_8);
        return decoded.substring(decoded.lastIndexOf('/') + 1).replaceFirst("\\?[^#]*", "");
    }

    static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    @Test
    void theContentsAndPreviousNextLeadThroughEveryChapter() {
        open("index.html");
        List<String> titles = texts(driver.findElements(By.cssSelector(".toc-chapters > li > a")));
        assertEquals(ReportPages.CHAPTER_TITLES, titles);
        for (int i = 0; i < titles.size(); i++) {
            driver.findElements(By.cssSelector(".toc-chapters > li > a")).get(i).click();
            assertEquals(titles.get(i), h1());
            assertEquals(titles.get(i), driver.findElement(By.cssSelector(".site-nav a[aria-current=page]")).getText());
            driver.navigate().back();
        }
        driver.findElement(By.cssSelector(".toc-chapters > li > a")).click();
        List<String> forward = new ArrayList<>(List.of(h1()));
        while (!driver.findElements(By.cssSelector("a[rel=next]")).isEmpty()) {
            driver.findElement(By.cssSelector("a[rel=next]")).click();
            forward.add(h1());
        }
        assertEquals(titles, forward);
        List<String> backward = new ArrayList<>(List.of(h1()));
        while (!page(driver.getCurrentUrl()).equals("index.html")) {
            driver.findElement(By.cssSelector("a[rel=prev]")).click();
            backward.add(h1());
        }
        List<String> expected = new ArrayList<>(titles);
        Collections.reverse(expected);
        expected.add(driver.findElement(By.cssSelector(".site-title")).getText());
        assertEquals(expected, backward);
    }

    @Test
    void searchingChineseInTheHeaderShowsSnippetsAndOpensTheSection() throws Exception {
        Set<String> expected = ReportText.containing(site, "勒索");
        open("index.html");
        WebElement input = driver.findElement(By.id("search-input"));
        input.click();
        input.sendKeys("勒索");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-results .search-result")));
        browser.waiting().until(d -> !d.findElement(By.id("search-status")).getAttribute("textContent").contains("…"));
        assertEquals(expected.size() + " 条结果", driver.findElement(By.id("search-status")).getAttribute("textContent"));
        List<WebElement> results = driver.findElements(By.cssSelector("#search-results .search-result a"));
        assertEquals(Math.min(8, expected.size()), results.size());
        for (WebElement result : results) {
            assertTrue(expected.contains(link(result.getAttribute("href"))), result.getAttribute("href"));
            assertFalse(result.findElements(By.cssSelector(".search-result-chapter")).isEmpty());
            List<String> marks = texts(result.findElements(By.tagName("mark")));
            assertFalse(marks.isEmpty(), result.getText());
            marks.forEach(mark -> assertEquals("勒索", mark));
        }
        if (expected.size() > 8) {
            assertTrue(driver.findElement(By.cssSelector(".search-more a")).getText().contains(String.valueOf(expected.size())));
        }
        browser.screenshot("search-panel-1280");
        WebElement first = results.get(0);
        String target = link(first.getAttribute("href"));
        first.click();
        browser.waiting().until(d -> link(d.getCurrentUrl()).equals(target));
        String id = target.substring(target.indexOf('#') + 1);
        Number top = (Number) js("return document.getElementById(arguments[0]).getBoundingClientRect().top", id);
        assertTrue(top.doubleValue() >= 0 && top.doubleValue() < 200, "the section is at the top of the window: " + top);
        browser.waiting().until(d -> "location".equals(js(
                "var a = document.querySelector('.nav-sections a[href=\"#' + arguments[0] + '\"]'); return a && a.getAttribute('aria-current')", id)));
        browser.screenshot("search-opened-1280");
    }

    @Test
    void theSearchPageListsEveryPassageContainingTheQuery() throws Exception {
        for (String query : List.of("勒索", "挖矿", "毒", "DDoS")) {
            open("search.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            browser.waiting().until(d -> !d.findElements(By.cssSelector("#search-page-results a")).isEmpty());
            Set<String> found = driver.findElements(By.cssSelector("#search-page-results a")).stream()
                    .map(a -> link(a.getAttribute("href"))).collect(Collectors.toCollection(LinkedHashSet::new));
            assertEquals(new TreeSet<>(ReportText.containing(site, query)), new TreeSet<>(found), query);
            assertEquals(query, driver.findElement(By.id("search-input")).getAttribute("value"));
            assertTrue(driver.findElement(By.id("search-page-status")).getText().contains(String.valueOf(found.size())));
        }
        browser.screenshot("search-page-1280");
        browser.viewport(390, 844, true);
        open("search.html?q=" + URLEncoder.encode("勒索", StandardCharsets.UTF_8));
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#search-page-results a")).isEmpty());
        browser.screenshot("search-page-390");
    }

    @Test
    void theBrowserCutsTextIntoTheSameTermsAsTheBuild() {
        open("index.html");
        @SuppressWarnings("unchecked")
        List<List<String>> browserTerms = (List<List<String>>) js(
                "return arguments[0].map(function (s) { return ReportSearch.tokens(s); })", TokenizerSamples.STRINGS);
        @SuppressWarnings("unchecked")
        List<String> browserNormalized = (List<String>) js(
                "return arguments[0].map(function (s) { return ReportSearch.normalize(s); })", TokenizerSamples.STRINGS);
        for (int i = 0; i < TokenizerSamples.STRINGS.size(); i++) {
            String sample = TokenizerSamples.STRINGS.get(i);
            assertEquals(SearchTokenizer.tokens(sample), browserTerms.get(i), sample);
            assertEquals(SearchTokenizer.normalize(sample), browserNormalized.get(i), sample);
        }
    }

    /**
     * Served with the README's headers, every page runs (scripts, styles, search, figures) without a
     * Content-Security-Policy violation — each test's console check would show one — and the browser
     * does enforce the policy: an inline script is refused, and that refusal reaches the console.
     */
    @Test
    void everyPageKeepsToTheContentSecurityPolicy() throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(server.url("2017/index.html")).toURL().openConnection();
        assertEquals(org.threatreport.site.ServingHeaders.CONTENT_SECURITY_POLICY,
                connection.getHeaderField("Content-Security-Policy"));
        assertEquals("nosniff", connection.getHeaderField("X-Content-Type-Options"));
        assertEquals("same-origin", connection.getHeaderField("Referrer-Policy"));
        connection.disconnect();
        for (String page : List.of("index.html", "01-preface.html", "02-monitoring.html", "03-services.html",
                "04-appendix.html", "all.html", "search.html?q=%E5%8B%92%E7%B4%A2", "corrections.html")) {
            open(page);
            browser.waiting().until(d -> "complete".equals(js("return document.readyState")));
            assertEquals(List.of(), browser.takeConsoleErrors(), page);
        }
        open("02-monitoring.html");
        assertEquals(true, js("return document.documentElement.classList.contains('js')"), "assets/head.js ran");
        Object ran = js("var s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
                + " document.body.appendChild(s); return window.inlineRan === true;");
        assertEquals(false, ran, "an inline script is refused");
        List<String> errors = browser.takeConsoleErrors();
        assertTrue(errors.size() == 1 && errors.get(0).contains("Content Security Policy"), errors.toString());
    }

    @Test
    void searchWorksFromFileUrlsToo() {
        driver.get(site.resolve("index.html").toUri().toString());
        WebElement input = driver.findElement(By.id("search-input"));
        input.click();
        input.sendKeys("挖矿");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-results .search-result")));
        WebElement first = driver.findElement(By.cssSelector("#search-results .search-result a"));
        String target = link(first.getAttribute("href"));
        first.click();
        browser.waiting().until(d -> link(d.getCurrentUrl()).equals(target));
        assertTrue(driver.getCurrentUrl().startsWith("file:"));
    }

    @Test
    void searchIsFast() throws Exception {
        open("index.html");
        @SuppressWarnings("unchecked")
        Map<String, Object> timing = (Map<String, Object>) driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var queries = ['勒索', '挖矿', '毒', '政府部门', 'ddos', '应急响应事件', 'attack'];"
                        + "var start = performance.now();"
                        + "ReportSearch.load(function (index) {"
                        + "  var loaded = performance.now(); var runs = 20;"
                        + "  for (var r = 0; r < runs; r++) { queries.forEach(function (q) { ReportSearch.search(index, q); }); }"
                        + "  done({load: loaded - start, search: (performance.now() - loaded) / (runs * queries.length)});"
                        + "});");
        double load = ((Number) timing.get("load")).doubleValue();
        double search = ((Number) timing.get("search")).doubleValue();
        String line = String.format(java.util.Locale.ROOT,
                "search-index.js: %d bytes; load and prepare: %.1f ms; one query: %.2f ms%n",
                Files.size(site.resolve("search-index.js")), load, search);
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.writeString(Browser.SCREENSHOTS.resolve("search-timing.txt"), line);
        System.out.print(line);
        assertTrue(search < 50, line);
        assertTrue(load < 2000, line);
    }

    @Test
    void darkModeFollowsTheSystem() {
        browser.media("screen", "dark");
        open("02-monitoring.html");
        assertEquals("rgb(13, 17, 23)", js("return getComputedStyle(document.body).backgroundColor"));
        assertEquals("rgb(230, 237, 243)", js("return getComputedStyle(document.body).color"));
        browser.screenshot("dark-02-monitoring-1280");
        browser.viewport(390, 844, true);
        open("index.html");
        browser.screenshot("dark-index-390");
        browser.media("screen", "light");
        open("index.html");
        assertEquals("rgb(255, 255, 255)", js("return getComputedStyle(document.body).backgroundColor"));
    }

    @Test
    void pagesFitAPhoneAndAWideScreen() {
        List<String> pages = List.of("index.html", "01-preface.html", "02-monitoring.html", "03-services.html",
                "04-appendix.html", "all.html", "search.html", "404.html", "corrections.html");
        List<String> pictured = List.of("index.html", "02-monitoring.html", "03-services.html", "all.html");
        for (int width : List.of(360, 390, 1280)) {
            browser.viewport(width, width < 1000 ? 844 : 900, width < 1000);
            // the narrowest phone: every page; the others: the pages kept as pictures
            for (String page : width == 360 ? pages : pictured) {
                open(page);
                Number scrollWidth = (Number) js("return document.documentElement.scrollWidth");
                assertTrue(scrollWidth.intValue() <= width, page + " is " + scrollWidth + " px wide at " + width + " px");
                if (width != 360) {
                    browser.screenshot(page.replace(".html", "") + "-" + width);
                }
            }
        }
        browser.viewport(390, 844, true);
        open("02-monitoring.html");
        browser.fullPage("02-monitoring-390-full", 390, true, 5000);
        browser.viewport(1280, 900, false);
        open("02-monitoring.html");
        browser.fullPage("02-monitoring-1280-full", 1280, false, 5000);
    }

    @Test
    void onAPhoneTheContentsAreAMenuOpenedByKeyboard() {
        browser.viewport(390, 844, true);
        open("03-services.html");
        WebElement nav = driver.findElement(By.id("site-nav"));
        WebElement toggle = driver.findElement(By.cssSelector(".nav-toggle"));
        assertFalse(nav.isDisplayed());
        assertTrue(toggle.isDisplayed());
        js("arguments[0].focus()", toggle);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        assertTrue(nav.isDisplayed());
        assertEquals("true", toggle.getAttribute("aria-expanded"));
        assertEquals("A", js("return document.activeElement.tagName"));
        assertTrue((Boolean) js("return document.getElementById('site-nav').contains(document.activeElement)"));
        browser.screenshot("menu-open-390");
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        assertFalse(nav.isDisplayed());
        assertEquals(toggle, driver.switchTo().activeElement());
    }

    @Test
    void everythingIsReachedByKeyboardWithAVisibleFocus() {
        open("02-monitoring.html");
        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement skip = driver.switchTo().activeElement();
        assertEquals("跳到正文", skip.getText());
        assertTrue(skip.isDisplayed() && skip.getRect().getX() >= 0, "the skip link shows when focused");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        assertTrue(driver.getCurrentUrl().endsWith("#main"));
        open("02-monitoring.html");
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < 45; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            @SuppressWarnings("unchecked")
            Map<String, Object> focus = (Map<String, Object>) js(
                    "var e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();"
                            + "return {what: e.tagName + ' ' + (e.getAttribute('href') || e.id || e.className),"
                            + " outline: s.outlineStyle, width: parseFloat(s.outlineWidth), visible: r.width > 0 && r.height > 0,"
                            + " focusVisible: e.matches(':focus-visible')}");
            String what = (String) focus.get("what");
            seen.add(what);
            assertTrue((Boolean) focus.get("visible"), what + " is on screen");
            assertTrue((Boolean) focus.get("focusVisible"), what);
            assertNotEquals("none", focus.get("outline"), what + " shows its focus");
            assertTrue(((Number) focus.get("width")).doubleValue() >= 2, what + " shows its focus");
        }
        assertTrue(seen.contains("INPUT search-input"), seen.toString());
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("A #")), "the sidebar's sections: " + seen);
        browser.screenshot("keyboard-focus-1280");
    }

    @Test
    void theSearchResultsAreReachedWithTheArrowKeys() {
        open("index.html");
        WebElement input = driver.findElement(By.id("search-input"));
        new Actions(driver).sendKeys("/").perform();
        assertEquals(input, driver.switchTo().activeElement(), "\"/\" goes to the search box");
        assertEquals("", input.getAttribute("value"));
        input.sendKeys("病毒");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-results .search-result")));
        List<WebElement> results = driver.findElements(By.cssSelector("#search-results .search-result a"));
        assertTrue(results.size() >= 2);
        input.sendKeys(Keys.ARROW_DOWN);
        assertEquals(results.get(0), driver.switchTo().activeElement());
        new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
        assertEquals(results.get(1), driver.switchTo().activeElement());
        new Actions(driver).sendKeys(Keys.ARROW_UP).sendKeys(Keys.ARROW_UP).perform();
        assertEquals(input, driver.switchTo().activeElement());
        input.sendKeys(Keys.ESCAPE);
        assertFalse(driver.findElement(By.id("search-results")).isDisplayed());
        input.sendKeys(Keys.ENTER);
        browser.waiting().until(d -> page(d.getCurrentUrl()).equals("search.html"));
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#search-page-results a")).isEmpty());
    }

    @Test
    void aFigureOpensLargerAndClosesBackToItsLink() {
        open("02-monitoring.html");
        WebElement figure = driver.findElement(By.cssSelector("#fig-industry .figure-image"));
        js("arguments[0].scrollIntoView(); arguments[0].focus()", figure);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        WebElement dialog = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.figure-dialog")));
        assertTrue((Boolean) js("return document.querySelector('dialog.figure-dialog').open"));
        browser.waiting().until(d -> ((Number) js("return document.querySelector('dialog.figure-dialog img').naturalWidth")).intValue() > 0);
        assertTrue(dialog.getText().contains("图 2"), dialog.getText());
        assertTrue(dialog.findElement(By.tagName("img")).getSize().getWidth() > 900, "larger than in the page");
        browser.screenshot("figure-dialog-1280");
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        assertFalse((Boolean) js("return document.querySelector('dialog.figure-dialog').open"));
        assertEquals(figure, driver.switchTo().activeElement());
    }

    /**
     * Chart text as the reader sees it: the SVG's font size scaled by the drawing's rendered width over its
     * own width. On a phone the page shows the narrow drawing, in a dark scheme the dark one; the text stays
     * at 11 px or more, and the figure opened larger shows the same drawing at least 1.4 times as large.
     */
    @Test
    void chartTextIsElevenPixelsOrMoreOnEveryScreenInBothSchemesAndLargerWhenOpened() throws Exception {
        for (String scheme : List.of("light", "dark")) {
            browser.media("screen", scheme);
            for (int width : List.of(390, 1280)) {
                browser.viewport(width, width < 1000 ? 844 : 900, width < 1000);
                open("02-monitoring.html");
                List<WebElement> images = driver.findElements(By.cssSelector("figure.figure img"));
                assertEquals(7, images.size());
                for (WebElement image : images) {
                    String drawing = shownDrawing(image);
                    String where = drawing + " at " + width + " px, " + scheme;
                    assertEquals(width < 1000, drawing.contains(".narrow."), where);
                    assertEquals(scheme.equals("dark"), drawing.contains(".dark."), where);
                    double size = chartTextSize(image, drawing);
                    assertTrue(size >= 11, where + ": chart text renders at " + size + " px");
                }
                WebElement link = driver.findElement(By.cssSelector("#fig-industry .figure-image"));
                WebElement inPage = link.findElement(By.tagName("img"));
                double before = chartTextSize(inPage, shownDrawing(inPage));
                js("arguments[0].click()", link);
                WebElement enlarged = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("dialog.figure-dialog img")));
                String drawing = shownDrawing(enlarged);
                assertEquals(shownDrawing(inPage), drawing, "the dialog shows the drawing the page shows");
                double after = chartTextSize(enlarged, drawing);
                assertTrue(after >= 1.4 * before, "opened larger at " + width + " px, " + scheme + ": " + before
                        + " px → " + after + " px");
                browser.screenshot("figure-dialog-" + width + "-" + scheme);
                new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            }
        }
    }

    /** The drawing an image shows, once loaded, as {@code figures/<id>….svg}. */
    static String shownDrawing(WebElement image) {
        js("arguments[0].scrollIntoView({block: 'center'})", image);
        browser.waiting().until(d -> (Boolean) js("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
        String source = (String) js("return arguments[0].currentSrc", image);
        return source.substring(source.indexOf("figures/"));
    }

    /** The CSS px the drawing's text renders at: its font size times its rendered width over its width. */
    static double chartTextSize(WebElement image, String drawing) throws Exception {
        String svg = Files.readString(site.resolve(drawing));
        double fontSize = Double.parseDouble(attribute(svg, "font-size"));
        double width = Double.parseDouble(attribute(svg, "width"));
        double rendered = ((Number) js("return arguments[0].getBoundingClientRect().width", image)).doubleValue();
        return Math.round(fontSize * rendered / width * 10) / 10.0;
    }

    /** An attribute of an SVG's root element. */
    private static String attribute(String svg, String name) {
        String root = svg.substring(svg.indexOf("<svg"), svg.indexOf('>', svg.indexOf("<svg")));
        int at = root.indexOf(" " + name + "=\"") + name.length() + 3;
        return root.substring(at, root.indexOf('"', at));
    }

    @Test
    void theSidebarMarksTheSectionInViewAndHeadingLinksAreCopied() throws Exception {
        String origin = server.url("").replaceFirst("(http://[^/]+).*", "$1");
        browser.cdp("Browser.grantPermissions", Map.of("origin", origin,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        open("02-monitoring.html");
        for (String id : List.of("行业排名", "攻击意图")) {
            js("document.getElementById(arguments[0]).scrollIntoView()", id);
            browser.waiting().until(d -> "location".equals(js(
                    "return document.querySelector('.nav-sections a[href=\"#' + arguments[0] + '\"]').getAttribute('aria-current')", id)));
            assertEquals(1L, js("return document.querySelectorAll('.nav-sections a[aria-current]').length"));
        }
        browser.screenshot("section-in-view-1280");
        WebElement anchor = driver.findElement(By.cssSelector("h2[id='影响范围'] .heading-anchor"));
        assertTrue(anchor.getAttribute("aria-label").contains("影响范围"));
        // In the middle of the window, as a reader clicks it: not under the header that stays at the top.
        js("arguments[0].scrollIntoView({block: 'center'})", anchor);
        anchor.click();
        browser.waiting().until(d -> d.findElement(By.cssSelector(".toast")).getText().equals("链接已复制"));
        assertTrue(URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8).endsWith("02-monitoring.html#影响范围"));
        Object copied = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, function (e) { done('unreadable: ' + e); });");
        assertEquals(driver.getCurrentUrl(), copied);
    }

    @Test
    void printingShowsOnlyTheReportWithFiguresWholeAndLinkAddresses() throws Exception {
        browser.media("print", "light");
        open("02-monitoring.html");
        for (String hidden : List.of(".site-nav", ".site-header", ".pager", ".page-toc", ".site-search", ".figure-data")) {
            assertEquals("none", js("return getComputedStyle(document.querySelector(arguments[0])).display", hidden), hidden);
        }
        assertEquals("avoid", js("return getComputedStyle(document.querySelector('figure.figure')).breakInside"));
        assertEquals("avoid", js("return getComputedStyle(document.querySelector('figure.table, table')).breakInside"));
        assertEquals("avoid", js("return getComputedStyle(document.querySelector('main h2[id]')).breakAfter"));
        Object after = js("var a = document.createElement('a'); a.href = 'https://www.example.org/advisory'; a.textContent = 'x';"
                + "document.querySelector('main p').appendChild(a); return getComputedStyle(a, '::after').content;");
        assertTrue(String.valueOf(after).contains("https://www.example.org/advisory"), String.valueOf(after));
        Object internal = js("return getComputedStyle(document.querySelector('main a[href^=\"#\"]'), '::after').content");
        assertEquals("none", internal, "internal links print as they are");
        browser.fullPage("print-02-monitoring", 1280, false, 5000);
        open("all.html");
        assertEquals("page", js("return getComputedStyle(document.querySelector('.whole-chapter')).breakBefore"));
        browser.media("screen", "light");
        @SuppressWarnings("unchecked")
        Map<String, Object> pdf = (Map<String, Object>) browser.cdp("Page.printToPDF", Map.of("printBackground", false));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        Files.write(Browser.SCREENSHOTS.resolve("all.pdf"), bytes);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        long pages = text.split("/Type\\s*/Page[^s]", -1).length - 1;
        assertTrue(pages >= 8, "the whole report prints on " + pages + " pages");
    }

    @Test
    void aMissingAddressGetsThe404PageWithItsStyleAndSearch() throws Exception {
        for (String missing : List.of("2017/no-such-chapter.html", "2017/old/path/page.html")) {
            HttpURLConnection connection = (HttpURLConnection) URI.create(server.url(missing)).toURL().openConnection();
            assertEquals(404, connection.getResponseCode());
            connection.disconnect();
            driver.get(server.url(missing));
            assertTrue(driver.getTitle().startsWith("页面不存在"), driver.getTitle());
            assertEquals("flex", js("return getComputedStyle(document.querySelector('.site-header')).display"), "styled at " + missing);
            js("document.querySelector('.skip-link').focus()");
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            assertTrue(driver.getCurrentUrl().endsWith(missing + "#main"), "the skip link stays on the page: " + driver.getCurrentUrl());
            driver.findElement(By.cssSelector(".not-found a[href='index.html']")).click();
            assertEquals("index.html", page(driver.getCurrentUrl()));
            List<String> errors = browser.takeConsoleErrors();
            assertTrue(errors.stream().allMatch(e -> e.contains(missing) && e.contains("404")), errors.toString());
        }
        driver.get(server.url("2017/no-such-chapter.html"));
        browser.screenshot("404-1280");
        browser.takeConsoleErrors();
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationOnAnyPage() {
        List<String> problems = new ArrayList<>();
        List<String> pages = List.of("index.html", "01-preface.html", "02-monitoring.html", "03-services.html",
                "04-appendix.html", "all.html", "search.html?q=%E5%8B%92%E7%B4%A2", "404.html", "corrections.html",
                "search.html");
        for (String scheme : List.of("light", "dark")) {
            browser.media("screen", scheme);
            // dark mode changes colours only: the pages that show every component (contrast is what can differ)
            for (String page : scheme.equals("light") ? pages : List.of("index.html", "02-monitoring.html", pages.get(6))) {
                open(page);
                if (page.startsWith("search.html?")) {
                    browser.waiting().until(d -> !d.findElements(By.cssSelector("#search-page-results a")).isEmpty());
                }
                // all.html repeats the chapters checked on their own pages: its frame is what is new
                Results results = (page.equals("all.html") ? axe().exclude(".whole-chapter") : axe()).analyze(driver);
                for (Rule rule : results.getViolations()) {
                    if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                        problems.add(scheme + " " + page + ": " + rule.getImpact() + " " + rule.getId() + " – " + rule.getHelp()
                                + " – " + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList());
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    // ---- Structure: contents, header, stable layout ----

    @Test
    void onAPhoneAChaptersContentsAreNestedAndNumberedByItsSections() {
        browser.viewport(390, 844, true);
        open("03-services.html");
        List<WebElement> sections = driver.findElements(By.cssSelector(".page-toc > ol > li"));
        assertEquals(List.of("网站安全", "终端安全", "服务器安全", "邮箱安全"),
                sections.stream().map(li -> li.findElement(By.tagName("a")).getText()).toList());
        assertEquals("decimal", js("return getComputedStyle(document.querySelector('.page-toc > ol')).listStyleType"));
        assertEquals(List.of(7, 4, 5, 3), sections.stream().map(li -> li.findElements(By.cssSelector("ol > li")).size()).toList(),
                "each section's subsections are nested under it");
        browser.screenshot("contents-nested-390");
        browser.viewport(1280, 900, false);
        open("03-services.html");
        assertEquals(4, driver.findElements(By.cssSelector(".nav-sections > li")).size(), "the sidebar nests them too");
    }

    /**
     * The layout shift of a page from its start (Chromium's layout-shift entries, as Lighthouse counts
     * them: those not caused by the reader), once its images have loaded.
     */
    static double layoutShift() {
        Object shift = driver.executeAsyncScript("var done = arguments[arguments.length - 1]; var total = 0;"
                + "new PerformanceObserver(function (list) { list.getEntries().forEach(function (e) {"
                + "  if (!e.hadRecentInput) { total += e.value; } }); }).observe({type: 'layout-shift', buffered: true});"
                + "Promise.all(Array.prototype.map.call(document.images, function (img) {"
                + "  return img.complete ? null : new Promise(function (r) { img.onload = img.onerror = r; }); }))"
                + ".then(function () { setTimeout(function () { done(total); }, 700); });");
        return ((Number) shift).doubleValue();
    }

    @Test
    void nothingMovesOnceAPageIsShownAndEveryImageKeepsItsPlace() throws Exception {
        List<String> pages = List.of("index.html", "01-preface.html", "02-monitoring.html", "03-services.html",
                "all.html", "corrections.html", "search.html?q=%E5%8B%92%E7%B4%A2", "search.html");
        StringBuilder measured = new StringBuilder();
        for (int width : List.of(390, 1280)) {
            browser.viewport(width, width < 1000 ? 844 : 900, width < 1000);
            for (String page : pages) {
                open(page);
                double shift = layoutShift();
                measured.append(String.format(java.util.Locale.ROOT, "%s at %d px: CLS %.4f%n", page, width, shift));
                assertTrue(shift < 0.1, page + " at " + width + " px: cumulative layout shift " + shift);
                @SuppressWarnings("unchecked")
                List<String> unsized = (List<String>) js("return Array.prototype.filter.call(document.querySelectorAll('main img'),"
                        + " function (img) { return !img.getAttribute('width') || !img.getAttribute('height'); })"
                        + ".map(function (img) { return img.getAttribute('src'); })");
                assertEquals(List.of(), unsized, page + ": images without width and height");
            }
        }
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.writeString(Browser.SCREENSHOTS.resolve("layout-shift.txt"), measured);
        System.out.print(measured);
    }

    @Test
    void theHeaderIsOneCompactRowThatStaysAtTheTop() throws Exception {
        StringBuilder measured = new StringBuilder();
        for (int width : List.of(360, 390, 1280)) {
            browser.viewport(width, width < 1000 ? 844 : 900, width < 1000);
            open("03-services.html");
            double height = ((Number) js("return document.querySelector('.site-header').getBoundingClientRect().height"))
                    .doubleValue();
            double title = ((Number) js("return parseFloat(getComputedStyle(document.querySelector('.site-title')).fontSize)"))
                    .doubleValue();
            double text = ((Number) js("return parseFloat(getComputedStyle(document.querySelector('main p:not(.chapter-formats)')).fontSize)"))
                    .doubleValue();
            measured.append(String.format(java.util.Locale.ROOT, "%d px: header %.1f px high, title %.1f px, text %.1f px%n",
                    width, height, title, text));
            assertTrue(height <= 60, "the header is " + height + " px high at " + width + " px");
            assertTrue(title >= 13 && text >= 15, "title " + title + " px, text " + text + " px at " + width + " px");
            js("window.scrollTo(0, document.documentElement.scrollHeight / 2)");
            browser.waiting().until(d -> ((Number) js("return window.scrollY")).doubleValue() > 1000);
            assertEquals(0.0, ((Number) js("return document.querySelector('.site-header').getBoundingClientRect().top"))
                    .doubleValue(), "the header stays at the top while reading");
            assertTrue(driver.findElement(By.id("search-input")).isDisplayed());
            if (width < 1000) {
                assertTrue(driver.findElement(By.cssSelector(".nav-toggle")).isDisplayed());
                browser.screenshot("header-scrolled-" + width);
            }
        }
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.writeString(Browser.SCREENSHOTS.resolve("header.txt"), measured);
        System.out.print(measured);
    }

    @Test
    void onAPhoneTheSearchBoxWidensWhenUsedAndTheMenuHoldsTheVersions() {
        browser.viewport(390, 844, true);
        open("02-monitoring.html");
        WebElement input = driver.findElement(By.id("search-input"));
        double narrow = input.getSize().getWidth();
        input.click();
        assertTrue(input.getSize().getWidth() > 300, "the box widens over the header: " + input.getSize().getWidth()
                + " px, was " + narrow);
        input.sendKeys("勒索");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-results .search-result")));
        browser.screenshot("search-panel-390");
        input.sendKeys(Keys.ESCAPE);
        js("document.activeElement.blur()");
        driver.findElement(By.cssSelector(".nav-toggle")).click();
        WebElement versions = driver.findElement(By.cssSelector(".nav-version select"));
        assertTrue(versions.isDisplayed(), "the versions are in the menu");
        assertFalse(driver.findElement(By.cssSelector(".site-header .version-switcher")).isDisplayed());
        assertEquals(0.0, ((Number) js("return document.getElementById('site-nav').getBoundingClientRect().top"
                + " - document.querySelector('.site-header').getBoundingClientRect().bottom")).doubleValue(), 1.0,
                "the menu opens right below the header");
        browser.screenshot("menu-versions-390");
    }

    @Test
    void theHomePageOpensWithItsKeyNumbersEachLinkingToWhereItIsExplained() {
        for (int width : List.of(390, 1280)) {
            browser.viewport(width, width < 1000 ? 844 : 900, width < 1000);
            open("index.html");
            List<WebElement> numbers = driver.findElements(By.cssSelector(".key-number"));
            assertEquals(List.of("199", "29.6%", "12%", "39.2%"),
                    texts(driver.findElements(By.cssSelector(".key-number-value"))));
            assertTrue(numbers.get(0).getText().contains("起网络安全应急响应事件"), numbers.get(0).getText());
            browser.screenshot("key-numbers-" + width);
        }
        driver.findElements(By.cssSelector("a.key-number-link")).get(1).click();
        browser.waiting().until(d -> link(d.getCurrentUrl()).equals("02-monitoring.html#fig-industry"));
        Number top = (Number) js("return document.getElementById('fig-industry').getBoundingClientRect().top");
        assertTrue(top.doubleValue() > 0 && top.doubleValue() < 200, "the figure is at the top, below the header: " + top);
    }

    // ---- Search over the figures' and tables' data ----

    /** The results search.html lists for {@code query}: each link, and whether it is a figure's or table's data. */
    static List<String[]> searchPage(String query) {
        open("search.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        browser.waiting().until(d -> !d.findElement(By.id("search-page-status")).getText().contains("…"));
        List<String[]> results = new ArrayList<>();
        for (WebElement result : driver.findElements(By.cssSelector("#search-page-results .search-result"))) {
            results.add(new String[] {link(result.findElement(By.tagName("a")).getAttribute("href")),
                    String.valueOf(result.getAttribute("class").contains("search-result-data"))});
        }
        return results;
    }

    @Test
    void wordsOnlyAFigureOrTableHoldsAreFound() throws Exception {
        for (String query : List.of("医疗卫生", "电信运营商", "炫技或报复")) {
            List<String[]> results = searchPage(query);
            Set<String> expected = ReportText.containing(site, query);
            assertFalse(expected.isEmpty(), query);
            assertEquals(new TreeSet<>(expected), results.stream().map(r -> r[0]).collect(Collectors.toCollection(TreeSet::new)),
                    query);
        }
        List<String[]> health = searchPage("医疗卫生");
        assertTrue(health.stream().anyMatch(r -> r[0].equals("02-monitoring.html#fig-industry") && r[1].equals("true")),
                "图 2's numbers: " + health.stream().map(r -> r[0]).toList());
        WebElement where = driver.findElement(By.cssSelector("#search-page-results .search-result-data .search-result-where"));
        assertTrue(where.getText().contains("图 2"), where.getText());
        browser.screenshot("search-data-1280");
    }

    @Test
    void passagesWithEveryWordComeFirstAndTheTextBeforeTheData() throws Exception {
        Map<String, String> passages = new java.util.HashMap<>();
        ReportText.passages(site).forEach(p -> passages.put(p.link(), SearchTokenizer.normalize(p.text())));
        List<String[]> results = searchPage("勒索 挖矿");
        assertFalse(results.isEmpty());
        int lastTier = 0;
        boolean dataSeen = false;
        for (String[] result : results) {
            String text = passages.get(result[0]);
            int tier = text.contains("勒索") && text.contains("挖矿") ? 0 : 1;
            assertTrue(text.contains("勒索") || text.contains("挖矿"), result[0]);
            assertTrue(tier >= lastTier, "a passage with every word after one with some: " + result[0]);
            if (tier > lastTier) {
                dataSeen = false;
            }
            boolean data = result[1].equals("true");
            assertFalse(dataSeen && !data, "the text after the data: " + result[0]);
            dataSeen |= data;
            lastTier = tier;
        }
        assertEquals(1, lastTier, "some passages hold only one of the words");
        open("search.html?q=" + URLEncoder.encode("勒索", StandardCharsets.UTF_8));
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#search-page-results a")).isEmpty());
        WebElement first = driver.findElement(By.cssSelector("#search-page-results .search-result"));
        assertFalse(first.getAttribute("class").contains("search-result-data"));
        for (WebElement snippet : driver.findElements(By.cssSelector("#search-page-results .search-result:not(.search-result-data)"
                + " .search-result-snippet"))) {
            assertFalse(snippet.getText().contains(" · "), "a snippet of the text is no run of table cells: " + snippet.getText());
        }
    }

    @Test
    void thePageAResultOpensMarksTheWordsSearchedFor() {
        open("index.html");
        WebElement input = driver.findElement(By.id("search-input"));
        input.click();
        input.sendKeys("医疗卫生");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-results .search-result")));
        WebElement result = driver.findElement(By.cssSelector("#search-results .search-result a"));
        assertTrue(result.getAttribute("href").contains("?h="), result.getAttribute("href"));
        result.click();
        browser.waiting().until(d -> link(d.getCurrentUrl()).equals("02-monitoring.html#fig-industry"));
        browser.waiting().until(d -> !d.findElements(By.cssSelector("mark.search-highlight")).isEmpty());
        List<WebElement> marks = driver.findElements(By.cssSelector("mark.search-highlight"));
        marks.forEach(mark -> assertEquals("医疗卫生", mark.getAttribute("textContent")));
        assertTrue((Boolean) js("return document.querySelector('details[data-figure=\"fig-industry\"]').open"),
                "the figure's numbers holding the words are open");
        assertFalse(driver.getCurrentUrl().contains("h="), "the address is the page's own again: " + driver.getCurrentUrl());
        assertTrue(layoutShift() < 0.1, "marking moves nothing");
        browser.screenshot("search-marked-1280");
    }

    @Test
    void aSearchPageWithoutResultsExplainsHowSearchWorks() {
        open("search.html");
        WebElement help = driver.findElement(By.id("search-help"));
        assertTrue(help.isDisplayed());
        assertTrue(help.getText().contains("怎样搜索") && help.getText().contains("图和表中的数据"), help.getText());
        browser.screenshot("search-empty-1280");
        open("search.html?q=" + URLEncoder.encode("量子纠缠", StandardCharsets.UTF_8));
        browser.waiting().until(d -> d.findElement(By.id("search-page-status")).getText().contains("没有找到"));
        assertTrue(driver.findElement(By.id("search-help")).isDisplayed(), "shown when nothing is found");
        open("search.html?q=" + URLEncoder.encode("勒索", StandardCharsets.UTF_8));
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#search-page-results a")).isEmpty());
        assertFalse(driver.findElement(By.id("search-help")).isDisplayed(), "out of the way of results");
    }

    /** axe-core, reporting violations only, run in the page itself (the pages have no frames). */
    static AxeBuilder axe() {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        return new AxeBuilder().withOptions(options).disableIframeTesting().setLegacyMode(true);
    }

    /** The chapters of the flagship report in reading order, as the contents list them. */
    static final class ReportPages {
        static final List<String> CHAPTER_TITLES = List.of("第一章 前言", "第二章 应急响应监测分析", "第三章 应急响应服务分析",
                "附录 360 安服团队");

        private ReportPages() {
        }
    }
}
