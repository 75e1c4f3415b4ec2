package dev.annals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.devrun.PackFiles;
import dev.annals.devrun.PackType;
import dev.annals.support.Fixtures;
import dev.annals.support.PackagedApp;
import dev.annals.testing.TestTokens;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web view at / in a real browser (headless Chromium) against the packaged app, with both demo storylines and
 * a timeline of the test's own (an event titled with markup, a corrected event, a live append).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimelineViewIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String STORY = "anthropic-dod-standoff";
    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static PackagedApp app;
    private static ChromeDriver driver;
    private static String own;
    private static String correctedTitle;
    private static String paging;

    @BeforeAll
    static void start() throws Exception {
        boolean skip = Boolean.getBoolean("annals.web.skipBrowser");
        Assumptions.assumeFalse(skip, "annals.web.skipBrowser=true");
        assertTrue(
                Browser.available(),
                "TimelineViewIT needs " + Browser.CHROMIUM + " and " + Browser.CHROMEDRIVER
                        + " (apt-get install -y chromium chromium-driver), or -Dannals.web.skipBrowser=true");
        app = PackagedApp.start("timeline-view");
        seedDemo();
        own = Fixtures.timeline("web-view");
        List<Map<String, Object>> events = new ArrayList<>();
        for (int day = 1; day <= 9; day++) {
            Map<String, Object> event = Fixtures.statement("Filler statement " + day);
            event.put("occurredAt", "2026-03-0" + day + "T12:00:00Z");
            events.add(event);
        }
        Map<String, Object> hostile = Fixtures.statement(XSS);
        hostile.put("occurredAt", "2026-03-10T09:30:00+01:00");
        hostile.put("summary", "<script>alert(2)</script> & <b>bold</b>");
        events.add(hostile);
        String positions = append(own, events);
        String corrected = (String) events.get(4).get("id");
        correctedTitle = "Filler statement 5, corrected";
        HttpResponse<String> correction = app.post(
                "/v1/events/" + corrected + "/corrections",
                Fixtures.json(Map.of(
                        "changes",
                        Map.of("title", correctedTitle),
                        "reason",
                        "The first title was wrong",
                        "source",
                        Map.of("publisher", "Reuters", "reliability", "confirmed"))));
        assertEquals(201, correction.statusCode(), correction.body());
        HttpResponse<String> retraction = app.post(
                "/v1/events/" + events.get(2).get("id") + "/retractions",
                Fixtures.json(Map.of("reason", "It never happened")));
        assertEquals(201, retraction.statusCode(), retraction.body());
        projected(own, MAPPER.readTree(retraction.body()).path("position").asText(positions));
        paging = Fixtures.timeline("web-paging");
        projected(paging, append(paging, Fixtures.statements("Paged statement", 120)));
        driver = Browser.start(1366, 900);
        // counts every alert() the page could be tricked into calling (installed before any page script runs)
        driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "window.__alerts = 0; window.alert = () => { window.__alerts++; };"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    /** Both storylines through the API (court-case types first), as the dev launcher loads them. */
    private static void seedDemo() throws Exception {
        for (Path pack : PackFiles.packs(Path.of("src/main/resources/packs"))) {
            for (PackType type : PackFiles.read(pack)) {
                int status = app.put("/v1/event-types/" + type.type(), type.definition())
                        .statusCode();
                assertTrue(status == 200 || status == 201, type.type() + ": " + status);
            }
        }
        for (String timeline : List.of(STORY, "meridian-logistics-case")) {
            String body = Files.readString(Path.of("src/main/resources/seed", timeline + ".json"));
            HttpResponse<String> answer = app.post("/v1/timelines/" + timeline + "/events", body);
            assertEquals(201, answer.statusCode(), answer.body());
            projected(timeline, MAPPER.readTree(answer.body()).path("position").asText());
            String metadata = Files.readString(Path.of("src/main/resources/seed/metadata", timeline + ".json"));
            assertEquals(
                    200,
                    app.put("/v1/timelines/" + timeline + "/metadata", metadata).statusCode());
        }
    }

    private static String append(String timeline, List<Map<String, Object>> events) throws Exception {
        HttpResponse<String> answer = app.post("/v1/timelines/" + timeline + "/events", Fixtures.json(events));
        assertEquals(201, answer.statusCode(), answer.body());
        return MAPPER.readTree(answer.body()).path("position").asText();
    }

    /** Waits for the position, retrying the 503 of a wait that ran out (a projector still joining its group). */
    private static void projected(String timeline, String position) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
        HttpResponse<String> read;
        do {
            read = app.get("/v1/timelines/" + timeline + "/events?limit=1&waitFor="
                    + URLEncoder.encode(position, StandardCharsets.UTF_8));
        } while (read.statusCode() == 503 && System.nanoTime() < deadline);
        assertEquals(200, read.statusCode(), read.body());
    }

    private static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static List<WebElement> articles() {
        return driver.findElements(By.cssSelector("#feed article"));
    }

    private static List<String> titles() {
        return articles().stream()
                .map(a -> a.findElement(By.cssSelector(".event-title")).getText())
                .toList();
    }

    private static void settled() {
        waiting()
                .until(d -> "false".equals(d.findElement(By.id("feed")).getAttribute("aria-busy"))
                        && "false".equals(d.findElement(By.id("facets")).getAttribute("aria-busy"))
                        && !d.findElements(By.cssSelector("#facets fieldset")).isEmpty());
    }

    private static int settledCount(java.util.function.IntPredicate until) {
        waiting().until(d -> {
            settled();
            return until.test(articles().size());
        });
        return articles().size();
    }

    private static WebElement facetOption(String facet, String value) {
        return driver.findElement(By.cssSelector("fieldset[data-facet='" + facet + "'] input[value='" + value + "']"));
    }

    private static void toggle(String facet, String value) {
        WebElement input = facetOption(facet, value);
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block:'center'})", input);
        input.click();
    }

    private static String query() {
        String url = driver.getCurrentUrl();
        return url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
    }

    @Test
    @Order(1)
    void asksForATokenThenShowsTheStory() throws Exception {
        driver.get(app.baseUrl() + "/?timeline=" + STORY);
        WebElement message = driver.findElement(By.id("token-message"));
        waiting()
                .until(d -> d.findElement(By.id("token-panel")).isDisplayed()
                        && !message.getText().isBlank());
        assertTrue(message.getText().contains("token"), message.getText());
        driver.findElement(By.id("token-input")).sendKeys(TestTokens.withGroups("reader"));
        driver.findElement(By.cssSelector("#token-panel button[type=submit]")).click();
        assertEquals(13, settledCount(n -> n == 13));
        assertFalse(driver.findElement(By.id("token-panel")).isDisplayed());
        assertTrue(
                titles().contains("Anthropic pledges an orderly handover if the Pentagon drops it"),
                titles().toString());
        String first = articles().get(0).findElement(By.cssSelector("time")).getText();
        assertEquals("26 Feb 2026, 18:00 GMT−5", first);
        assertTrue(
                driver.findElement(By.cssSelector("#feed h2.group")).getText().contains("26 FEBRUARY 2026")
                        || driver.findElement(By.cssSelector("#feed h2.group"))
                                .getText()
                                .contains("26 February 2026"));
        WebElement count = driver.findElement(By.cssSelector("fieldset[data-facet='type'] .count"));
        assertTrue(count.getText().matches("(?s)\\d+\\s*(events)?"), count.getText());
        waiting().until(d -> d.findElement(By.id("histogram")).isDisplayed());
        Browser.screenshot(driver, "desktop-light");
        Browser.colorScheme(driver, "dark");
        Browser.screenshot(driver, "desktop-dark");
        Browser.colorScheme(driver, "light");
        Browser.viewport(driver, 390, 844, true);
        driver.navigate().refresh();
        settledCount(n -> n == 13);
        Browser.screenshot(driver, "phone");
        Browser.viewport(driver, 0, 0, false);
        driver.navigate().refresh();
        settledCount(n -> n == 13);
    }

    @Test
    @Order(2)
    void filtersNarrowTheList() {
        toggle("type", "statement-issued");
        int byType = settledCount(n -> n < 13);
        assertEquals(2, byType, titles().toString());
        assertTrue(query().contains("type=statement-issued"), query());
        assertTrue(facetOption("type", "red-line-stated").isDisplayed(), "other types keep their place");
        toggle("type", "statement-issued");
        settledCount(n -> n == 13);

        toggle("actor", "openai");
        int byActor = settledCount(n -> n < 13);
        assertTrue(byActor > 0, "events naming OpenAI");
        assertTrue(query().contains("actor=openai"), query());
        toggle("actor", "openai");
        settledCount(n -> n == 13);

        WebElement search = driver.findElement(By.id("f-q"));
        search.sendKeys("surveillance");
        int byText = settledCount(n -> n < 13);
        assertTrue(byText > 0, "events about surveillance");
        assertTrue(query().contains("q=surveillance"), query());
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        settledCount(n -> n == 13);
    }

    @Test
    @Order(3)
    void brushingTheHistogramSetsTheRangeAndTheUrlRoundTrips() {
        WebElement chart = driver.findElement(By.cssSelector("#histogram-chart svg"));
        int width = chart.getSize().getWidth();
        new Actions(driver)
                .moveToElement(chart, -width / 2 + 12, 0)
                .clickAndHold()
                .moveByOffset(width * 2 / 5, 0)
                .release()
                .perform();
        int brushed = settledCount(n -> n < 13);
        assertTrue(brushed > 0, "events in the brushed range");
        assertTrue(query().contains("from=2026-02-18"), query());
        assertTrue(query().contains("to=2026-02-2"), query());
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-order"))).selectByValue("asc");
        waiting().until(d -> query().contains("order=asc"));
        settledCount(n -> n == brushed);
        List<String> before = titles();
        String from = driver.findElement(By.id("f-from")).getAttribute("value");
        String url = driver.getCurrentUrl();

        driver.get("about:blank");
        driver.get(url);
        settledCount(n -> n == brushed);
        assertEquals(before, titles());
        assertEquals(from, driver.findElement(By.id("f-from")).getAttribute("value"));
        assertEquals("asc", driver.findElement(By.id("f-order")).getAttribute("value"));
        assertEquals(url, driver.getCurrentUrl());
    }

    @Test
    @Order(4)
    void anEventOpensWithItsDataHistoryAndContext() throws Exception {
        driver.get(app.baseUrl() + "/?timeline=" + STORY);
        settledCount(n -> n == 13);
        WebElement article = articles().get(3);
        String text = article.findElement(By.cssSelector(".event-title")).getText();
        driver.executeScript("arguments[0].focus()", article);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        WebElement dialog = driver.findElement(By.id("detail"));
        waiting()
                .until(d -> dialog.isDisplayed()
                        && d.findElement(By.id("detail-title")).getText().equals(text));
        waiting()
                .until(d -> !d.findElements(By.cssSelector("#detail .context li.current"))
                        .isEmpty());
        assertFalse(driver.findElements(By.cssSelector("#detail .history li")).isEmpty());
        assertFalse(driver.findElements(By.cssSelector("#detail dl.data dt")).isEmpty());
        assertTrue(query().contains("event="), query());
        Browser.screenshot(driver, "desktop-detail");
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        waiting().until(d -> !dialog.isDisplayed());
        assertFalse(query().contains("event="), query());
        assertEquals(article, driver.switchTo().activeElement(), "focus goes back to the event");
    }

    @Test
    @Order(5)
    void markupInATitleIsTextAndCorrectionsAreMarked() {
        driver.get(app.baseUrl() + "/?timeline=" + own);
        settledCount(n -> n == 9);
        assertFalse(titles().contains("Filler statement 3"), "retracted events are left out");
        driver.findElement(By.id("f-retracted")).click();
        settledCount(n -> n == 10);
        assertTrue(query().contains("include=retracted"), query());
        WebElement retracted = driver.findElement(By.cssSelector("#feed article.is-retracted"));
        assertEquals(
                "Filler statement 3",
                retracted.findElement(By.cssSelector(".event-title")).getText());
        assertTrue(retracted.getText().contains("It never happened"), retracted.getText());
        driver.findElement(By.id("f-retracted")).click();
        settledCount(n -> n == 9);
        assertTrue(titles().contains(XSS), titles().toString());
        assertTrue(driver.findElements(By.cssSelector("#feed img, #feed script, #feed b"))
                .isEmpty());
        assertEquals(0L, ((Number) driver.executeScript("return window.__alerts")).longValue());
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());

        WebElement corrected = driver.findElement(By.cssSelector("#feed article.is-corrected"));
        assertEquals(
                correctedTitle,
                corrected.findElement(By.cssSelector(".event-title")).getText());
        assertTrue(corrected.findElement(By.cssSelector(".mark-corrected")).isDisplayed());
        corrected.findElement(By.cssSelector(".event-title button")).click();
        waiting()
                .until(d ->
                        d.findElements(By.cssSelector("#detail .history li")).size() == 2);
        assertTrue(driver.findElement(By.id("detail")).getText().contains("The first title was wrong"));
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        waiting().until(d -> !d.findElement(By.id("detail")).isDisplayed());
    }

    @Test
    @Order(6)
    void aLiveEventArrivesWithoutMovingTheReader() throws Exception {
        waiting().until(d -> "live".equals(d.findElement(By.id("live-status")).getAttribute("data-status")));
        driver.executeScript("window.scrollTo(0, 420)");
        WebElement anchor = (WebElement) driver.executeScript(
                "return [...document.querySelectorAll('#feed article')].find(a => a.getBoundingClientRect().top > 0)");
        long top = Math.round(((Number) driver.executeScript("return arguments[0].getBoundingClientRect().top", anchor))
                .doubleValue());
        Map<String, Object> live = Fixtures.statement("Live statement from the test");
        live.put("occurredAt", "2026-03-20T08:00:00Z");
        append(own, List.of(live));
        waiting().until(d -> d.findElement(By.id("new-events")).getText().contains("1 new event"));
        assertTrue(titles().contains("Live statement from the test"), titles().toString());
        long after =
                Math.round(((Number) driver.executeScript("return arguments[0].getBoundingClientRect().top", anchor))
                        .doubleValue());
        assertTrue(Math.abs(after - top) <= 2, "the reader's place moved from " + top + " to " + after);
        Browser.screenshot(driver, "desktop-live");
        driver.findElement(By.cssSelector("#new-events button")).click();
        waiting().until(d -> d.findElement(By.id("new-events")).getText().isBlank());
    }

    @Test
    @Order(7)
    void scrollingPagesThroughEveryEvent() {
        driver.get(app.baseUrl() + "/?timeline=" + paging);
        settledCount(n -> n >= 50);
        waiting().until(d -> {
            d.findElement(By.id("sentinel")).getLocation();
            ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("window.scrollTo(0, document.body.scrollHeight)");
            return articles().size() == 120 && d.findElement(By.id("list-end")).isDisplayed();
        });
        assertEquals(120, new java.util.HashSet<>(titles()).size(), "every event once");
        assertTrue(driver.findElement(By.id("list-end")).getText().contains("120 events"));
    }
}
