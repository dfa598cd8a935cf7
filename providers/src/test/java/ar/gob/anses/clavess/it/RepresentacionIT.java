package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CrearClavePages;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Curadores (issue 12): after the login a curadora chooses in whose name she acts, and every token of that session,
 * for every client, says so in {@code representa} while {@code sub}, {@code cuil}, {@code nivel} and {@code acr} stay
 * hers. Demo curadora Rosa Villalba (level 2): the padrón lists Ignacio and Micaela under her curatela, and Julián,
 * whose curatela was lifted, still in her {@code curados}.
 */
@ExtendWith(KeycloakExtension.class)
class RepresentacionIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final String ROSA = "27263334448";      // curadora, level 2, clave Yerba7Mate
    private static final String CLAVE = "Yerba7Mate";
    private static final String IGNACIO = "20441112220";   // under her curatela
    private static final String MICAELA = "27452223339";   // under her curatela
    private static final String JULIAN = "20435557776";    // in her curados, curatela lifted: never offered
    private static final String LUCAS = "20401112228";     // no wards, clave Pampa8Sol
    private static final String HECTOR = "20247778889";    // curador without a clave yet; trámite 00871234567
    private static final String LIDIA = "27463332229";     // under Héctor's curatela

    private final KeycloakServer server;
    private final Oidc oidc;

    RepresentacionIT(KeycloakServer server) {
        this.server = server;
        this.oidc = new Oidc(server);
    }

    @DisplayName("given Rosa logs in, then the page offers herself, Ignacio and Micaela (not Julián, no longer under curatela); "
            + "choosing Micaela puts representa in the ID token, access token, userinfo and introspection, with Rosa's own "
            + "sub, cuil, nivel and acr; and a Keycloak event records who chose whom")
    @Test
    void eligeUnCurado() throws Exception {
        Oidc.Request request = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage pagina = (HtmlPage) LoginPage.open(LoginPage.browser(), request.uri()).submit(ROSA, CLAVE);

        assertThat(titulo(pagina)).isEqualTo(ES.get("ansesRepresentacionTitulo"));
        assertThat(opcion(pagina, "propia").isChecked()).isTrue();
        assertThat(pagina.getElementById("representa-" + IGNACIO)).isNotNull();
        assertThat(pagina.getElementById("representa-" + MICAELA)).isNotNull();
        assertThat(pagina.getElementById("representa-" + JULIAN)).isNull();
        assertThat(pagina.asNormalizedText()).contains(ES.get("ansesRepresentacionCurado", "Micaela Villalba", "27-45222333-9"))
                .doesNotContain("Julián");

        JsonNode tokens = request.exchange(request.codeFrom(LoginPage.landedOn(elegir(pagina, MICAELA))));

        AdminApi admin = new AdminApi(server);
        String rosaId = admin.userId(ROSA);
        assertRepresenta(tokens, rosaId, MICAELA, "Micaela Villalba");

        // Other tests' choices are Rosa's events too: this login's is the one of its session (code_id is the
        // authentication session's id, which becomes the user session's: the tokens' sid).
        String sesion = oidc.verify(tokens.get("id_token").asText()).getStringClaim("sid");
        JsonNode eventos = admin.get("events?type=CUSTOM_REQUIRED_ACTION&user=" + rosaId + "&max=1000");
        assertThat(StreamSupport.stream(eventos.spliterator(), false)
                .filter(e -> sesion.equals(e.at("/details/code_id").asText())))
                .as("the events of session %s in %s", sesion, eventos).singleElement()
                .satisfies(e -> {
                    assertThat(e.at("/details/custom_required_action").asText()).isEqualTo("anses-representacion");
                    assertThat(e.at("/details/anses_representa").asText()).isEqualTo(MICAELA);
                    assertThat(e.at("/details/username").asText()).isEqualTo(ROSA);
                    assertThat(e.get("clientId").asText()).isEqualTo(Oidc.TEST_CLIENT);
                });
    }

    @DisplayName("given Rosa chooses to act for herself, then no token, userinfo or introspection has representa")
    @Test
    void enRepresentacionPropia() throws Exception {
        Oidc.Request request = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage pagina = (HtmlPage) LoginPage.open(LoginPage.browser(), request.uri()).submit(ROSA, CLAVE);
        JsonNode tokens = request.exchange(request.codeFrom(LoginPage.landedOn(elegir(pagina, "propia"))));

        assertSinRepresenta(tokens, new AdminApi(server).userId(ROSA));
    }

    @DisplayName("given a curador without a clave, when Crear clave ends (logged in), then the page asks before the app, "
            + "and the new session's tokens carry his choice")
    @Test
    void despuesDeCrearClave() throws Exception {
        Oidc.Request request = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage tramite = CrearClavePages.ingresarCuil(CrearClavePages.aceptarPoliticas(
                CrearClavePages.desdeElLogin(LoginPage.browser(), request)), HECTOR, true);
        HtmlPage finalizar = CrearClavePages.elegirClave(CrearClavePages.ingresarTramite(tramite, "00871234567"),
                "Quimil7Sur", "Quimil7Sur");
        assertThat(finalizar.getElementById("anses-habilitada")).isNotNull();

        HtmlPage pagina = CrearClavePages.continuar(finalizar);
        assertThat(titulo(pagina)).isEqualTo(ES.get("ansesRepresentacionTitulo"));
        JsonNode tokens = request.exchange(request.codeFrom(LoginPage.landedOn(elegir(pagina, LIDIA))));

        JWTClaimsSet id = oidc.verify(tokens.get("id_token").asText());
        assertThat(id.getStringClaim("cuil")).isEqualTo(HECTOR);
        assertThat(representa(id)).isEqualTo(Map.of("cuil", LIDIA, "nombre", "Lidia Ramírez", "relacion", "curatela"));
    }

    @DisplayName("given a citizen without wards, then the login goes straight to the app, without the page")
    @Test
    void sinCuradosNoHayPagina() throws Exception {
        Oidc.Request request = oidc.request(Oidc.TEST_CLIENT);
        Page landed = LoginPage.open(LoginPage.browser(), request.uri()).submit(LUCAS, "Pampa8Sol");
        assertThat(LoginPage.loggedIn(landed, request)).isTrue();
        assertThat(oidc.verify(request.exchange(request.codeFrom(LoginPage.landedOn(landed))).get("id_token").asText())
                .getClaim("representa")).isNull();
    }

    @DisplayName("given Rosa acts for Ignacio, then another app reusing the session (SSO) gets no page and the same representa, "
            + "and a refreshed token keeps it")
    @Test
    void ssoYRefreshConservanLaEleccion() throws Exception {
        WebClient browser = LoginPage.browser();
        Oidc.Request primera = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage pagina = (HtmlPage) LoginPage.open(browser, primera.uri()).submit(ROSA, CLAVE);
        JsonNode tokens = primera.exchange(primera.codeFrom(LoginPage.landedOn(elegir(pagina, IGNACIO))));
        String rosaId = new AdminApi(server).userId(ROSA);

        Oidc.Request otraApp = oidc.request(Oidc.MI_ANSES);
        Page sso = browser.getPage(otraApp.uri().toURL());
        assertThat(LoginPage.loggedIn(sso, otraApp)).as("SSO without the page: %s", sso.getUrl()).isTrue();
        JsonNode deOtraApp = otraApp.exchange(otraApp.codeFrom(LoginPage.landedOn(sso)));
        for (String jwt : new String[] {deOtraApp.get("id_token").asText(), deOtraApp.get("access_token").asText()}) {
            assertThat(representa(oidc.verify(jwt))).containsEntry("cuil", IGNACIO).containsEntry("relacion", "curatela");
        }

        JsonNode refrescados = oidc.refresh(Oidc.TEST_CLIENT, tokens.get("refresh_token").asText());
        assertRepresenta(refrescados, rosaId, IGNACIO, "Ignacio Villalba");
        JsonNode refrescadosOtraApp = oidc.refresh(Oidc.MI_ANSES, deOtraApp.get("refresh_token").asText());
        assertThat(representa(oidc.verify(refrescadosOtraApp.get("access_token").asText()))).containsEntry("cuil", IGNACIO);
    }

    @DisplayName("given Rosa acts for Ignacio, when an app sends kc_action=anses-representacion, then the page shows with "
            + "Ignacio chosen; choosing Micaela changes the whole session (the other app's refresh too); NO CAMBIAR keeps it")
    @Test
    void cambioPorKcAction() throws Exception {
        WebClient browser = LoginPage.browser();
        Oidc.Request primera = oidc.request(Oidc.MI_ANSES);
        HtmlPage pagina = (HtmlPage) LoginPage.open(browser, primera.uri()).submit(ROSA, CLAVE);
        JsonNode deMiAnses = primera.exchange(primera.codeFrom(LoginPage.landedOn(elegir(pagina, IGNACIO))));
        String rosaId = new AdminApi(server).userId(ROSA);

        Oidc.Request cambio = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage otraVez = browser.getPage(cambio.uri(Map.of("kc_action", "anses-representacion")).toURL());
        assertThat(titulo(otraVez)).isEqualTo(ES.get("ansesRepresentacionTitulo"));
        assertThat(opcion(otraVez, IGNACIO).isChecked()).isTrue();
        Page landed = elegir(otraVez, MICAELA);
        assertThat(Oidc.query(LoginPage.landedOn(landed))).containsEntry("kc_action_status", "success");
        assertRepresenta(cambio.exchange(cambio.codeFrom(LoginPage.landedOn(landed))), rosaId, MICAELA, "Micaela Villalba");

        JsonNode refrescados = oidc.refresh(Oidc.MI_ANSES, deMiAnses.get("refresh_token").asText());
        assertThat(representa(oidc.verify(refrescados.get("access_token").asText()))).containsEntry("cuil", MICAELA);

        Oidc.Request sinCambio = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage terceraVez = browser.getPage(sinCambio.uri(Map.of("kc_action", "anses-representacion")).toURL());
        assertThat(opcion(terceraVez, MICAELA).isChecked()).isTrue();
        opcion(terceraVez, "propia").setChecked(true);
        Page cancelado = terceraVez.getHtmlElementById("anses-cancelar").click();
        assertThat(Oidc.query(LoginPage.landedOn(cancelado))).containsEntry("kc_action_status", "cancelled");
        assertRepresenta(sinCambio.exchange(sinCambio.codeFrom(LoginPage.landedOn(cancelado))), rosaId, MICAELA, "Micaela Villalba");
    }

    @DisplayName("given Rosa acts for Ignacio, when an app asks prompt=login, then after the clave the page asks again, "
            + "and acting for herself removes representa from the session")
    @Test
    void promptLoginPreguntaDeNuevo() throws Exception {
        WebClient browser = LoginPage.browser();
        Oidc.Request primera = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage pagina = (HtmlPage) LoginPage.open(browser, primera.uri()).submit(ROSA, CLAVE);
        JsonNode antes = primera.exchange(primera.codeFrom(LoginPage.landedOn(elegir(pagina, IGNACIO))));
        String rosaId = new AdminApi(server).userId(ROSA);

        Oidc.Request reingreso = oidc.request(Oidc.TEST_CLIENT);
        HtmlPage otraVez = (HtmlPage) LoginPage.open(browser, reingreso.uri(Map.of("prompt", "login"))).submit(ROSA, CLAVE);
        assertThat(titulo(otraVez)).isEqualTo(ES.get("ansesRepresentacionTitulo"));
        assertSinRepresenta(reingreso.exchange(reingreso.codeFrom(LoginPage.landedOn(elegir(otraVez, "propia")))), rosaId);

        JsonNode refrescados = oidc.refresh(Oidc.TEST_CLIENT, antes.get("refresh_token").asText());
        assertThat(oidc.verify(refrescados.get("access_token").asText()).getClaim("representa")).isNull();
    }

    @DisplayName("given Rosa (level 2) acts for Ignacio, then a level-3 app still refuses her, by her own level, through SSO; "
            + "and logging in at a level-3 app refuses before asking")
    @Test
    void appDeNivel3RechazaAlCurador() throws Exception {
        WebClient browser = LoginPage.browser();
        Oidc.Request primera = oidc.request(Oidc.MI_ANSES);
        HtmlPage pagina = (HtmlPage) LoginPage.open(browser, primera.uri()).submit(ROSA, CLAVE);
        JsonNode tokens = primera.exchange(primera.codeFrom(LoginPage.landedOn(elegir(pagina, IGNACIO))));
        JWTClaimsSet id = oidc.verify(tokens.get("id_token").asText());
        assertThat(id.getStringClaim("acr")).isEqualTo("2");
        assertThat(id.getLongClaim("nivel")).isEqualTo(2);

        Oidc.Request nivel3 = oidc.request("servicios-corporativos");
        HtmlPage rechazo = browser.getPage(nivel3.uri().toURL());
        assertThat(titulo(rechazo)).isEqualTo(ES.get("ansesNivelInsuficienteTitulo", 3));
        assertThat(rechazo.asNormalizedText()).contains(ES.get("ansesNivelInsuficiente", "Servicios Corporativos", 3, 2));
        Page vuelta = rechazo.getHtmlElementById("anses-volver").click();
        assertThat(Oidc.query(LoginPage.landedOn(vuelta))).containsEntry("error", "access_denied").doesNotContainKey("code");

        Oidc.Request directo = oidc.request("reparacion-historica");
        HtmlPage rechazoDirecto = (HtmlPage) LoginPage.open(LoginPage.browser(), directo.uri()).submit(ROSA, CLAVE);
        assertThat(rechazoDirecto.getElementById("anses-nivel-insuficiente")).isNotNull();
        assertThat(rechazoDirecto.getElementById("representa-propia")).isNull();
    }

    private void assertRepresenta(JsonNode tokens, String sub, String cuil, String nombre) throws Exception {
        Map<String, Object> esperado = Map.of("cuil", cuil, "nombre", nombre, "relacion", "curatela");
        JWTClaimsSet id = oidc.verify(tokens.get("id_token").asText());
        JWTClaimsSet access = oidc.verify(tokens.get("access_token").asText());
        for (JWTClaimsSet claims : new JWTClaimsSet[] {id, access}) {
            assertThat(representa(claims)).isEqualTo(esperado);
            assertDelCurador(claims.getSubject(), claims.getStringClaim("cuil"), claims.getLongClaim("nivel"),
                    claims.getStringClaim("acr"), sub);
        }
        for (JsonNode json : json(tokens)) {
            assertThat(json.get("representa").isObject()).as(json.toString()).isTrue();
            assertThat(json.get("representa").size()).isEqualTo(3);
            assertThat(json.at("/representa/cuil").asText()).isEqualTo(cuil);
            assertThat(json.at("/representa/nombre").asText()).isEqualTo(nombre);
            assertThat(json.at("/representa/relacion").asText()).isEqualTo("curatela");
            assertDelCurador(json.get("sub").asText(), json.get("cuil").asText(), json.get("nivel").asLong(), json.get("acr").asText(), sub);
        }
    }

    private void assertSinRepresenta(JsonNode tokens, String sub) throws Exception {
        for (String jwt : new String[] {tokens.get("id_token").asText(), tokens.get("access_token").asText()}) {
            JWTClaimsSet claims = oidc.verify(jwt);
            assertThat(claims.getClaim("representa")).isNull();
            assertDelCurador(claims.getSubject(), claims.getStringClaim("cuil"), claims.getLongClaim("nivel"), claims.getStringClaim("acr"), sub);
        }
        for (JsonNode json : json(tokens)) {
            assertThat(json.has("representa")).as(json.toString()).isFalse();
            assertDelCurador(json.get("sub").asText(), json.get("cuil").asText(), json.get("nivel").asLong(), json.get("acr").asText(), sub);
        }
    }

    /** Userinfo and introspection of the access token. */
    private JsonNode[] json(JsonNode tokens) throws Exception {
        String access = tokens.get("access_token").asText();
        JsonNode introspection = oidc.introspect(access);
        assertThat(introspection.get("active").asBoolean()).isTrue();
        return new JsonNode[] {oidc.userinfo(access), introspection};
    }

    private static void assertDelCurador(String sub, String cuil, long nivel, String acr, String rosaId) {
        assertThat(sub).isEqualTo(rosaId);
        assertThat(cuil).isEqualTo(ROSA);
        assertThat(nivel).isEqualTo(2);
        assertThat(acr).isEqualTo("2");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> representa(JWTClaimsSet claims) {
        return (Map<String, Object>) claims.getClaim("representa");
    }

    private static HtmlRadioButtonInput opcion(HtmlPage pagina, String valor) {
        return pagina.getHtmlElementById("representa-" + valor);
    }

    /** Checks one option (propia or a ward's CUIL) and presses CONTINUAR. */
    private static Page elegir(HtmlPage pagina, String valor) throws Exception {
        opcion(pagina, valor).setChecked(true);
        return pagina.getHtmlElementById("anses-continuar").click();
    }

    private static String titulo(HtmlPage pagina) {
        return pagina.getElementById("kc-page-title").getTextContent().strip();
    }
}
