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
import ar.gob.anses.clavess.testsupport.ContadoresAvisos;
import ar.gob.anses.clavess.testsupport.CorreoDePrueba;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.DireccionesDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What must survive Keycloak's JVM dying at once (kill -9): what a citizen was told was saved, and what a notice will
 * tell is sent. One crash for all of it (a restart costs the suite half a minute): the shared server, in whatever place
 * the random order puts this class; its database is a file, so what other classes made is still there after it, and
 * they start their own sessions.
 */
@ExtendWith({KeycloakExtension.class, CorreoDePrueba.class})
class RestartIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final ThemeMessages CORREO = ThemeMessages.correoSpanish();
    private static final Map<String, Persona> PADRON = PadronFile.leer(Path.of("../realm-export/padron-demo.json"));
    private static final String BLOQUEADO = "20279990006";

    private final KeycloakServer server;
    private final CorreoDePrueba correo;

    RestartIT(KeycloakServer server, CorreoDePrueba correo) {
        this.server = server;
        this.correo = correo;
    }

    @DisplayName("given a citizen just told \"Tu clave fue habilitada\", another just told a trámite was wrong, a CUIL whose "
            + "verification is locked, an address that spent its budget of failed logins and two notices the mail server could "
            + "not take, when Keycloak's JVM is killed at once (kill -9) and started again, then the account logs in, the "
            + "attempt is counted, the CUIL is still locked, the address must still solve the proof of work, and once the "
            + "mail server is back each notice arrives exactly once")
    @Test
    void nadaDeLoDichoSePierdeConKillNueve() throws Exception {
        Oidc oidc = new Oidc(server);
        AdminApi admin = new AdminApi(server);

        // Two notices that cannot leave: an office raises a citizen's level, and she changes her clave.
        String avisada = CuilsDePrueba.nuevo();
        String direccion = "reinicio." + avisada + "@correo.demo.anses.example";
        var creada = admin.postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Dario", "lastName": "Caida", "email": "%s", "emailVerified": true,
                 "attributes": {"dni": ["%s"], "nivel": ["2"]},
                 "credentials": [{"type": "password", "value": "Mole4Cerezo", "temporary": false}]}
                """.formatted(avisada, direccion, CuilsDePrueba.dni(avisada)));
        assertThat(creada.statusCode()).as(creada.body()).isEqualTo(201);
        long reintentados = ContadoresAvisos.contador(server, "reintentados");
        CorreoDePrueba.apuntar(admin, KeycloakServer.freePort()); // nobody listens there
        assertThat(admin.putRaw("anses-nivel/" + avisada, "{\"nivel\": 3}").statusCode()).isEqualTo(204);
        assertThat(cambiarClave(avisada, "Mole4Cerezo", "Chanar7Vado")).isTrue();
        // Both tried at least once and failed: they were not sent before the crash, they wait in the outbox.
        ContadoresAvisos.esperar("reintentados", reintentados + 2, server);

        // A verification locked by three wrong trámites.
        HtmlPage bloqueo = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), BLOQUEADO, true);
        for (String wrong : new String[] {"00000000011", "00000000012", "00000000013"}) {
            bloqueo = ingresarTramite(bloqueo, wrong);
        }
        assertThat(titulo(bloqueo)).isEqualTo(ES.get("ansesVerificacionBloqueadaTitulo"));

        // An address that spent its budget of failed logins (each one charged and committed before its answer).
        InetAddress rociadora = DireccionesDePrueba.nueva();
        int presupuesto = admin.authenticatorConfig("anses browser forms", "anses-cuil-password-form")
                .path("config").path("presupuestoPorHora").asInt();
        LoginPage rociado = LoginPage.open(LoginPage.browser(rociadora), oidc.request(Oidc.MI_ANSES).uri());
        for (int fallo = 0; fallo < presupuesto; fallo++) {
            rociado = LoginPage.of(rociado.submit(CuilsDePrueba.nuevo(), "Equivocada1"));
            assertThat(rociado.pideRobot()).as("failure %d, within the budget", fallo + 1).isFalse();
        }

        Persona julieta = PADRON.get("27409998882");
        Persona alejandro = PADRON.get("24196667772");
        HtmlPage clave = ingresarTramite(ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))),
                julieta.cuil().digitos(), true), julieta.tramites().get(0));
        HtmlPage tramite = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))),
                alejandro.cuil().digitos(), true);

        // Other citizens' writes go on meanwhile, as on a busy day: H2 then batches what it writes to disk.
        // A citizen of this test's own whose level goes up and down (it was demo Juan, whose level others read); no
        // email, so no notice of these.
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
        assertThat(ContadoresAvisos.contador(server, "enEspera")).as("the two notices wait in the outbox").isGreaterThanOrEqualTo(2);
        assertThat(correo.para(direccion)).as("nothing sent before the crash").isEmpty();
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
        HtmlPage despues = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), BLOQUEADO, true);
        assertThat(titulo(despues)).as("a new browser still finds the verification locked").isEqualTo(ES.get("ansesVerificacionBloqueadaTitulo"));
        LoginPage pasado = LoginPage.of(LoginPage.open(LoginPage.browser(rociadora), oidc.request(Oidc.MI_ANSES).uri())
                .submit(CuilsDePrueba.nuevo(), "Equivocada1"));
        assertThat(pasado.pideRobot()).as("the address's spent budget survived the crash").isTrue();
        assertThat(pasado.alert()).isEqualTo(ES.get("ansesIngresoRobot"));

        // Ours are still there (the outbox is the shared server's: another class's notice waiting beside them may have
        // been sent or given up meanwhile, so the count may drop, never below our two); that they arrive below, sent
        // by none before the crash, is the proof that they survived it.
        assertThat(ContadoresAvisos.contador(server, "enEspera")).as("the notices survived the crash").isGreaterThanOrEqualTo(2);
        correo.apuntar(new AdminApi(server));
        correo.esperar(direccion, 2);
        ContadoresAvisos.esperarBandejaVacia(server);
        List<String> asuntos = correo.para(direccion).stream().map(RestartIT::asunto).toList();
        assertThat(asuntos).as("each notice exactly once").containsExactlyInAnyOrder(CORREO.get("ansesAvisoNivelSubidoAsunto", "2", "3"),
                CORREO.get("ansesAvisoClaveCambiadaAsunto"));
    }

    /** Cambiar mi clave from the login page; whether the browser came back to the app. */
    private boolean cambiarClave(String cuil, String actual, String nueva) throws Exception {
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
}
