package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URL;
import java.net.http.HttpResponse;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The last screens of the agency's manuals (seeds 000-003) over HTTP: the information page the login page links to
 * ("Ver más información sobre la Clave de la Seguridad Social"), its address set by a realm attribute, and the
 * Políticas de Seguridad asked again in Cambiar mi clave when the accepted version is not the one in force. The page
 * after the online enablement is in {@code ResidentesExteriorIT}; "temporalmente saturado" in {@code SistemaSaturadoPostgresIT}.
 */
@ExtendWith(KeycloakExtension.class)
class PantallasDeLosManualesIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();

    private final KeycloakServer server;
    private final Oidc oidc;

    PantallasDeLosManualesIT(KeycloakServer server) {
        this.server = server;
        this.oidc = new Oidc(server);
    }

    @DisplayName("given the login page, then 'Ver más información sobre la Clave de la Seguridad Social' opens our page in "
            + "a new tab, with what the clave is, its levels, how to get it, how to keep it safe, and the level-3 section")
    @Test
    void masInformacionDesdeElLogin() throws Exception {
        WebClient browser = LoginPage.browser();
        HtmlPage login = (HtmlPage) browser.getPage(oidc.request(Oidc.MI_ANSES).uri().toURL());
        HtmlAnchor enlace = login.getHtmlElementById("anses-mas-informacion");
        assertThat(enlace.getTextContent().strip()).isEqualTo(ES.get("ansesMasInformacionClave"));
        assertThat(enlace.getTargetAttribute()).isEqualTo("_blank");
        URL direccion = login.getFullyQualifiedUrl(enlace.getHrefAttribute());
        assertThat(direccion.toString()).isEqualTo(server.baseUri() + "realms/anses/anses-informacion");

        HtmlPage informacion = browser.getPage(direccion);
        assertThat(informacion.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(informacion.getElementById("kc-page-title").getTextContent().strip()).isEqualTo(ES.get("ansesInformacionTitulo"));
        assertThat(informacion.getElementById("clave").asNormalizedText())
                .contains(ES.get("ansesInformacionQueEs"), ES.get("ansesInformacionNivel2"), ES.get("ansesInformacionNivel3"),
                        ES.get("ansesInformacionCrear"), ES.get("ansesInformacionSeguridad1"));
        assertThat(informacion.getElementById("corporativa").asNormalizedText())
                .contains(ES.get("ansesInformacionCorporativaTitulo"), ES.get("ansesAppServiciosCorporativos"),
                        ES.get("ansesAppReparacionHistorica"), ES.get("ansesComoNivel3"));
        assertThat(informacion.getHtmlElementById("anses-volver").getAttribute("href")).isEqualTo(server.baseUri() + "realms/anses/account");
    }

    @DisplayName("given the realm attribute ansesInformacionUrl, then the login page links there instead (the agency's "
            + "own site); emptied, back to ours")
    @Test
    void direccionConfigurable() throws Exception {
        AdminApi admin = new AdminApi(server);
        String propia = "https://www.anses.gob.ar/informacion/clave-de-la-seguridad-social";
        try {
            atributo(admin, "ansesInformacionUrl", propia);
            assertThat(enlaceDelLogin()).isEqualTo(propia);
        } finally {
            atributo(admin, "ansesInformacionUrl", "");
        }
        assertThat(enlaceDelLogin()).isEqualTo(server.baseUri() + "realms/anses/anses-informacion");
    }

    @DisplayName("given a citizen who accepted an older version of the Políticas de Seguridad, when she changes her clave, "
            + "then the policies in force come first (not accepted: asked again), the acceptance is recorded, and the next "
            + "change goes straight to the new clave")
    @Test
    void cambiarClavePideLasPoliticasNuevas() throws Exception {
        AdminApi admin = new AdminApi(server);
        String elena = CuilsDePrueba.nueva();
        HttpResponse<String> creada = admin.postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Elena", "lastName": "Politica",
                 "attributes": {"dni": ["%s"], "nivel": ["2"], "politicasVersion": ["2023-1"]},
                 "credentials": [{"type": "password", "value": "Coihue4Lago", "temporary": false}]}
                """.formatted(elena, CuilsDePrueba.dni(elena)));
        assertThat(creada.statusCode()).isEqualTo(201);

        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage politicas = cambiarMiClave(request, elena, "Coihue4Lago");
        assertThat(titulo(politicas)).isEqualTo(ES.get("ansesPoliticasTitulo"));
        assertThat(politicas.getElementById("anses-politicas-intro").getTextContent().strip()).isEqualTo(ES.get("ansesPoliticasNuevaVersion"));
        assertThat(politicas.getElementById("anses-politicas-version").getTextContent()).contains("2024-1");

        HtmlPage sinAceptar = politicas.getHtmlElementById("anses-continuar").click();
        assertThat(titulo(sinAceptar)).isEqualTo(ES.get("ansesPoliticasTitulo"));
        assertThat(sinAceptar.getElementById("input-error-acepto").getTextContent().strip()).isEqualTo(ES.get("ansesPoliticasNoAceptadas"));
        assertThat(admin.get("users/" + admin.userId(elena)).at("/attributes/politicasVersion/0").asText()).isEqualTo("2023-1");

        sinAceptar.<HtmlCheckBoxInput>getHtmlElementById("acepto").setChecked(true);
        HtmlPage nueva = sinAceptar.getHtmlElementById("anses-continuar").click();
        assertThat(titulo(nueva)).isEqualTo(ES.get("ansesCambiarMiClaveTitulo"));
        assertThat(admin.get("users/" + admin.userId(elena)).at("/attributes/politicasVersion/0").asText()).isEqualTo("2024-1");
        nueva.<HtmlInput>getHtmlElementById("clave").setValue("Nire7Bosque");
        nueva.<HtmlInput>getHtmlElementById("confirmacion").setValue("Nire7Bosque");
        Page app = nueva.getHtmlElementById("anses-continuar").click();
        assertThat(request.codeFrom(LoginPage.landedOn(app))).isNotBlank();

        HtmlPage otraVez = cambiarMiClave(oidc.request(Oidc.MI_ANSES), elena, "Nire7Bosque");
        assertThat(titulo(otraVez)).isEqualTo(ES.get("ansesCambiarMiClaveTitulo"));
        assertThat(otraVez.getElementById("clave")).isNotNull();
    }

    /** The login page's "Cambiar mi clave", then the CUIL and the current clave: the page that comes next. */
    private static HtmlPage cambiarMiClave(Oidc.Request request, String cuil, String clave) throws Exception {
        HtmlPage login = (HtmlPage) LoginPage.browser().getPage(request.uri().toURL());
        HtmlPage cambiar = login.getHtmlElementById("anses-cambiar-mi-clave").click();
        return (HtmlPage) LoginPage.of(cambiar).submit(cuil, clave);
    }

    private String enlaceDelLogin() throws Exception {
        HtmlPage login = (HtmlPage) LoginPage.browser().getPage(oidc.request(Oidc.MI_ANSES).uri().toURL());
        return login.getFullyQualifiedUrl(login.<HtmlAnchor>getHtmlElementById("anses-mas-informacion").getHrefAttribute()).toString();
    }

    /** Sets one realm attribute, sending back all the others as they are. */
    private static void atributo(AdminApi admin, String nombre, String valor) throws Exception {
        JsonNode realm = admin.get("");
        ObjectNode cambio = JsonNodeFactory.instance.objectNode();
        ObjectNode atributos = ((ObjectNode) realm.path("attributes")).deepCopy();
        atributos.put(nombre, valor);
        cambio.set("attributes", atributos);
        admin.put("", cambio);
    }

    private static String titulo(HtmlPage page) {
        return page.getElementById("kc-page-title").getTextContent().strip();
    }
}
