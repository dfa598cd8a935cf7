package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.alerta;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The per-address limit of the CUIL step. Runs near the end (every test comes from 127.0.0.1) and puts
 * the realm's setting back.
 */
@Order(Integer.MAX_VALUE - 1)
@ExtendWith(KeycloakExtension.class)
class RateLimitIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();

    private final KeycloakServer server;

    RateLimitIT(KeycloakServer server) {
        this.server = server;
    }

    @DisplayName("given an address past its hourly limit of CUILs, then the CUIL step refuses with its message and keeps the CUIL")
    @Test
    void limitePorDireccion() throws Exception {
        AdminApi admin = new AdminApi(server);
        JsonNode config = admin.authenticatorConfig("anses crear clave", "anses-crear-clave-cuil");
        String limite = config.at("/config/limitePorHora").asText();
        try {
            ((ObjectNode) config.get("config")).put("limitePorHora", "1");
            admin.put("authentication/config/" + config.get("id").asText(), config);

            Oidc oidc = new Oidc(server);
            HtmlPage page = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), "20201112223", true);

            assertThat(alerta(page)).isEqualTo(ES.get("ansesLimitePorDireccion"));
            assertThat(page.getElementById("cuil").getAttribute("value")).isEqualTo("20201112223");
        } finally {
            ((ObjectNode) config.get("config")).put("limitePorHora", limite);
            admin.put("authentication/config/" + config.get("id").asText(), config);
        }
    }
}
