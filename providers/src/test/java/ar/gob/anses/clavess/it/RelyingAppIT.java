package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.Espera;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.ReceptorSenales;
import ar.gob.anses.ejemplo.RelyingApp;
import java.net.URI;
import java.net.http.HttpResponse;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The relying-app example in examples/relying-app, as a citizen uses it, against the real server: logins through the
 * public clients (demo citizens, who are only read), and the Shared Signals it hears as the demo client
 * aplicacion-ejemplo (citizens created here: logging in to that client makes them its subjects).
 */
@ExtendWith(KeycloakExtension.class)
class RelyingAppIT {

    private static final String EJEMPLO = "aplicacion-ejemplo";
    private static final String EJEMPLO_SECRETO = "aplicacion-ejemplo-secret";
    private static final String OFICINA = "27291112221";
    private static final String OFICINA_CLAVE = "Ceibo4Rama";
    private static final String CLAVE = "Lapacho7Rosa";

    private final KeycloakServer server;
    private RelyingApp app;
    private long relojAntes;

    RelyingAppIT(KeycloakServer server) {
        this.server = server;
    }

    /**
     * The example judges a token's times by this machine's clock, with the minute of skew an app allows; other classes
     * move Keycloak's clock ahead (past quick-login checks and locks, by minutes in all), so each test here runs on the
     * real time, and gives the clock back as it found it.
     */
    @BeforeEach
    void relojReal() {
        relojAntes = server.timeOffset();
        server.setTimeOffset(0);
    }

    @AfterEach
    void stop() {
        try {
            app.stop();
        } finally {
            server.setTimeOffset(relojAntes);
        }
    }

    @DisplayName("given a level-2 citizen, then the example shows cuil, nivel 2, acr 2 and refuses its level-3 page; "
            + "a level-3 citizen gets that page")
    @Test
    void nivelYPaginaDeNivel3() throws Exception {
        app = start("mi-anses");

        HtmlPage home = loginThroughApp(LoginPage.browser(), "20317320486", "Mate7Rio");
        assertThat(text(home, "claim-cuil")).isEqualTo("20317320486");
        assertThat(text(home, "claim-nivel")).isEqualTo("2");
        assertThat(text(home, "claim-acr")).isEqualTo("2");
        Page refused = home.getHtmlElementById("nivel3").click();
        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);

        HtmlPage maria = loginThroughApp(LoginPage.browser(), "27271234568", "Tango5Luz");
        HtmlPage allowed = maria.getHtmlElementById("nivel3").click();
        assertThat(allowed.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(allowed.getElementById("nivel3-ok")).isNotNull();
    }

    @DisplayName("given a level-3 app and a level-2 citizen, then the app receives access_denied / anses_nivel_insuficiente")
    @Test
    void appDeNivel3RecibeElError() throws Exception {
        app = start("servicios-corporativos");
        WebClient browser = LoginPage.browser();
        HtmlPage start = browser.getPage(app.baseUri().toURL());
        HtmlPage refusal = (HtmlPage) LoginPage.of(start.getHtmlElementById("ingresar").click()).submit("20317320486", "Mate7Rio");

        HtmlPage error = refusal.getHtmlElementById("anses-volver").click();

        assertThat(text(error, "error")).isEqualTo("access_denied");
        assertThat(text(error, "error-description")).isEqualTo("anses_nivel_insuficiente");
    }

