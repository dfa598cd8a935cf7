package ar.gob.anses.clavess.bench;

import ar.gob.anses.clavess.flujo.DesafioRobot;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark's virtual users do, over HTTP as a browser and an app would: the authorization code
 * flow through a realm's browser flow (PKCE S256, code exchanged by a confidential client), Crear clave by
 * trámite page by page, refresh-token and client-credentials grants.
 */
final class Flujos {

    static final String CLIENTE = "bench";
    static final String SECRETO = "bench-secret";
    /** Never contacted: the code is read from the Location header that points there. */
    static final String REDIRECT = "http://127.0.0.1:9/bench-callback";
    /** The users' clave: meets the anses policy, and is not related to any synthetic name. */
    static final String CLAVE = "Bench7Clave";
    /** The clave chosen in Crear clave. */
    static final String CLAVE_NUEVA = "Yerba4Mate";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI base;
    /** Where the requests go: {@code base} itself, or one node of a cluster whose public address is {@code base}. */
    private final URI nodo;

    Flujos(URI base) {
        this(base, base);
    }

    /** The flows on one node of a cluster, as a load balancer in front of {@code base} would send them there. */
    Flujos(URI base, URI nodo) {
        this.base = base;
        this.nodo = nodo;
    }

    /** One request of a journey (with the redirects Keycloak answers it with), named for the costs by step. */
    record Paso(String nombre, Carga.Operacion hacer) {
    }

    /** A whole journey, step after step. */
    static void recorrer(List<Paso> pasos) throws Exception {
        for (Paso paso : pasos) {
            paso.hacer().ejecutar();
        }
    }

    /** Login form → code → tokens, in a fresh browser (no SSO cookie): the full price of a login. */
    JsonNode login(String realm, String usuario, String clave) throws Exception {
        JsonNode[] tokens = new JsonNode[1];
        recorrer(pasosLogin(realm, usuario, clave, tokens));
        return tokens[0];
    }

    /**
     * The login's three requests: the login page, the CUIL (or username) and clave, the code exchanged for tokens
     * (left in {@code tokens[0]}).
     */
    List<Paso> pasosLogin(String realm, String usuario, String clave, JsonNode[] tokens) {
        return pasosLogin(new Autorizacion(realm, CLIENTE, SECRETO), usuario, clave, tokens);
    }

    /**
     * A login to the account console (public client {@code account-console}, PKCE; its redirect URIs must include
     * {@link #REDIRECT}): the tokens its pages hold, such as the one "Actividad de tu cuenta" reads with.
     */
    JsonNode loginConsola(String usuario, String clave) throws Exception {
        JsonNode[] tokens = new JsonNode[1];
        recorrer(pasosLogin(new Autorizacion(Benchmark.ANSES, "account-console", null), usuario, clave, tokens));
        return tokens[0];
    }

    private List<Paso> pasosLogin(Autorizacion autorizacion, String usuario, String clave, JsonNode[] tokens) {
        Navegador navegador = new Navegador(null, base, nodo);
        Navegador.Respuesta[] pagina = new Navegador.Respuesta[1];
        return List.of(
                new Paso("login page", () -> pagina[0] = navegador.seguir(navegador.get(autorizacion.uri()), REDIRECT)),
                new Paso("username and password", () -> pagina[0] = navegador.seguir(navegador.post(pagina[0].accion("kc-form-login"),
                        Navegador.campos("username", usuario, "password", clave, "credentialId", "")), REDIRECT)),
                new Paso("code for tokens", () -> tokens[0] = autorizacion.canjear(pagina[0])));
    }

    /**
     * Crear clave by trámite from the login page, as CrearClaveIT does: políticas, CUIL + the proof of work,
     * trámite, the new clave twice, COMENZAR A UTILIZAR, code, tokens; every request from the local address {@code desde}.
     */
    void crearClave(String cuil, String tramite, InetAddress desde) throws Exception {
        recorrer(pasosCrearClave(cuil, tramite, desde));
    }

