package ar.gob.anses.clavess.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** An OIDC relying party as our apps would be: authorization code with PKCE S256, signed ID tokens. */
public final class Oidc {

    public static final String MI_ANSES = "mi-anses";
    public static final String TEST_CLIENT = "clave-ss-test";
    public static final String TEST_CLIENT_SECRET = "clave-ss-test-secret";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    public Oidc(KeycloakServer server) {
        this.server = server;
    }

    /** One authorization request: its URL and the PKCE verifier that goes with it. */
    public final class Request {
        public final String clientId;
        public final String verifier = randomToken();
        public final String state = randomToken();
        public final String redirectUri;

        Request(String clientId, String redirectUri) {
            this.clientId = clientId;
            this.redirectUri = redirectUri;
        }

        public URI uri() {
            return uri(Map.of());
        }

        public URI uri(Map<String, String> extra) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("client_id", clientId);
            params.put("redirect_uri", redirectUri);
            params.put("response_type", "code");
            params.put("scope", "openid");
            params.put("state", state);
            params.put("code_challenge", challenge(verifier));
            params.put("code_challenge_method", "S256");
            params.putAll(extra);
            return URI.create(server.realmUri() + "/protocol/openid-connect/auth?" + form(params));
        }

        /** The code in the URL the browser was sent back to, after checking the state. */
        public String codeFrom(URI landedOn) {
            Map<String, String> query = query(landedOn);
            if (!state.equals(query.get("state"))) {
                throw new AssertionError("no authorization response with our state: " + landedOn);
            }
            return query.get("code");
        }

        public JsonNode exchange(String code) throws IOException, InterruptedException {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("grant_type", "authorization_code");
            params.put("code", code);
            params.put("redirect_uri", redirectUri);
            params.put("code_verifier", verifier);
            params.put("client_id", clientId);
            if (TEST_CLIENT.equals(clientId)) {
                params.put("client_secret", TEST_CLIENT_SECRET);
            }
            return postForm(server.realmUri() + "/protocol/openid-connect/token", params);
        }
    }

    /** A request that comes back to a page of Keycloak itself, which answers; the code is read from the URL. */
    public Request request(String clientId) {
        return new Request(clientId, server.realmUri().toString());
    }

    public Request request(String clientId, String redirectUri) {
        return new Request(clientId, redirectUri);
    }

    /** The claims of a signed token (ID or access), checked against the realm's JWKS, issuer and expiry; any audience. */
    public JWTClaimsSet verify(String jwt) throws Exception {
        return verify(jwt, null);
    }

    /** Checks the signature against the realm's JWKS, the issuer (the public URL's) and the expiry; returns the claims. */
    public JWTClaimsSet verify(String jwt, String audience) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        URI jwks = URI.create(server.realmUri() + "/protocol/openid-connect/certs");
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(jwks.toURL()).retrying(false).build()));
        processor.setJWTClaimsSetVerifier(new com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(server.publicRealmUri().toString()).build(), java.util.Set.of("sub", "exp", "iat")));
        return processor.process(jwt, null);
    }

    public JsonNode refresh(String clientId, String refreshToken) throws IOException, InterruptedException {
        HttpResponse<String> response = refreshRaw(clientId, refreshToken);
        if (response.statusCode() != 200) {
            throw new AssertionError("POST " + server.realmUri() + "/protocol/openid-connect/token answered " + response.statusCode()
                    + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A refresh token grant; the response as it is, whatever its status (400 once the session is gone). */
    public HttpResponse<String> refreshRaw(String clientId, String refreshToken) throws IOException, InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "refresh_token");
        params.put("refresh_token", refreshToken);
        params.put("client_id", clientId);
        if (TEST_CLIENT.equals(clientId)) {
            params.put("client_secret", TEST_CLIENT_SECRET);
        }
        return post(server.realmUri() + "/protocol/openid-connect/token", params);
    }

    public JsonNode userinfo(String accessToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.realmUri() + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + accessToken).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("userinfo answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Token introspection as the confidential test client. */
    public JsonNode introspect(String token) throws IOException, InterruptedException {
        return postForm(server.realmUri() + "/protocol/openid-connect/token/introspect",
                Map.of("token", token, "client_id", TEST_CLIENT, "client_secret", TEST_CLIENT_SECRET));
    }

    /** A resource-owner password grant in realm anses; the response as it is. */
    public HttpResponse<String> passwordGrant(String clientId, String username, String password) throws IOException, InterruptedException {
        return post(server.realmUri() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password));
    }

    public JsonNode postForm(String url, Map<String, String> params) throws IOException, InterruptedException {
        HttpResponse<String> response = post(url, params);
        if (response.statusCode() != 200) {
            throw new AssertionError("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String url, Map<String, String> params) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> result = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            result.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return result;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
