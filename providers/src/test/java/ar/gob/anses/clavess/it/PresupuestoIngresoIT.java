package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.DireccionesDePrueba;
import ar.gob.anses.clavess.testsupport.EnParalelo;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The login's budget of failed claves per client address and the realm's alarm (issue 30: spraying one clave over many
 * CUILs). Every test comes from addresses of its own ({@link DireccionesDePrueba#nueva}) and reads the budget, ceiling
 * and alarm threshold from the realm as deployed (the form's execution config in realm-export), so what is proven is
 * what a deployment gets. Accounts are the tests' own ({@link CuilsDePrueba}).
 */
@ExtendWith(KeycloakExtension.class)
class PresupuestoIngresoIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final String FLUJO = "anses browser forms";
    private static final String FORMULARIO = "anses-cuil-password-form";
    // A clave every ANSES rule accepts, as the one of the issue's spray; not a demo citizen's.
    private static final String CLAVE_ROCIADA = "Ombu7Carpincho";
    private static final String CLAVE_PROPIA = "Cedro4Lago";

    private final KeycloakServer server;
    private final Oidc oidc;
    private AdminApi admin;
    private int presupuesto;
    private int techo;

    PresupuestoIngresoIT(KeycloakServer server) {
        this.server = server;
        this.oidc = new Oidc(server);
    }

    @BeforeEach
    void configuracion() throws Exception {
        admin = new AdminApi(server);
        JsonNode config = admin.authenticatorConfig(FLUJO, FORMULARIO).path("config");
        presupuesto = config.path("presupuestoPorHora").asInt();
        techo = config.path("techoPorHora").asInt();
        assertThat(presupuesto).as("the realm's budget").isBetween(10, 99);
        assertThat(techo).as("the realm's ceiling").isGreaterThan(presupuesto);
    }

    @DisplayName("given 200 consecutive CUILs, every fifth with an account and the 151st's clave the sprayed one, sprayed with "
            + "that clave from one address, then the proof of work is asked from the try after the budget on, no account "
            + "opens without it, known and unknown CUILs get the same page throughout; solved, the victim's login goes on")
    @Test
    void rociadoDesdeUnaDireccion() throws Exception {
        List<String> cuils = new ArrayList<>();
        int victima = 150;
        for (int i = 0; i < 200; i++) {
            String cuil = i % 5 == 0 ? CuilsDePrueba.nueva() : CuilsDePrueba.nuevo();
            if (i % 5 == 0) {
                admin.crearCiudadano(cuil, "Rociada" + i, "Prueba", CuilsDePrueba.dni(cuil), 2,
                        i == victima ? CLAVE_ROCIADA : CLAVE_PROPIA, false);
            }
            cuils.add(cuil);
        }
        WebClient atacante = LoginPage.browser(DireccionesDePrueba.nueva());
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        LoginPage pagina = LoginPage.open(atacante, request.uri());
        int primerDesafio = -1;
        int abiertas = 0;
        List<String> paginas = new ArrayList<>();
        for (int i = 0; i < cuils.size(); i++) {
            Page respuesta = pagina.submit(cuils.get(i), CLAVE_ROCIADA);
            if (LoginPage.loggedIn(respuesta, request)) {
                abiertas++;
                break;
            }
            pagina = LoginPage.of(respuesta);
            paginas.add(normalizada(pagina, cuils.get(i)));
            if (pagina.pideRobot() && primerDesafio < 0) {
                primerDesafio = i;
            }
            if (primerDesafio >= 0) {
                assertThat(pagina.pideRobot()).as("try %d, after the challenge", i).isTrue();
                assertThat(pagina.alert()).as("try %d", i).isEqualTo(ES.get("ansesIngresoRobot"));
            } else {
                assertThat(pagina.alert()).as("try %d", i).isEqualTo(ES.get("ansesInvalidCredentials"));
            }
        }
        System.out.printf("Spray of 200 CUILs from one address: challenge at try %d (budget %d), accounts opened: %d%n",
                primerDesafio + 1, presupuesto, abiertas);
        assertThat(abiertas).as("accounts opened without the proof of work").isZero();
        assertThat(primerDesafio).as("the first try that met the challenge (0-based)").isEqualTo(presupuesto);
        for (int i = 0; i + 1 < paginas.size(); i += 5) {
            if (i + 1 == presupuesto) {
                continue; // the first try past the budget: the challenge, after a page without it
            }
            assertThat(paginas.get(i + 1)).as("CUIL %d (account) and %d (none)", i, i + 1).isEqualTo(paginas.get(i));
        }

        Page resuelta = pagina.submitResolviendoRobot(cuils.get(victima), CLAVE_ROCIADA);
        assertThat(LoginPage.loggedIn(resuelta, request)).as("the proof of work, and only it, stood in the way").isTrue();
    }

    @DisplayName("given 10 wrong logins from one address released at once, then each spends the budget exactly once: "
            + "the budget's remainder goes without the proof of work, the next try asks for it")
    @Test
    void enParaleloGastanUnaVezCadaUno() throws Exception {
        InetAddress desde = DireccionesDePrueba.nueva();
        int paralelas = 10;
        List<Callable<LoginPage>> intentos = new ArrayList<>();
        for (int i = 0; i < paralelas; i++) {
            LoginPage pagina = LoginPage.open(LoginPage.browser(desde), oidc.request(Oidc.MI_ANSES).uri());
            String cuil = CuilsDePrueba.nuevo();
            intentos.add(() -> LoginPage.of(pagina.submit(cuil, "Paralela" + cuil.substring(5, 8) + "X")));
        }
        List<LoginPage> respuestas = EnParalelo.todas(intentos);
        assertThat(respuestas).allSatisfy(r -> assertThat(r.alert()).isEqualTo(ES.get("ansesInvalidCredentials")));

        LoginPage pagina = LoginPage.open(LoginPage.browser(desde), oidc.request(Oidc.MI_ANSES).uri());
        for (int i = paralelas; i < presupuesto; i++) {
            pagina = LoginPage.of(pagina.submit(CuilsDePrueba.nuevo(), "Equivocada1"));
            assertThat(pagina.alert()).as("failure %d of the budget", i + 1).isEqualTo(ES.get("ansesInvalidCredentials"));
            assertThat(pagina.pideRobot()).as("failure %d of the budget", i + 1).isFalse();
        }
        pagina = LoginPage.of(pagina.submit(CuilsDePrueba.nuevo(), "Equivocada1"));
        assertThat(pagina.alert()).isEqualTo(ES.get("ansesIngresoRobot"));
        assertThat(pagina.pideRobot()).isTrue();
    }

    @DisplayName("given a citizen who mistypes twice, then she never sees the proof of work; and right claves from an address "
            + "do not spend its budget: after budget − 1 failures and three right logins, one more failure is still free")
    @Test
    void quienSeEquivocaDosVecesNoLoVe() throws Exception {
        InetAddress desde = DireccionesDePrueba.nueva();
        String cuil = CuilsDePrueba.nueva();
        admin.crearCiudadano(cuil, "Dora", "Dedos", CuilsDePrueba.dni(cuil), 2, CLAVE_PROPIA, false);
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        LoginPage pagina = LoginPage.open(LoginPage.browser(desde), request.uri());
        for (int fallo = 1; fallo <= 2; fallo++) {
            server.adelantarReloj(Duration.ofSeconds(1)); // past the quick-login check, as a person typing
            pagina = LoginPage.of(pagina.submit(cuil, "Cedro4Lag" + fallo));
            assertThat(pagina.pideRobot()).isFalse();
        }
        server.adelantarReloj(Duration.ofSeconds(1));
        assertThat(LoginPage.loggedIn(pagina.submit(cuil, CLAVE_PROPIA), request)).isTrue();

        pagina = LoginPage.open(LoginPage.browser(desde), oidc.request(Oidc.MI_ANSES).uri());
        for (int fallo = 3; fallo < presupuesto; fallo++) {
            pagina = LoginPage.of(pagina.submit(CuilsDePrueba.nuevo(), "Equivocada1"));
            assertThat(pagina.pideRobot()).as("failure %d", fallo).isFalse();
        }
        for (int i = 0; i < 3; i++) {
            Oidc.Request otra = oidc.request(Oidc.MI_ANSES);
            assertThat(LoginPage.loggedIn(LoginPage.open(LoginPage.browser(desde), otra.uri()).submit(cuil, CLAVE_PROPIA), otra))
                    .as("right login %d", i + 1).isTrue();
        }
        pagina = LoginPage.of(pagina.submit(CuilsDePrueba.nuevo(), "Equivocada1"));
        assertThat(pagina.pideRobot()).as("the budget's last failure").isFalse();
        assertThat(pagina.alert()).isEqualTo(ES.get("ansesInvalidCredentials"));
        pagina = LoginPage.of(pagina.submit(CuilsDePrueba.nuevo(), "Equivocada1"));
        assertThat(pagina.pideRobot()).as("past the budget").isTrue();
    }

    @DisplayName("given an address that pays every try past its budget with a proof of work, then at the ceiling it is "
            + "refused with when to try again, without comparing the clave (the right one too), known and unknown alike")
    @Test
    void techo() throws Exception {
        // The realm's ceiling (100) lowered to a few tries past the budget for this test: the same rule, a quarter of the
        // tries (each pays a hash and a proof of work). Restored after.
        JsonNode original = admin.authenticatorConfig(FLUJO, FORMULARIO);
        ObjectNode cambiada = original.deepCopy();
        int techoDePrueba = presupuesto + 5;
        ((ObjectNode) cambiada.get("config")).put("techoPorHora", String.valueOf(techoDePrueba));
        admin.put("authentication/config/" + original.get("id").asText(), cambiada);
        try {
            alTecho(techoDePrueba);
        } finally {
            admin.put("authentication/config/" + original.get("id").asText(), original);
        }
    }

    private void alTecho(int tope) throws Exception {
        InetAddress desde = DireccionesDePrueba.nueva();
        String cuil = CuilsDePrueba.nueva();
        admin.crearCiudadano(cuil, "Tecla", "Techo", CuilsDePrueba.dni(cuil), 2, CLAVE_PROPIA, false);
        LoginPage pagina = LoginPage.open(LoginPage.browser(desde), oidc.request(Oidc.MI_ANSES).uri());
        int fallos = 0;
        while (fallos < tope) {
            String otro = CuilsDePrueba.nuevo();
            pagina = LoginPage.of(pagina.pideRobot() ? pagina.submitResolviendoRobot(otro, "Equivocada1") : pagina.submit(otro, "Equivocada1"));
            if (ES.get("ansesInvalidCredentials").equals(pagina.alert())) {
                fallos++;
            } else {
                assertThat(pagina.alert()).as("after %d failures", fallos).isEqualTo(ES.get("ansesIngresoRobot"));
            }
        }
        // An hour after the first failure, and up to a minute more (the window's minutes); less whatever this test took.
        Set<String> esperadas = new java.util.HashSet<>();
        for (int minutos = 50; minutos <= 61; minutos++) {
            esperadas.add(ES.get("ansesIngresoDemasiados", minutos));
        }
        LoginPage conCuenta = LoginPage.of(pagina.pideRobot() ? pagina.submitResolviendoRobot(cuil, CLAVE_PROPIA) : pagina.submit(cuil, CLAVE_PROPIA));
        assertThat(conCuenta.alert()).isIn(esperadas);
        String desconocido = CuilsDePrueba.nuevo();
        LoginPage sinCuenta = LoginPage.open(LoginPage.browser(desde), oidc.request(Oidc.MI_ANSES).uri());
        sinCuenta = LoginPage.of(sinCuenta.submit(desconocido, CLAVE_PROPIA));
        assertThat(sinCuenta.alert()).isEqualTo(conCuenta.alert());
        assertThat(sinCuenta.status()).isEqualTo(conCuenta.status());
        assertThat(admin.bruteForce(cuil).get("numFailures").asInt()).as("the clave was not compared").isZero();
    }

    @DisplayName("given failed logins from many addresses, each under its budget, past the realm's alarm threshold, then the "
            + "alarm turns on (an event, the metric, the proof of work on every login page) and, once the rate is back "
            + "under the threshold, off again (an event, the metric)")
    @Test
    void alarmaPorRociadoDistribuido() throws Exception {
        long desde = server.ahora().toEpochMilli();
        JsonNode original = admin.authenticatorConfig(FLUJO, FORMULARIO);
        String id = original.get("id").asText();
        // The realm's failures of the last hour as counted so far (the whole run's): the threshold is set just above.
        long antes = revisarYLeer("anses_ingreso_fallos_ultima_hora");
        long umbral = antes + 30;
        ObjectNode cambiada = original.deepCopy();
        ((ObjectNode) cambiada.get("config")).put("alarmaPorHora", String.valueOf(umbral));
        admin.put("authentication/config/" + id, cambiada);
        try {
            assertThat(revisarYLeer("anses_ingreso_alarma")).as("off before the spray").isZero();
            // 12 addresses, 5 failures each: far under each one's budget. The alarm may turn on during the spray (the node
            // looks every 5 s): then the spray pays the proof of work, as a determined attacker would.
            for (int d = 0; d < 12; d++) {
                LoginPage pagina = LoginPage.open(LoginPage.browser(DireccionesDePrueba.nueva()), oidc.request(Oidc.MI_ANSES).uri());
                for (int fallos = 0; fallos < 5; ) {
                    String cuil = CuilsDePrueba.nuevo();
                    pagina = LoginPage.of(pagina.pideRobot() ? pagina.submitResolviendoRobot(cuil, CLAVE_ROCIADA) : pagina.submit(cuil, CLAVE_ROCIADA));
                    fallos += ES.get("ansesInvalidCredentials").equals(pagina.alert()) ? 1 : 0;
                }
            }
            assertThat(revisarYLeer("anses_ingreso_alarma")).as("on after the spray").isEqualTo(1);
            LoginPage nueva = LoginPage.open(LoginPage.browser(DireccionesDePrueba.nueva()), oidc.request(Oidc.MI_ANSES).uri());
            assertThat(nueva.pideRobot()).as("a fresh address's first page").isTrue();
            Oidc.Request request = oidc.request(Oidc.MI_ANSES);
            LoginPage juan = LoginPage.open(LoginPage.browser(DireccionesDePrueba.nueva()), request.uri());
            assertThat(LoginPage.loggedIn(juan.submitResolviendoRobot("20317320486", "Mate7Rio"), request))
                    .as("a right clave with the proof of work").isTrue();
            JsonNode encendida = evento("anses_alarma_encendida", desde);
            assertThat(encendida).as("the event of the alarm turned on").isNotNull();
            assertThat(encendida.at("/details/anses_umbral").asText()).isEqualTo(String.valueOf(umbral));
            assertThat(encendida.at("/details/anses_fallos_ultima_hora").asLong()).isGreaterThan(umbral);
        } finally {
            admin.put("authentication/config/" + id, original);
        }
        assertThat(revisarYLeer("anses_ingreso_alarma")).as("off once the threshold is back above the rate").isZero();
        assertThat(evento("anses_alarma_apagada", desde)).as("the event of the alarm turned off").isNotNull();
        assertThat(LoginPage.open(LoginPage.browser(DireccionesDePrueba.nueva()), oidc.request(Oidc.MI_ANSES).uri()).pideRobot()).isFalse();
    }

    /**
     * Lets the node look at the realm's count again (it does every 5 s of Keycloak's clock, at a login page: the clock is
     * moved instead of waiting) and reads one of its metrics for realm anses.
     */
    private long revisarYLeer(String metrica) throws Exception {
        server.adelantarReloj(Duration.ofSeconds(6));
        LoginPage.open(LoginPage.browser(DireccionesDePrueba.nueva()), oidc.request(Oidc.MI_ANSES).uri());
        return (long) AvisosIT.metrica(server.metrics(), metrica, "realm=\"anses\"");
    }

    /** The newest realm event (no user) with this error since {@code desde} (Keycloak's clock, ms), or null. */
    private JsonNode evento(String error, long desde) throws Exception {
        for (JsonNode e : admin.get("events?type=LOGIN_ERROR&max=2000")) {
            if (error.equals(e.path("error").asText()) && e.path("time").asLong() >= desde) {
                return e;
            }
        }
        return null;
    }

    /** The status and page minus what differs per request: session ids and codes, the proof of work's numbers, the CUIL typed. */
    private static String normalizada(LoginPage pagina, String cuil) {
        return pagina.status() + " " + pagina.html().replace(cuil, "CUIL")
                .replaceAll("(session_code|execution|tab_id|client_data)=[^&\"]*", "$1=X")
                .replaceAll("checkAuthSession\\(\\s*\"[^\"]*\"", "checkAuthSession(X")
                .replaceAll("data-(salt|challenge)=\"[^\"]*\"", "data-$1=X");
    }
}
