package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.DireccionesDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Mi ANSES login through the real form of a real Keycloak. A test that fails a login does it on a citizen it
 * creates ({@link CuilsDePrueba}), because failures count across tests exactly as they would across citizens'
 * browsers; demo citizens only log in right.
 */
@ExtendWith(KeycloakExtension.class)
class CuilLoginIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();

    private final KeycloakServer server;
    private final Oidc oidc;
    private WebClient browser;

    CuilLoginIT(KeycloakServer server) {
        this.server = server;
        this.oidc = new Oidc(server);
    }

    /** Each test from an address of its own: the failed claves of one test do not spend another's budget per address. */
    @BeforeEach
    void nuevoNavegador() {
        browser = LoginPage.browser(DireccionesDePrueba.nueva());
    }

    @DisplayName("given a demo citizen, when they log in to mi-anses with code + PKCE, then the signed ID token names their CUIL; "
            + "and another client then gets a code through SSO without the form")
    @Test
    void ingresoYLuegoSso() throws Exception {
        Oidc.Request miAnses = oidc.request(Oidc.MI_ANSES);
        LoginPage login = LoginPage.open(browser, miAnses.uri());
        assertThat(login.title()).isEqualTo(ES.get("ansesLoginTitle"));

        Page landed = login.submit("20317320486", "Mate7Rio");

        String code = miAnses.codeFrom(LoginPage.landedOn(landed));
        JsonNode tokens = miAnses.exchange(code);
        JWTClaimsSet idToken = oidc.verify(tokens.get("id_token").asText(), Oidc.MI_ANSES);
        assertThat(idToken.getStringClaim("preferred_username")).isEqualTo("20317320486");
        assertThat(idToken.getStringClaim("given_name")).isEqualTo("Juan");

        Oidc.Request otherApp = oidc.request(Oidc.TEST_CLIENT);
        Page sso = browser.getPage(otherApp.uri().toURL());
        String ssoCode = otherApp.codeFrom(LoginPage.landedOn(sso));
        JWTClaimsSet ssoToken = oidc.verify(otherApp.exchange(ssoCode).get("id_token").asText(), Oidc.TEST_CLIENT);
        assertThat(ssoToken.getSubject()).isEqualTo(idToken.getSubject());
        assertThat(ssoToken.getClaim("sid")).isEqualTo(idToken.getClaim("sid"));
    }

    @DisplayName("given a right CUIL and clave, when an app sends them in a password grant, even as Keycloak's admin-cli, "
            + "then there is no token: the clave is typed only in the login form")
    @Test
    void sinPasswordGrant() throws Exception {
        for (String client : new String[] {"admin-cli", Oidc.MI_ANSES}) {
            HttpResponse<String> response = oidc.passwordGrant(client, "20401112228", "Pampa8Sol");
            assertThat(response.statusCode()).as(client).isBetween(400, 401);
            assertThat(response.body()).as(client).doesNotContain("access_token");
        }
    }

    @DisplayName("given the CUIL typed with dashes, then the citizen logs in as the 11-digit CUIL")
    @Test
    void cuilConGuiones() throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        Page landed = LoginPage.open(browser, request.uri()).submit("20-40111222-8", "Pampa8Sol");

        JsonNode tokens = request.exchange(request.codeFrom(LoginPage.landedOn(landed)));
        assertThat(oidc.verify(tokens.get("id_token").asText(), Oidc.MI_ANSES).getStringClaim("preferred_username"))
                .isEqualTo("20401112228");
    }

    @DisplayName("given a CUIL with a wrong check digit, then the CUIL field says so, keeps what was typed and no failure is counted")
    @Test
    void digitoVerificadorMalo() throws Exception {
        String carlos = CuilsDePrueba.nuevo();
        new AdminApi(server).crearCiudadano(carlos, "Carlos", "Digito", CuilsDePrueba.dni(carlos), 2, "Lapacho9Ro", false);
        String mal = CuilsDePrueba.conGuiones(CuilsDePrueba.conOtroDigito(carlos));
        LoginPage login = LoginPage.open(browser, oidc.request(Oidc.MI_ANSES).uri());

        LoginPage again = LoginPage.of(login.submit(mal, "Lapacho9Ro"));

        assertThat(again.fieldError("username")).isEqualTo(ES.get("ansesCuilCheckDigit"));
        assertThat(again.cuilValue()).isEqualTo(mal);
        assertThat(again.passwordValue()).isEmpty();
        assertThat(again.alert()).isNull();
        // The citizen whose CUIL differs only in the check digit is not charged with a failure.
        assertThat(new AdminApi(server).bruteForce(carlos).get("numFailures").asInt()).isZero();
    }

    @DisplayName("given a company's CUIT, then the citizen is told the clave is for persons")
    @Test
    void personaJuridica() throws Exception {
        LoginPage again = LoginPage.of(LoginPage.open(browser, oidc.request(Oidc.MI_ANSES).uri()).submit("30-12345678-1", "Whatever1A"));

        assertThat(again.fieldError("username")).isEqualTo(ES.get("ansesCuilLegalEntity"));
        assertThat(again.cuilValue()).isEqualTo("30-12345678-1");
    }

    @DisplayName("given an empty clave, then the clave field asks for it")
    @Test
    void claveVacia() throws Exception {
        LoginPage again = LoginPage.of(LoginPage.open(browser, oidc.request(Oidc.MI_ANSES).uri()).submit("20317320486", ""));

        assertThat(again.fieldError("password")).isEqualTo(ES.get("ansesClaveEmpty"));
        assertThat(again.cuilValue()).isEqualTo("20317320486");
    }

    @DisplayName("given an unknown CUIL and a wrong clave for a known one, then both get the same message, status and page")
    @Test
    void cuilDesconocidoComoClaveIncorrecta() throws Exception {
        String desconocido = CuilsDePrueba.nuevo(); // never created: no account
        String sofia = CuilsDePrueba.nueva();
        new AdminApi(server).crearCiudadano(sofia, "Sofía", "Falla", CuilsDePrueba.dni(sofia), 3, "Ceibo4Mar", false);
        LoginPage unknown = LoginPage.of(LoginPage.open(browser, oidc.request(Oidc.MI_ANSES).uri()).submit(desconocido, "Equivocada1"));
        LoginPage wrong = LoginPage.of(LoginPage.open(LoginPage.browser(DireccionesDePrueba.nueva()), oidc.request(Oidc.MI_ANSES).uri())
                .submit(sofia, "Equivocada1"));

        assertThat(unknown.alert()).isEqualTo(ES.get("ansesInvalidCredentials"));
        assertThat(wrong.alert()).isEqualTo(unknown.alert());
        assertThat(wrong.status()).isEqualTo(unknown.status());
        assertThat(normalized(wrong.html(), sofia)).isEqualTo(normalized(unknown.html(), desconocido));
    }

    @DisplayName("given failures 1 to 8 for a CUIL with a clave and for one without, then every answer is the same: "
            + "wrong clave up to the 5th, then locked with when to retry, the right clave refused too")
    @Test
    void bloqueo() throws Exception {
        // Locked here: a citizen of this test's own (it was demo "Prueba Bloqueo", whom other classes log in as).
        String prueba = CuilsDePrueba.nuevo();
        String sinCuenta = CuilsDePrueba.nuevo();
        new AdminApi(server).crearCiudadano(prueba, "Prueba", "Bloqueo", CuilsDePrueba.dni(prueba), 2, "Quebracho3X", false);
        LoginPage conClave = LoginPage.open(browser, oidc.request(Oidc.MI_ANSES).uri());
        LoginPage sinClave = LoginPage.open(LoginPage.browser(DireccionesDePrueba.nueva()), oidc.request(Oidc.MI_ANSES).uri());
        for (int fallo = 1; fallo <= 8; fallo++) {
            // Past the realm's quick-login check (1 s between failures), as a person typing would be: Keycloak's clock moved.
            server.adelantarReloj(Duration.ofSeconds(1));
            String clave = fallo <= 5 ? "Equivocada" + fallo : "Quebracho3X"; // from the 6th on, the right one
            conClave = LoginPage.of(conClave.submit(prueba, clave));
            sinClave = LoginPage.of(sinClave.submit(sinCuenta, clave));

            assertThat(conClave.alert()).as("answer %d", fallo)
                    .isEqualTo(fallo <= 5 ? ES.get("ansesInvalidCredentials") : ES.get("ansesClaveLocked", 1));
            assertThat(sinClave.status()).as("answer %d", fallo).isEqualTo(conClave.status());
            assertThat(normalized(sinClave.html(), sinCuenta)).as("answer %d", fallo)
                    .isEqualTo(normalized(conClave.html(), prueba));
        }
        assertThat(new AdminApi(server).bruteForce(prueba).get("disabled").asBoolean()).isTrue();
    }

    /** The page minus what differs per request: session ids and codes, and the CUIL the citizen typed. */
    private static String normalized(String html, String typedCuil) {
        return html.replace(typedCuil, "CUIL")
                .replaceAll("(session_code|execution|tab_id|client_data)=[^&\"]*", "$1=X")
                .replaceAll("checkAuthSession\\(\\s*\"[^\"]*\"", "checkAuthSession(X");
    }
}
