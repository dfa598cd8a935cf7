package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.completarRespuestas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.continuar;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClave;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClaveConEmail;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.errorDeCampo;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuilDesdeElExterior;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.presionar;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.responder;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.titulo;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.padron.PadronFile;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.EnParalelo;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Residents abroad (seed 003, B and C): a pending clave that opens no app, enabled online with 2 attempts, by an
 * office, or deleted after the deadline; and what it must never do to the real person. Each test has its own person.
 */
@ExtendWith(KeycloakExtension.class)
class ResidentesExteriorIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Persona> PADRON = PadronFile.leer(Path.of("../realm-export/padron-demo.json"));
    private static final String STAFF = "27291112221";
    private static final String STAFF_CLAVE = "Ceibo4Rama";

    private final KeycloakServer server;
    private final Oidc oidc;

    ResidentesExteriorIT(KeycloakServer server) {
        this.server = server;
        this.oidc = new Oidc(server);
    }

    @DisplayName("given a resident abroad, when they create a clave, then it is pending with no level and no token, "
            + "and answering the questions right enables it with level 2 and lands them in the app")
    @Test
    void pendienteYHabilitadaEnLinea() throws Exception {
        Persona pablo = PADRON.get("20347778886");
        WebClient browser = LoginPage.browser();
        HtmlPage elegi = ingresarCuilDesdeElExterior(aceptarPoliticas(desdeElLogin(browser, oidc.request(Oidc.MI_ANSES))), "20347778886");
        assertThat(elegi.getElementById("email")).isNotNull();
        assertThat(elegi.asNormalizedText()).contains(ES.get("ansesExteriorClavePendiente"))
                .doesNotContain(ES.get("ansesIdentidadComprobada")).doesNotContain("Pablo").doesNotContain("Giménez");

        HtmlPage sinEmail = elegirClave(elegi, "Tango5Malbec", "Tango5Malbec");
        assertThat(errorDeCampo(sinEmail, "email")).isEqualTo(ES.get("ansesEmailRequeridoExterior"));
        sinEmail.<org.htmlunit.html.HtmlInput>getHtmlElementById("email").setValue("no es un correo");
        HtmlPage malEmail = elegirClave(sinEmail, "Tango5Malbec", "Tango5Malbec");
        assertThat(errorDeCampo(malEmail, "email")).isEqualTo(ES.get("ansesEmailInvalido"));

        HtmlPage registrada = elegirClaveConEmail(malEmail, "pablo.gimenez@correo.example", "Tango5Malbec");
        assertThat(titulo(registrada)).isEqualTo(ES.get("ansesClaveRegistradaTitulo"));
        assertThat(registrada.asNormalizedText()).contains(ES.get("ansesClaveRegistradaPlazo", 90)).doesNotContain("Pablo");

        AdminApi admin = new AdminApi(server);
        JsonNode user = user(admin, "20347778886");
        assertThat(user.at("/attributes/estadoClave/0").asText()).isEqualTo("PENDIENTE");
        assertThat(user.at("/attributes/nivel").isMissingNode()).isTrue();
        assertThat(user.get("email").asText()).isEqualTo("pablo.gimenez@correo.example");
        assertThat(user.get("firstName").asText()).isEqualTo("Pablo");

        // The pending clave logs in to no app: a page, never a code.
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage pendiente = (HtmlPage) LoginPage.open(LoginPage.browser(), request.uri()).submit("20-34777888-6", "Tango5Malbec");
        assertThat(titulo(pendiente)).isEqualTo(ES.get("ansesClavePendienteTitulo"));
        assertThat(Oidc.query(pendiente.getUrl().toURI())).doesNotContainKey("code");
        assertThat(pendiente.getElementById("anses-dias-restantes").getTextContent())
                .contains(ES.get("ansesClavePendienteDias", 90, "", 90).split("\\(")[0].strip());
        assertThat(pendiente.getElementById("anses-uca").getTextContent()).contains("Paseo Colón 239").contains("C1063ACO");

        HtmlPage preguntas = continuar(pendiente); // HABILITAR CLAVE
        assertThat(titulo(preguntas)).isEqualTo(ES.get("ansesHabilitarClaveTitulo"));
        Page app = presionar(completarRespuestas(preguntas, pablo, true));
        JsonNode tokens = request.exchange(request.codeFrom(LoginPage.landedOn(app)));
        var claims = oidc.verify(tokens.get("id_token").asText(), Oidc.MI_ANSES);
        assertThat(claims.getLongClaim("nivel")).isEqualTo(2L);
        assertThat(claims.getStringClaim("acr")).isEqualTo("2");

        JsonNode habilitado = user(admin, "20347778886");
        assertThat(habilitado.at("/attributes/estadoClave/0").asText()).isEqualTo("HABILITADA");
        assertThat(habilitado.at("/attributes/nivel/0").asText()).isEqualTo("2");
        JsonNode events = admin.get("events?type=UPDATE_PROFILE&max=100&user=" + habilitado.get("id").asText());
        assertThat(events.findValues("estadoClave").stream().map(JsonNode::asText)).contains("HABILITADA");
        // Enabled, it logs in straight to the app.
        Oidc.Request otra = oidc.request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(LoginPage.browser(), otra.uri()).submit("20347778886", "Tango5Malbec"), otra)).isTrue();
    }

    @DisplayName("given a pending clave, when the questions are failed twice, then online enablement locks for that CUIL in "
            + "any new session and sends the citizen to an office, while Crear clave's own verification stays open")
    @Test
    void dosIntentosYBloqueo() throws Exception {
        Persona florencia = PADRON.get("27326667779");
        crearPendiente("27326667779", "Glaciar8Sur", "flor.ruiz@correo.example");

        HtmlPage preguntas = continuar(pendiente("27326667779", "Glaciar8Sur"));
        HtmlPage error = responder(preguntas, florencia, false);
        assertThat(error.getElementById("anses-intentos-restantes").getTextContent().strip()).isEqualTo(ES.get("ansesIntentosRestantes", 1));
        assertThat(error.asNormalizedText()).contains(ES.get("ansesContasConIntentosHabilitacion"));
        HtmlPage bloqueo = responder(continuar(error), florencia, false);
        assertThat(titulo(bloqueo)).isEqualTo(ES.get("ansesHabilitacionBloqueadaTitulo"));

        // A new browser, the right answers ready: never asked again.
        HtmlPage otraVez = continuar(pendiente("27326667779", "Glaciar8Sur"));
        assertThat(titulo(otraVez)).isEqualTo(ES.get("ansesHabilitacionBloqueadaTitulo"));
        assertThat(user(new AdminApi(server), "27326667779").at("/attributes/estadoClave/0").asText()).isEqualTo("PENDIENTE");

        // Failing the enablement does not lock the person out of proving identity in Crear clave.
        HtmlPage crear = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), "27326667779", true);
        assertThat(crear.querySelectorAll("fieldset.anses-pregunta")).isNotEmpty();
    }

    @DisplayName("given 8 sessions of one pending clave on the questions page, when all send wrong answers at once, "
            + "then exactly 2 are judged and every other one gets the lock page")
    @Test
    void intentosEnParaleloNoSuperanElLimite() throws Exception {
        Persona diego = PADRON.get("20373334449");
        crearPendiente("20373334449", "Quebrada4Sol", "diego.romero@correo.example");
        List<HtmlPage> listas = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            listas.add(completarRespuestas(continuar(pendiente("20373334449", "Quebrada4Sol")), diego, false));
        }
        List<Callable<String>> envios = listas.stream().<Callable<String>>map(p -> () -> titulo(continuar(p))).toList();
        List<String> titulos = EnParalelo.todas(envios);
        assertThat(titulos).filteredOn(ES.get("ansesHabilitacionBloqueadaTitulo")::equals).hasSizeGreaterThanOrEqualTo(6);
        AdminApi admin = new AdminApi(server);
        JsonNode errores = admin.get("events?type=RESET_PASSWORD_ERROR&max=500&user=" + admin.userId("20373334449"));
        assertThat(errores.findValues("error").stream().map(JsonNode::asText).filter("anses_preguntas_incorrectas"::equals)).hasSize(2);
    }

    @DisplayName("given a pending clave, when office staff enable it by CUIL, then it is enabled with the level they give, "
            + "audited with the old and new state, and logs in to the app; a second enablement is refused")
    @Test
    void oficinaHabilita() throws Exception {
        crearPendiente("27382223344", "Aconcagua6x", "valeria.sosa@correo.example");
        AdminApi oficina = AdminApi.as(server, STAFF, STAFF_CLAVE);
        JsonNode estado = oficina.get("anses-habilitacion/27-38222334-4");
        assertThat(estado.get("estadoClave").asText()).isEqualTo("PENDIENTE");
        assertThat(estado.has("vence")).isTrue();

        assertThat(oficina.postRaw("anses-habilitacion/27382223344", "{\"nivel\": 7}").statusCode()).isEqualTo(400);
        assertThat(oficina.postRaw("anses-habilitacion/27382223344", "{\"nivel\": 3}").statusCode()).isEqualTo(200);
        assertThat(oficina.postRaw("anses-habilitacion/27382223344", "{\"nivel\": 2}").statusCode()).isEqualTo(409);

        AdminApi admin = new AdminApi(server);
        JsonNode user = user(admin, "27382223344");
        assertThat(user.at("/attributes/estadoClave/0").asText()).isEqualTo("HABILITADA");
        assertThat(user.at("/attributes/nivel/0").asText()).isEqualTo("3");
        JsonNode eventos = admin.get("admin-events?resourcePath=anses-habilitacion/27382223344&max=10");
        assertThat(eventos).hasSize(1);
        JsonNode cambio = JSON.readTree(eventos.get(0).get("representation").asText());
        assertThat(cambio.get("estadoAnterior").asText()).isEqualTo("PENDIENTE");
        assertThat(cambio.get("estadoNuevo").asText()).isEqualTo("HABILITADA");
        assertThat(cambio.get("nivelNuevo").asInt()).isEqualTo(3);

        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        Page app = LoginPage.open(LoginPage.browser(), request.uri()).submit("27382223344", "Aconcagua6x");
        assertThat(oidc.verify(request.exchange(request.codeFrom(LoginPage.landedOn(app))).get("id_token").asText(), Oidc.MI_ANSES)
                .getStringClaim("acr")).isEqualTo("3");
    }

    @DisplayName("given a CUIL that has a clave, when someone says they live abroad and chooses another, then they see the "
            + "same page as for a new clave and nothing changes; and a pending clave is replaced by the person proving identity")
    @Test
    void nadaRevelaNiReemplaza() throws Exception {
        AdminApi admin = new AdminApi(server);
        admin.crearCiudadano("20355556663", "Martín", "Acosta", "35555666", 3, "Chamame9Rio", false);
        HtmlPage registrada = crearPendiente("20355556663", "Otra7Clave", "intruso@correo.example");
        HtmlPage nueva = crearPendiente("27364445550", "Lapacho5Flor", "camila.herrera@correo.example");
        assertThat(titulo(registrada)).isEqualTo(titulo(nueva));
        assertThat(registrada.getElementById("anses-clave-registrada").asNormalizedText())
                .isEqualTo(nueva.getElementById("anses-clave-registrada").asNormalizedText());
        JsonNode martin = user(admin, "20355556663");
        assertThat(martin.at("/attributes/estadoClave").isMissingNode()).isTrue();
        assertThat(martin.at("/attributes/nivel/0").asText()).isEqualTo("3");
        assertThat(martin.has("email")).isFalse();
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(LoginPage.browser(), request.uri()).submit("20355556663", "Chamame9Rio"), request)).isTrue();

        // Camila, pending, proves identity in Crear clave as a resident: her clave is replaced and enabled; the address
        // given with the pending one (never proven hers) is dropped.
        Persona camila = PADRON.get("27364445550");
        Oidc.Request crear = oidc.request(Oidc.MI_ANSES);
        HtmlPage preguntas = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), crear)), "27364445550", true);
        Page app = presionar(elegirClave(responder(preguntas, camila, true), "Yacare3Verde", "Yacare3Verde"));
        assertThat(crear.codeFrom(LoginPage.landedOn(app))).isNotBlank();
        JsonNode habilitada = user(admin, "27364445550");
        assertThat(habilitada.at("/attributes/estadoClave/0").asText()).isEqualTo("HABILITADA");
        assertThat(habilitada.at("/attributes/nivel/0").asText()).isEqualTo("2");
        assertThat(habilitada.has("email")).isFalse();
    }

    @DisplayName("given a pending clave, when the days to enable it run out (Keycloak's clock moved), then the page counts "
            + "them down, the scheduled task deletes it with an event, and the citizen can create a new one")
    @Test
    void venceYSeElimina() throws Exception {
        crearPendiente("27346667775", "Ceibo2Parana", "julieta.benitez@correo.example");
        long creada = Instant.now().getEpochSecond();
        try {
            server.setTimeOffset(Duration.ofDays(89).toSeconds());
            HtmlPage pendiente = pendiente("27346667775", "Ceibo2Parana");
            assertThat(pendiente.getElementById("anses-dias-restantes").getTextContent()).contains(ES.get("ansesClavePendienteDias", 1, "", 90).split("\\(")[0].strip());

            server.setTimeOffset(Duration.ofDays(90).toSeconds() + 60);
            AdminApi admin = new AdminApi(server); // a token of the moved clock
            Instant hasta = Instant.now().plusSeconds(60);
            while (admin.get("users?exact=true&username=27346667775").size() > 0) {
                assertThat(Instant.now()).as("the scheduled task deletes the expired pending clave").isBefore(hasta);
                Thread.sleep(500);
            }
            JsonNode eventos = admin.get("events?type=DELETE_ACCOUNT&max=100");
            assertThat(eventos.findValues("anses_motivo").stream().map(JsonNode::asText)).contains("anses_clave_pendiente_vencida");
            assertThat(creada).isPositive();

            crearPendiente("27346667775", "Ceibo2Parana", "julieta.benitez@correo.example");
            assertThat(user(admin, "27346667775").at("/attributes/estadoClave/0").asText()).isEqualTo("PENDIENTE");
        } finally {
            server.setTimeOffset(0);
        }
    }

    /** Crear clave as a resident abroad, to the "Clave registrada" page. */
    private HtmlPage crearPendiente(String cuil, String clave, String email) throws Exception {
        HtmlPage elegi = ingresarCuilDesdeElExterior(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), cuil);
        HtmlPage registrada = elegirClaveConEmail(elegi, email, clave);
        assertThat(titulo(registrada)).isEqualTo(ES.get("ansesClaveRegistradaTitulo"));
        return registrada;
    }

    /** Logs in with a pending clave in a new browser: the pending page. */
    private HtmlPage pendiente(String cuil, String clave) throws Exception {
        Page page = LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit(cuil, clave);
        assertThat(page).isInstanceOf(HtmlPage.class);
        return (HtmlPage) page;
    }

    private static JsonNode user(AdminApi admin, String cuil) throws Exception {
        return admin.get("users/" + admin.userId(cuil));
    }
}
