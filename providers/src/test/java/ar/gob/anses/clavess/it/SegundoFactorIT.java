package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.continuar;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClave;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarTramite;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.presionar;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.responder;
import static ar.gob.anses.clavess.testsupport.SegundoFactorPages.guardarCodigos;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.padron.PadronFile;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.Chromium;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.Requisitos;
import ar.gob.anses.clavess.testsupport.SegundoFactorPages;
import ar.gob.anses.clavess.testsupport.SegundoFactorPages.TotpConfigurado;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import ar.gob.anses.clavess.testsupport.Totp;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * The optional second factor against the real server: a TOTP app, a passkey, recovery codes; asked after the clave only
 * of a citizen who has one; amr in the tokens beside an unchanged acr; apps that demand it (set-up once, step-up);
 * and Crear clave / Olvidé mi clave, which must not get round it.
 */
@ExtendWith(KeycloakExtension.class)
class SegundoFactorIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final String CLAVE = "Tala8Ombu";
    private static final String APP_NIVEL_3 = "servicios-corporativos";   // demands the second factor (client scope)
    private static final String OTRA_APP_NIVEL_3 = "cambio-lugar-cobro";   // demands it too

    // Citizens created here (fresh CUILs, valid check digits, used by no other test).
    private static final String TOTP = "20429183015";
    private static final String RECUPERACION = "20429183023";
    private static final String SIN_FACTOR_APP = "20429183031";
    private static final String STEP_UP = "20429183058";
    private static final String PASSKEY = "20429183066";
    private static final String SIN_FACTOR = "20429183074";
    private static final String SSO_CON_FACTOR = "20429183120";
    private static final String SSO_SIN_FACTOR = "20429183139";
    // Of the demo padrón, with no account until this test makes one: Tomás Quiroga, questions only (no other test uses him).
    private static final String TOMAS = "20355556671";
    private static final String ERNESTO = "20446000161"; // padrón, with a trámite: a clerk who forgets her clave

    private final KeycloakServer server;
    private final Oidc oidc;

    SegundoFactorIT(KeycloakServer server) {
        this.server = server;
        this.oidc = new Oidc(server);
    }

    @DisplayName("given a citizen without a second factor, then the clave alone logs in and the token says amr [pwd], "
            + "with acr and nivel unchanged")
    @Test
    void sinSegundoFactorSoloClave() throws Exception {
        crear(SIN_FACTOR, 2);
        Oidc.Request request = oidc.request(Oidc.TEST_CLIENT);
        Page landed = LoginPage.open(LoginPage.browser(), request.uri()).submit(SIN_FACTOR, CLAVE);
        assertThat(LoginPage.loggedIn(landed, request)).isTrue();
        JsonNode tokens = exchange(request, landed);
        assertAmr(tokens, "pwd");
        assertNivel(tokens, 2);
    }

    @DisplayName("given a citizen asked to set up a TOTP app (required action), when they scan the key and type a code, "
            + "then the next login asks the code after the clave (amr [pwd, otp], acr unchanged), a wrong code is refused, "
            + "and SSO reuse by another app does not ask again")
    @Test
    void totpComoAccionRequerida() throws Exception {
        crear(TOTP, 2, "CONFIGURE_TOTP");
        Oidc.Request primera = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage setup = html(LoginPage.open(LoginPage.browser(), primera.uri()).submit(TOTP, CLAVE));
        TotpConfigurado configurado = configurarTotp(setup);
        assertThat(LoginPage.loggedIn(configurado.landed(), primera)).isTrue();

        WebClient browser = LoginPage.browser();
        Oidc.Request request = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage otp = html(LoginPage.open(browser, request.uri()).submit(TOTP, CLAVE));
        assertThat(titulo(otp)).isEqualTo(ES.get("ansesOtpTitulo"));
        assertThat(otp.getElementById("username")).isNull();

        HtmlPage mal = html(otp(otp, configurado.totp().deOtraHora()));
        assertThat(titulo(mal)).isEqualTo(ES.get("ansesOtpTitulo"));
        assertThat(mal.asNormalizedText()).contains(ES.get("invalidTotpMessage"));

        Page landed = otp(mal, configurado.totp().siguiente());
        assertThat(LoginPage.loggedIn(landed, request)).isTrue();
        JsonNode tokens = exchange(request, landed);
        assertAmr(tokens, "pwd", "otp");
        assertNivel(tokens, 2);

        Oidc.Request sso = oidc.request(Oidc.MI_ANSES);
        Page reuso = browser.getPage(sso.uri().toURL());
        assertThat(LoginPage.loggedIn(reuso, sso)).as("SSO reuse lands without any page").isTrue();
        assertAmr(exchange(sso, reuso), "pwd", "otp");
    }

    @DisplayName("given a citizen with a TOTP app and recovery codes who lost the phone, when they choose \"Probar otra "
            + "forma\", then both factors are offered and a recovery code logs them in, once")
    @Test
    void probarOtraFormaYCodigoDeRecuperacion() throws Exception {
        crear(RECUPERACION, 2, "CONFIGURE_TOTP", "CONFIGURE_RECOVERY_AUTHN_CODES");
        Oidc.Request primera = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage setup = html(LoginPage.open(LoginPage.browser(), primera.uri()).submit(RECUPERACION, CLAVE));
        HtmlPage codigosPage = html(configurarTotp(setup).landed());
        assertThat(titulo(codigosPage)).isEqualTo(ES.get("recovery-code-config-header"));
        List<String> codigos = codigosPage.querySelectorAll("#kc-recovery-codes-list li").stream()
                .map(n -> n.getTextContent().strip()).toList();
        assertThat(codigos).hasSizeGreaterThanOrEqualTo(10);
        Page landed = guardarCodigos(codigosPage);
        assertThat(LoginPage.loggedIn(landed, primera)).isTrue();

        Oidc.Request request = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage otp = html(LoginPage.open(LoginPage.browser(), request.uri()).submit(RECUPERACION, CLAVE));
        assertThat(titulo(otp)).isEqualTo(ES.get("ansesOtpTitulo"));
        HtmlPage elegir = html(otp.getHtmlElementById("try-another-way").click());
        assertThat(titulo(elegir)).isEqualTo(ES.get("loginChooseAuthenticator"));
        assertThat(opciones(elegir)).containsExactlyInAnyOrder(ES.get("otp-display-name"), ES.get("recovery-authn-codes-display-name"));

        HtmlPage recuperacion = html(opcion(elegir, ES.get("recovery-authn-codes-display-name")).click());
        assertThat(titulo(recuperacion)).isEqualTo(ES.get("auth-recovery-code-header"));
        int numero = numeroPedido(recuperacion);
        String codigo = codigos.get(numero - 1);
        Page conCodigo = codigoDeRecuperacion(recuperacion, codigo);
        assertThat(LoginPage.loggedIn(conCodigo, request)).isTrue();
        JsonNode tokens = exchange(request, conCodigo);
        assertAmr(tokens, "pwd", "otp");

        // Each code serves once: the next login asks for another one.
        Oidc.Request otra = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage otp2 = html(LoginPage.open(LoginPage.browser(), otra.uri()).submit(RECUPERACION, CLAVE));
        HtmlPage recuperacion2 = html(opcion(html(otp2.getHtmlElementById("try-another-way").click()),
                ES.get("recovery-authn-codes-display-name")).click());
        assertThat(numeroPedido(recuperacion2)).isNotEqualTo(numero);
    }

    @DisplayName("given a level-3 citizen without a second factor, when a level-3 app that demands one opens, then after "
            + "the clave they set up a TOTP app and recovery codes once, land in the app with amr [pwd, otp] and acr 3; "
            + "and the next login asks the code, not a new set-up")
    @Test
    void aplicacionExigeSegundoFactorAltaUnaVez() throws Exception {
        crear(SIN_FACTOR_APP, 3);
        Oidc.Request request = oidc.request(APP_NIVEL_3);
        HtmlPage setup = html(LoginPage.open(LoginPage.browser(), request.uri()).submit(SIN_FACTOR_APP, CLAVE));
        assertThat(titulo(setup)).isEqualTo(ES.get("loginTotpTitle"));
        TotpConfigurado configurado = configurarTotp(setup);
        HtmlPage codigos = html(configurado.landed());
        assertThat(titulo(codigos)).isEqualTo(ES.get("recovery-code-config-header"));
        Page landed = guardarCodigos(codigos);
        assertThat(LoginPage.loggedIn(landed, request)).isTrue();
        JsonNode tokens = exchange(request, landed);
        assertAmr(tokens, "pwd", "otp");
        assertNivel(tokens, 3);

        Oidc.Request otra = oidc.request(APP_NIVEL_3);
        HtmlPage otp = html(LoginPage.open(LoginPage.browser(), otra.uri()).submit(SIN_FACTOR_APP, CLAVE));
        assertThat(titulo(otp)).isEqualTo(ES.get("ansesOtpTitulo"));
        Page again = otp(otp, configurado.totp().siguiente());
        assertThat(LoginPage.loggedIn(again, otra)).isTrue();
        assertAmr(exchange(otra, again), "pwd", "otp");
    }

    @DisplayName("given a session opened with the clave alone, when the citizen adds a TOTP app from the account console "
            + "(kc_action) and then enters an app that demands the second factor, then only the code is asked (step-up, not "
            + "the clave), the token says amr [pwd, otp], and another such app is not asked again")
    @Test
    void stepUpDesdeSesionConClave() throws Exception {
        crear(STEP_UP, 3);
        WebClient browser = LoginPage.browser();
        Oidc.Request miAnses = oidc.request(Oidc.MI_ANSES);
        Page landed = LoginPage.open(browser, miAnses.uri()).submit(STEP_UP, CLAVE);
        assertAmr(exchange(miAnses, landed), "pwd");

        Oidc.Request consola = oidc.request(Oidc.MI_ANSES);
        HtmlPage setup = html(browser.getPage(consola.uri(Map.of("kc_action", "CONFIGURE_TOTP")).toURL()));
        assertThat(titulo(setup)).isEqualTo(ES.get("loginTotpTitle"));
        TotpConfigurado configurado = configurarTotp(setup);
        assertThat(LoginPage.loggedIn(configurado.landed(), consola)).isTrue();
        assertAmr(exchange(consola, configurado.landed()), "pwd");

        Oidc.Request app = oidc.request(APP_NIVEL_3);
        HtmlPage otp = html(browser.getPage(app.uri().toURL()));
        assertThat(titulo(otp)).isEqualTo(ES.get("ansesOtpTitulo"));
        assertThat(otp.getElementById("password")).as("step-up does not ask the clave again").isNull();
        Page enLaApp = otp(otp, configurado.totp().siguiente());
        assertThat(LoginPage.loggedIn(enLaApp, app)).isTrue();
        JsonNode tokens = exchange(app, enLaApp);
        assertAmr(tokens, "pwd", "otp");
        assertNivel(tokens, 3);

        Oidc.Request otra = oidc.request(OTRA_APP_NIVEL_3);
        Page directo = browser.getPage(otra.uri().toURL());
        assertThat(LoginPage.loggedIn(directo, otra)).as("second factor already proved in this session, but: %s",
                directo instanceof HtmlPage h ? h.asNormalizedText() : directo.getUrl()).isTrue();
        assertAmr(exchange(otra, directo), "pwd", "otp");
    }

    @DisplayName("given a session opened in an app that does not demand the second factor, when the citizen opens an "
            + "app that demands it: one who proved a TOTP code at login lands with no page at all (the factor is the "
            + "SSO session's, not this login's), one without a factor sets it up there without typing the clave again, "
            + "and a third such app asks nothing")
    @Test
    void reusoSsoEnAplicacionQueExigeSegundoFactor() throws Exception {
        crear(SSO_CON_FACTOR, 3, "CONFIGURE_TOTP");
        WebClient conFactor = LoginPage.browser();
        Oidc.Request primera = oidc.request(Oidc.TEST_CLIENT);
        TotpConfigurado configurado = configurarTotp(html(LoginPage.open(conFactor, primera.uri()).submit(SSO_CON_FACTOR, CLAVE)));
        assertThat(LoginPage.loggedIn(configurado.landed(), primera)).isTrue();
        WebClient browser = LoginPage.browser();
        Oidc.Request login = oidc.request(Oidc.TEST_CLIENT);
        Page enLaPrimera = otp(html(LoginPage.open(browser, login.uri()).submit(SSO_CON_FACTOR, CLAVE)),
                configurado.totp().siguiente());
        assertAmr(exchange(login, enLaPrimera), "pwd", "otp");

        Oidc.Request exigente = oidc.request(APP_NIVEL_3);
        Page directo = browser.getPage(exigente.uri().toURL());
        assertThat(LoginPage.loggedIn(directo, exigente)).as("factor proved in the SSO session, but: %s",
                directo instanceof HtmlPage h ? h.asNormalizedText() : directo.getUrl()).isTrue();
        JsonNode tokens = exchange(exigente, directo);
        assertAmr(tokens, "pwd", "otp");
        assertNivel(tokens, 3);

        crear(SSO_SIN_FACTOR, 3);
        WebClient sinFactor = LoginPage.browser();
        Oidc.Request conClave = oidc.request(Oidc.TEST_CLIENT);
        Page soloClave = LoginPage.open(sinFactor, conClave.uri()).submit(SSO_SIN_FACTOR, CLAVE);
        assertAmr(exchange(conClave, soloClave), "pwd");

        Oidc.Request app = oidc.request(APP_NIVEL_3);
        HtmlPage alta = html(sinFactor.getPage(app.uri().toURL()));
        assertThat(titulo(alta)).isEqualTo(ES.get("loginTotpTitle"));
        assertThat(alta.getElementById("password")).as("the SSO session is reused, the clave is not asked").isNull();
        Page enLaApp = guardarCodigos(html(configurarTotp(alta).landed()));
        assertThat(LoginPage.loggedIn(enLaApp, app)).isTrue();
        assertAmr(exchange(app, enLaApp), "pwd", "otp");

        Oidc.Request otra = oidc.request(OTRA_APP_NIVEL_3);
        Page sinPagina = sinFactor.getPage(otra.uri().toURL());
        assertThat(LoginPage.loggedIn(sinPagina, otra)).as("second factor set up in this session, but: %s",
                sinPagina instanceof HtmlPage h ? h.asNormalizedText() : sinPagina.getUrl()).isTrue();
        assertAmr(exchange(otra, sinPagina), "pwd", "otp");
    }

    @DisplayName("given a clerk without a second factor (anses-oficina includes anses-exige-segundo-factor), when she logs in to "
            + "the staff desk, then after the clave she sets up a TOTP app and recovery codes before she gets in, and lands "
            + "with amr [pwd, otp]; in that session the admin console and an app that demands the factor ask nothing more; "
            + "from another browser the console asks her code, not a new set-up")
    @Test
    void personalSinFactorLoConfiguraAntesDeEntrar() throws Exception {
        String empleada = CuilsDePrueba.nueva();
        new AdminApi(server).crearPersonal(empleada, "Empleada", "Sin Factor", CLAVE, "anses-oficina", false);
        WebClient browser = LoginPage.browser();
        Oidc.Request escritorio = escritorio();
        HtmlPage setup = html(LoginPage.open(browser, escritorio.uri()).submit(empleada, CLAVE));
        assertThat(LoginPage.loggedIn(setup, escritorio)).as("not in the desk before a second factor").isFalse();
        TotpConfigurado configurado = configurarTotp(setup);
        HtmlPage codigos = html(configurado.landed());
        assertThat(titulo(codigos)).isEqualTo(ES.get("recovery-code-config-header"));
        Page enElEscritorio = guardarCodigos(codigos);
        assertThat(LoginPage.loggedIn(enElEscritorio, escritorio)).isTrue();
        assertAmr(exchange(escritorio, enElEscritorio), "pwd", "otp");

        Oidc.Request consola = consola();
        Page enLaConsola = browser.getPage(consola.uri().toURL());
        assertThat(LoginPage.loggedIn(enLaConsola, consola)).as("factor proved in the SSO session, but: %s",
                enLaConsola instanceof HtmlPage h ? h.asNormalizedText() : enLaConsola.getUrl()).isTrue();
        Oidc.Request app = oidc.request(APP_NIVEL_3);
        Page enLaApp = browser.getPage(app.uri().toURL());
        assertThat(LoginPage.loggedIn(enLaApp, app)).as("the app's demand after the role's, but: %s",
                enLaApp instanceof HtmlPage h ? h.asNormalizedText() : enLaApp.getUrl()).isTrue();
        assertAmr(exchange(app, enLaApp), "pwd", "otp");

        Oidc.Request otroNavegador = consola();
        HtmlPage otp = html(LoginPage.open(LoginPage.browser(), otroNavegador.uri()).submit(empleada, CLAVE));
        assertThat(titulo(otp)).isEqualTo(ES.get("ansesOtpTitulo"));
        assertThat(LoginPage.loggedIn(otp(otp, configurado.totp().siguiente()), otroNavegador)).isTrue();
    }

    @DisplayName("given a clerk without a second factor who forgot her clave, when she proves who she is in Olvidé mi clave and "
            + "chooses a new clave, then she sets up a TOTP app and recovery codes before she gets in: the role demands it on "
            + "this path too")
    @Test
    void personalSinFactorEnOlvideMiClave() throws Exception {
        Persona ernesto = PadronFile.leer(Path.of("../realm-export/padron-demo.json")).get(ERNESTO);
        new AdminApi(server).crearPersonal(ERNESTO, ernesto.nombre(), ernesto.apellido(), CLAVE, "anses-oficina", false);
        Oidc.Request request = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage tramite = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), request)), ERNESTO, true);
        HtmlPage finalizar = elegirClave(ingresarTramite(tramite, ernesto.tramites().get(0)), "Tintitaco7Sur", "Tintitaco7Sur");
        Page despues = presionar(finalizar);
        assertThat(LoginPage.loggedIn(despues, request)).as("not in the app before a second factor").isFalse();
        TotpConfigurado configurado = configurarTotp(html(despues));
        HtmlPage codigos = html(configurado.landed());
        assertThat(titulo(codigos)).isEqualTo(ES.get("recovery-code-config-header"));
        assertThat(LoginPage.loggedIn(guardarCodigos(codigos), request)).isTrue();
    }

    @DisplayName("given a Línea 130 operator with her TOTP app, when she logs in to the admin console with a wrong code, then "
            + "she stays on the code's page with its error and the console gets no code; her app's code gets her in; and an "
            + "app that demands the factor, opened first, asks for the code once")
    @Test
    void personalConFactorCodigoEquivocado() throws Exception {
        String operadora = CuilsDePrueba.nueva();
        new AdminApi(server).crearPersonal(operadora, "Operadora", "Con Factor", CLAVE, "anses-linea-130", true);
        Totp suApp = Totp.delPersonal(operadora);
        Oidc.Request consola = consola();
        HtmlPage otp = html(LoginPage.open(LoginPage.browser(), consola.uri()).submit(operadora, CLAVE));
        assertThat(titulo(otp)).isEqualTo(ES.get("ansesOtpTitulo"));
        Page mal = otp(otp, suApp.deOtraHora());
        assertThat(LoginPage.loggedIn(mal, consola)).as("a wrong code gets her nowhere").isFalse();
        assertThat(titulo(html(mal))).isEqualTo(ES.get("ansesOtpTitulo"));
        assertThat(html(mal).asNormalizedText()).contains(ES.get("invalidTotpMessage"));
        assertThat(LoginPage.loggedIn(otp(html(mal), suApp.siguiente()), consola)).isTrue();

        Oidc.Request app = oidc.request(APP_NIVEL_3);
        HtmlPage pide = html(LoginPage.open(LoginPage.browser(), app.uri()).submit(operadora, CLAVE));
        assertThat(titulo(pide)).isEqualTo(ES.get("ansesOtpTitulo"));
        Page enLaApp = otp(pide, suApp.siguiente());
        assertThat(LoginPage.loggedIn(enLaApp, app)).as("one code for the app's demand and the role's, but: %s",
                enLaApp instanceof HtmlPage h ? h.asNormalizedText() : enLaApp.getUrl()).isTrue();
        assertAmr(exchange(app, enLaApp), "pwd", "otp");
    }

    @DisplayName("given a citizen whose session was opened with the clave alone and who then added a TOTP app, when she is made "
            + "office staff and opens the desk in that session, then only her code is asked (not the clave) before the desk, "
            + "and the token says amr [pwd, otp]")
    @Test
    void rolNuevoPideElCodigoEnLaSesion() throws Exception {
        String cuil = CuilsDePrueba.nueva();
        crear(cuil, 3);
        WebClient browser = LoginPage.browser();
        Oidc.Request miAnses = oidc.request(Oidc.MI_ANSES);
        assertAmr(exchange(miAnses, LoginPage.open(browser, miAnses.uri()).submit(cuil, CLAVE)), "pwd");
        Oidc.Request alta = oidc.request(Oidc.MI_ANSES);
        TotpConfigurado configurado = configurarTotp(html(browser.getPage(alta.uri(Map.of("kc_action", "CONFIGURE_TOTP")).toURL())));
        assertThat(LoginPage.loggedIn(configurado.landed(), alta)).isTrue();

        AdminApi admin = new AdminApi(server);
        assertThat(admin.postRaw("users/" + admin.userId(cuil) + "/role-mappings/realm", "[" + admin.get("roles/anses-oficina") + "]")
                .statusCode()).isEqualTo(204);
        Oidc.Request escritorio = escritorio();
        HtmlPage otp = html(browser.getPage(escritorio.uri().toURL()));
        assertThat(titulo(otp)).isEqualTo(ES.get("ansesOtpTitulo"));
        assertThat(otp.getElementById("password")).as("the SSO session is reused, the clave is not asked").isNull();
        Page enElEscritorio = otp(otp, configurado.totp().siguiente());
        assertThat(LoginPage.loggedIn(enElEscritorio, escritorio)).isTrue();
        assertAmr(exchange(escritorio, enElEscritorio), "pwd", "otp");
    }

    @DisplayName("given a citizen without the role and without a second factor, when she logs in to the staff desk or the admin "
            + "console, then the clave alone gets her through (what she may do there is the role's, not the login's)")
    @Test
    void ciudadanoSinRolNoSeLePide() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        crear(cuil, 3);
        Oidc.Request escritorio = escritorio();
        Page enElEscritorio = LoginPage.open(LoginPage.browser(), escritorio.uri()).submit(cuil, CLAVE);
        assertThat(LoginPage.loggedIn(enElEscritorio, escritorio)).isTrue();
        assertAmr(exchange(escritorio, enElEscritorio), "pwd");
        Oidc.Request consola = consola();
        assertThat(LoginPage.loggedIn(LoginPage.open(LoginPage.browser(), consola.uri()).submit(cuil, CLAVE), consola)).isTrue();
    }

    @DisplayName("given a citizen with a TOTP app who forgot the clave, when they prove their identity in Olvidé mi clave, "
            + "then the code is asked before a new clave can be chosen: without it the old clave still stands, with it "
            + "the new clave is set and the token says otp")
    @Test
    void crearClaveNoSaltaElSegundoFactor() throws Exception {
        Persona tomas = PadronFile.leer(Path.of("../realm-export/padron-demo.json")).get(TOMAS);
        crear(TOMAS, tomas.nombre(), tomas.apellido(), tomas.dni(), 2, "CONFIGURE_TOTP");
        Oidc.Request primera = oidc.request(Oidc.TEST_CLIENT);
        TotpConfigurado configurado = configurarTotp(html(LoginPage.open(LoginPage.browser(), primera.uri()).submit(TOMAS, CLAVE)));
        assertThat(LoginPage.loggedIn(configurado.landed(), primera)).isTrue();

        // Identity proven, but no code: the page asks it, and the clave is not replaced.
        Oidc.Request ladron = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage verificado = verificarIdentidad(LoginPage.browser(), ladron, tomas);
        assertThat(titulo(verificado)).isEqualTo(ES.get("ansesOtpTitulo"));
        assertThat(verificado.getElementById("clave")).as("no Elegí tu clave before the second factor").isNull();
        HtmlPage mal = html(otp(verificado, configurado.totp().deOtraHora()));
        assertThat(titulo(mal)).isEqualTo(ES.get("ansesOtpTitulo"));
        Oidc.Request vieja = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage conClaveVieja = html(LoginPage.open(LoginPage.browser(), vieja.uri()).submit(TOMAS, CLAVE));
        assertThat(titulo(conClaveVieja)).as("the old clave still works").isEqualTo(ES.get("ansesOtpTitulo"));

        // The citizen, with the phone: the code, then Elegí tu clave, and they land with otp in amr.
        Oidc.Request request = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage otp = verificarIdentidad(LoginPage.browser(), request, tomas);
        HtmlPage elegi = html(otp(otp, configurado.totp().siguiente()));
        assertThat(elegi.getElementById("clave")).as("Elegí tu clave after the code").isNotNull();
        HtmlPage finalizar = elegirClave(elegi, "Sauce5Nube", "Sauce5Nube");
        Page landed = presionar(finalizar);
        assertThat(LoginPage.loggedIn(landed, request)).isTrue();
        assertAmr(exchange(request, landed), "otp");

        Oidc.Request nueva = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage conClaveNueva = html(LoginPage.open(LoginPage.browser(), nueva.uri()).submit(TOMAS, "Sauce5Nube"));
        assertThat(titulo(conClaveNueva)).as("the new clave, then still the code").isEqualTo(ES.get("ansesOtpTitulo"));
    }

    @DisplayName("given Chromium's virtual authenticator, when a citizen registers a passkey and logs in again, then "
            + "after the clave the passkey is asked and the token says amr [pwd, hwk]")
    @Test
    @ExtendWith(Requisitos.Chromium.class)
    void passkeyConAutenticadorVirtual() throws Exception {
        crear(PASSKEY, 2, "webauthn-register");
        WebDriver chromium = Chromium.start();
        try {
            VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) chromium).addVirtualAuthenticator(
                    new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                            .setTransport(VirtualAuthenticatorOptions.Transport.USB).setHasResidentKey(true)
                            .setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
            WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(20));

            Oidc.Request primera = oidc.request(Oidc.TEST_CLIENT);
            chromium.get(primera.uri().toString());
            clave(chromium, PASSKEY);
            wait.until(ExpectedConditions.textToBe(By.id("kc-page-title"), ES.get("webauthn-registration-title")));
            chromium.findElement(By.id("registerWebAuthn")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();   // the passkey's name: Keycloak's prompt, its default
            wait.until(ExpectedConditions.urlContains("code="));
            assertThat(authenticator.getCredentials()).hasSize(1);

            ((ChromiumDriver) chromium).executeCdpCommand("Network.clearBrowserCookies", Map.of()); // every path: a new browser
            Oidc.Request request = oidc.request(Oidc.TEST_CLIENT);
            chromium.get(request.uri().toString());
            clave(chromium, PASSKEY);
            wait.until(ExpectedConditions.textToBe(By.id("kc-page-title"), ES.get("webauthn-login-title")));
            chromium.findElement(By.id("authenticateWebAuthnButton")).click();
            wait.until(ExpectedConditions.urlContains("code="));
            JsonNode tokens = request.exchange(request.codeFrom(URI.create(chromium.getCurrentUrl())));
            assertAmr(tokens, "pwd", "hwk");
            assertNivel(tokens, 2);
        } finally {
            chromium.quit();
        }
    }

    // --- the journeys' steps

    /** On Keycloak's TOTP set-up page, checked to be ours first. */
    private static TotpConfigurado configurarTotp(HtmlPage setup) throws Exception {
        assertThat(titulo(setup)).isEqualTo(ES.get("loginTotpTitle"));
        return SegundoFactorPages.configurarTotp(setup);
    }

    private static Page otp(HtmlPage page, String codigo) throws Exception {
        page.<HtmlInput>getHtmlElementById("otp").setValue(codigo);
        return page.getHtmlElementById("kc-login").click();
    }

    private static Page codigoDeRecuperacion(HtmlPage page, String codigo) throws Exception {
        page.<HtmlInput>getHtmlElementById("recoveryCodeInput").setValue(codigo);
        return page.getHtmlElementById("kc-login").click();
    }

    private static int numeroPedido(HtmlPage page) {
        String etiqueta = page.querySelector("label[for=recoveryCodeInput]").getTextContent();
        Matcher numero = Pattern.compile("(\\d+)").matcher(etiqueta);
        assertThat(numero.find()).as(etiqueta).isTrue();
        return Integer.parseInt(numero.group(1));
    }

    private static List<String> opciones(HtmlPage elegir) {
        return elegir.querySelectorAll(".anses-otra-forma-nombre").stream().map(n -> n.getTextContent().strip()).toList();
    }

    private static HtmlElement opcion(HtmlPage elegir, String nombre) {
        return elegir.querySelectorAll("button.anses-otra-forma-opcion").stream().map(HtmlElement.class::cast)
                .filter(b -> b.getTextContent().strip().equals(nombre)).findFirst()
                .orElseThrow(() -> new AssertionError("no option " + nombre + " in " + elegir.asNormalizedText()));
    }

    /** Olvidé mi clave from the login page, up to the step after Verificación de identidad (questions). */
    private static HtmlPage verificarIdentidad(WebClient browser, Oidc.Request request, Persona persona) throws Exception {
        HtmlPage page = aceptarPoliticas(desdeElLogin(browser, request));
        page = ingresarCuil(page, persona.cuil().digitos(), true);
        return responder(page, persona, true);
    }

    private static void clave(WebDriver chromium, String cuil) {
        chromium.findElement(By.id("username")).sendKeys(cuil);
        chromium.findElement(By.id("password")).sendKeys(CLAVE);
        chromium.findElement(By.id("kc-login")).click();
    }

    // --- users and tokens

    private void crear(String cuil, int nivel, String... requiredActions) throws Exception {
        crear(cuil, "Prueba", "Segundo Factor", cuil.substring(2, 10), nivel, requiredActions);
    }

    private void crear(String cuil, String nombre, String apellido, String dni, int nivel, String... requiredActions)
            throws Exception {
        new AdminApi(server).crearCiudadano(cuil, nombre, apellido, dni, nivel, CLAVE, List.of(requiredActions));
    }

    /** A login to the staff desk (client anses-escritorio), which comes back to the desk's page. */
    private Oidc.Request escritorio() {
        return oidc.request("anses-escritorio", server.baseUri() + "realms/" + KeycloakServer.REALM + "/anses-escritorio/");
    }

    /** A login to the realm's admin console (client security-admin-console), as staff open it. */
    private Oidc.Request consola() {
        return oidc.request("security-admin-console", server.baseUri() + "admin/" + KeycloakServer.REALM + "/console/");
    }

    private static JsonNode exchange(Oidc.Request request, Page landed) throws Exception {
        return request.exchange(request.codeFrom(LoginPage.landedOn(landed)));
    }

    private void assertAmr(JsonNode tokens, String... amr) throws Exception {
        for (String token : List.of("id_token", "access_token")) {
            JWTClaimsSet claims = oidc.verify(tokens.get(token).asText());
            assertThat(claims.getStringListClaim("amr")).as("amr of the " + token).containsExactlyInAnyOrder(amr);
        }
    }

    private void assertNivel(JsonNode tokens, int nivel) throws Exception {
        JWTClaimsSet claims = oidc.verify(tokens.get("id_token").asText());
        assertThat(claims.getStringClaim("acr")).isEqualTo(String.valueOf(nivel));
        assertThat(((Number) claims.getClaim("nivel")).intValue()).isEqualTo(nivel);
    }

    private static HtmlPage html(Page page) {
        if (!(page instanceof HtmlPage html)) {
            throw new AssertionError("not a page: " + page.getUrl() + " " + page.getWebResponse().getContentAsString());
        }
        return html;
    }

    private static String titulo(HtmlPage page) {
        org.htmlunit.html.DomElement title = page.getElementById("kc-page-title");
        if (title == null) {
            throw new AssertionError("no title on " + page.getUrl() + ": " + page.asNormalizedText());
        }
        return title.getTextContent().strip().replaceAll("\\s+", " ");
    }
}
