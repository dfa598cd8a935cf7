package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClaveConEmail;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuilDesdeElExterior;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarTramite;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.padron.PadronFile;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.testsupport.Accesibilidad;
import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.Chromium;
import ar.gob.anses.clavess.testsupport.CrearClavePages;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.PdfUsi07;
import ar.gob.anses.clavess.testsupport.Requisitos;
import ar.gob.anses.clavess.testsupport.SoloTeclado;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import ar.gob.anses.clavess.testsupport.Totp;
import ar.gob.anses.clavess.verificacion.TipoPregunta;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff desk (issue 34), a clerk at the counter in Chromium by keyboard alone: she logs in with her own CUIL and
 * clave, types a citizen's CUIL and sees the clave's state, level, pending requests and locks, then enables a pending
 * clave with its USI-07's code, gives a provisional clave, changes a level, lifts a Crear clave lock and checks a form;
 * each confirmation says what was done and what to tell the citizen, and each is the same admin event, naming her, as the
 * endpoint's. A staff account and her own are out of the desk's reach. The pages pass the accessibility checks.
 */
@ExtendWith(KeycloakExtension.class)
@ExtendWith(Requisitos.Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscritorioIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final Pattern CODIGO = Pattern.compile("\\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\\b");
    private static final String ELENA = "27420050017";  // padrón, abroad: a pending clave enabled here
    private static final String PABLO = "20420050020";  // padrón, no account: given a provisional clave here
    private static final String LIDIA = "27420050033";  // padrón: her Crear clave verification locked and lifted here
    private static final String OLGA = "27420050114";   // padrón, no account: a clave by phone here
    private static final Map<String, Persona> PADRON = PadronFile.leer(Path.of("../realm-export/padron-demo.json"));
    private static final String CLAVE = "Tala7Nube";
    private final String colega = CuilsDePrueba.nuevo();    // another staff member
    /**
     * The clerk (anses-oficina, in anses-personal) of the test that runs: a new one at each login, since the role demands
     * her TOTP code and Keycloak accepts each code once per account (tests of a few seconds each would run out of codes).
     */
    private String empleada;
    private final KeycloakServer server;
    private final Oidc oidc;
    private AdminApi admin;
    private WebDriver chromium;

    EscritorioIT(KeycloakServer server) {
        this.server = server;
        this.oidc = new Oidc(server);
    }

    @BeforeAll
    void personal() throws Exception {
        admin = new AdminApi(server);
        admin.crearPersonal(colega, "Colega", "Escritorio", CLAVE, "anses-oficina", true);
        chromium = Chromium.start();
    }

    @BeforeEach
    void limpio() throws Exception {
        admin = new AdminApi(server); // a fresh admin token: a browser test outlasts the master realm's one minute
        Chromium.limpiar(chromium, server.baseUri());
    }

    @AfterAll
    void cerrar() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    @DisplayName("given a resident abroad's pending clave and her Formulario USI-07, when the clerk checks the form and enables "
            + "the clave at level 3 on the desk by keyboard, then the desk showed the request's dates and says what to tell her, "
            + "the account exists with level 3, and the admin event names the clerk")
    @Test
    void habilitaClavePendienteConSuUsi07() throws Exception {
        String codigo = pendienteConSuCodigo(ELENA, "Aconcagua8z");
        SoloTeclado teclado = ingresar();
        buscar(teclado, ELENA);
        assertThat(texto("esc-datos")).contains(ES.get("ansesEscritorioEstadoPENDIENTE")).contains(ES.get("ansesEscritorioSolicitud"));
        Accesibilidad.revisar(chromium, "escritorio-ficha");

        teclado.tabHasta("esc-usi07-codigo").teclas(codigo.toLowerCase(), Keys.ENTER);
        assertThat(resultado()).contains(ES.get("ansesEscritorioUsi07De", CuilsDePrueba.conGuiones(ELENA)))
                .contains(ES.get("ansesEscritorioEstadoPENDIENTE"));

        teclado.tabHasta("esc-codigo").teclas(codigo).tabHasta("esc-habilitar-boton").teclas(Keys.ENTER);
        assertThat(resultado()).contains(ES.get("ansesEscritorioHabilitada", CuilsDePrueba.conGuiones(ELENA), 3))
                .contains(ES.get("ansesEscritorioHabilitadaDecile"));
        Accesibilidad.revisar(chromium, "escritorio-habilitada");

        assertThat(admin.get("anses-habilitacion/" + ELENA).get("nivel").asInt()).isEqualTo(3);
        assertThat(autorDelEvento("anses-habilitacion/" + ELENA)).isEqualTo(admin.userId(empleada));
    }

    @DisplayName("given a padrón person without a clave at the counter, when the clerk gives her a provisional clave on the desk, "
            + "then the desk shows the clave to read out and what to tell her, and logging in with it asks for a new clave")
    @Test
    void daClaveProvisoria() throws Exception {
        SoloTeclado teclado = ingresar();
        buscar(teclado, CuilsDePrueba.conGuiones(PABLO));
        assertThat(texto("esc-datos")).contains(ES.get("ansesEscritorioEstadoSIN_CLAVE"));
        teclado.tabHasta("esc-provisoria-boton").teclas(Keys.ENTER);
        String clave = esperar(By.id("esc-clave-provisoria")).getText();
        assertThat(resultado()).contains(ES.get("ansesEscritorioProvisoriaDada", CuilsDePrueba.conGuiones(PABLO), 3))
                .contains(ES.get("ansesEscritorioProvisoriaDecile"));
        Accesibilidad.revisar(chromium, "escritorio-provisoria");

        Page primera = LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit(PABLO, clave);
        assertThat(((HtmlPage) primera).getElementById("password-new")).as("her first login asks for her own clave").isNotNull();
        assertThat(autorDelEvento("anses-habilitacion/" + PABLO)).isEqualTo(admin.userId(empleada));
    }

    @DisplayName("given a level-2 citizen with her DNI, when the clerk raises her to level 3 on the desk, then her level is 3, the "
            + "desk says from and to and what to tell her, and the admin event names the clerk")
    @Test
    void cambiaNivel() throws Exception {
        String cuil = CuilsDePrueba.nueva();
        admin.crearCiudadano(cuil, "Nora", "Nivel", CuilsDePrueba.dni(cuil), 2, "Quebracho4", false);
        SoloTeclado teclado = ingresar();
        buscar(teclado, cuil);
        assertThat(texto("esc-datos")).contains(ES.get("ansesEscritorioEstadoHABILITADA")).contains("Nora Nivel");
        teclado.tabHasta("esc-nivel-boton").teclas(Keys.ENTER);
        assertThat(resultado()).contains(ES.get("ansesEscritorioNivelCambiado", CuilsDePrueba.conGuiones(cuil), 2, 3))
                .contains(ES.get("ansesEscritorioNivel3Decile"));
        assertThat(admin.get("anses-nivel/" + cuil).get("nivel").asInt()).isEqualTo(3);
        assertThat(autorDelEvento("anses-nivel/" + cuil)).isEqualTo(admin.userId(empleada));
    }

    @DisplayName("given a CUIL locked out of Crear clave by three wrong trámites, when the clerk lifts the lock on the desk, then "
            + "the desk showed the lock and says she can try again now, and the lock is gone")
    @Test
    void levantaBloqueoDeCrearClave() throws Exception {
        HtmlPage page = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), LIDIA, true);
        for (String tramite : List.of("00000000001", "00000000002", "00000000003")) {
            page = ingresarTramite(page, tramite);
        }
        assertThat(admin.get("anses-verificacion/bloqueos/" + LIDIA).get("bloqueada").asBoolean()).isTrue();

        SoloTeclado teclado = ingresar();
        buscar(teclado, LIDIA);
        assertThat(texto("esc-datos")).contains(ES.get("ansesEscritorioBloqueoCrearClave"));
        teclado.tabHasta("esc-desbloquear-boton").teclas(Keys.ENTER);
        assertThat(resultado()).contains(ES.get("ansesEscritorioDesbloqueada", CuilsDePrueba.conGuiones(LIDIA)))
                .contains(ES.get("ansesEscritorioDesbloqueadaDecile"));
        assertThat(admin.get("anses-verificacion/bloqueos/" + LIDIA).get("bloqueada").asBoolean()).isFalse();
    }

    @DisplayName("given the clerk on the desk, when she looks up another staff member or herself, then the desk says it is out of "
            + "her reach and shows nothing of the account; a typo is told as not a CUIL")
    @Test
    void personalFueraDeAlcance() throws Exception {
        SoloTeclado teclado = ingresar();
        for (String cuil : List.of(colega, empleada)) {
            buscar(teclado, cuil);
            assertThat(resultado()).isEqualTo(ES.get("ansesEscritorioNoPermitido"));
            assertThat(chromium.findElement(By.id("esc-ficha")).isDisplayed()).isFalse();
        }
        buscar(teclado, CuilsDePrueba.conOtroDigito(PABLO));
        assertThat(resultado()).isEqualTo(ES.get("ansesEscritorioCuilInvalido"));
        Accesibilidad.revisar(chromium, "escritorio-error");
    }

    @DisplayName("given a Línea 130 operator on the desk, when a caller without an account answers Crear clave's questions right "
            + "by keyboard, then the desk shows only the phone section, the questions as the web asks them, and a provisional "
            + "clave to read out with what to tell her; her account has level 2")
    @Test
    void operadoraDaUnaClavePorTelefono() throws Exception {
        String operadora = CuilsDePrueba.nueva(); // Línea 130 only
        admin.crearPersonal(operadora, "Operadora", "Escritorio", CLAVE, "anses-linea-130", true);
        SoloTeclado teclado = ingresar(operadora, "l130-cuil");
        assertThat(chromium.findElement(By.id("esc-oficina")).isDisplayed()).as("no counter tasks for an operator").isFalse();
        teclado.teclas(OLGA, Keys.ENTER);
        esperar(By.id("l130-preguntas"));
        Accesibilidad.revisar(chromium, "escritorio-linea130");
        for (org.openqa.selenium.WebElement pregunta : chromium.findElements(By.cssSelector("#l130-lista fieldset"))) {
            TipoPregunta tipo = CrearClavePages.tipo(pregunta.findElement(By.tagName("legend")).getText());
            List<org.openqa.selenium.WebElement> opciones = pregunta.findElements(By.tagName("label"));
            int elegida = opciones.size() - 1; // No sé / Ninguna de esas, unless one is hers
            for (int i = 0; i < opciones.size() - 1; i++) {
                if (CrearClavePages.correcta(PADRON.get(OLGA), tipo, opciones.get(i).getText().strip())) {
                    elegida = i;
                }
            }
            teclado.tabHastaDentroDe(pregunta).teclas(Keys.SPACE);
            for (int i = 0; i < elegida; i++) {
                teclado.teclas(Keys.ARROW_DOWN);
            }
        }
        teclado.tabHasta("l130-enviar").teclas(Keys.ENTER);
        String clave = esperar(By.id("l130-clave-provisoria")).getText();
        assertThat(chromium.findElement(By.id("l130-resultado")).getText()).contains(ES.get("ansesLinea130CLAVE_PROVISORIA"))
                .contains(ES.get("ansesLinea130ClaveProvisoriaDecile"));
        Accesibilidad.revisar(chromium, "escritorio-linea130-clave");
        assertThat(clave).hasSize(10);
        assertThat(admin.get("anses-nivel/" + OLGA).get("nivel").asInt()).isEqualTo(2);
    }

    /** Opens the desk and logs in as a new clerk, by keyboard: the desk then has the focus on the CUIL field. */
    private SoloTeclado ingresar() throws Exception {
        empleada = CuilsDePrueba.nueva();
        admin.crearPersonal(empleada, "Empleada", "Escritorio", CLAVE, "anses-oficina", true);
        return ingresar(empleada, "esc-cuil");
    }

    /**
     * Opens the desk and logs in as {@code cuil} with her clave and her TOTP app's code (her role demands it), by
     * keyboard; the desk then has the focus on {@code foco}.
     */
    private SoloTeclado ingresar(String cuil, String foco) {
        chromium.get(server.baseUri() + "realms/" + KeycloakServer.REALM + "/anses-escritorio/");
        esperar(By.id("username")).sendKeys(cuil);
        chromium.findElement(By.id("password")).sendKeys(CLAVE, Keys.ENTER);
        esperarFoco("otp"); // the code's field has the focus
        chromium.switchTo().activeElement().sendKeys(Totp.delPersonal(cuil).siguiente(), Keys.ENTER);
        esperarFoco(foco);
        return new SoloTeclado(chromium);
    }

    private void esperarFoco(String id) {
        // The page is replaced by the next one while this waits: the focused element it read may be gone by the time it is asked.
        new WebDriverWait(chromium, Duration.ofSeconds(30)).withMessage(() -> Chromium.consola(chromium))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> id.equals(d.switchTo().activeElement().getDomAttribute("id")));
    }

    /** Types a CUIL in the lookup and presses Enter; waits for the card or a message. */
    private void buscar(SoloTeclado teclado, String cuil) {
        chromium.findElement(By.id("esc-resultado")); // present from the start
        ((org.openqa.selenium.JavascriptExecutor) chromium).executeScript("document.getElementById('esc-resultado').textContent = ''");
        teclado.tabHasta("esc-cuil").reemplazar(cuil).teclas(Keys.ENTER);
        new WebDriverWait(chromium, Duration.ofSeconds(30)).withMessage(() -> Chromium.consola(chromium))
                .until(d -> d.findElement(By.id("esc-ficha")).isDisplayed() || !d.findElement(By.id("esc-resultado")).getText().isBlank());
    }

    private String resultado() {
        return new WebDriverWait(chromium, Duration.ofSeconds(30)).withMessage(() -> Chromium.consola(chromium))
                .until(d -> {
                    String t = d.findElement(By.id("esc-resultado")).getText();
                    return t.isBlank() ? null : t;
                }).replaceAll("\\s+", " ").strip();
    }

    private String texto(String id) {
        return chromium.findElement(By.id(id)).getText();
    }

    private org.openqa.selenium.WebElement esperar(By by) {
        return new WebDriverWait(chromium, Duration.ofSeconds(30)).withMessage(() -> Chromium.consola(chromium))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private String autorDelEvento(String ruta) throws Exception {
        JsonNode eventos = admin.get("admin-events?resourcePath=" + ruta + "&max=5");
        assertThat(eventos).isNotEmpty();
        return eventos.get(0).at("/authDetails/userId").asText();
    }

    /** Crear clave as a resident abroad, then her first login: the code of the USI-07 the pending page gives. */
    private String pendienteConSuCodigo(String cuil, String clave) throws Exception {
        HtmlPage elegi = ingresarCuilDesdeElExterior(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), cuil);
        elegirClaveConEmail(elegi, "elena.escritorio@example.com", clave);
        HtmlPage pendiente = (HtmlPage) LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit(cuil, clave);
        try (InputStream in = pendiente.getHtmlElementById("anses-usi07").click().getWebResponse().getContentAsStream()) {
            Matcher codigo = CODIGO.matcher(new PdfUsi07(in.readAllBytes()).texto());
            assertThat(codigo.find()).as("a verification code on the form").isTrue();
            return codigo.group();
        }
    }
}
