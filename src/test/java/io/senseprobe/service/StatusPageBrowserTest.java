package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The status page in a real browser: Debian's chromium, headless, driven through Debian's chromedriver (Selenium
 * Manager's own download cannot work here). A Cloud tenant answers with {@code <script>} in its error detail: the
 * page must show it as text and run nothing. Saves target/status-page.png. Skipped only when chromium or
 * chromedriver is not installed (.ci/run installs both).
 */
class StatusPageBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PLANTED = "<script>document.title='pwned'</script>"
            + "<img src=x onerror=\"document.title='pwned'\">";
    // exactly these, plus a fresh profile: without the background-networking flags Chromium keeps calling out
    private static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync");

    @TempDir
    Path home;

    @Test
    void rowsAreRenderedAndAServersTextStaysText() throws Exception {
        Optional<Path> chromium = onPath("chromium");
        Optional<Path> chromedriver = onPath("chromedriver");
        Assumptions.assumeTrue(chromium.isPresent() && chromedriver.isPresent(),
                "Debian's chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver;"
                        + " .ci/run does it): the status page is not tested in a browser");

        try (ServiceHarness harness = ServiceHarness.withSimulator(home)) {
            Path connections = Files.createDirectories(home.resolve("connections"));
            for (String example : List.of("sim-qrs", "sim-qrs-ip-host", "sim-cloud")) {
                Files.copy(harness.example(example), connections.resolve(example + ".yaml"));
            }
            harness.sim.cloudForbidsUsersMe(PLANTED);
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            harness.startService("camel.server.enabled", "true", "camel.server.port", String.valueOf(port));
            String url = "http://127.0.0.1:" + port + "/";
            ServiceHarness.await("three checks on /api/status", WAIT, () -> apiStatus(url).contains("sim-cloud")
                    && apiStatus(url).contains("sim-qrs-ip-host") && apiStatus(url).contains("\"sim-qrs\""));

            ChromeDriver browser = browser(chromium.get(), chromedriver.get());
            try {
                browser.manage().window().setSize(new Dimension(1400, 700));
                browser.get(url);
                List<WebElement> rows = awaitRows(browser, 3);
                saveScreenshot(browser);

                assertEquals("sense-probe status", browser.getTitle(), "a script from the server's text ran");
                assertEquals(List.of("sim-cloud", "sim-qrs", "sim-qrs-ip-host"),
                        rows.stream().map(r -> r.findElement(By.className("connection")).getText()).toList());
                WebElement cloud = rows.get(0);
                assertEquals("FAILED", cloud.findElement(By.className("status")).getText());
                assertEquals("auth-rejected", cloud.findElement(By.className("category")).getText());
                String message = cloud.findElement(By.className("message")).getText();
                assertTrue(message.contains(PLANTED), "the server's detail is not shown as text: " + message);
                assertTrue(browser.findElements(By.cssSelector("#checks tbody script, #checks tbody img")).isEmpty(),
                        "the server's text became HTML elements");

                WebElement ok = rows.get(1);
                assertEquals("OK", ok.findElement(By.className("status")).getText());
                assertTrue(ok.findElement(By.className("days")).getText().contains("server: "), ok.getText());
                assertTrue(ok.findElement(By.className("duration")).getText().endsWith(" ms"), ok.getText());
                WebElement mismatch = rows.get(2);
                assertEquals("tls-hostname-mismatch", mismatch.findElement(By.className("category")).getText());
                assertTrue(mismatch.findElement(By.className("hint")).getText().startsWith("Hint: "), mismatch.getText());
                assertTrue(mismatch.findElement(By.className("last-ok")).getText().startsWith("never"), mismatch.getText());
                assertTrue(browser.findElement(By.id("summary")).getText().startsWith("3 checks: 1 ok, 0 warning, 2 failed"),
                        browser.findElement(By.id("summary")).getText());
            } finally {
                browser.quit();
            }
        }
    }

    private ChromeDriver browser(Path chromium, Path chromedriver) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(CHROMIUM_FLAGS);
        options.addArguments("--user-data-dir=" + Files.createDirectories(home.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static List<WebElement> awaitRows(ChromeDriver browser, int count) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<WebElement> rows = browser.findElements(By.cssSelector("#checks tbody tr"));
            if (rows.size() == count) {
                return rows;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the page shows " + rows.size() + " rows, not " + count + ":\n"
                        + browser.getPageSource());
            }
            Thread.sleep(50);
        }
    }

    private static void saveScreenshot(ChromeDriver browser) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Files.createDirectories(Path.of("target")).resolve("status-page.png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String apiStatus(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "api/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable).findFirst();
    }
}
