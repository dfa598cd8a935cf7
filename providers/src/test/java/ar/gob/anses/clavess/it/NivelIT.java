package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.SegundoFactorPages;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The citizen's level in every token, and level-3 apps refusing level 2, against the real server. */
@ExtendWith(KeycloakExtension.class)
class NivelIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final String LUCAS = "20401112228";   // level 2, clave Pampa8Sol
    private static final String MARIA = "27271234568";   // level 3, clave Tango5Luz
    private static final String HUGO = "20392018477";    // created here, level 2
    private static final String NORMA = "20429183104";   // created here, level 3, no second factor until a level-3 app asks

    private final KeycloakServer server;
    private final Oidc oidc;

    NivelIT(KeycloakServer server) {
        this.server = server;
        this.oidc = new Oidc(server);
    }

    @DisplayName("given level-2 and level-3 citizens, then cuil, nivel and acr are in the ID token, access token, userinfo and introspection")
    @Test
    void nivelEnCadaToken() throws Exception {
        assertClaims(login(LoginPage.browser(), Oidc.TEST_CLIENT, LUCAS, "Pampa8Sol"), LUCAS, 2);
        assertClaims(login(LoginPage.browser(), Oidc.TEST_CLIENT, MARIA, "Tango5Luz"), MARIA, 3);
    }

    @DisplayName("given an app's own token (client credentials of aplicacion-ejemplo's service account), then it names no "
            + "citizen: no cuil, no nivel, no amr, and no level as acr")
    @Test
    void tokenDeAplicacionSinCiudadano() throws Exception {
        JsonNode tokens = oidc.postForm(server.realmUri() + "/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                "client_id", "aplicacion-ejemplo", "client_secret", "aplicacion-ejemplo-secret"));
        JWTClaimsSet claims = oidc.verify(tokens.get("access_token").asText());

        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("service-account-aplicacion-ejemplo");
        assertThat(claims.getClaims()).doesNotContainKeys("cuil", "nivel", "amr");
        assertThat(claims.getStringClaim("acr")).isNotIn("2", "3");
    }

    @DisplayName("given a level-3 citizen, then acr stays \"3\" on SSO reuse by another app and on refresh; "
            + "and the SSO session opens a level-3 app without the clave form (that app demands a second factor, "
            + "which this citizen sets up there) with acr \"3\"")
    @Test
    void acrConSsoYRefresh() throws Exception {
        new AdminApi(server).crearCiudadano(NORMA, "Norma", "Ibarra", "42918310", 3, "Yacare5Lago", List.of());
        WebClient browser = LoginPage.browser();
        login(browser, Oidc.MI_ANSES, NORMA, "Yacare5Lago");

        Oidc.Request sso = oidc.request(Oidc.TEST_CLIENT);
        JsonNode ssoTokens = sso.exchange(sso.codeFrom(LoginPage.landedOn(browser.getPage(sso.uri().toURL()))));
        assertThat(oidc.verify(ssoTokens.get("id_token").asText()).getStringClaim("acr")).isEqualTo("3");

        JsonNode refreshed = oidc.refresh(Oidc.TEST_CLIENT, ssoTokens.get("refresh_token").asText());
        assertThat(oidc.verify(refreshed.get("access_token").asText()).getStringClaim("acr")).isEqualTo("3");
        assertThat(oidc.verify(refreshed.get("id_token").asText()).getStringClaim("acr")).isEqualTo("3");

        Oidc.Request nivel3 = oidc.request("servicios-corporativos");
        HtmlPage setup = browser.getPage(nivel3.uri().toURL());
        assertThat(setup.getElementById("password")).as("no clave form on SSO").isNull();
        Page page = SegundoFactorPages.guardarCodigos((HtmlPage) SegundoFactorPages.configurarTotp(setup).landed());
        JsonNode tokens = nivel3.exchange(nivel3.codeFrom(LoginPage.landedOn(page)));
        assertThat(oidc.verify(tokens.get("id_token").asText()).getStringClaim("acr")).isEqualTo("3");
    }

    @DisplayName("given a level-2 citizen logged in to mi-anses, when a Minimum-ACR-3 app opens, then the refusal page "
            + "(not the form) shows, and its button sends the app access_denied without a code")
    @Test
    void acrMinimoRechazaNivel2() throws Exception {
        WebClient browser = LoginPage.browser();
        login(browser, Oidc.MI_ANSES, LUCAS, "Pampa8Sol");

        Oidc.Request nivel3 = oidc.request("cambio-lugar-cobro");
        HtmlPage refusal = browser.getPage(nivel3.uri().toURL());
        assertThat(refusal.getElementById("kc-page-title").getTextContent().strip()).isEqualTo(ES.get("ansesNivelInsuficienteTitulo", 3));
        assertThat(refusal.getElementById("username")).isNull();
        assertThat(refusal.asNormalizedText()).contains(ES.get("ansesComoNivel3Aplicacion"));

        Page back = refusal.getHtmlElementById("anses-volver").click();
        Map<String, String> params = Oidc.query(LoginPage.landedOn(back));
        assertThat(params).containsEntry("error", "access_denied").containsEntry("error_description", "anses_nivel_insuficiente")
                .containsEntry("state", nivel3.state).doesNotContainKey("code");
    }

    @DisplayName("given a level-2 citizen, then an essential acr 3 is refused after the form, and a voluntary acr_values=3 "
            + "gives a token that says 2")
    @Test
    void esencialYVoluntario() throws Exception {
        Oidc.Request essential = oidc.request(Oidc.MI_ANSES);
        Page afterForm = LoginPage.open(LoginPage.browser(), essential.uri(Map.of("claims",
                "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"3\"]}}}"))).submit(LUCAS, "Pampa8Sol");
        assertThat(((HtmlPage) afterForm).getElementById("anses-nivel-insuficiente")).isNotNull();

        Oidc.Request voluntary = oidc.request(Oidc.MI_ANSES);
        Page landed = LoginPage.open(LoginPage.browser(), voluntary.uri(Map.of("acr_values", "3"))).submit(LUCAS, "Pampa8Sol");
        JsonNode tokens = voluntary.exchange(voluntary.codeFrom(LoginPage.landedOn(landed)));
        assertThat(oidc.verify(tokens.get("id_token").asText()).getStringClaim("acr")).isEqualTo("2");
    }

    @DisplayName("given an admin raises a citizen to level 3 through anses-nivel, then an admin event records who, when, "
            + "old and new level, and the next refreshed token already says 3")
    @Test
    void cambioDeNivelEnElRefresh() throws Exception {
        AdminApi admin = new AdminApi(server);
        HttpResponse<String> created = admin.postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Hugo", "lastName": "Ibarra",
                 "attributes": {"dni": ["39201847"], "birthdate": ["1995-09-02"], "nivel": ["2"]},
                 "credentials": [{"type": "password", "value": "Yacare5Lago", "temporary": false}]}
                """.formatted(HUGO));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode tokens = login(LoginPage.browser(), Oidc.TEST_CLIENT, HUGO, "Yacare5Lago");
        assertThat(oidc.verify(tokens.get("access_token").asText()).getLongClaim("nivel")).isEqualTo(2);

        assertThat(admin.putRaw("anses-nivel/20-39201847-7", "{\"nivel\": \"4\"}").statusCode()).isEqualTo(400);
        assertThat(admin.putRaw("anses-nivel/20392018477", "{\"nivel\": 3}").statusCode()).isEqualTo(204);
        assertThat(admin.get("anses-nivel/20392018477").get("nivel").asInt()).isEqualTo(3);

        JsonNode events = admin.get("admin-events?resourcePath=anses-nivel/" + HUGO + "&max=50");
        JsonNode cambio = new ObjectMapper().readTree(events.get(0).get("representation").asText());
        assertThat(cambio.get("cuil").asText()).isEqualTo(HUGO);
        assertThat(cambio.get("nivelAnterior").asInt()).isEqualTo(2);
        assertThat(cambio.get("nivelNuevo").asInt()).isEqualTo(3);
        assertThat(events.get(0).at("/authDetails/userId").asText()).isNotBlank();
        assertThat(events.get(0).get("time").asLong()).isPositive();

        JsonNode refreshed = oidc.refresh(Oidc.TEST_CLIENT, tokens.get("refresh_token").asText());
        JWTClaimsSet access = oidc.verify(refreshed.get("access_token").asText());
        assertThat(access.getLongClaim("nivel")).isEqualTo(3);
        assertThat(access.getStringClaim("acr")).isEqualTo("3");
    }

    private void assertClaims(JsonNode tokens, String cuil, int nivel) throws Exception {
        JWTClaimsSet id = oidc.verify(tokens.get("id_token").asText());
        JWTClaimsSet access = oidc.verify(tokens.get("access_token").asText());
        JsonNode userinfo = oidc.userinfo(tokens.get("access_token").asText());
        JsonNode introspection = oidc.introspect(tokens.get("access_token").asText());
        for (JWTClaimsSet claims : new JWTClaimsSet[] {id, access}) {
            assertThat(claims.getStringClaim("cuil")).isEqualTo(cuil);
            assertThat(claims.getLongClaim("nivel")).isEqualTo(nivel);
            assertThat(claims.getStringClaim("acr")).isEqualTo(String.valueOf(nivel));
            assertThat(claims.getStringClaim("preferred_username")).isEqualTo(cuil);
        }
        for (JsonNode json : new JsonNode[] {userinfo, introspection}) {
            assertThat(json.path("cuil").asText()).as(json.toString()).isEqualTo(cuil);
            assertThat(json.get("nivel").isInt()).isTrue();
            assertThat(json.get("nivel").asInt()).isEqualTo(nivel);
            assertThat(json.get("acr").asText()).isEqualTo(String.valueOf(nivel));
        }
    }

    private JsonNode login(WebClient browser, String clientId, String cuil, String clave) throws Exception {
        Oidc.Request request = oidc.request(clientId);
        Page landed = LoginPage.open(browser, request.uri()).submit(cuil, clave);
        return request.exchange(request.codeFrom(LoginPage.landedOn(landed)));
    }
}
