package ar.gob.anses.clavess.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;

/**
 * Keycloak's admin REST API as the bootstrap admin, or as an admin of the anses realm (tests only). Plain HTTP and
 * Jackson rather than Keycloak's admin client: {@code org.keycloak:keycloak-admin-client} 26.7.3 does not resolve
 * from Maven Central, our own endpoints (anses-nivel, anses-verificacion) are not in it, and the tests need what a
 * typed client hides: the status and body of refused or malformed calls (403 for office staff, 4xx for bad input)
 * and a token got through the realm's login form, since the realm allows no password grant.
 */
public final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONSOLA = "security-admin-console";

    /** How this caller gets a token response: again whenever the token it holds is about to expire. */
    @FunctionalInterface
    private interface Entrada {
        JsonNode tokens() throws IOException, InterruptedException;
    }

    /** The staff logins of the run, one per server and account: see {@link #as}. */
    private static final Map<Personal, AdminApi> PERSONAL = new ConcurrentHashMap<>();

    private record Personal(KeycloakServer server, String cuil) {
    }

    private final KeycloakServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Entrada entrada;
    private String token;
    /** When to get a token again, by Keycloak's clock (the tests move it), which is the one that judges the token. */
    private Instant renovarEn;

    public AdminApi(KeycloakServer server) throws IOException, InterruptedException {
        this(server, () -> new Oidc(server).postForm(server.baseUri() + "realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin")));
    }

    private AdminApi(KeycloakServer server, Entrada entrada) throws IOException, InterruptedException {
        this.server = server;
        this.entrada = entrada;
        renovar();
    }

    /**
     * The access token, got again once three quarters of its life have passed by Keycloak's clock: the master realm's
     * lasts 60 s, and a test class on a slow machine (a browser journey between two calls) outlives it (seen in CI: 401
     * in OficinaIT); a staff login is kept for the run, while other classes move Keycloak's clock ahead.
     */
    private synchronized String token() throws IOException, InterruptedException {
        if (!server.ahora().isBefore(renovarEn)) {
            renovar();
        }
        return token;
    }

    private void renovar() throws IOException, InterruptedException {
        JsonNode respuesta = entrada.tokens();
        token = respuesta.get("access_token").asText();
        renovarEn = server.ahora().plusSeconds(respuesta.path("expires_in").asLong(60) * 3 / 4);
    }

    /**
     * As a user of the anses realm, for instance office staff, with only the rights the realm gives them: logged in
     * to the realm's admin console with CUIL, clave and, as staff's role demands, her TOTP app's code
     * ({@link Totp#delPersonal}), as they would (the realm allows no password grant). One login per server and account
     * for the run, whichever class asks, its token renewed with the refresh token: Keycloak accepts each code once per
     * account, and waiting for the next one would cost up to 30 s a login. A session gone (Keycloak's clock moved past
     * its life) logs in again.
     */
    public static synchronized AdminApi as(KeycloakServer server, String cuil, String clave) throws IOException, InterruptedException {
        Personal personal = new Personal(server, cuil);
        AdminApi api = PERSONAL.get(personal);
        if (api == null) {
            api = new AdminApi(server, new SesionDePersonal(server, cuil, clave));
            PERSONAL.put(personal, api);
        }
        return api;
    }

    /** A staff member's session in the admin console: logged in once, then refreshed. */
    private static final class SesionDePersonal implements Entrada {

        private final KeycloakServer server;
        private final String cuil;
        private final String clave;
        private String refreshToken;

        SesionDePersonal(KeycloakServer server, String cuil, String clave) {
            this.server = server;
            this.cuil = cuil;
            this.clave = clave;
        }

        @Override
        public JsonNode tokens() throws IOException, InterruptedException {
            if (refreshToken != null) {
                HttpResponse<String> renovado = new Oidc(server).refreshRaw(CONSOLA, refreshToken);
                if (renovado.statusCode() == 200) {
                    return guardar(JSON.readTree(renovado.body()));
                }
            }
            Oidc.Request consola = new Oidc(server).request(CONSOLA, server.baseUri() + "admin/" + KeycloakServer.REALM + "/console/");
            Page landed = LoginPage.open(LoginPage.browser(), consola.uri()).submit(cuil, clave);
            if (SegundoFactorPages.pideCodigo(landed)) {
                landed = SegundoFactorPages.codigo((HtmlPage) landed, Totp.delPersonal(cuil).siguiente());
            }
            return guardar(consola.exchange(consola.codeFrom(LoginPage.landedOn(landed))));
        }

        private JsonNode guardar(JsonNode tokens) {
            refreshToken = tokens.path("refresh_token").asText(null);
            return tokens;
        }
    }

    /**
     * Creates a staff account: in the group anses-personal, level 3, with a clave, the realm role {@code rol}
     * (anses-oficina, anses-linea-130) and, unless {@code conTotp} is false, the TOTP app that staff's role demands,
     * with the known key {@link Totp#CLAVE_PERSONAL} (a credential of type otp as Keycloak stores it: OTPCredentialModel's
     * secretData and credentialData); her codes are {@link Totp#delPersonal}.
     */
    public void crearPersonal(String cuil, String nombre, String apellido, String clave, String rol, boolean conTotp)
            throws IOException, InterruptedException {
        String totp = !conTotp ? "" : """
                , {"type": "otp", "userLabel": "Celular de prueba", "createdDate": %d,
                   "secretData": "{\\"value\\":\\"%s\\"}",
                   "credentialData": "{\\"subType\\":\\"totp\\",\\"digits\\":6,\\"counter\\":0,\\"period\\":30,\\"algorithm\\":\\"HmacSHA1\\"}"}"""
                .formatted(System.currentTimeMillis(), Totp.SECRETO_PERSONAL);
        HttpResponse<String> creado = postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "%s", "lastName": "%s", "groups": ["/anses-personal"],
                 "attributes": {"dni": ["%s"], "nivel": ["3"]},
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}%s]}
                """.formatted(cuil, nombre, apellido, CuilsDePrueba.dni(cuil), clave, totp));
        if (creado.statusCode() != 201) {
            throw new AssertionError("creating " + cuil + " answered " + creado.statusCode() + ": " + creado.body());
        }
        HttpResponse<String> conRol = postRaw("users/" + userId(cuil) + "/role-mappings/realm", "[" + get("roles/" + rol) + "]");
        if (conRol.statusCode() != 204) {
            throw new AssertionError("giving " + cuil + " the role " + rol + " answered " + conRol.statusCode() + ": " + conRol.body());
        }
    }

    /** Creates a citizen of the realm with a clave (temporary: they must change it at the next login). */
    public void crearCiudadano(String cuil, String nombre, String apellido, String dni, int nivel, String clave, boolean temporal)
            throws IOException, InterruptedException {
        HttpResponse<String> creado = postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "%s", "lastName": "%s",
                 "attributes": {"dni": ["%s"], "nivel": ["%d"]},
                 "credentials": [{"type": "password", "value": "%s", "temporary": %b}]}
                """.formatted(cuil, nombre, apellido, dni, nivel, clave, temporal));
        if (creado.statusCode() != 201) {
            throw new AssertionError("creating " + cuil + " answered " + creado.statusCode() + ": " + creado.body());
        }
    }

    /**
     * Creates a citizen whose clave is already stored as a hash (PBKDF2), as an account made before today's policy would
     * be: Keycloak keeps a hash as given, without judging the clave (a common one, or a person under curatela since).
     */
    public void crearConClaveGuardada(String cuil, String nombre, String apellido, String dni, int nivel, String clave)
            throws IOException, InterruptedException {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        int iteraciones = 27_500;
        byte[] hash;
        try {
            hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(clave.toCharArray(), salt, iteraciones, 512)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Base64.Encoder base64 = Base64.getEncoder();
        String secretData = "{\\\"value\\\":\\\"%s\\\",\\\"salt\\\":\\\"%s\\\",\\\"additionalParameters\\\":{}}"
                .formatted(base64.encodeToString(hash), base64.encodeToString(salt));
        String credentialData = "{\\\"hashIterations\\\":%d,\\\"algorithm\\\":\\\"pbkdf2-sha256\\\",\\\"additionalParameters\\\":{}}"
                .formatted(iteraciones);
        HttpResponse<String> creado = postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "%s", "lastName": "%s",
                 "attributes": {"dni": ["%s"], "nivel": ["%d"]},
                 "credentials": [{"type": "password", "secretData": "%s", "credentialData": "%s"}]}
                """.formatted(cuil, nombre, apellido, dni, nivel, secretData, credentialData));
        if (creado.statusCode() != 201) {
            throw new AssertionError("creating " + cuil + " answered " + creado.statusCode() + ": " + creado.body());
        }
    }

    /**
     * Creates a citizen with a (non-temporary) clave and Keycloak required actions to do at the next login
     * ({@code CONFIGURE_TOTP}, {@code webauthn-register}, {@code CONFIGURE_RECOVERY_AUTHN_CODES}…), as an office would set them.
     */
    public void crearCiudadano(String cuil, String nombre, String apellido, String dni, int nivel, String clave,
            List<String> requiredActions) throws IOException, InterruptedException {
        String acciones = requiredActions.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
        HttpResponse<String> creado = postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "%s", "lastName": "%s",
                 "attributes": {"dni": ["%s"], "nivel": ["%d"]}, "requiredActions": [%s],
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}
                """.formatted(cuil, nombre, apellido, dni, nivel, acciones, clave));
        if (creado.statusCode() != 201) {
            throw new AssertionError("creating " + cuil + " answered " + creado.statusCode() + ": " + creado.body());
        }
    }

    public String userId(String username) throws IOException, InterruptedException {
        JsonNode users = get("users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
        if (users.size() != 1) {
            throw new AssertionError("expected one user " + username + ", found " + users.size());
        }
        return users.get(0).get("id").asText();
    }

    /** Keycloak's brute-force state of a user: numFailures, disabled, failedLoginNotBefore, … */
    public JsonNode bruteForce(String username) throws IOException, InterruptedException {
        return get("attack-detection/brute-force/users/" + userId(username));
    }

    /** The configuration of an authenticator in a flow, as the admin console edits it. */
    public JsonNode authenticatorConfig(String flowAlias, String providerId) throws IOException, InterruptedException {
        for (JsonNode execution : get("authentication/flows/" + URLEncoder.encode(flowAlias, StandardCharsets.UTF_8).replace("+", "%20") + "/executions")) {
            if (providerId.equals(execution.path("providerId").asText())) {
                return get("authentication/config/" + execution.get("authenticationConfig").asText());
            }
        }
        throw new AssertionError("no " + providerId + " in flow " + flowAlias);
    }

    public void put(String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = putRaw(path, JSON.writeValueAsString(body));
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("PUT " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** PUT of a JSON body; the response as it is, whatever its status. */
    public HttpResponse<String> putRaw(String path, String json) throws IOException, InterruptedException {
        return enviar(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POST of a JSON body; the response as it is, whatever its status. */
    public HttpResponse<String> postRaw(String path, String json) throws IOException, InterruptedException {
        return enviar(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** DELETE; returns the status. */
    public int delete(String path) throws IOException, InterruptedException {
        return deleteRaw(path).statusCode();
    }

    /** DELETE; the response as it is, whatever its status. */
    public HttpResponse<String> deleteRaw(String path) throws IOException, InterruptedException {
        return enviar(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = getRaw(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** GET; the response as it is, whatever its status. */
    public HttpResponse<String> getRaw(String path) throws IOException, InterruptedException {
        return enviar(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Server Info ({@code /admin/serverinfo}): the providers, with the operational info some of them publish. */
    public JsonNode serverInfo() throws IOException, InterruptedException {
        HttpResponse<String> response = enviar(HttpRequest.newBuilder(URI.create(server.baseUri() + "admin/serverinfo")).GET());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET serverinfo answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * Sends the request with the token. A 401 gets a new token and is sent once more: a session Keycloak dropped while
     * the tests moved its clock (days ahead, then back) is not this caller's concern; a refusal (403) is answered as is.
     */
    private HttpResponse<String> enviar(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.copy().header("Authorization", "Bearer " + token()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 401) {
            return response;
        }
        synchronized (this) {
            renovar();
        }
        return http.send(request.header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The realm's admin URL, or one under it; an empty path is the realm itself. */
    private URI uri(String path) {
        return URI.create(server.baseUri() + "admin/realms/" + KeycloakServer.REALM + (path.isEmpty() ? "" : "/" + path));
    }
}
