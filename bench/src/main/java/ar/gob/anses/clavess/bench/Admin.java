package ar.gob.anses.clavess.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Keycloak's admin REST API as the bootstrap admin: what the harness sets up before it measures. */
final class Admin {

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private long tokenHastaNanos;

    Admin(URI base) {
        this.base = base;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(enviar("GET", path, null));
    }

    String post(String path, Object cuerpo) throws IOException, InterruptedException {
        return enviar("POST", path, JSON.writeValueAsString(cuerpo));
    }

    void put(String path, Object cuerpo) throws IOException, InterruptedException {
        enviar("PUT", path, JSON.writeValueAsString(cuerpo));
    }

    ObjectNode objeto() {
        return JSON.createObjectNode();
    }

    private String enviar(String metodo, String path, String cuerpo) throws IOException, InterruptedException {
        HttpRequest.Builder pedido = HttpRequest.newBuilder(base.resolve("admin/realms/" + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .method(metodo, cuerpo == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(cuerpo));
        HttpResponse<String> respuesta = http.send(pedido.build(), HttpResponse.BodyHandlers.ofString());
        if (respuesta.statusCode() / 100 != 2) {
            throw new IllegalStateException(metodo + " " + path + " answered " + respuesta.statusCode() + ": " + respuesta.body());
        }
        return respuesta.body();
    }

    /** A token of master's admin-cli, renewed before it expires (setting up 2 000 users takes a while). */
    private synchronized String token() throws IOException, InterruptedException {
        if (token == null || System.nanoTime() > tokenHastaNanos) {
            String form = Navegador.form(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
            HttpResponse<String> respuesta = http.send(HttpRequest.newBuilder(base.resolve("realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (respuesta.statusCode() != 200) {
                throw new IllegalStateException("admin token: " + respuesta.statusCode() + " " + respuesta.body());
            }
            JsonNode json = JSON.readTree(respuesta.body());
            token = json.get("access_token").asText();
            tokenHastaNanos = System.nanoTime() + Duration.ofSeconds(json.get("expires_in").asLong() - 10).toNanos();
        }
        return token;
    }

    static String enc(String texto) {
        return URLEncoder.encode(texto, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
