package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import java.util.Map;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cambiar mi clave from the login page and from an app (kc_action), over HTTP. */
@ExtendWith(KeycloakExtension.class)
class CambiarClaveIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();

    private final KeycloakServer server;
    private final Oidc oidc;

    CambiarClaveIT(KeycloakServer server) {
        this.server = server;
        this.oidc = new Oidc(server);
    }

    @DisplayName("given a citizen logged in elsewhere, when they change the clave from the login page, then the old clave "
            + "stops working, the new one works and the other session ends")
    @Test
    void desdeElLogin() throws Exception {
        // A citizen of this test's own: the clave changes here (never a demo citizen's).
        String carlos = CuilsDePrueba.nuevo();
        new AdminApi(server).crearCiudadano(carlos, "Carlos", "Cambia", CuilsDePrueba.dni(carlos), 2, "Lapacho9Ro", false);
        WebClient otraCompu = LoginPage.browser();
        Oidc.Request antes = oidc.request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(otraCompu, antes.uri()).submit(carlos, "Lapacho9Ro"), antes)).isTrue();

        WebClient browser = LoginPage.browser();
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage login = (HtmlPage) browser.getPage(request.uri().toURL());
        HtmlPage cambiar = login.getHtmlElementById("anses-cambiar-mi-clave").click();
        assertThat(cambiar.getElementById("kc-page-title").getTextContent().strip()).isEqualTo(ES.get("ansesCambiarMiClaveTitulo"));
        HtmlPage nueva = (HtmlPage) LoginPage.of(cambiar).submit(CuilsDePrueba.conGuiones(carlos), "Lapacho9Ro");
        assertThat(nueva.getElementById("kc-page-title").getTextContent().strip()).isEqualTo(ES.get("ansesCambiarMiClaveTitulo"));

        HtmlPage rechazada = elegir(nueva, "lapacho", "lapacho");
        assertThat(rechazada.querySelectorAll("#anses-reglas-incumplidas li")).hasSizeGreaterThanOrEqualTo(2);
        HtmlPage distintas = elegir(rechazada, "Calden8Ruta", "Calden8Rutas");
        assertThat(distintas.getElementById("input-error-confirmacion").getTextContent().strip()).isEqualTo(ES.get("ansesClavesNoCoinciden"));

        Page fin = submitNueva(distintas, "Calden8Ruta");
        assertThat(request.codeFrom(LoginPage.landedOn(fin))).isNotBlank();

        assertThat(loginWorks(carlos, "Lapacho9Ro")).isFalse();
        assertThat(loginWorks(carlos, "Calden8Ruta")).isTrue();
        Oidc.Request despues = oidc.request(Oidc.TEST_CLIENT);
        Page otra = otraCompu.getPage(despues.uri().toURL());
        assertThat(LoginPage.landedOn(otra).getQuery()).doesNotContain("code=");
        assertThat(LoginPage.of(otra).title()).isEqualTo(ES.get("ansesLoginTitle"));
    }

    @DisplayName("given a logged-in citizen, when an app asks kc_action=anses-cambiar-clave, then the change page opens without the login form")
    @Test
    void desdeUnaApp() throws Exception {
        WebClient browser = LoginPage.browser();
        Oidc.Request login = oidc.request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(browser, login.uri()).submit("27271234568", "Tango5Luz"), login)).isTrue();

        Oidc.Request accion = oidc.request(Oidc.MI_ANSES);
        HtmlPage page = (HtmlPage) browser.getPage(accion.uri(Map.of("kc_action", "anses-cambiar-clave")).toURL());

        assertThat(page.getElementById("kc-page-title").getTextContent().strip()).isEqualTo(ES.get("ansesCambiarMiClaveTitulo"));
        assertThat(page.getElementById("clave")).isNotNull();
        assertThat(page.getElementById("anses-checklist")).isNotNull();
    }

    private static HtmlPage elegir(HtmlPage page, String clave, String confirmacion) throws Exception {
        page.<HtmlInput>getHtmlElementById("clave").setValue(clave);
        page.<HtmlInput>getHtmlElementById("confirmacion").setValue(confirmacion);
        return page.getHtmlElementById("anses-continuar").click();
    }

    private static Page submitNueva(HtmlPage page, String clave) throws Exception {
        page.<HtmlInput>getHtmlElementById("clave").setValue(clave);
        page.<HtmlInput>getHtmlElementById("confirmacion").setValue(clave);
        return page.getHtmlElementById("anses-continuar").click();
    }

    private boolean loginWorks(String cuil, String clave) throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        return LoginPage.loggedIn(LoginPage.open(LoginPage.browser(), request.uri()).submit(cuil, clave), request);
    }
}
