package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CorreoDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notices that were not sent yet when Keycloak's JVM died (kill -9): written into the outbox with the change, they are
 * sent after the restart. The server is this class's own ({@link KeycloakExtension#propio}), not the shared one: it is
 * killed.
 */
@ExtendWith(CorreoDePrueba.class)
class AvisosCaidaIT {

    private static final ThemeMessages CORREO = ThemeMessages.correoSpanish();
    private static final long ESPERA_MS = 60_000;

    private static KeycloakServer server;

    private final CorreoDePrueba correo;

    AvisosCaidaIT(CorreoDePrueba correo) {
        this.correo = correo;
    }

    @BeforeAll
    static void arrancar() {
        server = KeycloakExtension.propio("avisos-caida");
    }

    @AfterAll
    static void parar() {
        if (server != null) {
            server.close();
        }
    }

    @DisplayName("given the mail server down, when an office raises a citizen's level and the citizen changes the clave, "
            + "both notices are tried and fail, and Keycloak is killed (kill -9), then after the restart, with the server "
            + "back, each notice arrives exactly once")
    @Test
    void sobrevivenAKillNueve() throws Exception {
        String cuil = "20419002012";
        String direccion = "caida.avisos@correo.demo.anses.example";
        AdminApi admin = new AdminApi(server);
        var creado = admin.postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Dario", "lastName": "Caida", "email": "%s", "emailVerified": true,
                 "attributes": {"dni": ["41900201"], "nivel": ["2"]},
                 "credentials": [{"type": "password", "value": "Mole4Cerezo", "temporary": false}]}
                """.formatted(cuil, direccion));
        assertThat(creado.statusCode()).as(creado.body()).isEqualTo(201);
        CorreoDePrueba.apuntar(admin, KeycloakServer.freePort()); // nobody listens there

        assertThat(admin.putRaw("anses-nivel/" + cuil, "{\"nivel\": 3}").statusCode()).isEqualTo(204);
        assertThat(cambiarClave(cuil, "Mole4Cerezo", "Chanar7Vado")).isTrue();
        // Both tried at least once and failed: they were not sent before the crash, they wait in the outbox.
        esperar("reintentados", 2, server);
        assertThat(contador(server, "enEspera")).isEqualTo(2);

        server.crashAndRestart(Duration.ofMinutes(5));

        assertThat(contador(server, "enEspera")).as("the notices survived the crash").isEqualTo(2);
        correo.apuntar(new AdminApi(server));
        correo.esperar(direccion, 2, ESPERA_MS);
        esperarBandejaVacia(server);
        List<String> asuntos = correo.para(direccion).stream().map(AvisosCaidaIT::asunto).toList();
        assertThat(asuntos).containsExactlyInAnyOrder(CORREO.get("ansesAvisoNivelSubidoAsunto", "2", "3"),
                CORREO.get("ansesAvisoClaveCambiadaAsunto"));
        assertThat(contador(server, "enviados")).as("sent after the restart").isEqualTo(2);
    }

    /** Cambiar mi clave from the login page; whether the browser came back to the app. */
    private static boolean cambiarClave(String cuil, String actual, String nueva) throws Exception {
        WebClient browser = LoginPage.browser();
        Oidc.Request request = new Oidc(server).request(Oidc.MI_ANSES);
        HtmlPage login = (HtmlPage) browser.getPage(request.uri().toURL());
        HtmlPage cambiar = login.getHtmlElementById("anses-cambiar-mi-clave").click();
        HtmlPage formulario = (HtmlPage) LoginPage.of(cambiar).submit(cuil, actual);
        formulario.<HtmlInput>getHtmlElementById("clave").setValue(nueva);
        formulario.<HtmlInput>getHtmlElementById("confirmacion").setValue(nueva);
        Page fin = formulario.getHtmlElementById("anses-continuar").click();
        return LoginPage.loggedIn(fin, request);
    }

    private static String asunto(MimeMessage mensaje) {
        try {
            return mensaje.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A counter of the server's Server Info; a new admin token each time (master's tokens live one minute). */
    static long contador(KeycloakServer server, String nombre) throws Exception {
        JsonNode info = new AdminApi(server).serverInfo().at("/providers/eventsListener/providers/anses-avisos/operationalInfo/" + nombre);
        assertThat(info.isMissingNode()).as("counter " + nombre + " in Server Info").isFalse();
        return Long.parseLong(info.asText());
    }

    /** Polls until the sum of the counter over {@code servers} reaches {@code valor}; fails after the deadline. */
    static void esperar(String nombre, long valor, KeycloakServer... servers) throws Exception {
        long hasta = System.currentTimeMillis() + ESPERA_MS;
        while (suma(nombre, servers) < valor) {
            assertThat(System.currentTimeMillis()).as("counter " + nombre + " reaching " + valor).isLessThan(hasta);
            Thread.sleep(200); // a poll's pause, not a wait for something to happen
        }
    }

    static long suma(String nombre, KeycloakServer... servers) throws Exception {
        long suma = 0;
        for (KeycloakServer s : servers) {
            suma += contador(s, nombre);
        }
        return suma;
    }

    /** Polls Server Info until no notice waits in the outbox: nothing left that could still be sent. */
    static void esperarBandejaVacia(KeycloakServer server) throws Exception {
        long hasta = System.currentTimeMillis() + ESPERA_MS;
        while (contador(server, "enEspera") > 0) {
            assertThat(System.currentTimeMillis()).as("the outbox emptying").isLessThan(hasta);
            Thread.sleep(200); // a poll's pause
        }
    }
}
