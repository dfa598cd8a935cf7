package ar.gob.anses.clavess.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * What every page a citizen sees must pass, in Chromium: axe-core's WCAG 2.2 A/AA rules without a serious or
 * critical violation, Spanish declared, a title naming the step, nothing wider than a 360 or 320 px screen; and, when
 * asked ({@code -Dfotos=true}, or {@code -Dgaleria.dir=…} for the gallery of docs/ciudadanos.md), a screenshot at 1280
 * and at 360 px under {@code target/screenshots}. Photos are not taken by default: two resizes and two PNGs per page
 * are a good part of the accessibility test's time, and nobody reads them in an ordinary run.
 */
public final class Accesibilidad {

    public static final int ESCRITORIO = 1280;
    public static final int TELEFONO = 360;
    public static final int REFLUJO = 320;
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final Set<String> GRAVES = Set.of("serious", "critical");
    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final boolean FOTOS = Boolean.getBoolean("fotos") || !System.getProperty("galeria.dir", "").isBlank();
    /** The pages the gallery of docs/ciudadanos.md shows. */
    private static final Set<String> GALERIA = Set.of("login", "login-error", "politicas", "crear-cuil", "tramite", "preguntas",
            "elegi-clave", "confirma-correo", "finalizar", "finalizar-correo", "nivel-insuficiente", "clave-bloqueada", "teclado-virtual", "cuenta", "cuenta-ingreso", "representacion",
            "clave-registrada", "clave-pendiente",
            "totp-configurar", "codigos-recuperacion", "otp", "otra-forma", "codigo-recuperacion", "passkey-registrar", "passkey-ingresar");

    private Accesibilidad() {
    }

    /** Checks the page the browser is on and photographs it as {@code nombre}. */
    public static void revisar(WebDriver chromium, String nombre) throws IOException {
        Results axe = new AxeBuilder().withTags(WCAG).analyze(chromium);
        List<Rule> graves = axe.getViolations().stream().filter(r -> GRAVES.contains(r.getImpact())).toList();
        assertThat(graves).as(nombre + ": " + graves.stream()
                .map(r -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at "
                        + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "))).isEmpty();

        assertThat(chromium.findElement(By.tagName("html")).getDomAttribute("lang")).as(nombre).startsWith("es");
        String titulo = chromium.findElement(By.id("kc-page-title")).getText().strip();
        assertThat(chromium.getTitle()).as(nombre).isEqualTo(titulo + " | " + ES.get("ansesTituloSitio"));

        Dimension antes = chromium.manage().window().getSize();
        try {
            if (FOTOS) {
                foto(chromium, nombre); // leaves the window at 360 px
            } else {
                chromium.manage().window().setSize(new Dimension(TELEFONO, 900));
            }
            sinDesplazamientoLateral(chromium, nombre);
            chromium.manage().window().setSize(new Dimension(REFLUJO, 900)); // WCAG 1.4.10 asks 320 CSS px
            sinDesplazamientoLateral(chromium, nombre);
        } finally {
            chromium.manage().window().setSize(antes);
        }
    }

    /** Screenshots at 1280 and 360 px, the browser left at 360; nothing when photos were not asked for. */
    public static void foto(WebDriver chromium, String nombre) throws IOException {
        if (!FOTOS) {
            return;
        }
        foto(chromium, nombre, ESCRITORIO);
        foto(chromium, nombre, TELEFONO);
    }

    private static void sinDesplazamientoLateral(WebDriver chromium, String nombre) {
        long ancho = (Long) ((JavascriptExecutor) chromium).executeScript("return document.documentElement.scrollWidth");
        long visible = (Long) ((JavascriptExecutor) chromium).executeScript("return document.documentElement.clientWidth");
        assertThat(ancho).as(nombre + ": no horizontal scrolling at " + chromium.manage().window().getSize().getWidth() + " px")
                .isLessThanOrEqualTo(visible);
    }

    private static void foto(WebDriver chromium, String nombre, int ancho) throws IOException {
        chromium.manage().window().setSize(new Dimension(ancho, 900));
        long alto = (Long) ((JavascriptExecutor) chromium).executeScript("return document.documentElement.scrollHeight");
        chromium.manage().window().setSize(new Dimension(ancho, (int) Math.min(alto + 140, 3000)));
        Path archivo = Files.createDirectories(Path.of(System.getProperty("screenshots.dir", "target/screenshots")))
                .resolve(nombre + "-" + ancho + ".png");
        Files.write(archivo, ((TakesScreenshot) chromium).getScreenshotAs(OutputType.BYTES));
        String galeria = System.getProperty("galeria.dir", "");
        if (!galeria.isBlank() && GALERIA.contains(nombre)) {
            Files.copy(archivo, Files.createDirectories(Path.of(galeria)).resolve(archivo.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
