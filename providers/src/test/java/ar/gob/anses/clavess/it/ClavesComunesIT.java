package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.completarClave;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClave;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClaveConEmail;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.errorDeCampo;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuilDesdeElExterior;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarTramite;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.presionar;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.titulo;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import java.net.http.HttpResponse;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The claves everybody picks (realm-export/password-blacklists/anses-denylist.txt) are refused at every place a clave
 * is chosen, and an account that already has one is asked for a new one at its next login. The common clave is the one
 * sprayed in issue 30, {@value #ROSARIO}: it meets every ANSES rule, so before the list held it nothing refused it.
 */
@ExtendWith(KeycloakExtension.class)
class ClavesComunesIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final String ROSARIO = "Rosario7Sur";
    private static final String STAFF = "27291112221";
    private static final String STAFF_CLAVE = "Ceibo4Rama";

    private final KeycloakServer server;
    private final Oidc oidc;

    ClavesComunesIT(KeycloakServer server) {
        this.server = server;
        this.oidc = new Oidc(server);
    }

    @DisplayName("given Crear clave with the identity proven, when the citizen chooses a common clave in any capitalisation, "
            + "then Elegí tu clave refuses it saying why, and a clave of her own then creates the account")
    @Test
    void crearClave() throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage tramite = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), request)), "20420020016", true);
        HtmlPage elegi = ingresarTramite(tramite, "00942002001");

        HtmlPage rechazada = elegirClave(elegi, ROSARIO, ROSARIO);
        assertRechazadaPorComun(rechazada);
        HtmlPage otraVez = elegirClave(rechazada, "rOSARIO7sUR", "rOSARIO7sUR");
        assertRechazadaPorComun(otraVez);
        assertThat(new AdminApi(server).get("users?exact=true&username=20420020016")).isEmpty();

        HtmlPage finalizar = elegirClave(otraVez, "Tala5Junco", "Tala5Junco");
        assertThat(finalizar.getElementById("anses-habilitada")).isNotNull();
        assertThat(new AdminApi(server).get("users?exact=true&username=20420020016")).hasSize(1);
    }

    @DisplayName("given Olvidé mi clave from the login page with the identity proven, when the citizen chooses a common "
            + "clave, then it is refused saying why, and a clave of her own then replaces the old one")
    @Test
    void olvideMiClave() throws Exception {
        String noelia = "27420020029";
        new AdminApi(server).crearCiudadano(noelia, "Noelia", "Cabral", "42002002", 2, "Espino5Ciruela", false);
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage login = (HtmlPage) LoginPage.browser().getPage(request.uri().toURL());
        HtmlPage politicas = login.getHtmlElementById("anses-olvide-mi-clave").click();
        HtmlPage elegi = ingresarTramite(ingresarCuil(aceptarPoliticas(politicas), noelia, true), "00942002002");

        HtmlPage rechazada = elegirClave(elegi, ROSARIO, ROSARIO);
        assertRechazadaPorComun(rechazada);
        HtmlPage otraVez = elegirClave(rechazada, "Boca1981", "Boca1981");
        assertRechazadaPorComun(otraVez);
        assertThat(loginWorks(noelia, ROSARIO)).isFalse();

        HtmlPage finalizar = elegirClave(otraVez, "Tala6Junco", "Tala6Junco");
        assertThat(finalizar.getElementById("anses-habilitada")).isNotNull();
        assertThat(loginWorks(noelia, "Tala6Junco")).isTrue();
    }

    @DisplayName("given Cambiar mi clave after proving the current clave, when the citizen chooses a common clave, "
            + "then it is refused saying why and the current clave still works")
    @Test
    void cambiarMiClave() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        new AdminApi(server).crearCiudadano(cuil, "Carlos", "Comun", CuilsDePrueba.dni(cuil), 2, "Espino6Ciruela", false);
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage login = (HtmlPage) LoginPage.browser().getPage(request.uri().toURL());
        HtmlPage cambiar = login.getHtmlElementById("anses-cambiar-mi-clave").click();
        HtmlPage nueva = (HtmlPage) LoginPage.of(cambiar).submit(cuil, "Espino6Ciruela");
        assertThat(titulo(nueva)).isEqualTo(ES.get("ansesCambiarMiClaveTitulo"));
        assertThat(nueva.getElementById("anses-intro").getTextContent().strip()).isEqualTo(ES.get("ansesCambiarMiClaveIntro"));

        assertRechazadaPorComun(elegirClave(nueva, ROSARIO, ROSARIO));
        assertThat(loginWorks(cuil, "Espino6Ciruela")).isTrue();
        assertThat(loginWorks(cuil, ROSARIO)).isFalse();
    }

    @DisplayName("given office staff resetting a citizen's clave in the console (the admin API it calls), when the clave is "
            + "common, then it is refused with the list's message; and a temporary clave's replacement at the citizen's "
            + "first login (Keycloak's Update password, as after a provisional clave) refuses a common one too")
    @Test
    void claveDeOficina() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        AdminApi admin = new AdminApi(server);
        admin.crearCiudadano(cuil, "Olga", "Oficina", CuilsDePrueba.dni(cuil), 3, "Espino7Ciruela", false);
        AdminApi oficina = AdminApi.as(server, STAFF, STAFF_CLAVE);
        String ruta = "users/" + admin.userId(cuil) + "/reset-password";

        for (String comun : List.of(ROSARIO, "RIVER2018")) {
            HttpResponse<String> rechazada = oficina.putRaw(ruta, "{\"type\":\"password\",\"temporary\":true,\"value\":\"" + comun + "\"}");
            assertThat(rechazada.statusCode()).isEqualTo(400);
            assertThat(rechazada.body()).contains("invalidPasswordBlacklistedMessage");
        }
        assertThat(oficina.putRaw(ruta, "{\"type\":\"password\",\"temporary\":true,\"value\":\"Jume4Salina\"}").statusCode())
                .isEqualTo(204);

        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage actualizar = (HtmlPage) LoginPage.open(LoginPage.browser(), request.uri()).submit(cuil, "Jume4Salina");
        assertThat(actualizar.getElementById("kc-passwd-update-form")).isNotNull();
        HtmlPage rechazada = (HtmlPage) actualizarClave(actualizar, "Cordoba3Norte");
        assertThat(rechazada.getElementById("kc-passwd-update-form")).isNotNull();
        assertThat(rechazada.asNormalizedText()).contains(ES.get("invalidPasswordBlacklistedMessage"));

        Page app = actualizarClave(rechazada, "Jume5Salina");
        assertThat(request.codeFrom(LoginPage.landedOn(app))).isNotBlank();
    }

    @DisplayName("given a resident abroad registering a pending clave, when she chooses a common clave, then it is refused "
            + "saying why and no request is registered")
    @Test
    void pendienteDesdeElExterior() throws Exception {
        HtmlPage elegi = ingresarCuilDesdeElExterior(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))),
                "20420020032");

        HtmlPage rechazada = elegirClaveConEmail(elegi, "ramiro.acosta@claves-comunes.example", ROSARIO);
        assertThat(titulo(rechazada)).isNotEqualTo(ES.get("ansesClaveRegistradaTitulo"));
        assertRechazadaPorComun(rechazada);
        assertThat(new AdminApi(server).getRaw("anses-habilitacion/20420020032").statusCode()).isEqualTo(404);
    }

    @DisplayName("given an account whose clave became common (set before it was listed), when she logs in with it, then "
            + "before reaching the app she must choose a new one on a page that says why, cannot cancel it, cannot keep "
            + "the common one, and her next login goes straight in with the new clave")
    @Test
    void claveComunExistenteSeCambiaAlIngresar() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        new AdminApi(server).crearConClaveGuardada(cuil, "Ines", "Comun", CuilsDePrueba.dni(cuil), 2, ROSARIO);

        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        WebClient browser = LoginPage.browser();
        HtmlPage cambiar = (HtmlPage) LoginPage.open(browser, request.uri()).submit(cuil, ROSARIO);
        assertThat(titulo(cambiar)).isEqualTo(ES.get("ansesClaveComunTitulo"));
        assertThat(cambiar.getElementById("anses-intro").getTextContent().strip()).isEqualTo(ES.get("ansesClaveComunIntro"));

        // The page has no cancel button; a forged "cancel" gets the same page, not the app.
        HtmlPage cancelada = (HtmlPage) browser.getPage(formConCancel(cambiar));
        assertThat(titulo(cancelada)).isEqualTo(ES.get("ansesClaveComunTitulo"));

        HtmlPage misma = elegirClave(cancelada, ROSARIO, ROSARIO);
        assertThat(errorDeCampo(misma, "clave")).isEqualTo(ES.get("ansesClaveNoCumple"));
        assertThat(reglasIncumplidas(misma)).containsExactly(ES.get("invalidPasswordHistoryMessage", 5),
                ES.get("invalidPasswordBlacklistedMessage"));
        assertThat(titulo(misma)).isEqualTo(ES.get("ansesClaveComunTitulo"));

        Page app = presionar(completarClave(misma, "Tala8Junco", "Tala8Junco"));
        assertThat(request.codeFrom(LoginPage.landedOn(app))).isNotBlank();
        assertThat(loginWorks(cuil, ROSARIO)).isFalse();
        assertThat(loginWorks(cuil, "Tala8Junco")).isTrue();
    }

    /** The refusal of a common clave: the field says the clave breaks the rules and the only broken rule is the list's. */
    private static void assertRechazadaPorComun(HtmlPage page) {
        assertThat(errorDeCampo(page, "clave")).isEqualTo(ES.get("ansesClaveNoCumple"));
        assertThat(reglasIncumplidas(page)).containsExactly(ES.get("invalidPasswordBlacklistedMessage"));
    }

    private static List<String> reglasIncumplidas(HtmlPage page) {
        return page.querySelectorAll("#anses-reglas-incumplidas li").stream().map(DomNode::getTextContent).map(String::strip).toList();
    }

    private static Page actualizarClave(HtmlPage page, String clave) throws Exception {
        page.<HtmlInput>getElementByName("password-new").setValue(clave);
        page.<HtmlInput>getElementByName("password-confirm").setValue(clave);
        return page.getHtmlElementById("kc-submit").click();
    }

    /** The page's form sent with a "cancel" field, as a forged request would. */
    private static WebRequest formConCancel(HtmlPage page) throws Exception {
        HtmlForm form = page.getHtmlElementById("anses-form");
        WebRequest post = new WebRequest(page.getFullyQualifiedUrl(form.getActionAttribute()), HttpMethod.POST);
        post.setRequestParameters(List.of(new NameValuePair("cancel", "on")));
        return post;
    }

    private boolean loginWorks(String cuil, String clave) throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        return LoginPage.loggedIn(LoginPage.open(LoginPage.browser(), request.uri()).submit(cuil, clave), request);
    }
}