    @DisplayName("given a curadora acting for a ward, then the example says \"Estás operando en nombre de …\" with her own "
            + "cuil and level, and its switch link (kc_action) changes the ward")
    @Test
    void curadoraOperandoEnNombreDeUnCurado() throws Exception {
        app = start("mi-anses");
        WebClient browser = LoginPage.browser();
        HtmlPage pagina = loginThroughApp(browser, "27263334448", "Yerba7Mate");
        pagina.<HtmlRadioButtonInput>getHtmlElementById("representa-20441112220").setChecked(true);
        HtmlPage home = pagina.getHtmlElementById("anses-continuar").click();
        assertThat(text(home, "representa")).isEqualTo("Estás operando en nombre de Ignacio Villalba (CUIL 20-44111222-0)");
        assertThat(text(home, "claim-cuil")).isEqualTo("27263334448");
        assertThat(text(home, "claim-acr")).isEqualTo("2");

        HtmlPage cambio = home.getHtmlElementById("cambiar-representacion").click();
        cambio.<HtmlRadioButtonInput>getHtmlElementById("representa-27452223339").setChecked(true);
        HtmlPage otraVez = cambio.getHtmlElementById("anses-continuar").click();
        assertThat(text(otraVez, "representa")).isEqualTo("Estás operando en nombre de Micaela Villalba (CUIL 27-45222333-9)");

        HtmlPage propia = otraVez.getHtmlElementById("cambiar-representacion").click();
        propia.<HtmlRadioButtonInput>getHtmlElementById("representa-propia").setChecked(true);
        HtmlPage sinCurado = propia.getHtmlElementById("anses-continuar").click();
        assertThat(sinCurado.getElementById("representa")).isNull();
        assertThat(text(sinCurado, "claim-cuil")).isEqualTo("27263334448");
    }

    @DisplayName("given a citizen logged in to the example (its demo client, listening by poll), when an office raises her "
            + "level to 3 and then lowers it to 2, then after each assurance-level-change her next request to the example is "
            + "sent to a new login, which comes back with the new acr; her page is refused again at level 2")
    @Test
    void nivelCambiadoPideNuevoIngreso() throws Exception {
        app = start(EJEMPLO, EJEMPLO_SECRETO);
        String cuil = ciudadana();
        WebClient browser = LoginPage.browser();
        HtmlPage home = loginThroughApp(browser, cuil, CLAVE);
        assertThat(text(home, "claim-acr")).isEqualTo("2");
        assertThat(sinSeguir(browser, app.baseUri()).getStatusCode()).as("no new login before any signal").isEqualTo(200);

        AdminApi oficina = AdminApi.as(server, OFICINA, OFICINA_CLAVE);
        assertThat(oficina.putRaw("anses-nivel/" + cuil, "{\"nivel\": 3}").statusCode()).isEqualTo(204);
        HtmlPage nivel3 = seguir(browser, esperarNuevoIngreso(browser));
        assertThat(text(nivel3, "claim-nivel")).isEqualTo("3");
        assertThat(text(nivel3, "claim-acr")).isEqualTo("3");
        HtmlPage tramite = nivel3.getHtmlElementById("nivel3").click();
        assertThat(tramite.getElementById("nivel3-ok")).isNotNull();
        assertThat(sinSeguir(browser, app.baseUri()).getStatusCode()).as("one new login per change").isEqualTo(200);

        assertThat(oficina.putRaw("anses-nivel/" + cuil, "{\"nivel\": 2}").statusCode()).isEqualTo(204);
        HtmlPage nivel2 = seguir(browser, esperarNuevoIngreso(browser));
        assertThat(text(nivel2, "claim-acr")).isEqualTo("2");
        assertThat(nivel2.getHtmlElementById("nivel3").click().getWebResponse().getStatusCode()).isEqualTo(403);
    }

    @DisplayName("given two citizens logged in to the example, when an office gives one a temporary clave, then "
            + "credential-change ends her session in the example (its pages send her to log in) and not the other's; when "
            + "the office then ends the other's sessions, then session-revoked ends hers in the example too")
    @Test
    void claveCambiadaYSesionRevocadaTerminanLaSesion() throws Exception {
        app = start(EJEMPLO, EJEMPLO_SECRETO);
        String cuil = ciudadana();
        String otra = ciudadana();
        WebClient browser = LoginPage.browser();
        WebClient otroBrowser = LoginPage.browser();
        assertThat(text(loginThroughApp(browser, cuil, CLAVE), "claim-cuil")).isEqualTo(cuil);
        assertThat(text(loginThroughApp(otroBrowser, otra, CLAVE), "claim-cuil")).isEqualTo(otra);
        AdminApi oficina = AdminApi.as(server, OFICINA, OFICINA_CLAVE);

        HttpResponse<String> nueva = oficina.putRaw("users/" + new AdminApi(server).userId(cuil) + "/reset-password",
                "{\"type\": \"password\", \"value\": \"Timbo8Sauce\", \"temporary\": true}");
        assertThat(nueva.statusCode()).as(nueva.body()).isEqualTo(204);
        esperarSinSesion(browser);
        assertThat(sinSeguir(browser, app.baseUri().resolve("nivel3")).getResponseHeaderValue("Location")).isEqualTo("/login");
        assertThat(text(otroBrowser.getPage(app.baseUri().toURL()), "claim-cuil")).as("the other citizen's session").isEqualTo(otra);

        assertThat(oficina.postRaw("users/" + new AdminApi(server).userId(otra) + "/logout", "").statusCode()).isEqualTo(204);
        esperarSinSesion(otroBrowser);
    }

