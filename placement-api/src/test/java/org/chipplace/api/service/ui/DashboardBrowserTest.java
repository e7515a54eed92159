package org.chipplace.api.service.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.chipplace.api.service.TestDesigns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;

/**
 * The dashboard in real headless Chromium (system {@code chromium} + {@code chromium-driver}, never
 * downloaded): upload the tiny design through the submit form, watch the job reach DONE in the live
 * jobs list, open its page, check the layout canvas is drawn (pixels read back), the metrics are
 * shown each with its unit, the RUDY colour bar with its numbers, the convergence marks; a greedy
 * job's candidates table; a sweep chart whose y axis starts at 0 with distinct ticks; the models
 * page's training curve drawn; a misspelt request field answered 400 naming it. Screenshots go to
 * {@code target/screenshots/}. Skips when Chromium is not installed, except on CI ({@code CI=true}),
 * where it fails instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DashboardBrowserTest {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** Background colour of the layout canvas (viewer.js BG). */
    static final int[] BG = {0xee, 0xf0, 0xf3};
    /** Fill colour of standard cells drawn as rectangles (viewer.js). */
    static final int[] CELL = {0x7c, 0xb3, 0x42};

    /** Keeps Selenium's java.util.logging quiet (its CDP version notice is irrelevant here). */
    static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static final ObjectMapper JSON = new ObjectMapper();

    static WebDriver driver;
    static Path profile;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String msg = "headless browser test needs " + CHROMIUM + " and " + DRIVER
                    + " (apt-get install -y chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg);
            }
            Assumptions.abort(msg + "; skipped");
        }
        SELENIUM_LOG.setLevel(Level.SEVERE);
        // the system driver only: Selenium Manager must never download anything
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        System.setProperty("SE_AVOID_STATS", "true");
        profile = Files.createTempDirectory("chipplace-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1440,1000", "--force-device-scale-factor=1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withLogFile(SCREENSHOTS.resolve("chromedriver.log").toFile()).build();
        Files.createDirectories(SCREENSHOTS);
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    private void screenshot(String name) throws Exception {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .filter(m -> !m.contains("favicon")).toList();
    }

    /** Zoom (pixels per database unit) of the i-th layout viewer on the page. */
    private double scale(int i) {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelectorAll('canvas.layout-canvas')[arguments[0]].viewer.s;", i)).doubleValue();
    }

    @Test
    void jobSubmittedThroughTheFormFinishesAndItsLayoutIsDrawn() throws Exception {
        String base = "http://localhost:" + port;
        driver.get(base + "/#/jobs");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        WebElement files = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("design-files")));
        StringBuilder paths = new StringBuilder();
        try (var list = Files.list(TestDesigns.tinyDir())) {
            for (Path p : list.sorted().toList()) {
                paths.append(paths.isEmpty() ? "" : "\n").append(p.toAbsolutePath());
            }
        }
        files.sendKeys(paths.toString());
        // the dt fields of the form (sent only with macro placer dt): defaults, and the shipped model
        assertThat(driver.findElement(By.id("samples")).getDomProperty("value")).isEqualTo("1");
        assertThat(new Select(driver.findElement(By.id("device"))).getOptions()).extracting(WebElement::getText)
                .containsExactly("cpu", "gpu");
        assertThat(new Select(driver.findElement(By.id("checkpoint"))).getFirstSelectedOption().getText())
                .isEqualTo("decision-transformer (shipped)");
        WebElement seed = driver.findElement(By.id("seed"));
        seed.clear();
        seed.sendKeys("7");
        WebElement threads = driver.findElement(By.id("threads"));
        threads.clear();
        threads.sendKeys("1");
        driver.findElement(By.id("submit-job")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("submit-msg"), "submitted job"));

        // the list shows the job live until it is DONE
        By row = By.cssSelector("#jobs-table tbody tr");
        new WebDriverWait(driver, Duration.ofSeconds(180)).until(d -> "DONE".equals(((JavascriptExecutor) d)
                .executeScript("const r = document.querySelectorAll('#jobs-table tbody tr');"
                        + "return r.length === 1 ? r[0].dataset.status : null;")));
        Thread.sleep(1000); // the last progress event may still redraw the row once
        WebElement done = driver.findElement(row);
        assertThat(done.findElement(By.cssSelector(".status")).getText()).isEqualTo("DONE");
        assertThat(done.getText()).contains("tiny").contains("100 %");
        screenshot("dashboard-jobs.png");

        done.findElement(By.cssSelector("a.job-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("metrics-table")));
        wait.until(d -> d.findElement(By.cssSelector("canvas.layout-canvas")).getDomAttribute("data-drawn") != null
                && d.findElement(By.cssSelector(".viewer-info")).getText().contains("cells"));
        Thread.sleep(300);
        @SuppressWarnings("unchecked")
        List<Long> px = (List<Long>) ((JavascriptExecutor) driver).executeScript(
                "const c = document.querySelector('canvas.layout-canvas');"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "let other = 0, cell = 0;"
                        + "for (let i = 0; i < d.length; i += 4) {"
                        + "  if (d[i] !== arguments[0][0] || d[i + 1] !== arguments[0][1] || d[i + 2] !== arguments[0][2]) other++;"
                        + "  if (d[i] === arguments[1][0] && d[i + 1] === arguments[1][1] && d[i + 2] === arguments[1][2]) cell++;"
                        + "}"
                        + "return [other, cell, c.width * c.height];", List.of(BG[0], BG[1], BG[2]),
                List.of(CELL[0], CELL[1], CELL[2]));
        long total = px.get(2);
        assertThat(total).isGreaterThan(100_000L);
        assertThat(px.get(0)).as("non-background pixels").isGreaterThan(total / 4);
        assertThat(px.get(1)).as("standard-cell pixels").isGreaterThan(total / 100);

        WebElement metrics = driver.findElement(By.id("metrics-table"));
        assertThat(metrics.findElement(By.cssSelector("tr[data-metric=hpwl] td")).getText()).matches("[0-9][0-9,]*(\\.[0-9]+)?");
        assertThat(metrics.findElement(By.cssSelector("tr[data-metric=legal] td")).getText()).isEqualTo("yes");
        // every metric row has its unit: database units for this Bookshelf design
        List<WebElement> metricRows = metrics.findElements(By.cssSelector("tr[data-metric]"));
        assertThat(metricRows).hasSizeGreaterThan(10);
        for (WebElement r : metricRows) {
            assertThat(r.findElement(By.cssSelector("td.unit")).getText()).as(r.getDomAttribute("data-metric")).isNotBlank();
        }
        assertThat(metrics.findElement(By.cssSelector("tr[data-metric=hpwl] td.unit")).getText()).isEqualTo("DBU");
        assertThat(metrics.findElement(By.cssSelector("tr[data-metric=rudyOverflow] td.unit")).getText()).isEqualTo("DBU²");
        assertThat(driver.findElements(By.cssSelector("#stage-timeline .stage-row"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("canvas.chart"))).hasSize(2);
        // convergence: both passes, the iterate each kept marked
        wait.until(d -> d.findElement(By.id("hpwl-chart")).getDomAttribute("data-y-ticks") != null);
        assertThat(driver.findElement(By.id("hpwl-chart")).getDomAttribute("data-marks")).contains("kept");
        assertThat(driver.findElements(By.cssSelector("#convergence-notes li[data-kept]"))).hasSize(2);
        // the RUDY layer's colour bar: its numbers, the supply threshold 1.0 among them
        driver.findElement(By.cssSelector("input[data-layer=rudy]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rudy-legend")));
        List<String> ticks = driver.findElements(By.cssSelector("#rudy-legend .tick")).stream()
                .map(WebElement::getText).toList();
        assertThat(ticks).contains("0", "1.0 supply").anyMatch(t -> t.startsWith("peak "));
        assertThat(driver.findElement(By.cssSelector(".scale-bar")).getText()).matches("[0-9.,]+ DBU");
        screenshot("dashboard-job.png");

        // a real click on the first macro selects it and draws its nets
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "const c = document.querySelector('canvas.layout-canvas'); const v = c.viewer;"
                        + "const m = v.layout.macros[0]; const p = v.toScreen(m.x + m.w / 2, m.y + m.h / 2);"
                        + "return [p[0] - c.clientWidth / 2, p[1] - c.clientHeight / 2];");
        WebElement canvas = driver.findElement(By.cssSelector("canvas.layout-canvas"));
        new Actions(driver).moveToElement(canvas, at.get(0).intValue(), at.get(1).intValue()).click().perform();
        wait.until(ExpectedConditions.textMatches(By.id("net-panel"), java.util.regex.Pattern.compile("\\d+ nets")));

        // the wheel zooms in
        double before = scale(0);
        new Actions(driver).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(canvas), 0, -300).perform();
        wait.until(d -> scale(0) > before * 1.2);
        String jobUrl = driver.getCurrentUrl();
        String jobId = jobUrl.substring(jobUrl.lastIndexOf('/') + 1);

        // compare (the job with itself: every difference is zero), sweeps and models render
        driver.get(base + "/#/compare?a=" + jobId + "&b=" + jobId);
        wait.until(d -> d.findElements(By.cssSelector("canvas.layout-canvas[data-drawn]")).size() == 2);
        // the job with itself: every difference is none ("="), none coloured as better or worse
        assertThat(driver.findElement(By.cssSelector("#compare-table tr[data-metric=hpwl] td.diff")).getText()).isEqualTo("=");
        assertThat(driver.findElements(By.cssSelector("#compare-table td.better, #compare-table td.worse"))).isEmpty();
        screenshot("dashboard-compare.png");
        // zooming the left viewer zooms the right one too
        double fit = scale(0);
        WebElement left = driver.findElements(By.cssSelector("canvas.layout-canvas")).get(0);
        new Actions(driver).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(left), 0, -300).perform();
        wait.until(d -> scale(0) > fit * 1.2 && scale(1) == scale(0));
        driver.get(base + "/#/sweeps");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("app"), "No sweeps yet."));

        // a misspelt field of a job request is a 400 whose problem names it
        String design = field(get(base + "/api/jobs/" + jobId), "design");
        HttpResponse<String> bad = post(base + "/api/jobs", "{\"design\":\"" + design + "\",\"macroplacer\":\"greedy\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown field 'macroplacer'");

        // a greedy job: its page shows the candidates, the one kept marked
        String greedy = field(post(base + "/api/jobs", "{\"design\":\"" + design + "\",\"macroPlacer\":\"greedy\",\"seed\":3}")
                .body(), "id");
        awaitDone(base, greedy);
        driver.get(base + "/#/jobs/" + greedy);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("candidates-table")));
        List<WebElement> candidates = driver.findElements(By.cssSelector("#candidates-table tbody tr"));
        assertThat(candidates).hasSizeGreaterThan(1);
        assertThat(candidates).filteredOn(r -> "true".equals(r.getDomAttribute("data-kept"))).hasSize(1);
        assertThat(candidates.get(0).getText()).contains("greedy");
        assertThat(driver.findElement(By.id("outcome-summary")).getText()).startsWith("greedy ran; ");
        assertThat(driver.findElement(By.id("time-run")).getText()).startsWith("run ");
        screenshot("dashboard-greedy-job.png");

        // a sweep: its chart's y axis starts at 0, with tick labels that all differ
        String sweep = field(post(base + "/api/sweeps", "{\"designs\":[\"" + design + "\"],\"configs\":["
                + "{\"name\":\"none\",\"macroPlacer\":\"none\"},{\"name\":\"greedy\",\"macroPlacer\":\"greedy\"}],"
                + "\"seeds\":[1,2]}").body(), "id");
        driver.get(base + "/#/sweeps/" + sweep);
        // (read in one script: the page re-renders the table while jobs are pending)
        new WebDriverWait(driver, Duration.ofSeconds(180)).until(d -> Long.valueOf(4).equals(((JavascriptExecutor) d)
                .executeScript("return [...document.querySelectorAll('#sweep-table tbody tr')]"
                        + ".filter((r) => r.textContent.includes('DONE')).length;")));
        wait.until(d -> d.findElements(By.cssSelector("canvas#sweep-chart[data-y-ticks]")).size() == 1
                && !d.findElement(By.id("sweep-chart")).getDomAttribute("data-y-ticks").equals("[]"));
        @SuppressWarnings("unchecked")
        List<String> yTicks = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return JSON.parse(document.getElementById('sweep-chart').dataset.yTicks);");
        assertThat(yTicks.get(0)).isEqualTo("0");
        assertThat(yTicks).hasSizeGreaterThan(2).doesNotHaveDuplicates();
        assertThat(driver.findElements(By.cssSelector("#sweep-summary tbody tr"))).hasSize(2);
        screenshot("dashboard-sweep.png");

        // the models page draws the shipped model's training curve
        driver.get(base + "/#/models");
        wait.until(d -> !d.findElements(By.cssSelector("#models-empty, section.model")).isEmpty());
        wait.until(d -> d.findElements(By.cssSelector("section.model .training-curve canvas[data-y-ticks]")).size() > 0);
        long curvePixels = ((Number) ((JavascriptExecutor) driver).executeScript(
                "const c = document.querySelector('section.model .training-curve canvas');"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "let n = 0;"
                        + "for (let i = 0; i < d.length; i += 4) {"
                        + "  if (d[i + 3] > 200 && (Math.abs(d[i] - d[i + 1]) > 40 || Math.abs(d[i + 1] - d[i + 2]) > 40)) n++;"
                        + "}"
                        + "return n;")).longValue();
        assertThat(curvePixels).as("coloured pixels of the training curve").isGreaterThan(200);
        screenshot("dashboard-models.png");
        assertThat(scriptErrors()).as("browser console errors").isEmpty();
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A top-level string field of a JSON object. */
    private static String field(String json, String name) throws Exception {
        return JSON.readTree(json).get(name).asText();
    }

    private static void awaitDone(String base, String job) throws Exception {
        for (int i = 0; i < 600; i++) {
            String status = field(get(base + "/api/jobs/" + job), "status");
            if (status.equals("DONE")) {
                return;
            }
            assertThat(status).isIn("QUEUED", "RUNNING");
            Thread.sleep(200);
        }
        fail("job " + job + " did not finish");
    }
}
