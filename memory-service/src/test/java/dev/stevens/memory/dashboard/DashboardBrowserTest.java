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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
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
        var owner = ownerWithAPianoRecital();
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
        awaitAfterReload(() -> !browser.findElements(By.linkText(text)).isEmpty());
        shot("04-created");

        browser.findElement(By.linkText(text)).click();
        awaitPage(() -> !browser.findElements(By.id("edit-text")).isEmpty());
        var edit = browser.findElement(By.id("edit-text"));
        edit.clear();
        edit.sendKeys(text + " before noon");
        browser.findElement(By.id("save")).click();
        awaitAfterReload(
                () -> browser.findElement(By.id("memory-text")).getText().endsWith("before noon"));
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

    @Test
    void aKeyboardOnlyUserLogsInSkipsTheNavigationSearchesAddsDeletesAndRestoresAMemory()
            throws Exception {
        var owner = ownerWithAPianoRecital();
        String base = "http://localhost:" + port;

        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        press(Keys.TAB);
        assertIsTheSkipLink(focused());
        press(Keys.TAB);
        assertThat(focused().getAttribute("id")).isEqualTo("username");
        press(owner.username(), Keys.TAB);
        assertThat(focused().getAttribute("id")).isEqualTo("password");
        press(DashboardFixture.PASSWORD);
        shot("k01-login-by-keyboard");
        press(Keys.ENTER);
        awaitPage(() -> browser.findElement(By.tagName("h1")).getText().equals("Notebook"));
        assertThat(browser.findElements(By.cssSelector("nav a[aria-current=page]")))
                .extracting(WebElement::getText)
                .containsExactly("Notebook");

        // the first Tab on a fresh page lands on the skip link, which is then on screen
        press(Keys.TAB);
        var skip = focused();
        assertIsTheSkipLink(skip);
        assertHasAVisibleFocusRing(skip);
        assertThat(skip.getRect().getX()).isGreaterThanOrEqualTo(0);
        shot("k02-skip-link-focused");
        press(Keys.ENTER);
        awaitPage(() -> "main".equals(focused().getAttribute("id")));
        assertThat(browser.getCurrentUrl()).endsWith("#main");

        // past the navigation in one step: the next Tab is already the search box
        press(Keys.TAB);
        var search = focused();
        assertThat(search.getAttribute("id")).isEqualTo("q");
        assertHasAVisibleFocusRing(search);
        press("piano", Keys.ENTER);
        awaitPage(
                () ->
                        browser.getCurrentUrl().contains("q=piano")
                                && browser.findElement(By.id("main"))
                                        .getText()
                                        .contains("Piano recital in the village hall"));
        assertThat(
                        browser.findElements(By.cssSelector(".memories a.memory")).stream()
                                .map(WebElement::getText))
                .containsExactly("Piano recital in the village hall");
        shot("k03-search-by-keyboard");

        String text = "Water the tomatoes " + UUID.randomUUID().toString().substring(0, 6);
        tabUntil("the new memory's text", element -> "new-text".equals(element.getAttribute("id")));
        press(text);
        var add =
                tabUntil("the Add button", element -> "create".equals(element.getAttribute("id")));
        assertHasAVisibleFocusRing(add);
        shot("k04-add-button-focused");
        press(Keys.ENTER);
        awaitAfterReload(() -> !browser.findElements(By.linkText(text)).isEmpty());
        shot("k05-created-by-keyboard");

        // the new memory is itself reachable by Tab, and so are Delete and its undo
        tabUntil("the new memory's link", element -> text.equals(element.getText()));
        press(Keys.ENTER);
        awaitPage(() -> browser.findElement(By.id("memory-text")).getText().equals(text));
        tabUntil("the Delete button", element -> "delete".equals(element.getAttribute("id")));
        press(Keys.ENTER);
        awaitAfterReload(
                () ->
                        browser.findElement(By.cssSelector("main .meta"))
                                .getText()
                                .contains("deleted"));
        var restore =
                tabUntil(
                        "the restore button",
                        element -> "restore".equals(element.getAttribute("id")));
        assertHasAVisibleFocusRing(restore);
        shot("k06-undo-focused");
        press(Keys.ENTER);
        awaitAfterReload(
                () ->
                        !browser.findElement(By.cssSelector("main .meta"))
                                        .getText()
                                        .contains("deleted")
                                && browser.findElements(By.id("restore")).isEmpty());
    }

    @Test
    void onAPhoneWidthScreenNoDashboardPageScrollsSideways() throws Exception {
        var fixture = new DashboardFixture(households, jdbc, passwords);
        var owner = fixture.household("OWNER");
        UUID memory =
                fixture.memory(
                        owner.household(),
                        "A long unbroken word: Donaudampfschifffahrtsgesellschaftskapitänsmütze",
                        LocalDate.now());
        String base = "http://localhost:" + port;
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(owner.username());
        browser.findElement(By.id("password")).sendKeys(DashboardFixture.PASSWORD);
        browser.findElement(By.id("login")).click();
        awaitPage(() -> browser.findElement(By.tagName("h1")).getText().equals("Notebook"));

        long innerWidth = number("return window.innerWidth");
        assertThat(innerWidth).as("the window really is phone-sized").isBetween(300L, 400L);
        for (String page :
                List.of(
                        "/",
                        "/memories/" + memory,
                        "/chat",
                        "/imports",
                        "/briefs",
                        "/dead-letters",
                        "/settings")) {
            browser.get(base + page);
            awaitPage(() -> !browser.findElements(By.id("main")).isEmpty());
            if (page.equals("/")) {
                // bring the long word into the screenshot, where it must wrap
                browser.executeScript(
                        "arguments[0].scrollIntoView()",
                        browser.findElement(By.partialLinkText("Donaudampf")));
            }
            shot("p-" + screenshotName(page));
            assertThat(number("return document.documentElement.scrollWidth"))
                    .as(page + " scrolls sideways at " + innerWidth + " px")
                    .isLessThanOrEqualTo(number("return window.innerWidth"));
        }
    }

    @Test
    void onEveryDashboardPageTheFirstTabReachesTheSkipLinkAndTheNavigationMarksWhereYouAre()
            throws Exception {
        var fixture = new DashboardFixture(households, jdbc, passwords);
        var owner = fixture.household("OWNER");
        UUID memory = fixture.memory(owner.household(), "Dentist at nine", LocalDate.now());
        String base = "http://localhost:" + port;
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(owner.username());
        browser.findElement(By.id("password")).sendKeys(DashboardFixture.PASSWORD);
        browser.findElement(By.id("login")).click();
        awaitPage(() -> browser.findElement(By.tagName("h1")).getText().equals("Notebook"));

        // a memory is part of the notebook but not the Notebook page itself: nothing is current
        var pages = new LinkedHashMap<String, List<String>>();
        pages.put("/", List.of("Notebook"));
        pages.put("/memories/" + memory, List.of());
        pages.put("/chat", List.of("Chat"));
        pages.put("/imports", List.of("Imports"));
        pages.put("/briefs", List.of("Briefs"));
        pages.put("/dead-letters", List.of("Dead letters"));
        pages.put("/settings", List.of("Settings"));
        pages.forEach(
                (page, current) -> {
                    browser.get(base + page);
                    awaitPage(() -> !browser.findElements(By.id("main")).isEmpty());
                    assertThat(browser.findElements(By.cssSelector("nav a[aria-current=page]")))
                            .as(page)
                            .extracting(WebElement::getText)
                            .containsExactlyElementsOf(current);
                    press(Keys.TAB);
                    assertIsTheSkipLink(focused());
                    press(Keys.ENTER);
                    awaitPage(() -> "main".equals(focused().getAttribute("id")));
                });
    }

    private static String screenshotName(String page) {
        if (page.equals("/")) {
            return "notebook";
        }
        return page.startsWith("/memories/") ? "memory" : page.substring(1);
    }

    /** Keys go to whatever has focus, as a keyboard's would: no element is picked for them. */
    private void press(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    /** Tabs forward until the wanted element has focus; fails with where focus went instead. */
    private WebElement tabUntil(String wanted, Predicate<WebElement> isWanted) {
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            press(Keys.TAB);
            var element = focused();
            if (isWanted.test(element)) {
                return element;
            }
            visited.add(
                    element.getTagName()
                            + "#"
                            + element.getAttribute("id")
                            + " "
                            + element.getText());
        }
        throw new AssertionError("Tab never reached " + wanted + "; focus went " + visited);
    }

    private static void assertIsTheSkipLink(WebElement element) {
        assertThat(element.getTagName()).isEqualTo("a");
        assertThat(element.getText()).isEqualTo("Skip to main content");
        assertThat(element.getAttribute("href")).endsWith("#main");
    }

    /**
     * Chromium's own ring is a 1px "auto" outline, hard to see on the dark navigation bar; the
     * dashboard's is 3px, so anything thinner than 2px means its focus style was lost.
     */
    private static void assertHasAVisibleFocusRing(WebElement element) {
        assertThat(element.getCssValue("outline-style")).as("outline-style").isNotEqualTo("none");
        String width = element.getCssValue("outline-width");
        assertThat(width).as("outline-width").endsWith("px");
        assertThat(Double.parseDouble(width.replace("px", "")))
                .as("outline-width")
                .isGreaterThanOrEqualTo(2);
    }

    private long number(String script) {
        return ((Number) browser.executeScript(script)).longValue();
    }

    private void shot(String name) throws Exception {
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** An owner whose notebook holds one memory that a search for "piano" finds. */
    private DashboardFixture.Account ownerWithAPianoRecital() {
        var fixture = new DashboardFixture(households, jdbc, passwords);
        var owner = fixture.household("OWNER");
        fixture.memory(owner.household(), "Piano recital in the village hall", LocalDate.now());
        return owner;
    }

    private static void awaitPage(java.util.concurrent.Callable<Boolean> loaded) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(loaded);
    }

    /** Commands are applied from Kafka: reload the page until it shows the change. */
    private void awaitAfterReload(java.util.concurrent.Callable<Boolean> shown) {
        awaitPage(
                () -> {
                    browser.navigate().refresh();
                    return shown.call();
                });
    }
}
