package ar.gob.anses.ejemplo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A relying app of the Clave de la Seguridad Social in one file, with nothing but the JDK: it logs a
 * citizen in (authorization code + PKCE), verifies the ID token, shows the claims, and refuses its
 * level-3 page to a level-2 citizen by checking {@code acr} in the token, never the request.
 *
 * <pre>java examples/relying-app/RelyingApp.java [issuer] [client_id] [port]</pre>
 * Defaults: http://localhost:8080/realms/anses, mi-anses, 8090. Open http://localhost:8090/.
 */
public final class RelyingApp {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String issuer;
    private final String clientId;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    /** Login attempts by state: the PKCE verifier and nonce that go with them. */
    private final Map<String, String[]> pending = new ConcurrentHashMap<>();
    /** Logged-in citizens by session cookie: the verified ID token claims. */
    private final Map<String, Map<String, Object>> sessions = new ConcurrentHashMap<>();

    public RelyingApp(String issuer, String clientId, int port) throws IOException {
        this.issuer = issuer;
        this.clientId = clientId;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::home);
        server.createContext("/login", this::login);
        server.createContext("/callback", this::callback);
        server.createContext("/nivel3", this::nivel3);
        server.createContext("/representacion", this::representacion);
    }

    public static void main(String[] args) throws IOException {
        String issuer = args.length > 0 ? args[0] : "http://localhost:8080/realms/anses";
        String clientId = args.length > 1 ? args[1] : "mi-anses";
        int port = args.length > 2 ? Integer.parseInt(args[2]) : 8090;
        RelyingApp app = new RelyingApp(issuer, clientId, port);
        app.start();
        System.out.println("Relying app on " + app.baseUri() + " (issuer " + issuer + ", client " + clientId + ")");
    }

    public void start() {
        server.start();
    }

    public void stop() {
        server.stop(0);
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/");
    }

    private void home(HttpExchange exchange) throws IOException {
        Map<String, Object> claims = session(exchange);
        if (claims == null) {
            page(exchange, 200, "<h1>Ejemplo de aplicación ANSES</h1><p><a id='ingresar' href='/login'>Ingresar con tu Clave de la Seguridad Social</a></p>");
            return;
        }
        StringBuilder rows = new StringBuilder();
        for (String claim : List.of("cuil", "nivel", "acr", "given_name", "family_name")) {
            rows.append("<tr><th>").append(claim).append("</th><td id='claim-").append(claim).append("'>")
                    .append(escape(String.valueOf(claims.get(claim)))).append("</td></tr>");
        }
        page(exchange, 200, operandoEnNombreDe(claims) + "<h1>Hola</h1><table>" + rows + "</table>"
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
        redirect(exchange, authorizationRequest(Map.of("kc_action", "anses-representacion")));
    }

    /** The page only level 3 may see: the app checks the token it received, whatever it asked for. */
    private void nivel3(HttpExchange exchange) throws IOException {
        Map<String, Object> claims = session(exchange);
        if (claims == null) {
            redirect(exchange, "/login");
        } else if (!"3".equals(claims.get("acr"))) {
            page(exchange, 403, "<h1 id='rechazo'>Este trámite requiere nivel 3</h1><p>Tu clave es de nivel " + escape(String.valueOf(claims.get("acr")))
                    + ". Acercate con tu DNI a cualquier oficina de ANSES, sin turno previo.</p>");
        } else {
            page(exchange, 200, "<h1 id='nivel3-ok'>Trámite de nivel 3</h1>");
        }
    }

    private void login(HttpExchange exchange) throws IOException {
        redirect(exchange, authorizationRequest(Map.of()));
    }

    private String authorizationRequest(Map<String, String> extra) {
        String state = random();
        String verifier = random();
        String nonce = random();
        pending.put(state, new String[] {verifier, nonce});
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri());
        params.put("response_type", "code");
        params.put("scope", "openid");
        params.put("state", state);
        params.put("nonce", nonce);
        params.put("code_challenge", base64Url(sha256(verifier)));
        params.put("code_challenge_method", "S256");
        params.putAll(extra);
        return issuer + "/protocol/openid-connect/auth?" + form(params);
    }

    private void callback(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String[] attempt = pending.remove(query.getOrDefault("state", ""));
        if (attempt == null) {
            page(exchange, 400, "<h1>Respuesta desconocida</h1>");
            return;
        }
        if (query.containsKey("error")) {
            // e.g. access_denied / anses_nivel_insuficiente: the citizen's level is below what this app requires.
            page(exchange, 403, "<h1 id='error'>" + escape(query.get("error")) + "</h1><p id='error-description'>"
                    + escape(query.getOrDefault("error_description", "")) + "</p>");
            return;
        }
        try {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("grant_type", "authorization_code");
            params.put("code", query.get("code"));
            params.put("redirect_uri", redirectUri());
            params.put("client_id", clientId);
            params.put("code_verifier", attempt[0]);
            Map<String, Object> tokens = Json.object(post(issuer + "/protocol/openid-connect/token", form(params)));
            Map<String, Object> claims = verifyIdToken((String) tokens.get("id_token"), attempt[1]);
            String session = random();
            sessions.put(session, claims);
            exchange.getResponseHeaders().add("Set-Cookie", "sesion=" + session + "; Path=/; HttpOnly; SameSite=Lax");
            redirect(exchange, "/");
        } catch (Exception e) {
            page(exchange, 502, "<h1>No pudimos completar el ingreso</h1><p>" + escape(e.getMessage()) + "</p>");
        }
    }

    /** RS256 signature against the realm's JWKS, then issuer, audience, expiry and nonce. */
    Map<String, Object> verifyIdToken(String jwt, String nonce) throws Exception {
        String[] parts = jwt.split("\\.");
        Map<String, Object> header = Json.object(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        Map<String, Object> jwks = Json.object(get(issuer + "/protocol/openid-connect/certs"));
        PublicKey key = null;
        for (Object entry : (List<?>) jwks.get("keys")) {
            Map<?, ?> jwk = (Map<?, ?>) entry;
            if (header.get("kid").equals(jwk.get("kid")) && "RSA".equals(jwk.get("kty"))) {
                key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, Base64.getUrlDecoder().decode((String) jwk.get("n"))),
                        new BigInteger(1, Base64.getUrlDecoder().decode((String) jwk.get("e")))));
            }
        }
        if (key == null || !"RS256".equals(header.get("alg"))) {
            throw new SecurityException("no RS256 key " + header.get("kid") + " in the realm's JWKS");
        }
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
            throw new SecurityException("bad ID token signature");
        }
        Map<String, Object> claims = Json.object(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        Object audience = claims.get("aud");
        boolean forUs = audience instanceof List ? ((List<?>) audience).contains(clientId) : clientId.equals(audience);
        if (!issuer.equals(claims.get("iss")) || !forUs || !nonce.equals(claims.get("nonce"))
                || ((Number) claims.get("exp")).longValue() < System.currentTimeMillis() / 1000) {
            throw new SecurityException("ID token not for this login");
        }
        return claims;
    }

    private Map<String, Object> session(HttpExchange exchange) {
        for (String cookie : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : cookie.split(";\\s*")) {
                if (part.startsWith("sesion=")) {
                    return sessions.get(part.substring("sesion=".length()));
                }
            }
        }
        return null;
    }

    private String redirectUri() {
        return baseUri() + "callback";
    }

    private String post(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private String get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
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

    private static String form(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return base64Url(bytes);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace("\"", "&quot;");
    }

    /** Just enough JSON for tokens and keys: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            return (Map<String, Object>) new Json(text).value();
        }

        private Object value() {
            skip();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                at++;
                skip();
                if (text.charAt(at) == '}') {
                    at++;
                    return map;
                }
                do {
                    skip();
                    String key = string();
                    skip();
                    expect(':');
                    map.put(key, value());
                    skip();
                } while (text.charAt(at++) == ',');
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                at++;
                skip();
                if (text.charAt(at) == ']') {
                    at++;
                    return list;
                }
                do {
                    list.add(value());
                    skip();
                } while (text.charAt(at++) == ',');
                return list;
            }
            if (c == '"') {
                return string();
            }
            for (String literal : new String[] {"true", "false", "null"}) {
                if (text.startsWith(literal, at)) {
                    at += literal.length();
                    return literal.equals("null") ? null : Boolean.valueOf(literal);
                }
            }
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String number = text.substring(start, at);
            return number.matches("-?[0-9]+") ? (Object) Long.valueOf(number) : (Object) Double.valueOf(number);
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            at++;
            return out.toString();
        }

        private void expect(char c) {
            if (text.charAt(at++) != c) {
                throw new IllegalArgumentException("JSON: expected " + c + " at " + (at - 1));
            }
        }

        private void skip() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