    /** Crear clave's eight requests, each checked to reach the next page. */
    List<Paso> pasosCrearClave(String cuil, String tramite, InetAddress desde) {
        Navegador navegador = new Navegador(desde);
        Autorizacion autorizacion = new Autorizacion("anses", CLIENTE, SECRETO);
        Navegador.Respuesta[] pagina = new Navegador.Respuesta[1];
        return List.of(
                new Paso("login page", () -> pagina[0] = navegador.seguir(navegador.get(autorizacion.uri()), REDIRECT)),
                new Paso("CREÁ TU CLAVE (políticas)", () -> pagina[0] = navegador.seguir(navegador.get(pagina[0].enlace("anses-crea-tu-clave")), REDIRECT)),
                new Paso("acepto (CUIL page)", () -> pagina[0] = paso(navegador, pagina[0], "cuil", Navegador.campos("acepto", "on"))),
                new Paso("CUIL and proof of work", () -> {
                    DesafioRobot desafio = new DesafioRobot(pagina[0].atributo("anses-robot", "data-salt"),
                            pagina[0].atributo("anses-robot", "data-challenge"), Integer.parseInt(pagina[0].atributo("anses-robot", "data-maximo")));
                    pagina[0] = paso(navegador, pagina[0], "tramite", Navegador.campos("cuil", cuil, "robot", String.valueOf(desafio.resolver())));
                }),
                new Paso("trámite", () -> pagina[0] = paso(navegador, pagina[0], "clave", Navegador.campos("tramite", tramite))),
                new Paso("the clave twice (the hash)", () -> pagina[0] = paso(navegador, pagina[0], "anses-comenzar",
                        Navegador.campos("clave", CLAVE_NUEVA, "confirmacion", CLAVE_NUEVA))),
                new Paso("COMENZAR A UTILIZAR", () -> pagina[0] = navegador.seguir(navegador.post(pagina[0].accion("anses-form"),
                        Navegador.campos("comenzar", "")), REDIRECT)),
                new Paso("code for tokens", () -> autorizacion.canjear(pagina[0])));
    }

    /** Submits the page's anses-form; the next page must have an element with id {@code siguiente}. */
    private static Navegador.Respuesta paso(Navegador navegador, Navegador.Respuesta pagina, String siguiente, Map<String, String> campos)
            throws IOException, InterruptedException {
        Navegador.Respuesta proxima = navegador.seguir(navegador.post(pagina.accion("anses-form"), campos), REDIRECT);
        if (!proxima.cuerpo().contains("id=\"" + siguiente + "\"")) {
            throw new IllegalStateException("expected #" + siguiente + " after " + campos.keySet() + ", got " + proxima.status()
                    + ": " + proxima.resumen());
        }
        return proxima;
    }

    JsonNode refrescar(String realm, String refreshToken) throws IOException, InterruptedException {
        return token(realm, Navegador.campos("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", CLIENTE, "client_secret", SECRETO));
    }

    JsonNode credencialesDeCliente(String realm) throws IOException, InterruptedException {
        return token(realm, Navegador.campos("grant_type", "client_credentials", "client_id", CLIENTE, "client_secret", SECRETO));
    }

    private JsonNode token(String realm, Map<String, String> campos) throws IOException, InterruptedException {
        HttpResponse<String> respuesta = HTTP.send(HttpRequest.newBuilder(nodo.resolve("realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(Navegador.form(campos))).build(), HttpResponse.BodyHandlers.ofString());
        if (respuesta.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + respuesta.statusCode() + ": " + respuesta.body());
        }
        JsonNode json = Admin.JSON.readTree(respuesta.body());
        if (!json.hasNonNull("access_token")) {
            throw new IllegalStateException("no access token: " + respuesta.body());
        }
        return json;
    }

    /** One authorization request with its state and PKCE verifier. */
    private final class Autorizacion {
        final String realm;
        final String cliente;
        /** Null for a public client. */
        final String secreto;
        final String state = aleatorio();
        final String verifier = aleatorio();

        Autorizacion(String realm, String cliente, String secreto) {
            this.realm = realm;
            this.cliente = cliente;
            this.secreto = secreto;
        }

        String uri() {
            return base + "realms/" + realm + "/protocol/openid-connect/auth?" + Navegador.form(Navegador.campos(
                    "client_id", cliente, "redirect_uri", REDIRECT, "response_type", "code", "scope", "openid",
                    "state", state, "code_challenge", desafio(verifier), "code_challenge_method", "S256"));
        }

        /** The code in the redirect back to the app, exchanged for tokens. */
        JsonNode canjear(Navegador.Respuesta vuelta) throws IOException, InterruptedException {
            String location = vuelta.location();
            if (location == null || !location.startsWith(REDIRECT) || !state.equals(Navegador.parametro(location, "state"))
                    || Navegador.parametro(location, "code") == null) {
                throw new IllegalStateException("no code back to the app: " + vuelta.status() + " " + location + " " + vuelta.resumen());
            }
            Map<String, String> campos = new java.util.LinkedHashMap<>(Navegador.campos("grant_type", "authorization_code",
                    "code", Navegador.parametro(location, "code"), "redirect_uri", REDIRECT, "code_verifier", verifier, "client_id", cliente));
            if (secreto != null) {
                campos.put("client_secret", secreto);
            }
            JsonNode tokens = token(realm, campos);
            if (!tokens.hasNonNull("id_token") || !tokens.hasNonNull("refresh_token")) {
                throw new IllegalStateException("no ID or refresh token: " + tokens);
            }
            return tokens;
        }
    }

    private static String aleatorio() {
        byte[] bytes = new byte[32]; // 43 characters: PKCE's minimum
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String desafio(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
