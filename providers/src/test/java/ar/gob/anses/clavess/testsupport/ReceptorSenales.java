package ar.gob.anses.clavess.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Relying apps that receive Keycloak's Shared Signals, as an app of ANSES would: each is a confidential client of its
 * own (created here, deleted by {@link #close}) marked as a receiver, whose service account creates one stream, push
 * (to this JDK HTTP server) or poll. Every SET received is checked as an app must: signed by the realm's key
 * (its JWKS), {@code typ} {@code secevent+jwt}, this realm as issuer, one event. Only this class's own citizens and
 * clients are touched.
 */
public final class ReceptorSenales implements AutoCloseable {

    public static final String CREDENCIAL = "https://schemas.openid.net/secevent/caep/event-type/credential-change";
    public static final String SESION = "https://schemas.openid.net/secevent/caep/event-type/session-revoked";
    public static final String NIVEL = "https://schemas.openid.net/secevent/caep/event-type/assurance-level-change";
    private static final List<String> PEDIDOS = List.of(CREDENCIAL, SESION, NIVEL);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One Security Event Token, verified: its claims, its one event's type and body. */
    public record Senal(String jti, String tipo, JsonNode evento, String sub, JWTClaimsSet claims) {
    }

    private final KeycloakServer server;
    private final HttpServer http;
    private final HttpClient cliente = HttpClient.newHttpClient();
    private final Map<String, BlockingQueue<String>> empujadas = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> caidas = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rechazadas = new ConcurrentHashMap<>();
    private final List<String> clientes = new ArrayList<>();
    private final DefaultJWTProcessor<SecurityContext> verificador = new DefaultJWTProcessor<>();

    public ReceptorSenales(KeycloakServer server) throws IOException {
        this.server = server;
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/ssf/", intercambio -> {
            String app = intercambio.getRequestURI().getPath().substring("/ssf/".length());
            byte[] cuerpo = intercambio.getRequestBody().readAllBytes();
            BlockingQueue<String> cola = empujadas.get(app);
            boolean autorizado = cola != null && ("Bearer secreto-" + app).equals(intercambio.getRequestHeaders().getFirst("Authorization"))
                    && "application/secevent+jwt".equals(intercambio.getRequestHeaders().getFirst("Content-Type"));
            AtomicInteger fallas = caidas.get(app);
            if (autorizado && fallas != null && fallas.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                rechazadas.computeIfAbsent(app, a -> new AtomicInteger()).incrementAndGet();
                intercambio.sendResponseHeaders(503, -1); // the app is down: Keycloak must try again
                intercambio.close();
                return;
            }
            if (autorizado) {
                cola.add(new String(cuerpo, StandardCharsets.US_ASCII));
            }
            intercambio.sendResponseHeaders(autorizado ? 202 : 401, -1);
            intercambio.close();
        });
        http.start();
        // The realm's keys read once: they do not rotate during a test, and the node they came from may be killed.
        JWKSet claves;
        try {
            claves = JWKSet.load(URI.create(server.realmUri() + "/protocol/openid-connect/certs").toURL());
        } catch (java.text.ParseException e) {
            throw new IOException(e);
        }
        verificador.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("secevent+jwt")));
        verificador.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(claves)));
        verificador.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null,
                new JWTClaimsSet.Builder().issuer(server.publicRealmUri().toString()).build(), Set.of("jti", "iat", "events")));
    }

    /** A receiving app: its client and its stream. */
    public final class App {
        public final String clientId;
        public final String streamId;
        private final boolean push;
        private final String secreto;
        private final KeycloakServer nodo;
        private final List<Senal> guardadas = new ArrayList<>();

        private App(String clientId, String streamId, boolean push, String secreto, KeycloakServer nodo) {
            this.clientId = clientId;
            this.streamId = streamId;
            this.push = push;
            this.secreto = secreto;
            this.nodo = nodo;
        }

        /** A pushed-to app answers 503 to the next {@code veces} deliveries, as an app that is down. */
        public void caerse(int veces) {
            caidas.put(clientId, new AtomicInteger(veces));
        }

        /** How many deliveries this pushed-to app refused while down. */
        public int rechazadas() {
            AtomicInteger n = rechazadas.get(clientId);
            return n == null ? 0 : n.get();
        }

        /** The same app talking to another node of the cluster (its token and its polls go there). */
        public App en(KeycloakServer otro) {
            return new App(clientId, streamId, push, secreto, otro);
        }

        /**
         * The first signal for {@code sub} matching {@code buscada}, received before or within {@code espera}; fails if
         * none does. Signals it passes over are kept for the next call, in the order they came.
         */
        public Senal esperar(String sub, Predicate<Senal> buscada, Duration espera) throws Exception {
            try {
                return Espera.esperarHasta("a signal for " + sub + " to " + clientId, espera, () -> {
                    recoger();
                    for (int i = 0; i < guardadas.size(); i++) {
                        if (guardadas.get(i).sub().equals(sub) && buscada.test(guardadas.get(i))) {
                            return guardadas.remove(i);
                        }
                    }
                    return null;
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; it holds " + guardadas, e);
            }
        }

        /** Every signal received and not yet taken by {@link #esperar} (a poll stream: polled now and acknowledged); forgets them. */
        public List<Senal> nuevas() throws Exception {
            recoger();
            List<Senal> todas = new ArrayList<>(guardadas);
            guardadas.clear();
            return todas;
        }

        private void recoger() throws Exception {
            List<String> jws = new ArrayList<>();
            if (push) {
                empujadas.get(clientId).drainTo(jws);
            } else {
                String poll = nodo.realmUri() + "/ssf/transmitter/receivers/" + clientId + "/streams/" + streamId + "/poll";
                HttpResponse<String> respuesta = enviar("POST", poll, "{\"maxEvents\": 100, \"returnImmediately\": true}");
                if (respuesta.statusCode() != 200) {
                    throw new AssertionError("poll answered " + respuesta.statusCode() + ": " + respuesta.body());
                }
                List<String> jtis = new ArrayList<>();
                JSON.readTree(respuesta.body()).path("sets").fields().forEachRemaining(e -> {
                    jtis.add(e.getKey());
                    jws.add(e.getValue().asText());
                });
                if (!jtis.isEmpty()) {
                    enviar("POST", poll, JSON.writeValueAsString(Map.of("ack", jtis, "maxEvents", 0, "returnImmediately", true)));
                }
            }
            for (String set : jws) {
                Senal senal = leer(set);
                if (!senal.tipo().endsWith("/verification") && !senal.tipo().endsWith("/stream-updated")) {
                    guardadas.add(senal);
                }
            }
        }

        /**
         * What Keycloak answers this app's service account asking to add {@code subject} (an RFC 9493 subject, e.g.
         * {@code {"format": "email", "email": "…"}}) to its stream: an app subscribing a citizen by itself.
         */
        public HttpResponse<String> agregarSujeto(Map<String, String> subject) throws IOException, InterruptedException {
            return enviar("POST", nodo.realmUri() + "/ssf/transmitter/subjects/add",
                    JSON.writeValueAsString(Map.of("stream_id", streamId, "subject", subject, "verified", true)));
        }

        /** The service account's token, with the SSF scopes. */
        String token() throws IOException, InterruptedException {
            return new Oidc(nodo).postForm(nodo.realmUri() + "/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                    "client_id", clientId, "client_secret", secreto, "scope", "ssf.read ssf.manage")).path("access_token").asText();
        }

        HttpResponse<String> enviar(String metodo, String url, String json) throws IOException, InterruptedException {
            return cliente.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token())
                    .header("Content-Type", "application/json").method(metodo, HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * A new receiving app {@code clientId}: a confidential client whose login tags the citizen as its subject
     * ({@code ssf.autoNotifyOnLogin}: only the apps she used hear of her), its stream asking for credential-change,
     * session-revoked and assurance-level-change.
     */
    public App app(String clientId, boolean push) throws Exception {
        AdminApi admin = new AdminApi(server); // a token of its own: the admin console's lasts a minute
        String secreto = "secreto-" + clientId;
        ObjectNode cliente = JSON.createObjectNode().put("clientId", clientId).put("protocol", "openid-connect").put("publicClient", false)
                .put("secret", secreto).put("serviceAccountsEnabled", true).put("standardFlowEnabled", true).put("directAccessGrantsEnabled", false);
        cliente.putArray("redirectUris").add(server.realmUri().toString());
        ObjectNode atributos = cliente.putObject("attributes");
        atributos.put("ssf.enabled", "true").put("ssf.autoNotifyOnLogin", "true").put("ssf.minVerificationInterval", "0")
                .put("ssf.validPushUrls", "http://127.0.0.1:" + http.getAddress().getPort() + "/ssf/" + clientId);
        HttpResponse<String> creado = admin.postRaw("clients", JSON.writeValueAsString(cliente));
        if (creado.statusCode() != 201) {
            throw new AssertionError("client " + clientId + ": " + creado.statusCode() + " " + creado.body());
        }
        clientes.add(clientId);
        String uuid = admin.get("clients?clientId=" + clientId).path(0).path("id").asText();
        for (JsonNode scope : admin.get("client-scopes")) {
            if (scope.path("name").asText().startsWith("ssf.")) {
                HttpResponse<String> puesto = admin.putRaw("clients/" + uuid + "/optional-client-scopes/" + scope.path("id").asText(), "");
                if (puesto.statusCode() != 204) {
                    throw new AssertionError("scope " + scope.path("name").asText() + ": " + puesto.statusCode() + " " + puesto.body());
                }
            }
        }
        ObjectNode stream = JSON.createObjectNode().put("description", "Clave SS test app " + clientId);
        PEDIDOS.forEach(stream.putArray("events_requested")::add);
        ObjectNode entrega = stream.putObject("delivery");
        if (push) {
            empujadas.put(clientId, new LinkedBlockingQueue<>());
            entrega.put("method", "urn:ietf:rfc:8935").put("endpoint_url", "http://127.0.0.1:" + http.getAddress().getPort() + "/ssf/" + clientId)
                    .put("authorization_header", "Bearer " + secreto);
        } else {
            entrega.put("method", "urn:ietf:rfc:8936");
        }
        App app = new App(clientId, null, push, secreto, server);
        HttpResponse<String> respuesta = app.enviar("POST", server.realmUri() + "/ssf/transmitter/streams", JSON.writeValueAsString(stream));
        if (respuesta.statusCode() != 201) {
            throw new AssertionError("stream of " + clientId + ": " + respuesta.statusCode() + " " + respuesta.body());
        }
        JsonNode creadoStream = JSON.readTree(respuesta.body());
        return new App(clientId, creadoStream.path("stream_id").asText(), push, secreto, server);
    }

    /** A SET as an app reads it, after checking its signature, type, issuer and that it holds exactly one event. */
    public Senal leer(String jws) throws Exception {
        JWTClaimsSet claims = verificador.process(jws, null);
        Map<String, Object> eventos = claims.getJSONObjectClaim("events");
        if (eventos.size() != 1) {
            throw new AssertionError("a SET holds one event: " + claims);
        }
        Map.Entry<String, Object> evento = eventos.entrySet().iterator().next();
        JsonNode subId = JSON.valueToTree(claims.getJSONObjectClaim("sub_id"));
        JsonNode usuario = subId.has("user") ? subId.path("user") : subId;
        return new Senal(claims.getJWTID(), evento.getKey(), JSON.valueToTree(evento.getValue()), usuario.path("sub").asText(), claims);
    }

    @Override
    public void close() throws Exception {
        http.stop(0);
        AdminApi admin = new AdminApi(server);
        for (String clientId : clientes) {
            String uuid = admin.get("clients?clientId=" + clientId).path(0).path("id").asText();
            if (!uuid.isEmpty()) {
                admin.delete("clients/" + uuid);
            }
        }
    }

    /** How long a signal may take in the tests: the outbox is drained every second there ({@code KeycloakExtension.SENALES_RAPIDAS}). */
    public static final Duration ESPERA = Duration.ofSeconds(30);
}
