package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarTramite;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.titulo;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import java.time.Duration;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What must survive a restart of the server. Runs after every other class: it restarts the shared server. */
@Order(Integer.MAX_VALUE)
@ExtendWith(KeycloakExtension.class)
class RestartIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();

    private final KeycloakServer server;

    RestartIT(KeycloakServer server) {
        this.server = server;
    }

    @DisplayName("given a CUIL whose verification is locked, when the server restarts, then a new browser still finds it locked")
    @Test
    void verificationLockSurvivesRestart() throws Exception {
        Oidc oidc = new Oidc(server);
        HtmlPage page = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), "20279990006", true);
        for (String wrong : new String[] {"00000000011", "00000000012", "00000000013"}) {
            page = ingresarTramite(page, wrong);
        }
        assertThat(titulo(page)).isEqualTo(ES.get("ansesVerificacionBloqueadaTitulo"));

        server.restart(Duration.ofMinutes(3));

        HtmlPage afterRestart = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), "20279990006", true);
        assertThat(titulo(afterRestart)).isEqualTo(ES.get("ansesVerificacionBloqueadaTitulo"));
    }
}
