package dev.stevens.memory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.memory.MemoryServiceTest;
import dev.stevens.memory.households.Households;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The dashboard in a real headless Chromium (Debian's), never a downloaded browser. */
@MemoryServiceTest
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @Autowired Households households;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder passwords;
    @LocalServerPort int port;

    ChromeDriver browser;
    Path profile;

    @BeforeEach
    void startBrowser() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Skipped: no browser. Install Debian's chromium and chromium-driver (apt-get install -y"
                        + " chromium chromium-driver) to run the browser test.");
        System.setProperty("SE_OFFLINE", "true");
        profile = Files.createTempDirectory("chromium-profile");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=412,915",
                "--user-data-dir=" + profile);
        var service =
                new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOwnerLogsInSearchesCreatesEditsSeesHistoryAndLogsOut() throws Exception {
        var fixture = new DashboardFixture(households, jdbc, passwords);
        var owner = fixture.household("OWNER");
        fixture.memory(owner.household(), "Piano recital in the village hall", LocalDate.now());
        String base = "http://localhost:" + port;

        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(owner.username());
        browser.findElement(By.id("password")).sendKeys(DashboardFixture.PASSWORD);
        shot("01-login");
        browser.findElement(By.id("login")).click();
        // clicks navigate asynchronously: wait for the next page rather than read the old one
        awaitPage(() -> browser.findElement(By.tagName("h1")).getText().equals("Notebook"));
        shot("02-notebook");

        browser.findElement(By.id("q")).sendKeys("piano");
        browser.findElement(By.id("search")).click();
        awaitPage(
                () ->
                        browser.getCurrentUrl().contains("q=piano")
                                && browser.findElement(By.id("main"))
                                        .getText()
                                        .contains("Piano recital in the village hall"));
        shot("03-search");

        String text = "Collect the dry cleaning " + UUID.randomUUID().toString().substring(0, 6);
        browser.get(base + "/");
        browser.findElement(By.id("new-text")).sendKeys(text);
        browser.findElement(By.id("create")).click();
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            browser.navigate().refresh();
                            return !browser.findElements(By.linkText(text)).isEmpty();
                        });
        shot("04-created");

        browser.findElement(By.linkText(text)).click();
        awaitPage(() -> !browser.findElements(By.id("edit-text")).isEmpty());
        var edit = browser.findElement(By.id("edit-text"));
        edit.clear();
        edit.sendKeys(text + " before noon");
        browser.findElement(By.id("save")).click();
        await().atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .until(
                        () -> {
                            browser.navigate().refresh();
                            return browser.findElement(By.id("memory-text"))
                                    .getText()
                                    .endsWith("before noon");
                        });
        String history = browser.findElement(By.id("history")).getText();
        assertThat(history).contains(text + " before noon", "dashboard:" + owner.username());
        assertThat(browser.findElements(By.cssSelector("#history tbody tr"))).hasSize(2);
        shot("05-history");

        browser.findElement(By.id("logout")).click();
        awaitPage(() -> browser.getCurrentUrl().endsWith("/login?logout"));
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        shot("06-logged-out");
    }

    private void shot(String name) throws Exception {
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void awaitPage(java.util.concurrent.Callable<Boolean> loaded) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(loaded);
    }
}
