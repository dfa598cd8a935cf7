package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.alerta;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.completarClave;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.completarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.completarRespuestas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.completarTramite;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.continuar;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.errorDeCampo;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarTramite;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.titulo;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.padron.PadronFile;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.DireccionesDePrueba;
import ar.gob.anses.clavess.testsupport.EnParalelo;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Limits under attack: many authentication sessions for one CUIL, or many submissions from one address,
 * released at the same instant. Each test comes from a loopback address of its own (127.2.0.x), so that
 * its events and per-address count are its own.
 */
@ExtendWith(KeycloakExtension.class)
class ConcurrenciaIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final Map<String, Persona> PADRON = PadronFile.leer(Path.of("../realm-export/padron-demo.json"));
    private static final int PARALELAS = 8;
    private static final int INTENTOS = 3;

    private final KeycloakServer server;
    private final Oidc oidc;

    ConcurrenciaIT(KeycloakServer server) {
        this.server = server;
        this.oidc = new Oidc(server);
    }

    @DisplayName("given 8 sessions for one CUIL sending a wrong trámite at once, then 3 are compared and counted, "
            + "the others see the lock page, and a second round compares none")
    @Test
    void tramitesEnParalelo() throws Exception {
        String desde = "127.2.0.1";
        Persona elena = PADRON.get("27124445553");

        // Sixteen sessions opened before any answer: the second eight are still at the trámite page after the lock.
        List<HtmlPage> sesiones = enLaVerificacion(elena, desde, 2 * PARALELAS);

        List<HtmlPage> respuestas = enviar(sesiones.subList(0, PARALELAS), page -> completarTramite(page, "00000000001"));

        assertThat(respuestas).allSatisfy(ConcurrenciaIT::paginaCorrecta);
        assertThat(respuestas.stream().filter(p -> errorDeCampo(p, "tramite") != null)).hasSize(INTENTOS - 1);
        assertThat(respuestas.stream().filter(ConcurrenciaIT::bloqueada)).hasSize(PARALELAS - (INTENTOS - 1));
        assertThat(eventos(desde, "anses_tramite_incorrecto")).isEqualTo(INTENTOS);
        assertThat(intentos(elena).get("intentosFallidos").asInt()).isEqualTo(INTENTOS);
        assertThat(intentos(elena).get("bloqueada").asBoolean()).isTrue();

        List<HtmlPage> otraRonda = enviar(sesiones.subList(PARALELAS, 2 * PARALELAS), page -> completarTramite(page, "00000000002"));

        assertThat(otraRonda).allSatisfy(page -> assertThat(bloqueada(page)).isTrue());
        assertThat(eventos(desde, "anses_tramite_incorrecto")).isEqualTo(INTENTOS);
        assertThat(intentos(elena).get("intentosFallidos").asInt()).isEqualTo(INTENTOS);
    }

    @DisplayName("given one attempt left, when 7 wrong trámites and the right one arrive at once, then only one of them gets "
            + "the last attempt: the right one passes only if it got it (and then the count starts again), otherwise it is refused "
            + "like the rest")
    @Test
    void ultimoIntentoConLaRespuestaCorrecta() throws Exception {
        String desde = "127.2.0.2";
        Persona camila = PADRON.get("27374445559");
        HtmlPage page = enLaVerificacion(camila, desde, 1).get(0);
        page = ingresarTramite(page, "00000000001");
        ingresarTramite(page, "00000000002");
        assertThat(intentos(camila).get("intentosFallidos").asInt()).isEqualTo(INTENTOS - 1);

        List<HtmlPage> sesiones = enLaVerificacion(camila, desde, PARALELAS);
        List<HtmlPage> respuestas = enviar(sesiones, pagina -> completarTramite(pagina,
                pagina == sesiones.get(0) ? camila.tramites().get(0) : "00000000003"));

        assertThat(respuestas).allSatisfy(ConcurrenciaIT::paginaCorrecta);
        long incorrectasComparadas = eventos(desde, "anses_tramite_incorrecto") - (INTENTOS - 1);
        if (verificada(respuestas.get(0))) {
            // The right answer took the last attempt and, proven, started the count again: wrong answers sent after
            // it are new attempts, at most INTENTOS of them, and its lock is gone unless they set a new one.
            assertThat(incorrectasComparadas).isLessThanOrEqualTo(INTENTOS);
            assertThat(intentos(camila).get("bloqueada").asBoolean()).isEqualTo(incorrectasComparadas == INTENTOS);
        } else {
            assertThat(incorrectasComparadas).as("answers compared in the last attempt").isEqualTo(1);
            assertThat(respuestas).allSatisfy(p -> assertThat(bloqueada(p)).isTrue());
            assertThat(intentos(camila).get("bloqueada").asBoolean()).isTrue();
        }
    }

    @DisplayName("given 8 sessions for one CUIL answering the knowledge questions wrong at once, then 3 are compared "
            + "and the CUIL is locked")
    @Test
    void preguntasEnParalelo() throws Exception {
        String desde = "127.2.0.3";
        Persona facundo = PADRON.get("20312223334");

        List<HtmlPage> respuestas = enviar(enLaVerificacion(facundo, desde, PARALELAS), page -> completarRespuestas(page, facundo, false));

        assertThat(respuestas).allSatisfy(ConcurrenciaIT::paginaCorrecta);
        assertThat(respuestas.stream().filter(p -> titulo(p).equals(ES.get("ansesErrorTitulo")))).hasSize(INTENTOS - 1);
        assertThat(respuestas.stream().filter(ConcurrenciaIT::bloqueada)).hasSize(PARALELAS - (INTENTOS - 1));
        assertThat(eventos(desde, "anses_preguntas_incorrectas")).isEqualTo(INTENTOS);
        assertThat(intentos(facundo).get("intentosFallidos").asInt()).isEqualTo(INTENTOS);
        assertThat(intentos(facundo).get("bloqueada").asBoolean()).isTrue();
    }

    @DisplayName("given 40 CUIL submissions from one address at once, then exactly the realm's 30 an hour pass; "
            + "the rest are told so and keep what they typed")
    @Test
    void limitePorDireccionEnParalelo() throws Exception {
        String desde = "127.2.0.4";
        int limite = Integer.parseInt(new AdminApi(server).authenticatorConfig("anses crear clave", "anses-crear-clave-cuil")
                .at("/config/limitePorHora").asText());
        List<HtmlPage> enElCuil = new ArrayList<>();
        for (int i = 0; i < limite + 10; i++) {
            enElCuil.add(aceptarPoliticas(desdeElLogin(LoginPage.browser(InetAddress.getByName(desde)), oidc.request(Oidc.MI_ANSES))));
        }

        List<HtmlPage> respuestas = enviar(enElCuil, page -> completarCuil(page, "20-20111222-3", true));

        assertThat(respuestas).allSatisfy(ConcurrenciaIT::paginaCorrecta);
        List<HtmlPage> rechazadas = respuestas.stream().filter(p -> ES.get("ansesLimitePorDireccion").equals(alerta(p))).toList();
        assertThat(respuestas.stream().filter(p -> titulo(p).equals(ES.get("ansesCrearClavePaso", 2)))).hasSize(limite);
        assertThat(rechazadas).hasSize(10);
        assertThat(rechazadas).allSatisfy(p -> assertThat(p.getElementById("cuil").getAttribute("value")).isEqualTo("20-20111222-3"));
        // Another address is not held back by this one.
        HtmlPage otra = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(InetAddress.getByName("127.2.0.5")),
                oidc.request(Oidc.MI_ANSES))), "20-20111222-3", true);
        assertThat(titulo(otra)).isEqualTo(ES.get("ansesCrearClavePaso", 2));
    }

    @DisplayName("given 8 verified sessions choosing a clave for the same new CUIL at once, then one account exists, "
            + "each session is told whether its clave stands, and the account opens with one clave told it does")
    @Test
    void mismaClaveNuevaEnParalelo() throws Exception {
        String desde = "127.2.0.6";
        Persona marcela = PADRON.get("27267778898");
        List<HtmlPage> enLaClave = new ArrayList<>();
        for (HtmlPage page : enLaVerificacion(marcela, desde, PARALELAS)) {
            HtmlPage clave = ingresarTramite(page, marcela.tramites().get(0));
            assertThat(clave.asNormalizedText()).contains(ES.get("ansesIdentidadComprobada"));
            enLaClave.add(clave);
        }
        List<String> claves = IntStream.range(0, PARALELAS).mapToObj(i -> "Aroma" + i + "Sauce").toList();

        List<HtmlPage> respuestas = enviar(enLaClave, page -> {
            String clave = claves.get(enLaClave.indexOf(page));
            return completarClave(page, clave, clave);
        });

        assertThat(respuestas).allSatisfy(ConcurrenciaIT::paginaCorrecta);
        List<String> habilitadas = new ArrayList<>();
        for (int i = 0; i < PARALELAS; i++) {
            HtmlPage page = respuestas.get(i);
            if (page.getElementById("anses-habilitada") != null) {
                habilitadas.add(claves.get(i));
            } else {
                assertThat(titulo(page)).isEqualTo(ES.get("ansesClaveYaCreadaTitulo"));
            }
        }
        assertThat(habilitadas).isNotEmpty();
        AdminApi admin = new AdminApi(server);
        assertThat(admin.get("users?exact=true&username=" + marcela.cuil().digitos())).hasSize(1);
        long abren = 0;
        for (String clave : habilitadas) {
            admin.delete("attack-detection/brute-force/users/" + admin.userId(marcela.cuil().digitos()));
            Oidc.Request request = oidc.request(Oidc.MI_ANSES);
            abren += LoginPage.loggedIn(LoginPage.open(LoginPage.browser(), request.uri()).submit(marcela.cuil().digitos(), clave), request) ? 1 : 0;
        }
        assertThat(abren).isEqualTo(1);
    }

    @DisplayName("given a clave with one failure left before the lock, when 8 wrong claves arrive at once, then exactly one "
            + "is compared (the 5th failure, which locks), the rest are told another login is being checked or that the clave "
            + "is locked, and a CUIL without a clave answers the very same way")
    @Test
    void ingresosEnParalelo() throws Exception {
        AdminApi admin = new AdminApi(server);
        String conClave = "27315556665";
        admin.crearCiudadano(conClave, "Irma", "Paz", "31555666", 2, "Tipa5Blanca", false);
        String sinClave = "20315556660";
        // Each CUIL's 13 failed tries from an address of its own: both stay under the login's budget per address, so
        // only the lock and the turn decide the answers.
        Map<String, InetAddress> desde = Map.of(conClave, DireccionesDePrueba.nueva(), sinClave, DireccionesDePrueba.nueva());
        LoginPage loginCon = LoginPage.open(LoginPage.browser(desde.get(conClave)), oidc.request(Oidc.MI_ANSES).uri());
        LoginPage loginSin = LoginPage.open(LoginPage.browser(desde.get(sinClave)), oidc.request(Oidc.MI_ANSES).uri());
        for (int fallo = 1; fallo <= 4; fallo++) {
            server.adelantarReloj(Duration.ofSeconds(1)); // past the quick-login check (1 s), as a person typing: Keycloak's clock
            loginCon = LoginPage.of(loginCon.submit(conClave, "Equivocada" + fallo));
            loginSin = LoginPage.of(loginSin.submit(sinClave, "Equivocada" + fallo));
        }
        server.adelantarReloj(Duration.ofSeconds(1));

        for (String cuil : List.of(conClave, sinClave)) {
            List<Callable<LoginPage>> intentos = new ArrayList<>();
            for (int i = 1; i <= PARALELAS; i++) {
                LoginPage pagina = LoginPage.open(LoginPage.browser(desde.get(cuil)), oidc.request(Oidc.MI_ANSES).uri());
                String clave = "Paralela" + i;
                intentos.add(() -> LoginPage.of(pagina.submit(cuil, clave)));
            }
            List<LoginPage> respuestas = EnParalelo.todas(intentos);

            assertThat(respuestas.stream().filter(p -> ES.get("ansesInvalidCredentials").equals(p.alert())))
                    .as("answers compared for %s", cuil).hasSize(1);
            assertThat(respuestas).allSatisfy(p -> assertThat(p.alert())
                    .isIn(ES.get("ansesInvalidCredentials"), ES.get("ansesIngresoEnCurso"), ES.get("ansesClaveLocked", 1)));
        }
        assertThat(admin.bruteForce(conClave).get("numFailures").asInt()).isEqualTo(5);
        LoginPage bloqueada = LoginPage.of(LoginPage.open(LoginPage.browser(desde.get(conClave)), oidc.request(Oidc.MI_ANSES).uri())
                .submit(conClave, "Tipa5Blanca"));
        assertThat(bloqueada.alert()).isEqualTo(ES.get("ansesClaveLocked", 1));
    }

    /** {@code n} new browsers from {@code desde}, each through its own Crear clave up to the verification step. */
    private List<HtmlPage> enLaVerificacion(Persona persona, String desde, int n) throws Exception {
        List<HtmlPage> pages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pages.add(ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(InetAddress.getByName(desde)),
                    oidc.request(Oidc.MI_ANSES))), persona.cuil().digitos(), true));
        }
        return pages;
    }

    private interface Completar {
        HtmlPage en(HtmlPage page) throws Exception;
    }

    /** Fills every page first, then sends all their forms at once. */
    private static List<HtmlPage> enviar(List<HtmlPage> pages, Completar completar) throws Exception {
        List<Callable<HtmlPage>> envios = new ArrayList<>();
        for (HtmlPage page : pages) {
            HtmlPage completa = completar.en(page);
            envios.add(() -> continuar(completa));
        }
        return EnParalelo.todas(envios);
    }

    private static void paginaCorrecta(HtmlPage page) {
        assertThat(page.getWebResponse().getStatusCode()).as(page.asNormalizedText()).isEqualTo(200);
        assertThat(titulo(page)).as(page.asNormalizedText()).isNotBlank();
    }

    private static boolean bloqueada(HtmlPage page) {
        return ES.get("ansesVerificacionBloqueadaTitulo").equals(titulo(page));
    }

    private static boolean verificada(HtmlPage page) {
        return page.asNormalizedText().contains(ES.get("ansesIdentidadComprobada"));
    }

    private JsonNode intentos(Persona persona) throws Exception {
        return new AdminApi(server).get("anses-verificacion/bloqueos/" + persona.cuil().digitos());
    }

    /** Crear clave's failed events of this test's address with error {@code error}. */
    private long eventos(String desde, String error) throws Exception {
        JsonNode eventos = new AdminApi(server).get("events?type=RESET_PASSWORD_ERROR&max=1000&ipAddress=" + desde);
        return StreamSupport.stream(eventos.spliterator(), false).filter(e -> error.equals(e.path("error").asText())).count();
    }
}
