package ar.gob.anses.ejemplo;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A relying app of the Clave de la Seguridad Social, on the Nimbus OAuth 2.0 / OpenID Connect SDK: it logs a citizen
 * in (authorization code + PKCE + nonce), validates the ID token (signature against the realm's JWKS, issuer, audience,
 * expiry, nonce), shows the claims, and refuses its level-3 page to a level-2 citizen by checking {@code acr} in the
 * token, never the request.
 *
 * <p>Given a client secret, it is also a Shared Signals receiver ({@link Senales}): it hears when a citizen's account
 * changes and acts on its own sessions. Her clave changed or her sessions ended at ANSES: her session here ends too.
 * Her level changed: her next request goes to a new login, so that the new token's {@code acr} is the one used.
 *
 * <pre>mvn -f examples/relying-app compile exec:java [-Dexec.args="issuer client_id port client_secret"]</pre>
 * Defaults: http://localhost:8080/realms/anses, aplicacion-ejemplo, 8090, its demo secret. Open http://localhost:8090/.
 * Without a secret (a public client such as mi-anses) it logs citizens in and listens to no signal.
 */
public final class RelyingApp {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClientID clientId;
    private final Secret clientSecret;
    private final OIDCProviderMetadata op;
    private final IDTokenValidator idTokens;
    private final Senales senales;
    private final HttpServer server;

    /** A login under way, by its state: what its answer must match. */
    private record Intento(CodeVerifier verifier, Nonce nonce) {
    }

    /** A citizen logged in here: her verified ID token's claims. */
    private static final class Sesion {
        final String sub;
        final Map<String, Object> claims;
        /** Her level changed at ANSES: these claims are stale, her next request logs her in again. */
        volatile boolean nuevoIngreso;

        Sesion(IDTokenClaimsSet idToken) {
            this.sub = idToken.getSubject().getValue();
            this.claims = idToken.toJSONObject();
        }
    }

    private final Map<String, Intento> pending = new ConcurrentHashMap<>();
    /** Logged-in citizens by session cookie. */
    private final Map<String, Sesion> sessions = new ConcurrentHashMap<>();

    /** A public client (PKCE only): logs citizens in, hears no signal. */
    public RelyingApp(String issuer, String clientId, int port) throws Exception {
        this(issuer, clientId, null, port);
    }

