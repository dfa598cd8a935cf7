package ar.gob.anses.clavess.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriver;

/** Debian's headless Chromium through its chromedriver (never Selenium Manager: there is no internet). */
public final class Chromium {

    private static final int ANCHO = 1000;
    private static final int ALTO = 1100;

    private Chromium() {
    }

    /** Tests that call this carry {@code @ExtendWith(Requisitos.Chromium.class)}: skipped where there is none. */
    public static WebDriver start() {
        String binary = Requisitos.chromiumBinary();
        String driver = Requisitos.chromedriver();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + ANCHO + "," + ALTO, "--lang=es-AR", "--user-data-dir=" + tempDir());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "es-AR,es"));
        // The page's console, for a test to show when a page's own script failed (Chromium.consola).
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        // On Linux Chromium takes its locale (date fields' order, for one) from the environment, not from --lang:
        // Argentine Spanish, as a citizen's browser has it (Debian's chromium-l10n carries es-419).
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .withEnvironment(Map.of("LANGUAGE", "es_AR:es", "LANG", "es_AR.UTF-8")).build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    /**
     * Between the tests of a class that shares one Chromium (starting one costs seconds): no cookie, storage, cached
     * page or open page of the test before, and the window at its starting size (accessibility checks resize it). A
     * test that needs what only a fresh profile gives starts a Chromium of its own.
     */
    public static void limpiar(WebDriver chromium, URI servidor) {
        chromium.get("about:blank");
        ChromiumDriver cdp = (ChromiumDriver) chromium;
        cdp.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        cdp.executeCdpCommand("Network.clearBrowserCache", Map.of());
        cdp.executeCdpCommand("Storage.clearDataForOrigin",
                Map.of("origin", servidor.getScheme() + "://" + servidor.getAuthority(), "storageTypes", "all"));
        chromium.manage().window().setSize(new Dimension(ANCHO, ALTO));
    }

    /** What the page's scripts wrote to the browser console since the last call (errors, warnings, logs). */
    public static String consola(WebDriver chromium) {
        try {
            return chromium.manage().logs().get("browser").getAll().stream()
                    .map(e -> e.getLevel() + " " + e.getMessage()).collect(java.util.stream.Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "(no console: " + e.getMessage() + ")";
        }
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("clave-ss-chromium").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
