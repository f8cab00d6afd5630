package se.tertial.testkit;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven through its own chromedriver (nothing is downloaded), with a download folder of
 * the test's, a screenshot of every page visited under {@code target/screenshots/}, and axe-core on every page.
 */
public final class Browser implements AutoCloseable {
    public static final Path SCREENSHOTS = Path.of("target/screenshots");
    public final ChromeDriver driver;
    public final Path downloads;
    private final String prefix;
    private int shot;
    private final List<String> violations = new ArrayList<>();

    public Browser(Path downloads, String prefix) {
        this.downloads = downloads;
        this.prefix = prefix;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--lang=sv-SE",
                "--user-data-dir=" + downloads.resolveSibling("chrome-profile-" + prefix));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("safebrowsing.enabled", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    /** Opens a URL, then screenshots it and runs axe-core on it. */
    public void open(String url, String name) {
        driver.get(url);
        page(name);
    }

    /** The page now shown: a screenshot and an accessibility check (serious and critical violations are kept). */
    public void page(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", prefix, ++shot, name)), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reflowsAt320(name);
        speaksWords(name);
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        for (Rule r : results.getViolations()) {
            if ("serious".equals(r.getImpact()) || "critical".equals(r.getImpact())) {
                violations.add(name + ": " + r.getId() + " (" + r.getImpact() + ") " + r.getHelp() + " "
                        + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
            }
        }
    }

    /**
     * Clicks what leads to another page and waits until that page has replaced this one (a click returns before
     * the navigation is done; reading the page at once can read the old one).
     */
    public void go(org.openqa.selenium.By what) {
        org.openqa.selenium.WebElement html = driver.findElement(org.openqa.selenium.By.tagName("html"));
        driver.findElement(what).click();
        // The old page is gone once its root is stale; Chromium sometimes says so as "Node with given id does not
        // belong to the document" instead of a stale-element error.
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            try {
                html.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** Signs in with a one-time password and chooses a password of one's own, as the first sign-in demands. */
    public void signInFirstTime(String base, String name, String oneTime, String password) {
        open(base + "/logga-in", "logga-in-" + name);
        driver.findElement(org.openqa.selenium.By.id("namn")).sendKeys(name);
        driver.findElement(org.openqa.selenium.By.id("losenord")).sendKeys(oneTime);
        go(org.openqa.selenium.By.cssSelector("form.form button[type=submit]"));
        page("byt-losenord");
        driver.findElement(org.openqa.selenium.By.id("nuvarande")).sendKeys(oneTime);
        driver.findElement(org.openqa.selenium.By.id("nytt")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.id("upprepa")).sendKeys(password);
        go(org.openqa.selenium.By.cssSelector("form.form button[type=submit]"));
    }

    /** Pages checked at 320 CSS px and for forbidden tokens, and the number of texts read (for the sweep's report). */
    public int pagesChecked;
    public int textsChecked;

    /**
     * WCAG 2.1 1.4.10 (reflow): at 320 CSS px wide the page itself never scrolls sideways (a wide table scrolls in its
     * own box). Emulated through the DevTools protocol, as a phone would lay it out, then set back.
     */
    private void reflowsAt320(String name) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 320, "height", 800,
                "deviceScaleFactor", 1, "mobile", false));
        try {
            Object fits = driver.executeScript("return [document.documentElement.scrollWidth, window.innerWidth];");
            List<?> wh = (List<?>) fits;
            long scroll = ((Number) wh.get(0)).longValue();
            long inner = ((Number) wh.get(1)).longValue();
            if (scroll > inner) {
                Object wide = driver.executeScript("var out=[];document.querySelectorAll('body *').forEach(function(e)"
                        + "{var r=e.getBoundingClientRect();var box=e.parentElement&&e.parentElement.closest('.scroll');"
                        + "if(r.right>window.innerWidth+1&&!box)"
                        + "out.push(e.tagName+'.'+e.className+' '+Math.round(r.right));});return out.slice(0,5);");
                violations.add(name + ": reflow at 320 px: scrollWidth " + scroll + " > " + inner + " " + wide);
            }
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** What a person reads on the page: its title, its visible text and the labels of its controls. */
    private void speaksWords(String name) {
        String text = driver.getTitle() + "\n" + driver.executeScript("return document.body.innerText;");
        pagesChecked++;
        textsChecked += text.split("\n").length;
        for (String hit : ForbiddenWords.find(text)) {
            violations.add(name + ": shows \"" + hit + "\" to a person");
        }
    }

    /** Every serious or critical axe-core violation on the pages visited so far. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    private final java.util.Set<Path> seen = new java.util.HashSet<>();

    /** Waits (at most 15 s) for a new finished download whose name ends with the suffix. */
    public Path awaitDownload(String suffix) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            try (var s = Files.list(downloads)) {
                var found = s.filter(p -> p.getFileName().toString().endsWith(suffix)).filter(seen::add).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no download ending with " + suffix + " in " + downloads);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