    private RelyingApp start(String clientId) throws Exception {
        return start(clientId, null);
    }

    private RelyingApp start(String clientId, String secret) throws Exception {
        RelyingApp relyingApp = new RelyingApp(server.realmUri().toString(), clientId, secret, 0);
        relyingApp.start();
        return relyingApp;
    }

    /** A new level-2 citizen of this class's own: logging in to aplicacion-ejemplo makes her its subject. */
    private String ciudadana() throws Exception {
        String cuil = CuilsDePrueba.nueva();
        new AdminApi(server).crearCiudadano(cuil, "Dolores", "Ejemplo", CuilsDePrueba.dni(cuil), 2, CLAVE, false);
        return cuil;
    }

    /** What the example answers the browser's next request to {@code uri}, without following a redirect. */
    private static WebResponse sinSeguir(WebClient browser, URI uri) throws Exception {
        browser.getOptions().setRedirectEnabled(false);
        try {
            return browser.getPage(uri.toURL()).getWebResponse();
        } finally {
            browser.getOptions().setRedirectEnabled(true);
        }
    }

    /**
     * Waits (polling, with a deadline) until the example, having heard a signal, sends her next request to a new
     * login: an authorization request to Keycloak's endpoint, for this app. Returns where it sends her.
     */
    private URI esperarNuevoIngreso(WebClient browser) throws Exception {
        String endpoint = server.realmUri() + "/protocol/openid-connect/auth?";
        String location = Espera.esperarHasta("the example sending her to a new login", ReceptorSenales.ESPERA, () -> {
            WebResponse respuesta = sinSeguir(browser, app.baseUri());
            String hacia = respuesta.getResponseHeaderValue("Location");
            if (respuesta.getStatusCode() == 302 && hacia != null && hacia.startsWith(endpoint)) {
                return hacia;
            }
            assertThat(respuesta.getStatusCode()).as("her page, until the signal arrives").isEqualTo(200);
            return null;
        });
        assertThat(location).contains("client_id=" + EJEMPLO).contains("nonce=").contains("code_challenge_method=S256");
        return URI.create(location);
    }

    /** Follows the new login: her SSO session at Keycloak answers without a form, back to the example's home. */
    private static HtmlPage seguir(WebClient browser, URI authorizationRequest) throws Exception {
        Page landed = browser.getPage(authorizationRequest.toURL());
        assertThat(landed).as(landed.getWebResponse().getContentAsString()).isInstanceOf(HtmlPage.class);
        HtmlPage home = (HtmlPage) landed;
        assertThat(home.getElementById("kc-form-login")).as("no clave asked: her SSO session").isNull();
        return home;
    }

    /** Waits (polling, with a deadline) until the example's home no longer knows her: her session there ended. */
    private void esperarSinSesion(WebClient browser) throws Exception {
        HtmlPage home = Espera.esperarHasta("her session in the example ending", ReceptorSenales.ESPERA, () -> {
            HtmlPage pagina = browser.getPage(app.baseUri().toURL());
            if (pagina.getElementById("ingresar") != null) {
                return pagina;
            }
            assertThat(pagina.getElementById("claim-cuil")).as("her page, until the signal arrives").isNotNull();
            return null;
        });
        assertThat(home.getElementById("claim-cuil")).isNull();
    }

    private HtmlPage loginThroughApp(WebClient browser, String cuil, String clave) throws Exception {
        HtmlPage start = browser.getPage(app.baseUri().toURL());
        return (HtmlPage) LoginPage.of(start.getHtmlElementById("ingresar").click()).submit(cuil, clave);
    }

    private static String text(HtmlPage page, String id) {
        return page.getElementById(id).getTextContent().strip();
    }
}
