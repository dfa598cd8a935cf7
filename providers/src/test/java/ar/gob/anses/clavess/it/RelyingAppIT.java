package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.ejemplo.RelyingApp;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The relying-app example in examples/relying-app, as a citizen uses it, against the real server. */
@ExtendWith(KeycloakExtension.class)
class RelyingAppIT {

    private final KeycloakServer server;
    private RelyingApp app;

    RelyingAppIT(KeycloakServer server) {
        this.server = server;
    }

    @AfterEach
    void stop() {
        app.stop();
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

    private RelyingApp start(String clientId) throws Exception {
        RelyingApp relyingApp = new RelyingApp(server.realmUri().toString(), clientId, 0);
        relyingApp.start();
        return relyingApp;
    }

    private HtmlPage loginThroughApp(WebClient browser, String cuil, String clave) throws Exception {
        HtmlPage start = browser.getPage(app.baseUri().toURL());
        return (HtmlPage) LoginPage.of(start.getHtmlElementById("ingresar").click()).submit(cuil, clave);
    }

    private static String text(HtmlPage page, String id) {
        return page.getElementById(id).getTextContent().strip();
    }
}
