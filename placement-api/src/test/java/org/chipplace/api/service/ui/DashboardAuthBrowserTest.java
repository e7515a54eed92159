package org.chipplace.api.service.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.chipplace.api.service.TestDesigns;
import org.chipplace.api.service.jobs.ProgressHook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The dashboard in auth mode api-key (headless Chromium, as {@link DashboardBrowserTest}): on the
 * first 401 it asks for the key once, keeps it in {@code sessionStorage} (not {@code localStorage}),
 * and follows a queued job to DONE over the server-sent events, read with fetch and the key's header
 * (the job page has no other way to learn that the job finished).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "chipplace.auth.mode=api-key", "chipplace.auth.admin-key=" + DashboardAuthBrowserTest.ADMIN,
    "chipplace.auth.bcrypt-strength=4"})
@ActiveProfiles("test")
class DashboardAuthBrowserTest {
    static final String ADMIN = "browser-admin-key-5d1e";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    /** Every progress report of a job takes 30 ms, so that the job is still running when its page opens. */
    @TestConfiguration
    static class SlowJobs {
        @Bean
        ProgressHook slowHook() {
            return (job, stage, iteration) -> {
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
        }
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        DashboardBrowserTest.startBrowser();
    }

    @AfterAll
    static void stopBrowser() {
        DashboardBrowserTest.stopBrowser();
    }

    private JsonNode post(String path, Object body, String key, MediaType type) throws Exception {
        HttpHeaders h = new HttpHeaders();
        h.set("X-API-Key", key);
        h.setContentType(type);
        String res = http.postForObject("http://localhost:" + port + path, new HttpEntity<>(body, h), String.class);
        return json.readTree(res);
    }

    @Test
    void theDashboardAsksForTheKeyOnceAndFollowsAJobOverAuthenticatedEvents() throws Exception {
        String key = post("/api/admin/keys", "{\"owner\":\"erin\"}", ADMIN, MediaType.APPLICATION_JSON)
                .get("key").asText();
        var parts = new LinkedMultiValueMap<String, Object>();
        for (String ext : new String[] {"aux", "nodes", "nets", "pl", "scl"}) {
            parts.add("files", new FileSystemResource(TestDesigns.tinyDir().resolve("tiny." + ext)));
        }
        String design = post("/api/designs", parts, key, MediaType.MULTIPART_FORM_DATA).get("id").asText();
        String job = post("/api/jobs", "{\"design\":\"" + design + "\",\"seed\":3}", key, MediaType.APPLICATION_JSON)
                .get("id").asText();

        var driver = DashboardBrowserTest.driver;
        driver.get("http://localhost:" + port + "/#/jobs/" + job);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        Alert prompt = wait.until(ExpectedConditions.alertIsPresent());
        prompt.sendKeys(key);
        prompt.accept();
        // the live line, then (on the "done" event) the finished job's page with its downloads
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("job-live")));
        new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".downloads")));
        assertThat(driver.findElement(By.id("metrics-table")).getText()).contains("yes");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(js.executeScript("return sessionStorage.getItem('chipplace.apiKey')")).isEqualTo(key);
        assertThat(js.executeScript("return localStorage.getItem('chipplace.apiKey')")).isNull();
        // other pages reuse the key without asking again
        driver.get("http://localhost:" + port + "/#/jobs");
        wait.until(d -> d.findElements(By.cssSelector("#jobs-table tbody tr")).size() == 1);
        assertThat(ExpectedConditions.alertIsPresent().apply(driver)).isNull();
    }
}
