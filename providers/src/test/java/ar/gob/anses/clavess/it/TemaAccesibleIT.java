package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.Accesibilidad.revisar;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.padron.PadronFile;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.testsupport.Accesibilidad;
import ar.gob.anses.clavess.testsupport.ActividadDePrueba;
import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.Chromium;
import ar.gob.anses.clavess.testsupport.CorreoDePrueba;
import ar.gob.anses.clavess.testsupport.CrearClavePages;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.Requisitos;
import ar.gob.anses.clavess.testsupport.SoloTeclado;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import ar.gob.anses.clavess.testsupport.Totp;
import ar.gob.anses.clavess.verificacion.TipoPregunta;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Every page a citizen can see, in Chromium: axe-core finds no serious or critical WCAG 2.2 AA problem, the
 * page says it is Spanish and names its step in the title, it fits a 360 px phone, and it is photographed;
 * and each journey is done with the keyboard alone.
 */
@ExtendWith(Requisitos.Chromium.class)
@ExtendWith({KeycloakExtension.class, CorreoDePrueba.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemaAccesibleIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final Map<String, Persona> PADRON = PadronFile.leer(Path.of("../realm-export/padron-demo.json"));
    private static final String NORA = "27302223330";    // created here, level 2, clave Palmera4Sur
    private static final String BRUNO = "20303334441";   // created here, locked here
    private static final String IRENE = "27304445551";   // created here, changes her clave by keyboard (policies of 2023 accepted)
    private static final String OMAR = "20301112220";    // created here with a temporary clave, as an office gives one
    private static final String JUAN = "20317320486";    // demo citizen: padrón birth date 1985-04-12, clave Mate7Rio
    private static final String DIEGO = "20298887771";   // padrón, trámite, no clave yet
    private static final String ROBERTO = "20214445558"; // padrón, questions only, no clave yet
    private static final String GRACIELA = "27173332225"; // padrón, questions only; her verification is locked here
    private static final String LUCAS = "20391112224";   // padrón, lives abroad: creates a pending clave here and enables it
    private static final String ROSA = "27263334448";    // demo curadora, clave Yerba7Mate; Ignacio (20441112220) is her ward
    private static final String PILAR = "20429183082";   // created here, sets up a TOTP app and recovery codes by keyboard
    private static final String TEO = "20429183090";     // created here, registers a passkey by keyboard
    private static final String MIRTA = "27438000661";
    /** The email field's label: the realm's localization text ansesCorreo (user profile display name). */
    private static final String CUENTA_REALM_CORREO = "Correo electrónico";   // padrón, trámite, no clave yet: creates one with an email she confirms

    private final KeycloakServer server;
    private final CorreoDePrueba correo;
    private final Oidc oidc;
    private WebDriver chromium;
    private SoloTeclado teclado;
    private WebDriverWait espera;
    private VirtualAuthenticator autenticador;

    TemaAccesibleIT(KeycloakServer server, CorreoDePrueba correo) {
        this.server = server;
        this.correo = correo;
        this.oidc = new Oidc(server);
    }

    @BeforeAll
    void crearCiudadanos() throws Exception {
        AdminApi admin = new AdminApi(server);
        admin.crearCiudadano(NORA, "Nora", "Paz", "30222333", 2, "Palmera4Sur", false);
        admin.crearCiudadano(BRUNO, "Bruno", "Sal", "30333444", 2, "Espino5Rama", false);
        // She accepted an older version of the Políticas de Seguridad: Cambiar mi clave shows the ones in force first.
        assertThat(admin.postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Irene", "lastName": "Vaca",
                 "attributes": {"dni": ["30444555"], "nivel": ["2"], "politicasVersion": ["2023-1"]},
                 "credentials": [{"type": "password", "value": "Tacuara8Sol", "temporary": false}]}
                """.formatted(IRENE)).statusCode()).isEqualTo(201);
        admin.crearCiudadano(OMAR, "Omar", "Lezama", "30111222", 3, "Temporal5Ok", true);
        admin.crearCiudadano(PILAR, "Pilar", "Sosa", "42918308", 2, "Tala8Ombu", List.of("CONFIGURE_TOTP", "CONFIGURE_RECOVERY_AUTHN_CODES"));
        admin.crearCiudadano(TEO, "Teo", "Roca", "42918309", 2, "Tala8Ombu", List.of("webauthn-register"));
    }

    /** One Chromium for the class (a start costs seconds), emptied before each test: no test needs a fresh profile. */
    @BeforeAll
    void abrir() {
        chromium = Chromium.start();
        teclado = new SoloTeclado(chromium);
        espera = new WebDriverWait(chromium, Duration.ofSeconds(60));
    }

    @BeforeEach
    void limpiar() {
        Chromium.limpiar(chromium, server.baseUri());
    }

    @AfterEach
    void sinAutenticadorVirtual() {
        if (autenticador != null) {
            ((HasVirtualAuthenticator) chromium).removeVirtualAuthenticator(autenticador);
            autenticador = null;
        }
    }

    @AfterAll
    void cerrar() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    @DisplayName("login with the keyboard: a wrong clave puts the cursor on the field in error, the right one reaches the app")
    @Test
    void login() throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        chromium.get(request.uri().toString());
        revisar(chromium, "login");

        assertThat(teclado.foco().getDomAttribute("id")).isEqualTo("username");
        teclado.teclas("27-30222333-0").tabHasta("password").teclas("Equivocada9");
        enviar();
        revisar(chromium, "login-error");
        assertThat(mensaje()).isEqualTo(ES.get("ansesInvalidCredentials"));
        assertThat(teclado.foco().getDomAttribute("id")).isEqualTo("anses-alerta");

        teclado.tabHasta("username").reemplazar(NORA).tabHasta("password").reemplazar("Palmera4Sur");
        enviar();
        assertThat(request.codeFrom(URI.create(chromium.getCurrentUrl()))).isNotBlank();
    }

    @DisplayName("'Ver más información sobre la Clave de la Seguridad Social': reached from the login page by keyboard, "
            + "and the page it opens")
    @Test
    void informacion() throws Exception {
        chromium.get(oidc.request(Oidc.MI_ANSES).uri().toString());
        teclado.tabHasta("anses-mas-informacion");
        String direccion = teclado.foco().getDomProperty("href"); // resolved against the page
        assertThat(direccion).isEqualTo(server.baseUri() + "realms/anses/anses-informacion");
        chromium.get(direccion);
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("ansesInformacionTitulo"));
        revisar(chromium, "informacion");
        teclado.tabHasta("anses-volver");
    }

    @DisplayName("the virtual keyboard with ansesTecladoMezclado=true: the same 36 keys, in a new order each time it opens")
    @Test
    void tecladoMezclado() throws Exception {
        chromium.get(oidc.request(Oidc.MI_ANSES).uri().toString());
        // what the theme property writes on the page
        ((JavascriptExecutor) chromium).executeScript("document.querySelector('[data-anses-teclado=password]').dataset.mezclar = 'true'");
        Set<String> ordenes = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            teclado.tabHasta("password-teclado-abrir").teclas(Keys.ENTER);
            List<String> teclas = chromium.findElements(By.cssSelector("#password-teclado .anses-teclado__fila"))
                    .subList(0, 4).stream().map(WebElement::getText).map(t -> t.replaceAll("\\s+", "")).toList();
            assertThat(ordenadas(teclas.get(0))).isEqualTo("0123456789");
            assertThat(ordenadas(String.join("", teclas.subList(1, 4)))).isEqualTo("abcdefghijklmnopqrstuvwxyz");
            ordenes.add(String.join("", teclas));
            teclado.teclas(Keys.ESCAPE);
        }
        assertThat(ordenes).as("three openings, three orders (the chance of a repeat is negligible)").hasSize(3);
    }

    @DisplayName("a temporary clave from an office: Keycloak's update-password page, themed, done with the keyboard")
    @Test
    void claveTemporal() throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        chromium.get(request.uri().toString());
        teclado.tabHasta("username").teclas(OMAR).tabHasta("password").teclas("Temporal5Ok");
        enviar();
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("updatePasswordTitle"));
        revisar(chromium, "actualizar-clave");
        teclado.tabHasta("password-new").teclas("Chamame8Rio").tabHasta("password-confirm").teclas("Chamame8Rio");
        enviar();
        assertThat(request.codeFrom(URI.create(chromium.getCurrentUrl()))).isNotBlank();
    }

    @DisplayName("the locked-clave page, at the attempt after five wrong claves")
    @Test
    void claveBloqueada() throws Exception {
        chromium.get(oidc.request(Oidc.MI_ANSES).uri().toString());
        for (int i = 0; i < 6; i++) {
            teclado.tabHasta("username").reemplazar(BRUNO).tabHasta("password").reemplazar("Equivocada" + i);
            enviar();
        }
        assertThat(mensaje()).contains("bloqueada");
        revisar(chromium, "clave-bloqueada");
    }

    @DisplayName("Cambiar mi clave with the keyboard, using the virtual keyboard's keys with Enter")
    @Test
    void cambiarClave() throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        chromium.get(request.uri().toString());
        teclado.tabHasta("anses-cambiar-mi-clave");
        enviar();
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("ansesCambiarMiClaveTitulo"));
        revisar(chromium, "cambiar-mi-clave-ingreso");
        teclado.tabHasta("username").teclas(IRENE).tabHasta("password").teclas("Tacuara8Sol");
        enviar();
        assertThat(chromium.findElement(By.id("anses-politicas-intro")).getText()).isEqualTo(ES.get("ansesPoliticasNuevaVersion"));
        revisar(chromium, "politicas-nueva-version");
        teclado.tabHasta("acepto").teclas(" ").tabHasta("anses-continuar");
        enviar();
        revisar(chromium, "cambiar-clave");
        teclado.tabHasta("clave-teclado-abrir").teclas(Keys.ENTER);
        assertThat(teclado.foco().getText()).isEqualTo("1");
        teclado.teclas(Keys.ENTER, Keys.TAB, Keys.ENTER);
        assertThat(chromium.findElement(By.id("clave")).getDomProperty("value")).isEqualTo("12");
        revisar(chromium, "teclado-virtual");
        teclado.teclas(Keys.ESCAPE);
        assertThat(teclado.foco().getDomAttribute("id")).isEqualTo("clave-teclado-abrir");

        teclado.tabHasta("clave").reemplazar("Lapacho7Sur").tabHasta("confirmacion").teclas("Lapacho7Sur");
        enviar();
        assertThat(request.codeFrom(URI.create(chromium.getCurrentUrl()))).isNotBlank();
    }

    @DisplayName("Crear clave by trámite with the keyboard: policies, CUIL and anti-robot, a wrong and a right trámite, "
            + "the clave with its checklist, the end page, back in the app")
    @Test
    void crearClavePorTramite() throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        hastaElCuil(request);
        ingresarCuil("20-29888777-1");
        revisar(chromium, "tramite");
        teclado.tabHasta("tramite").teclas("00000000001");
        enviar();
        assertThat(mensaje()).isEqualTo(ES.get("ansesTramiteIncorrecto", 2));
        assertThat(teclado.foco().getDomAttribute("id")).isEqualTo("tramite");
        revisar(chromium, "tramite-error");
        teclado.reemplazar(PADRON.get(DIEGO).tramites().get(0));
        enviar();

        elegirClave("Jacaranda7");
        finalizar(request);
    }

    @DisplayName("Crear clave with an email, by keyboard: the email beside the clave, Confirmá tu correo with a wrong code "
            + "and then the one mailed, Finalizar saying the address is confirmed, back in the app")
    @Test
    void crearClaveConCorreo() throws Exception {
        String direccion = "mirta.godoy@correo.demo.anses.example";
        correo.apuntar(new AdminApi(server));
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        hastaElCuil(request);
        ingresarCuil(MIRTA);
        teclado.tabHasta("tramite").teclas(PADRON.get(MIRTA).tramites().get(0));
        enviar();
        teclado.tabHasta("email").teclas(direccion).tabHasta("clave").teclas("Yungas4Sol").tabHasta("confirmacion").teclas("Yungas4Sol");
        enviar();
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("ansesConfirmaCorreoTitulo"));
        assertThat(teclado.foco().getDomAttribute("id")).isEqualTo("codigo");
        revisar(chromium, "confirma-correo");
        String codigo = CorreoDePrueba.codigoDeConfirmacion(correo.esperar(direccion, 1).get(0));

        teclado.teclas(String.format("%06d", (Integer.parseInt(codigo) + 1) % 1_000_000));
        enviar();
        assertThat(mensaje()).isEqualTo(ES.get("ansesCodigoIncorrecto", 4));
        assertThat(teclado.foco().getDomAttribute("id")).isEqualTo("codigo");
        revisar(chromium, "confirma-correo-error");
        teclado.reemplazar(codigo);
        enviar();

        assertThat(chromium.findElement(By.id("anses-agrega-email")).getDomAttribute("data-correo")).isEqualTo("confirmado");
        revisar(chromium, "finalizar-correo");
        teclado.tabHasta("anses-comenzar");
        enviar();
        assertThat(request.codeFrom(URI.create(chromium.getCurrentUrl()))).isNotBlank();
    }

    @DisplayName("Crear clave by questions with the keyboard: wrong answers lead to NUEVO INTENTO, right ones to the clave")
    @Test
    void crearClavePorPreguntas() throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        hastaElCuil(request);
        ingresarCuil(ROBERTO);
        revisar(chromium, "preguntas");
        responder(PADRON.get(ROBERTO), false);
        assertThat(chromium.findElements(By.id("anses-verificacion-error"))).hasSize(1);
        revisar(chromium, "verificacion-error");
        teclado.tabHasta("anses-nuevoIntento");
        enviar();
        responder(PADRON.get(ROBERTO), true);
        elegirClave("Quebrada9");
        finalizar(request);
    }

    @DisplayName("the info pages of Crear clave: a CUIL that is not in the registry, and a verification locked by wrong answers")
    @Test
    void paginasDeInformacion() throws Exception {
        hastaElCuil(oidc.request(Oidc.MI_ANSES));
        ingresarCuil("23-12345678-5");
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("ansesCuilNoEnPadronTitulo"));
        revisar(chromium, "cuil-no-en-padron");

        HtmlPage page = CrearClavePages.ingresarCuil(CrearClavePages.aceptarPoliticas(CrearClavePages.desdeElLogin(
                LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), GRACIELA, true);
        for (int i = 0; i < 5 && page.getElementById("anses-form") != null; i++) {
            page = page.getElementById("anses-verificacion-error") != null
                    ? CrearClavePages.continuar(page) : CrearClavePages.responder(page, PADRON.get(GRACIELA), false);
        }
        assertThat(CrearClavePages.titulo(page)).isEqualTo(ES.get("ansesVerificacionBloqueadaTitulo"));

        hastaElCuil(oidc.request(Oidc.MI_ANSES));
        ingresarCuil(GRACIELA);
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("ansesVerificacionBloqueadaTitulo"));
        revisar(chromium, "verificacion-bloqueada");
    }

    @DisplayName("a resident abroad by keyboard: 'En el exterior', the clave with an email, the pending page at login, "
            + "the questions that enable it, the page that says so, and the app")
    @Test
    void residenteExterior() throws Exception {
        hastaElCuil(oidc.request(Oidc.MI_ANSES));
        teclado.teclas(LUCAS).tabHasta("residencia-pais").teclas(Keys.ARROW_DOWN);
        assertThat(chromium.findElement(By.id("residencia-exterior")).isSelected()).isTrue();
        teclado.tabHasta("anses-robot-check").teclas(" ");
        espera.until(ExpectedConditions.textToBe(By.id("anses-robot-estado"), ES.get("ansesRobotListo")));
        teclado.tabHasta("anses-continuar");
        enviar();
        assertThat(chromium.findElements(By.id("email"))).hasSize(1);
        revisar(chromium, "elegi-clave-exterior");
        teclado.tabHasta("email").teclas("lucas.fernandez@correo.example")
                .tabHasta("clave").teclas("Pehuen6Lago").tabHasta("confirmacion").teclas("Pehuen6Lago");
        enviar();
        revisar(chromium, "clave-registrada");
        teclado.tabHasta("anses-ingresar");
        enviar();

        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        chromium.get(request.uri().toString());
        teclado.tabHasta("username").teclas(LUCAS).tabHasta("password").teclas("Pehuen6Lago");
        enviar();
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("ansesClavePendienteTitulo"));
        revisar(chromium, "clave-pendiente");
        teclado.tabHasta("anses-habilitar");
        enviar();
        revisar(chromium, "habilitar-preguntas");
        responder(PADRON.get(LUCAS), true);
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("ansesClaveHabilitadaTitulo"));
        revisar(chromium, "clave-habilitada");
        teclado.tabHasta("anses-comenzar");
        enviar();
        assertThat(request.codeFrom(URI.create(chromium.getCurrentUrl()))).isNotBlank();
    }

    @DisplayName("a level-3 app refuses a level-2 citizen: the page, and its button, work with the keyboard")
    @Test
    void nivelInsuficiente() throws Exception {
        Oidc.Request request = oidc.request("cambio-lugar-cobro");
        chromium.get(request.uri().toString());
        teclado.tabHasta("username").teclas(NORA).tabHasta("password").teclas("Palmera4Sur");
        enviar();
        assertThat(chromium.findElements(By.id("anses-nivel-insuficiente"))).hasSize(1);
        revisar(chromium, "nivel-insuficiente");
        teclado.tabHasta("anses-volver");
        enviar();
        assertThat(Oidc.query(URI.create(chromium.getCurrentUrl()))).containsEntry("error", "access_denied").doesNotContainKey("code");
    }

    @DisplayName("a curadora chooses in whose name she acts with the keyboard (Tab into the group, arrows, Enter); an app's "
            + "kc_action shows the page again with NO CAMBIAR, also by keyboard")
    @Test
    void representacion() throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        chromium.get(request.uri().toString());
        teclado.tabHasta("username").teclas(ROSA).tabHasta("password").teclas("Yerba7Mate");
        enviar();
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("ansesRepresentacionTitulo"));
        revisar(chromium, "representacion");
        teclado.tabHastaDentroDe(chromium.findElement(By.id("representa-grupo")));
        assertThat(teclado.foco().getDomAttribute("id")).isEqualTo("representa-propia");
        teclado.teclas(Keys.ARROW_DOWN);
        assertThat(chromium.findElement(By.id("representa-20441112220")).isSelected()).isTrue();
        teclado.tabHasta("anses-continuar");
        enviar();
        assertThat(request.codeFrom(URI.create(chromium.getCurrentUrl()))).isNotBlank();

        Oidc.Request cambio = oidc.request(Oidc.MI_ANSES);
        chromium.get(cambio.uri(Map.of("kc_action", "anses-representacion")).toString());
        espera.until(ExpectedConditions.presenceOfElementLocated(By.id("anses-cancelar")));
        assertThat(chromium.findElement(By.id("representa-20441112220")).isSelected()).isTrue();
        revisar(chromium, "representacion-cambio");
        teclado.tabHasta("anses-cancelar");
        enviar();
        assertThat(Oidc.query(URI.create(chromium.getCurrentUrl()))).containsEntry("kc_action_status", "cancelled");
    }

    @DisplayName("Keycloak's own pages in the ANSES theme: an error page and a page that expired")
    @Test
    void paginasDeKeycloak() throws Exception {
        chromium.get(oidc.request(Oidc.MI_ANSES).uri(Map.of("redirect_uri", "https://otro.example/")).toString());
        espera.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-page-title")));
        revisar(chromium, "error");

        hastaElCuil(oidc.request(Oidc.MI_ANSES));
        chromium.navigate().back();
        espera.until(ExpectedConditions.presenceOfElementLocated(By.id("acepto")));
        teclado.tabHasta("acepto").teclas(" ").tabHasta("anses-continuar");
        enviar();
        revisar(chromium, "pagina-vencida");
    }

    @DisplayName("the citizen's account console wears the ANSES wordmark and colours, shows the birth date the padrón gave, "
            + "and speaks voseo on the sign-in page")
    @Test
    void cuenta() throws Exception {
        chromium.get(server.realmUri() + "/account");
        espera.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        teclado.tabHasta("username").teclas(JUAN).tabHasta("password").teclas("Mate7Rio");
        enviar();
        WebElement logo = espera.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=page-header] img")));
        assertThat(logo.getDomAttribute("src")).endsWith("/img/anses-logo.svg");
        espera.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#user-profile-form, form")));
        assertThat(chromium.findElement(By.cssSelector(".pf-v5-c-masthead")).getCssValue("background-color")).isEqualTo("rgba(0, 114, 187, 1)");
        // A date field: the browser shows it in its own order (dd/mm/aaaa in es-AR); its value is the ISO date.
        WebElement nacimiento = espera.until(ExpectedConditions.presenceOfElementLocated(By.id("birthdate")));
        espera.until(d -> !nacimiento.getDomProperty("value").isEmpty());
        assertThat(nacimiento.getDomProperty("value")).isEqualTo("1985-04-12");
        // The email field in Spanish; the selects (Idioma, Nivel de la clave) named by what they show (WCAG 2.5.3).
        assertThat(chromium.findElement(By.cssSelector("label[for=email]")).getText()).startsWith(CUENTA_REALM_CORREO);
        WebElement idioma = espera.until(ExpectedConditions.presenceOfElementLocated(select(cuentaEs().get("selectALocale"))));
        espera.until(d -> idioma.getDomAttribute("aria-labelledby") != null);
        assertThat(nombreAccesible(idioma)).startsWith(cuentaEs().get("selectALocale")).endsWith(idioma.getText().strip());
        WebElement nivel = chromium.findElement(select("Nivel de la clave"));
        espera.until(d -> nivel.getDomAttribute("aria-labelledby") != null);
        assertThat(nombreAccesible(nivel)).startsWith("Nivel de la clave").endsWith("2");
        Accesibilidad.revisarCuenta(chromium, "cuenta");

        chromium.get(server.realmUri() + "/account/account-security/signing-in");
        ThemeMessages cuenta = ThemeMessages.cuentaSpanish();
        espera.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), cuenta.get("password-help-text")));
        assertThat(chromium.findElement(By.tagName("main")).getText()).doesNotContainIgnoringCase("contraseña");
        Accesibilidad.revisarCuenta(chromium, "cuenta-ingreso");
    }

    @DisplayName("Mi cuenta's change of email address (Keycloak's Update email) in the ANSES theme, by keyboard: the form, "
            + "its refusal of an empty address, and the page that says the address changes only once the link is followed")
    @Test
    void cambiarCorreo() throws Exception {
        String cuil = CuilsDePrueba.nueva();
        String nueva = "nueva." + cuil + "@tema.demo.anses.example";
        correo.apuntar(new AdminApi(server)); // Keycloak's Update email refuses to go on when it cannot mail the link
        var creado = new AdminApi(server).postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Irma", "lastName": "Paz", "email": "%s", "emailVerified": true,
                 "attributes": {"dni": ["%s"], "nivel": ["2"]},
                 "credentials": [{"type": "password", "value": "Quimili4Bruma", "temporary": false}]}
                """.formatted(cuil, "actual." + cuil + "@tema.demo.anses.example", CuilsDePrueba.dni(cuil)));
        assertThat(creado.statusCode()).as(creado.body()).isEqualTo(201);

        chromium.get(oidc.request(Oidc.MI_ANSES).uri(Map.of("kc_action", "UPDATE_EMAIL")).toString());
        teclado.tabHasta("username").teclas(cuil).tabHasta("password").teclas("Quimili4Bruma");
        enviar();
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("updateEmailTitle"));
        revisar(chromium, "cambiar-correo");
        teclado.tabHasta("email").reemplazar("").tabHasta("kc-submit");
        enviar();
        assertThat(mensaje()).isEqualTo(ES.get("missingEmailMessage"));
        revisar(chromium, "cambiar-correo-error");
        teclado.tabHasta("email").reemplazar(nueva).tabHasta("kc-submit");
        enviar();
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("emailUpdateConfirmationSentTitle"));
        assertThat(chromium.findElement(By.tagName("main")).getText()).contains(ES.get("emailUpdateConfirmationSent", nueva));
        revisar(chromium, "correo-pedido");
    }

    @DisplayName("No fui yo, from the link Actividad de tu cuenta gives: its confirmation and what it did, by keyboard")
    @Test
    void noFuiYo() throws Exception {
        String cuil = CuilsDePrueba.nueva();
        new AdminApi(server).crearCiudadano(cuil, "Elsa", "Mora", CuilsDePrueba.dni(cuil), 2, "Lapacho5Sur", false);
        String token = ActividadDePrueba.token(server, LoginPage.browser(), ActividadDePrueba.CONSOLA, cuil, "Lapacho5Sur");
        String enlace = ActividadDePrueba.entradas(server, token).get(0).get("noFuiYo").asText();
        chromium.get(enlace);
        espera.until(ExpectedConditions.presenceOfElementLocated(By.id("anses-confirmar")));
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("ansesNoFuiYoConfirmarTitulo"));
        revisar(chromium, "no-fui-yo");
        teclado.tabHasta("anses-confirmar");
        enviar();
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("ansesNoFuiYoHechoTitulo"));
        assertThat(chromium.findElement(By.id("anses-no-fui-yo")).getDomAttribute("role")).isEqualTo("status");
        revisar(chromium, "no-fui-yo-hecho");
        teclado.tabHasta("anses-olvide-mi-clave");
    }

    /** The accessible name Chromium computes for an element (what a screen reader or speech input uses). */
    private String nombreAccesible(WebElement elemento) {
        return elemento.getAccessibleName().strip();
    }

    /** The account console's select (a menu toggle) of the form field with that label. */
    private static By select(String etiqueta) {
        return By.xpath("//div[contains(@class,'pf-v5-c-form__group')][.//label[starts-with(normalize-space(), '" + etiqueta
                + "')]]//button[contains(@class,'pf-v5-c-menu-toggle')]");
    }

    private static ThemeMessages cuentaEs() {
        return ThemeMessages.cuentaSpanish();
    }

    /** From the login page through the policies to the CUIL step, by keyboard. */
    @DisplayName("the second factor with the keyboard: TOTP set-up (QR and manual key), recovery codes, the code asked "
            + "after the clave, \"Probar otra forma\" and a recovery code")
    @Test
    void segundoFactor() throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        chromium.get(request.uri().toString());
        teclado.tabHasta("username").teclas(PILAR).tabHasta("password").teclas("Tala8Ombu");
        enviar();
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("loginTotpTitle"));
        revisar(chromium, "totp-configurar");
        teclado.tabHasta("mode-manual");
        enviar();
        revisar(chromium, "totp-configurar-clave");
        Totp totp = new Totp(chromium.findElement(By.id("kc-totp-secret-key")).getText());
        teclado.tabHasta("totp").teclas(totp.siguiente()).tabHasta("userLabel").teclas("Mi celular");
        enviar();
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("recovery-code-config-header"));
        revisar(chromium, "codigos-recuperacion");
        List<String> codigos = chromium.findElements(By.cssSelector("#kc-recovery-codes-list li")).stream()
                .map(WebElement::getText).toList();
        teclado.tabHasta("kcRecoveryCodesConfirmationCheck").teclas(Keys.SPACE).tabHasta("saveRecoveryAuthnCodesBtn");
        enviar();
        assertThat(request.codeFrom(URI.create(chromium.getCurrentUrl()))).isNotBlank();

        ((ChromiumDriver) chromium).executeCdpCommand("Network.clearBrowserCookies", Map.of()); // every path: a new browser
        Oidc.Request otra = oidc.request(Oidc.MI_ANSES);
        chromium.get(otra.uri().toString());
        teclado.tabHasta("username").teclas(PILAR).tabHasta("password").teclas("Tala8Ombu");
        enviar();
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("ansesOtpTitulo"));
        revisar(chromium, "otp");
        teclado.tabHasta("otp").teclas(totp.deOtraHora());
        enviar();
        assertThat(mensaje()).isEqualTo(ES.get("invalidTotpMessage"));
        revisar(chromium, "otp-error");
        teclado.tabHasta("try-another-way");
        enviar();
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("loginChooseAuthenticator"));
        revisar(chromium, "otra-forma");
        WebElement recuperacion = chromium.findElements(By.cssSelector("form.anses-otra-forma")).stream()
                .filter(f -> f.getText().contains(ES.get("recovery-authn-codes-display-name"))).findFirst().orElseThrow();
        teclado.tabHastaDentroDe(recuperacion);
        enviar();
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("auth-recovery-code-header"));
        revisar(chromium, "codigo-recuperacion");
        String etiqueta = chromium.findElement(By.cssSelector("label[for=recoveryCodeInput]")).getText();
        int numero = Integer.parseInt(etiqueta.replaceAll("\\D+", " ").strip().split(" ")[0]);
        teclado.tabHasta("recoveryCodeInput").teclas(codigos.get(numero - 1));
        enviar();
        assertThat(otra.codeFrom(URI.create(chromium.getCurrentUrl()))).isNotBlank();
    }

    @DisplayName("a passkey with the keyboard, on Chromium's virtual authenticator: the registration page, then the "
            + "passkey asked after the clave")
    @Test
    void passkey() throws Exception {
        autenticador = ((HasVirtualAuthenticator) chromium).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2).setTransport(VirtualAuthenticatorOptions.Transport.USB)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        chromium.get(request.uri().toString());
        teclado.tabHasta("username").teclas(TEO).tabHasta("password").teclas("Tala8Ombu");
        enviar();
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("webauthn-registration-title"));
        revisar(chromium, "passkey-registrar");
        teclado.tabHasta("registerWebAuthn").teclas(Keys.ENTER);
        espera.until(ExpectedConditions.alertIsPresent()).accept();   // Keycloak's prompt for the passkey's name: its default
        espera.until(ExpectedConditions.urlContains("code="));

        ((ChromiumDriver) chromium).executeCdpCommand("Network.clearBrowserCookies", Map.of()); // every path: a new browser
        Oidc.Request otra = oidc.request(Oidc.MI_ANSES);
        chromium.get(otra.uri().toString());
        teclado.tabHasta("username").teclas(TEO).tabHasta("password").teclas("Tala8Ombu");
        enviar();
        assertThat(chromium.findElement(By.id("kc-page-title")).getText()).isEqualTo(ES.get("webauthn-login-title"));
        revisar(chromium, "passkey-ingresar");
        teclado.tabHasta("authenticateWebAuthnButton").teclas(Keys.ENTER);
        espera.until(ExpectedConditions.urlContains("code="));
        assertThat(otra.codeFrom(URI.create(chromium.getCurrentUrl()))).isNotBlank();
    }

    private void hastaElCuil(Oidc.Request request) throws Exception {
        chromium.get(request.uri().toString());
        teclado.tabHasta("anses-crea-tu-clave");
        enviar();
        revisar(chromium, "politicas");
        teclado.tabHasta("acepto").teclas(" ").tabHasta("anses-continuar");
        enviar();
        revisar(chromium, "crear-cuil");
        teclado.tabHasta("cuil");
    }

    /** On the CUIL step, by keyboard: the CUIL, the anti-robot check (solved by the page), CONTINUAR. */
    private void ingresarCuil(String cuil) {
        teclado.teclas(cuil).tabHasta("anses-robot-check").teclas(" ");
        espera.until(ExpectedConditions.textToBe(By.id("anses-robot-estado"), ES.get("ansesRobotListo")));
        teclado.tabHasta("anses-continuar");
        enviar();
    }

    /** Each question by keyboard: Tab into its group, then Space (first option) or arrows (the others). */
    private void responder(Persona persona, boolean bien) {
        for (WebElement pregunta : chromium.findElements(By.cssSelector("fieldset.anses-pregunta"))) {
            TipoPregunta tipo = CrearClavePages.tipo(pregunta.findElement(By.tagName("legend")).getText());
            List<WebElement> opciones = pregunta.findElements(By.cssSelector("label"));
            int elegida = bien ? opciones.size() - 1 : 0; // "Ninguna de esas" unless an option is theirs
            for (int i = 0; i < opciones.size() - 1; i++) {
                boolean suya = CrearClavePages.correcta(persona, tipo, opciones.get(i).getText().strip());
                if (bien && suya) {
                    elegida = i;
                } else if (!bien && !suya) {
                    elegida = i;
                }
            }
            teclado.tabHastaDentroDe(pregunta);
            if (elegida == 0) {
                teclado.teclas(" ");
            } else {
                for (int i = 0; i < elegida; i++) {
                    teclado.teclas(Keys.ARROW_DOWN);
                }
            }
            assertThat(pregunta.findElements(By.cssSelector("input:checked"))).hasSize(1);
        }
        teclado.tabHasta("anses-continuar");
        enviar();
    }

    private void elegirClave(String clave) throws Exception {
        teclado.tabHasta("clave").teclas("jaca");
        assertThat(chromium.findElements(By.cssSelector("#anses-checklist li[data-estado=incumple]"))).isNotEmpty();
        revisar(chromium, "elegi-clave");
        teclado.tabHasta("clave").reemplazar(clave).tabHasta("confirmacion").teclas(clave);
        enviar();
    }

    private void finalizar(Oidc.Request request) throws Exception {
        assertThat(chromium.findElements(By.id("anses-habilitada"))).hasSize(1);
        assertThat(chromium.findElement(By.id("anses-mas-informacion-corporativa")).getDomProperty("href"))
                .isEqualTo(server.baseUri() + "realms/anses/anses-informacion#corporativa");
        assertThat(chromium.findElements(By.id("anses-usi07"))).as("Descargar Formulario USI-07").hasSize(1);
        revisar(chromium, "finalizar");
        teclado.tabHasta("anses-comenzar");
        enviar();
        assertThat(request.codeFrom(URI.create(chromium.getCurrentUrl()))).isNotBlank();
    }

    private static String ordenadas(String teclas) {
        char[] letras = teclas.toCharArray();
        Arrays.sort(letras);
        return new String(letras);
    }

    /** Presses Enter on what has the focus and waits until the next page has loaded. */
    private void enviar() {
        JavascriptExecutor js = (JavascriptExecutor) chromium;
        js.executeScript("window.ansesPaginaAnterior = true");
        teclado.teclas(Keys.ENTER);
        // A mark on the old page's window: gone once the browser shows a new document. Asking while the
        // browser swaps documents can fail; that only means "not yet".
        new WebDriverWait(chromium, Duration.ofSeconds(60)).ignoring(WebDriverException.class).until(d ->
                js.executeScript("return window.ansesPaginaAnterior === undefined && document.readyState === 'complete'"));
    }

    /** The message the page shows: a field's error or, without one, the alert. */
    private String mensaje() {
        List<WebElement> mensajes = chromium.findElements(By.cssSelector("[id^=input-error-]:not([id^=input-error-container]), .pf-v5-c-alert__title"));
        assertThat(mensajes).as("a message on " + chromium.getCurrentUrl()).isNotEmpty();
        return mensajes.get(0).getText().strip();
    }
}
