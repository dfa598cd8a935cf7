package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.Chromium;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.Requisitos;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Journeys in a real browser (Debian's Chromium), in Argentine Spanish, with the pages' own scripts. */
@ExtendWith(Requisitos.Chromium.class)
@ExtendWith(KeycloakExtension.class)
class BrowserJourneysIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();

    private final KeycloakServer server;
    private final Oidc oidc;
    private static WebDriver chromium;

    BrowserJourneysIT(KeycloakServer server) {
        this.server = server;
        this.oidc = new Oidc(server);
    }

    /** One Chromium for the class (a start costs seconds), emptied before each test: no test needs a fresh profile. */
    @BeforeAll
    static void start() {
        chromium = Chromium.start();
    }

    @BeforeEach
    void limpiar() {
        Chromium.limpiar(chromium, server.baseUri());
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    @DisplayName("given a Spanish-speaking browser, when a level-3 citizen types the CUIL with dashes, then the page is "
            + "the ANSES one in voseo and the app gets a code for that citizen")
    @Test
    void ingresoEnChromium() throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        chromium.get(request.uri().toString());

        assertThat(chromium.findElement(By.id("kc-header-wrapper")).getText()).isEqualTo("ANSES | Clave de la Seguridad Social");
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("ansesLoginTitle"));
        assertThat(chromium.findElement(By.id("anses-crea-tu-clave")).getText()).isEqualTo(ES.get("ansesCreaTuClave"));
        assertThat(chromium.findElement(By.id("anses-clave-hint")).getText()).isEqualTo(ES.get("ansesClaveCaseSensitive"));
        assertThat(chromium.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo(ES.get("ansesCuilLabel"));

        chromium.findElement(By.id("username")).sendKeys("27-27123456-8");
        chromium.findElement(By.id("password")).sendKeys("Tango5Luz");
        chromium.findElement(By.id("kc-login")).click();
        new WebDriverWait(chromium, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("code="));

        String code = request.codeFrom(URI.create(chromium.getCurrentUrl()));
        String idToken = request.exchange(code).get("id_token").asText();
        assertThat(oidc.verify(idToken, Oidc.MI_ANSES).getStringClaim("preferred_username")).isEqualTo("27271234568");
    }

    @DisplayName("given a new citizen, when they create their clave in Chromium, then the anti-robot check runs in the page "
            + "and they land logged in")
    @Test
    void crearClaveEnChromium() throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        chromium.get(request.uri().toString());
        chromium.findElement(By.id("anses-crea-tu-clave")).click();
        chromium.findElement(By.cssSelector("label[for=acepto]")).click();
        chromium.findElement(By.id("anses-continuar")).click();

        chromium.findElement(By.id("cuil")).sendKeys("27-36111222-4");
        chromium.findElement(By.cssSelector("label[for=anses-robot-check]")).click();
        WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.textToBe(By.id("anses-robot-estado"), ES.get("ansesRobotListo")));
        chromium.findElement(By.id("anses-continuar")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tramite"))).sendKeys("00723456789");
        chromium.findElement(By.id("anses-continuar")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("clave"))).sendKeys("Obera5Sol");
        chromium.findElement(By.id("confirmacion")).sendKeys("Obera5Sol");
        chromium.findElement(By.id("anses-continuar")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("anses-habilitada"))).getText())
                .isEqualTo(ES.get("ansesClaveHabilitada", "2"));
        chromium.findElement(By.id("anses-comenzar")).click();
        wait.until(ExpectedConditions.urlContains("code="));

        String code = request.codeFrom(URI.create(chromium.getCurrentUrl()));
        assertThat(oidc.verify(request.exchange(code).get("id_token").asText(), Oidc.MI_ANSES).getStringClaim("preferred_username"))
                .isEqualTo("27361112224");
    }

    @DisplayName("given Cambiar mi clave in Chromium, when the new clave breaks several rules, then the live checklist and "
            + "the server name the same rules, all at once; a good clave then replaces the old one")
    @Test
    void cambiarClaveEnChromium() throws Exception {
        // A citizen of this test's own: the clave changes here (it was demo Ana's).
        String ana = CuilsDePrueba.nueva();
        new AdminApi(server).crearCiudadano(ana, "Ana", "Cambia", CuilsDePrueba.dni(ana), 3, "Aromo6Tilo", false);
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        chromium.get(request.uri().toString());
        chromium.findElement(By.id("anses-cambiar-mi-clave")).click();
        WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.textToBe(By.id("kc-page-title"), ES.get("ansesCambiarMiClaveTitulo")));
        chromium.findElement(By.id("username")).sendKeys(ana);
        chromium.findElement(By.id("password")).sendKeys("Aromo6Tilo");
        chromium.findElement(By.id("kc-login")).click();

        WebElement clave = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("clave")));
        clave.sendKeys("mate11");
        List<String> enLaPagina = chromium.findElements(By.cssSelector("#anses-checklist li[data-estado=incumple] .anses-check-texto"))
                .stream().map(WebElement::getText).toList();
        assertThat(enLaPagina).contains(ES.get("invalidPasswordMinLengthMessage", 8), ES.get("invalidPasswordMinUpperCaseCharsMessage", 1),
                ES.get("ansesClaveRepetidos", 1));
        chromium.findElement(By.id("confirmacion")).sendKeys("mate11");
        chromium.findElement(By.id("anses-continuar")).click();

        List<String> delServidor = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#anses-reglas-incumplidas li")))
                .stream().map(WebElement::getText).toList();
        assertThat(delServidor).containsExactlyInAnyOrderElementsOf(enLaPagina);

        chromium.findElement(By.id("clave")).sendKeys("Ombu7Sauce");
        chromium.findElement(By.id("confirmacion")).sendKeys("Ombu7Sauce");
        chromium.findElement(By.id("anses-continuar")).click();
        wait.until(ExpectedConditions.urlContains("code="));
        assertThat(request.codeFrom(URI.create(chromium.getCurrentUrl()))).isNotBlank();
    }
}