    /** With {@code clientSecret}, a confidential client whose service account receives the realm's Shared Signals. */
    public RelyingApp(String issuer, String clientId, String clientSecret, int port) throws Exception {
        this.clientId = new ClientID(clientId);
        this.clientSecret = clientSecret == null ? null : new Secret(clientSecret);
        this.op = OIDCProviderMetadata.resolve(new Issuer(issuer)); // {issuer}/.well-known/openid-configuration
        JWKSource<SecurityContext> realmKeys = JWKSourceBuilder.create(op.getJWKSetURI().toURL()).build();
        this.idTokens = new IDTokenValidator(op.getIssuer(), this.clientId, new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, realmKeys), null);
        this.senales = clientSecret == null ? null : new Senales(op, this.clientId, this.clientSecret, realmKeys, this::actuar);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::home);
        server.createContext("/login", this::login);
        server.createContext("/callback", this::callback);
        server.createContext("/nivel3", this::nivel3);
        server.createContext("/representacion", this::representacion);
    }

    public static void main(String[] args) throws Exception {
        String issuer = args.length > 0 ? args[0] : "http://localhost:8080/realms/anses";
        String clientId = args.length > 1 ? args[1] : "aplicacion-ejemplo";
        int port = args.length > 2 ? Integer.parseInt(args[2]) : 8090;
        // The demo client's demo secret (realm-export/demo): a real app reads its own from its configuration.
        String secret = args.length > 3 ? args[3] : "aplicacion-ejemplo".equals(clientId) ? "aplicacion-ejemplo-secret" : null;
        RelyingApp app = new RelyingApp(issuer, clientId, secret, port);
        app.start();
        System.out.println("Relying app on " + app.baseUri() + " (issuer " + issuer + ", client " + clientId
                + (secret == null ? ", no Shared Signals)" : ", Shared Signals by poll)"));
    }

    /** Serves the pages; with a secret, first registers (or reuses) the app's stream and starts polling it. */
    public void start() throws Exception {
        if (senales != null) {
            senales.start();
        }
        server.start();
    }

    public void stop() {
        server.stop(0);
        if (senales != null) {
            senales.stop();
        }
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/");
    }

    /** What a signal means for this app's own sessions (see docs/aplicaciones.md, Shared Signals). */
    private void actuar(Senales.Senal senal) {
        switch (senal.tipo()) {
            // Her sessions at ANSES ended, or her clave changed (maybe someone else knew it): end hers here too.
            case Senales.SESION_REVOCADA, Senales.CREDENCIAL_CAMBIADA -> sessions.values().removeIf(s -> s.sub.equals(senal.sub()));
            // Her level went up or down: the acr this app holds is stale; her next request logs her in again.
            case Senales.NIVEL_CAMBIADO -> sessions.values().stream().filter(s -> s.sub.equals(senal.sub())).forEach(s -> s.nuevoIngreso = true);
            default -> { }
        }
    }

    private void home(HttpExchange exchange) throws IOException {
        Sesion sesion = session(exchange);
        if (sesion == null) {
            page(exchange, 200, "<h1>Ejemplo de aplicación ANSES</h1><p><a id='ingresar' href='/login'>Ingresar con tu Clave de la Seguridad Social</a></p>");
            return;
        }
        if (nuevoIngresoSiHaceFalta(exchange, sesion)) {
            return;
        }
        StringBuilder rows = new StringBuilder();
        for (String claim : List.of("cuil", "nivel", "acr", "given_name", "family_name")) {
            rows.append("<tr><th>").append(claim).append("</th><td id='claim-").append(claim).append("'>")
                    .append(escape(String.valueOf(sesion.claims.get(claim)))).append("</td></tr>");
        }
        page(exchange, 200, operandoEnNombreDe(sesion.claims) + "<h1>Hola</h1><table>" + rows + "</table>"
                + "<p><a id='nivel3' href='/nivel3'>Trámite que requiere nivel 3</a></p>"
                + "<p><a id='cambiar-representacion' href='/representacion'>Si sos curador o curadora: elegí en nombre de quién actuás</a></p>");
    }

    /**
     * A curador acting for a ward: the token's representa names the ward (whose data the app shows), while cuil, nivel
     * and acr stay the curador's (who operates). The app says so on every page.
     */
    private static String operandoEnNombreDe(Map<String, Object> claims) {
        if (!(claims.get("representa") instanceof Map<?, ?> representa)) {
            return "";
        }
        String cuil = String.valueOf(representa.get("cuil"));
        String conGuiones = cuil.length() == 11 ? cuil.substring(0, 2) + "-" + cuil.substring(2, 10) + "-" + cuil.substring(10) : cuil;
        return "<p id='representa' role='status'>Estás operando en nombre de " + escape(String.valueOf(representa.get("nombre")))
                + " (CUIL " + escape(conGuiones) + ")</p>";
    }

    /** Switching whom the curador acts for: the same login, with the application-initiated action of Clave SS. */
    private void representacion(HttpExchange exchange) throws IOException {
        redirect(exchange, authorizationRequest("anses-representacion"));
    }

    /** The page only level 3 may see: the app checks the token it received, whatever it asked for. */
    private void nivel3(HttpExchange exchange) throws IOException {
        Sesion sesion = session(exchange);
        if (sesion == null) {
            redirect(exchange, "/login");
        } else if (nuevoIngresoSiHaceFalta(exchange, sesion)) {
            return;
        } else if (!"3".equals(sesion.claims.get("acr"))) {
            page(exchange, 403, "<h1 id='rechazo'>Este trámite requiere nivel 3</h1><p>Tu clave es de nivel " + escape(String.valueOf(sesion.claims.get("acr")))
                    + ". Acercate con tu DNI a cualquier oficina de ANSES, sin turno previo.</p>");
        } else {
            page(exchange, 200, "<h1 id='nivel3-ok'>Trámite de nivel 3</h1>");
        }
    }

    /** After an assurance-level-change: forget the stale claims and send her to a new login (her SSO session makes it quick). */
    private boolean nuevoIngresoSiHaceFalta(HttpExchange exchange, Sesion sesion) throws IOException {
        if (!sesion.nuevoIngreso) {
            return false;
        }
        sessions.values().remove(sesion);
        redirect(exchange, authorizationRequest(null));
        return true;
    }

    private void login(HttpExchange exchange) throws IOException {
        redirect(exchange, authorizationRequest(null));
    }

    /** The authorization request: code flow, a fresh state, nonce and PKCE verifier kept for its answer. */
    private String authorizationRequest(String kcAction) {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        pending.put(state.getValue(), new Intento(verifier, nonce));
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), clientId, redirectUri())
                .endpointURI(op.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        if (kcAction != null) {
            request.customParameter("kc_action", kcAction);
        }
        return request.build().toURI().toString();
    }

    private void callback(HttpExchange exchange) throws IOException {
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(URI.create(redirectUri() + "?" + exchange.getRequestURI().getRawQuery()));
        } catch (Exception e) {
            page(exchange, 400, "<h1>Respuesta desconocida</h1>");
            return;
        }
        Intento intento = response.getState() == null ? null : pending.remove(response.getState().getValue());
        if (intento == null) {
            page(exchange, 400, "<h1>Respuesta desconocida</h1>");
            return;
        }
        if (!response.indicatesSuccess()) {
            // e.g. access_denied / anses_nivel_insuficiente: the citizen's level is below what this app requires.
            ErrorObject error = response.toErrorResponse().getErrorObject();
            page(exchange, 403, "<h1 id='error'>" + escape(error.getCode()) + "</h1><p id='error-description'>"
                    + escape(error.getDescription() == null ? "" : error.getDescription()) + "</p>");
            return;
        }
        try {
            AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
            AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, redirectUri(), intento.verifier());
            TokenRequest tokenRequest = clientSecret == null
                    ? new TokenRequest(op.getTokenEndpointURI(), clientId, grant)
                    : new TokenRequest(op.getTokenEndpointURI(), new ClientSecretBasic(clientId, clientSecret), grant);
            TokenResponse tokens = OIDCTokenResponseParser.parse(tokenRequest.toHTTPRequest().send());
            if (!tokens.indicatesSuccess()) {
                throw new IOException("token endpoint: " + tokens.toErrorResponse().getErrorObject());
            }
            IDTokenClaimsSet idToken = idTokens.validate(((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken(), intento.nonce());
            String cookie = random();
            sessions.put(cookie, new Sesion(idToken));
            exchange.getResponseHeaders().add("Set-Cookie", "sesion=" + cookie + "; Path=/; HttpOnly; SameSite=Lax");
            redirect(exchange, "/");
        } catch (Exception e) {
            page(exchange, 502, "<h1>No pudimos completar el ingreso</h1><p>" + escape(String.valueOf(e.getMessage())) + "</p>");
        }
    }

    private Sesion session(HttpExchange exchange) {
        for (String cookie : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : cookie.split(";\\s*")) {
                if (part.startsWith("sesion=")) {
                    return sessions.get(part.substring("sesion=".length()));
                }
            }
        }
        return null;
    }

    private URI redirectUri() {
        return baseUri().resolve("callback");
    }

    private static void page(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = ("<!doctype html><html lang='es-AR'><meta charset='utf-8'><title>Ejemplo ANSES</title>" + body + "</html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace("\"", "&quot;");
    }
}
