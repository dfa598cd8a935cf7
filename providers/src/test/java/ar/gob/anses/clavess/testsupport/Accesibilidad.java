package ar.gob.anses.clavess.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRuleOptions;
import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
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
    /** The pages the galleries of docs/ciudadanos.md and (the staff desk's) docs/oficinas.md show. */
    private static final Set<String> GALERIA = Set.of("login", "login-error", "politicas", "crear-cuil", "tramite", "preguntas",
            "elegi-clave", "confirma-correo", "cuenta-actividad", "no-fui-yo", "no-fui-yo-hecho", "finalizar", "finalizar-correo", "nivel-insuficiente", "clave-bloqueada", "teclado-virtual", "cuenta", "cuenta-ingreso", "representacion",
            "clave-registrada", "clave-pendiente", "clave-habilitada", "informacion", "politicas-nueva-version",
            "totp-configurar", "codigos-recuperacion", "otp", "otra-forma", "codigo-recuperacion", "passkey-registrar", "passkey-ingresar",
            "escritorio-ficha", "escritorio-habilitada", "escritorio-provisoria", "escritorio-linea130", "escritorio-linea130-clave");

    private Accesibilidad() {
    }

    /** Checks the page the browser is on and photographs it as {@code nombre}. */
    public static void revisar(WebDriver chromium, String nombre) throws IOException {
        sinGraves(new AxeBuilder().withTags(WCAG).analyze(chromium), nombre);

        assertThat(chromium.findElement(By.tagName("html")).getDomAttribute("lang")).as(nombre).startsWith("es");
        String titulo = chromium.findElement(By.id("kc-page-title")).getText().strip();
        assertThat(chromium.getTitle()).as(nombre).isEqualTo(titulo + " | " + ES.get("ansesTituloSitio"));
        tamanos(chromium, nombre);
    }

    /**
     * The same for a page of the account console (Keycloak's single-page app, its own title and headings), with
     * axe's {@code label-content-name-mismatch} (WCAG 2.5.3) on as well: axe tags it experimental, so a run by tags
     * leaves it out, and the console's selects are where it bites.
     */
    public static void revisarCuenta(WebDriver chromium, String nombre) throws IOException {
        AxeRunOnlyOptions etiquetas = new AxeRunOnlyOptions();
        etiquetas.setType("tag");
        etiquetas.setValues(WCAG);
        AxeRuleOptions encendida = new AxeRuleOptions();
        encendida.setEnabled(true);
        AxeRunOptions opciones = new AxeRunOptions();
        opciones.setRunOnly(etiquetas);
        opciones.setRules(Map.of("label-content-name-mismatch", encendida));
        sinGraves(new AxeBuilder().withOptions(opciones).analyze(chromium), nombre);

        assertThat(chromium.findElement(By.tagName("html")).getDomAttribute("lang")).as(nombre).startsWith("es");
        assertThat(chromium.findElement(By.tagName("h1")).getText()).as(nombre + ": the page's heading").isNotBlank();
        tamanos(chromium, nombre);
    }

    private static void sinGraves(Results axe, String nombre) {
        List<Rule> graves = axe.getViolations().stream().filter(r -> GRAVES.contains(r.getImpact())).toList();
        assertThat(graves).as(nombre + ": " + graves.stream()
                .map(r -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at "
                        + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "))).isEmpty();
    }

    /** Photographed when asked, and no horizontal scrolling at 360 and 320 px (WCAG 1.4.10). */
    private static void tamanos(WebDriver chromium, String nombre) throws IOException {
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
        if (ancho > visible) {
            // What sticks out, to say where to look: the outermost elements wider than the window.
            Object anchos = ((JavascriptExecutor) chromium).executeScript("""
                    const w = document.documentElement.clientWidth;
                    return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1
                        && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1))
                      .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ' ['
                        + [...e.children].map(c => c.tagName + '.' + c.className + ' ' + Math.round(c.getBoundingClientRect().left)
                        + '-' + Math.round(c.getBoundingClientRect().right)).join(', ') + ']').join('; ')""");
            assertThat(ancho).as(nombre + ": no horizontal scrolling at " + chromium.manage().window().getSize().getWidth()
                    + " px; wider: " + anchos).isLessThanOrEqualTo(visible);
        }
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
