package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClave;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.errorDeCampo;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarTramite;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.titulo;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.padron.PadronFile;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What must survive a restart of the server. It restarts the shared server in whatever place the random order puts
 * it: the database is a file, so what other classes made is still there; they start their own sessions.
 */
@ExtendWith(KeycloakExtension.class)
class RestartIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final Map<String, Persona> PADRON = PadronFile.leer(Path.of("../realm-export/padron-demo.json"));

    private final KeycloakServer server;

    RestartIT(KeycloakServer server) {
        this.server = server;
    }

    @DisplayName("given a citizen just told \"Tu clave fue habilitada\" and another just told a trámite was wrong, "
            + "when Keycloak's JVM is killed at once (kill -9) and started again, then the account logs in and the attempt is counted")
    @Test
    void nadaDeLoDichoSePierdeConKillNueve() throws Exception {
        Oidc oidc = new Oidc(server);
        Persona julieta = PADRON.get("27409998882");
        Persona alejandro = PADRON.get("24196667772");
        HtmlPage clave = ingresarTramite(ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))),
                julieta.cuil().digitos(), true), julieta.tramites().get(0));
        HtmlPage tramite = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))),
                alejandro.cuil().digitos(), true);

        // Other citizens' writes go on meanwhile, as on a busy day: H2 then batches what it writes to disk.
        AdminApi admin = new AdminApi(server);
        // A citizen of this test's own whose level goes up and down (it was demo Juan, whose level others read).
        String otro = CuilsDePrueba.nuevo();
        admin.crearCiudadano(otro, "Otro", "Ocupado", CuilsDePrueba.dni(otro), 2, "Lapacho5Dia", false);
        AtomicBoolean ocupado = new AtomicBoolean(true);
        Thread otrasEscrituras = new Thread(() -> {
            for (int nivel = 2; ocupado.get(); nivel = 5 - nivel) {
                try {
                    admin.putRaw("anses-nivel/" + otro, "{\"nivel\": " + nivel + "}");
                } catch (Exception e) {
                    return; // the server is gone
                }
            }
        });
        otrasEscrituras.start();
        HtmlPage habilitada = elegirClave(clave, "Jacaranda7Flor", "Jacaranda7Flor");
        HtmlPage incorrecto = ingresarTramite(tramite, "00000000001");
        server.crashAndRestart(Duration.ofMinutes(3));
        ocupado.set(false);
        otrasEscrituras.join();

        assertThat(habilitada.getElementById("anses-habilitada")).isNotNull();
        assertThat(errorDeCampo(incorrecto, "tramite")).isEqualTo(ES.get("ansesTramiteIncorrecto", 2));
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(LoginPage.browser(), request.uri()).submit(julieta.cuil().digitos(), "Jacaranda7Flor"),
                request)).isTrue();
        assertThat(new AdminApi(server).get("anses-verificacion/bloqueos/" + alejandro.cuil().digitos()).get("intentosFallidos").asInt())
                .isEqualTo(1);
    }

    @DisplayName("given a CUIL whose verification is locked, when the server restarts, then a new browser still finds it locked")
    @Test
    void bloqueoDeVerificacionSobreviveAlReinicio() throws Exception {
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
