package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.alerta;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.continuar;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClave;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.errorDeCampo;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarTramite;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.presionar;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.responder;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.titulo;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.padron.PadronFile;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Crear clave / Olvidé mi clave end to end against the real server and the demo padrón. Each test uses
 * its own person: attempts and locks are per CUIL on the server, as they are for citizens.
 */
@ExtendWith(KeycloakExtension.class)
class CrearClaveIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final Map<String, Persona> PADRON = PadronFile.leer(Path.of("../realm-export/padron-demo.json"));

    private final KeycloakServer server;
    private final Oidc oidc;

    CrearClaveIT(KeycloakServer server) {
        this.server = server;
        this.oidc = new Oidc(server);
    }

    @DisplayName("given a new citizen with a trámite number, when they go policy → CUIL → trámite → clave → finish, "
            + "then they land logged in to mi-anses as a level-2 user built from the registry")
    @Test
    void nuevoPorTramite() throws Exception {
        Persona martin = PADRON.get("20334445551");
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage politicas = desdeElLogin(LoginPage.browser(), request);
        assertThat(titulo(politicas)).isEqualTo(ES.get("ansesPoliticasTitulo"));

        HtmlPage cuil = aceptarPoliticas(politicas);
        assertThat(titulo(cuil)).isEqualTo(ES.get("ansesCrearClavePaso", 1));
        HtmlPage tramite = ingresarCuil(cuil, "20-33444555-1", true);
        assertThat(titulo(tramite)).isEqualTo(ES.get("ansesCrearClavePaso", 2));
        assertNoPersonalData(politicas, martin);
        assertNoPersonalData(cuil, martin);
        assertNoPersonalData(tramite, martin);

        HtmlPage clave = ingresarTramite(tramite, martin.tramites().get(0));
        assertThat(clave.asNormalizedText()).contains(ES.get("ansesIdentidadComprobada"));
        HtmlPage finalizar = elegirClave(clave, "Yerba4Mate", "Yerba4Mate");
        assertThat(finalizar.getElementById("anses-habilitada").getTextContent().strip()).isEqualTo(ES.get("ansesClaveHabilitada", "2"));
        // Where to add the (optional) email address the notices of account changes go to.
        assertThat(((DomElement) finalizar.getElementById("anses-agrega-email").querySelector("a")).getAttribute("href"))
                .isEqualTo(server.baseUri() + "realms/anses/account");

        Page app = presionar(finalizar);
        JsonNode tokens = request.exchange(request.codeFrom(LoginPage.landedOn(app)));
        assertThat(oidc.verify(tokens.get("id_token").asText(), Oidc.MI_ANSES).getStringClaim("preferred_username")).isEqualTo("20334445551");

        JsonNode user = user("20334445551");
        assertThat(user.at("/firstName").asText()).isEqualTo("Martín");
        assertThat(user.at("/attributes/nivel/0").asText()).isEqualTo("2");
        assertThat(user.at("/attributes/dni/0").asText()).isEqualTo("33444555");
        assertThat(user.at("/attributes/birthdate/0").asText()).isEqualTo("1988-02-14");
        assertThat(user.at("/attributes/politicasVersion/0").asText()).isEqualTo("2024-1");
        assertThat(login("20334445551", "Yerba4Mate")).isTrue();

        JsonNode events = new AdminApi(server).get("events?max=500&user=" + user.get("id").asText());
        assertThat(events.findValues("type").stream().map(JsonNode::asText)).contains("REGISTER");
        JsonNode pasos = new AdminApi(server).get("events?type=RESET_PASSWORD&max=500");
        assertThat(pasos.findValues("anses_paso").stream().map(JsonNode::asText))
                .contains("politicas", "cuil", "tramite", "finalizar");
    }

    @DisplayName("given a new citizen without a trámite in the registry, when they answer the questions right, then the clave is created")
    @Test
    void nuevoPorPreguntas() throws Exception {
        Persona carolina = PADRON.get("27305554443");
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage preguntas = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), request)), "27305554443", true);
        assertThat(preguntas.querySelectorAll("fieldset.anses-pregunta")).hasSize(4);
        assertThat(preguntas.asXml()).doesNotContain("checked").doesNotContain("Carolina").doesNotContain("Benítez");

        HtmlPage finalizar = elegirClave(responder(preguntas, carolina, true), "Ceibal7Rio", "Ceibal7Rio");
        Page app = presionar(finalizar);

        assertThat(request.codeFrom(LoginPage.landedOn(app))).isNotBlank();
        assertThat(user("27305554443").at("/attributes/nivel/0").asText()).isEqualTo("2");
    }

    @DisplayName("given a level-3 citizen who forgot the clave, when they recover it, then the old clave stops working, "
            + "the new one works and the level becomes 2")
    @Test
    void recuperarClave() throws Exception {
        // A padrón person of this class's own, given a level-3 account here: demo Sofía's clave is never replaced.
        Persona emilio = PADRON.get("20420010061");
        new AdminApi(server).crearCiudadano("20420010061", "Emilio", "Ortega", "42001006", 3, "Ceibo4Mar", false);
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage tramite = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), request)), "20420010061", true);
        presionar(elegirClave(ingresarTramite(tramite, emilio.tramites().get(0)), "Quilmes8Sur", "Quilmes8Sur"));

        assertThat(login("20420010061", "Ceibo4Mar")).isFalse();
        assertThat(login("20420010061", "Quilmes8Sur")).isTrue();
        assertThat(user("20420010061").at("/attributes/nivel/0").asText()).isEqualTo("2");
    }

    @DisplayName("given three wrong trámite numbers, then verification locks, the lock holds from a new browser restarting "
            + "the flow, an admin sees it and lifts it, and the events say why without the numbers typed")
    @Test
    void tramiteIncorrectoBloquea() throws Exception {
        HtmlPage page = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), "20283334458", true);
        page = ingresarTramite(page, "00000000001");
        assertThat(errorDeCampo(page, "tramite")).isEqualTo(ES.get("ansesTramiteIncorrecto", 2));
        page = ingresarTramite(page, "0000000000"); // ten digits: a typo, not a failed verification
        assertThat(errorDeCampo(page, "tramite")).isEqualTo(ES.get("ansesTramiteFormato"));
        page = ingresarTramite(page, "00000000002");
        assertThat(errorDeCampo(page, "tramite")).isEqualTo(ES.get("ansesTramiteIncorrecto", 1));
        page = ingresarTramite(page, "00000000003");
        assertThat(titulo(page)).isEqualTo(ES.get("ansesVerificacionBloqueadaTitulo"));
        assertThat(alerta(page)).isEqualTo(ES.get("ansesVerificacionBloqueada", 24L));

        WebClient otroNavegador = LoginPage.browser();
        HtmlPage otraVez = ingresarCuil(aceptarPoliticas(desdeElLogin(otroNavegador, oidc.request(Oidc.MI_ANSES))), "20283334458", true);
        assertThat(titulo(otraVez)).isEqualTo(ES.get("ansesVerificacionBloqueadaTitulo"));
        assertThat(otraVez.getElementById("tramite")).isNull();

        AdminApi admin = new AdminApi(server);
        assertThat(admin.get("anses-verificacion/bloqueos").findValuesAsText("cuil")).contains("20283334458");
        assertThat(admin.delete("anses-verificacion/bloqueos/20-28333445-8")).isEqualTo(204);
        HtmlPage desbloqueada = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), "20283334458", true);
        assertThat(desbloqueada.getElementById("tramite")).isNotNull();

        JsonNode events = admin.get("events?type=RESET_PASSWORD_ERROR&max=200");
        assertThat(events.findValues("error").stream().map(JsonNode::asText))
                .contains("anses_tramite_incorrecto", "anses_verificacion_bloqueada");
        assertThat(events.toString()).doesNotContain("00000000001");
    }

    @DisplayName("given three failed question attempts, then NUEVO INTENTO asks other questions, and the third failure locks")
    @Test
    void preguntasFallidasBloquean() throws Exception {
        Persona jorge = PADRON.get("20256667771");
        HtmlPage page = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), "20256667771", true);
        String primeras = page.querySelectorAll("legend").stream().map(n -> n.getTextContent().strip()).toList().toString();

        page = responder(page, jorge, false);
        assertThat(titulo(page)).isEqualTo(ES.get("ansesErrorTitulo"));
        assertThat(page.asNormalizedText()).contains(ES.get("ansesNoPudimosVerificar"), ES.get("ansesIntentosRestantes", 2));
        page = continuar(page); // NUEVO INTENTO
        String segundas = page.querySelectorAll("legend").stream().map(n -> n.getTextContent().strip()).toList().toString();
        assertThat(segundas).isNotEqualTo(primeras);

        page = continuar(responder(page, jorge, false));
        page = responder(page, jorge, false);
        assertThat(titulo(page)).isEqualTo(ES.get("ansesVerificacionBloqueadaTitulo"));
        assertThat(user("20256667771")).isNull();
    }

    @DisplayName("given a person under curatela, then after verification they are told their curador does it, and nothing is created")
    @Test
    void curatela() throws Exception {
        Persona tomas = PADRON.get("20395556666");
        HtmlPage tramite = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), "20395556666", true);
        assertThat(tramite.asNormalizedText()).doesNotContain(ES.get("ansesCuratela"));

        HtmlPage page = ingresarTramite(tramite, tomas.tramites().get(0));

        assertThat(titulo(page)).isEqualTo(ES.get("ansesCuratelaTitulo"));
        assertThat(alerta(page)).isEqualTo(ES.get("ansesCuratela"));
        assertThat(user("20395556666")).isNull();
    }

    @DisplayName("given a CUIL the registry does not know, then a clear page and nothing created")
    @Test
    void cuilFueraDelPadron() throws Exception {
        HtmlPage page = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), "23-12345678-5", true);

        assertThat(titulo(page)).isEqualTo(ES.get("ansesCuilNoEnPadronTitulo"));
        assertThat(alerta(page)).isEqualTo(ES.get("ansesCuilNoEnPadron"));
        assertThat(user("23123456785")).isNull();
    }

    @DisplayName("given bad input on each step, then each gets its Spanish message and nothing typed is lost")
    @Test
    void entradasInvalidas() throws Exception {
        HtmlPage politicas = desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES));
        HtmlPage sinAceptar = continuar(politicas);
        assertThat(errorDeCampo(sinAceptar, "acepto")).isEqualTo(ES.get("ansesPoliticasNoAceptadas"));

        HtmlPage cuil = aceptarPoliticas(sinAceptar);
        HtmlPage malCuil = ingresarCuil(cuil, "20-33444555-9", true);
        assertThat(errorDeCampo(malCuil, "cuil")).isEqualTo(ES.get("ansesCuilCheckDigit"));
        assertThat(malCuil.getElementById("cuil").getAttribute("value")).isEqualTo("20-33444555-9");
        HtmlPage sinRobot = ingresarCuil(malCuil, "20412223331", false);
        assertThat(errorDeCampo(sinRobot, "robot")).isEqualTo(ES.get("ansesRobotNoResuelto"));
        assertThat(sinRobot.getElementById("cuil").getAttribute("value")).isEqualTo("20412223331");

        HtmlPage clave = ingresarTramite(ingresarCuil(sinRobot, "20412223331", true), PADRON.get("20412223331").tramites().get(0));
        HtmlPage distintas = elegirClave(clave, "Tandil5Sur", "Tandil5Sud");
        assertThat(errorDeCampo(distintas, "confirmacion")).isEqualTo(ES.get("ansesClavesNoCoinciden"));
        HtmlPage corta = elegirClave(distintas, "ab1", "ab1");
        assertThat(errorDeCampo(corta, "clave")).isEqualTo(ES.get("ansesClaveNoCumple"));
        assertThat(corta.querySelectorAll("#anses-reglas-incumplidas li").stream().map(n -> n.getTextContent().strip()).toList())
                .containsExactly(ES.get("invalidPasswordMinLengthMessage", 8), ES.get("invalidPasswordMinUpperCaseCharsMessage", 1));
        assertThat(user("20412223331")).isNull();
    }

    private static void assertNoPersonalData(HtmlPage page, Persona persona) {
        assertThat(page.asXml()).doesNotContain(persona.nombre()).doesNotContain(persona.apellido())
                .doesNotContain(persona.fechaNacimiento().toString()).doesNotContain(persona.tramites().get(0));
    }

    private JsonNode user(String cuil) throws Exception {
        JsonNode users = new AdminApi(server).get("users?exact=true&briefRepresentation=false&username=" + cuil);
        return users.isEmpty() ? null : users.get(0);
    }

    /** Whether the clave opens Mi ANSES now, through the real login form. */
    private boolean login(String cuil, String clave) throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        Page landed = LoginPage.open(LoginPage.browser(), request.uri()).submit(cuil, clave);
        return LoginPage.loggedIn(landed, request);
    }
}
