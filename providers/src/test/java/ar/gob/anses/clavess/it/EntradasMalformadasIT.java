package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.alerta;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.continuar;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.errorDeCampo;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarTramite;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Input no person would type, sent to what our code reads: a clear answer (a page or a 4xx), never a 500. */
@ExtendWith(KeycloakExtension.class)
class EntradasMalformadasIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();

    private final KeycloakServer server;
    private final Oidc oidc;

    EntradasMalformadasIT(KeycloakServer server) {
        this.server = server;
        this.oidc = new Oidc(server);
    }

    @DisplayName("given a 100 000-character CUIL or clave, then the login page answers on the CUIL field")
    @Test
    void loginEnorme() throws Exception {
        LoginPage page = LoginPage.of(LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri())
                .submit("2".repeat(100_000), "x".repeat(100_000)));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.fieldError("username")).isEqualTo(ES.get("ansesCuilWrongLength"));
    }

    @DisplayName("given a trámite in full-width digits, or a questions form with options that do not exist, then the step asks again "
            + "and counts no attempt")
    @Test
    void verificacionRara() throws Exception {
        HtmlPage tramite = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), "27331110006", true);
        HtmlPage preguntas = tramite; // Paula has no trámite in the padrón: knowledge questions
        for (HtmlInput opcion : preguntas.querySelectorAll("input[type=radio]").stream().map(HtmlInput.class::cast).toList()) {
            opcion.setValue(opcion.getValue().equals("0") ? "99" : "-1");
        }
        preguntas.<HtmlInput>querySelector("input[type=radio]").setChecked(true);
        HtmlPage otraVez = continuar(preguntas);
        assertThat(otraVez.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(otraVez.querySelectorAll("fieldset.anses-pregunta")).isNotEmpty();

        assertThat(alerta(otraVez)).isEqualTo(ES.get("ansesPreguntasIncompletas"));

        HtmlPage conTramite = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), "20317320486", true);
        HtmlPage rara = ingresarTramite(conTramite, "１２３４５６７８９０１");
        assertThat(errorDeCampo(rara, "tramite")).isEqualTo(ES.get("ansesTramiteFormato"));

        AdminApi admin = new AdminApi(server);
        assertThat(admin.get("anses-verificacion/bloqueos/27331110006").get("intentosFallidos").asInt()).isZero();
        assertThat(admin.get("anses-verificacion/bloqueos/20317320486").get("intentosFallidos").asInt()).isZero();
    }

    @DisplayName("given malformed bodies and paths on our admin endpoints, then they answer 400 or 404")
    @Test
    void adminMalformado() throws Exception {
        AdminApi admin = new AdminApi(server);
        for (String cuerpo : new String[] {"{", "[1]", "{\"nivel\": {\"x\": 1}}", "\"3\"", "null"}) {
            assertThat(admin.putRaw("anses-nivel/20317320486", cuerpo).statusCode()).as(cuerpo).isBetween(400, 499);
        }
        assertThat(admin.getRaw("anses-nivel/no-es-un-cuil").statusCode()).isEqualTo(404);
        assertThat(admin.getRaw("anses-verificacion/bloqueos/%25%00").statusCode()).isBetween(400, 404);
        assertThat(admin.get("anses-nivel/20317320486").get("nivel").asInt()).isEqualTo(2); // demo Juan: no class changes him
    }
}
