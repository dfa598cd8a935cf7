package ar.gob.anses.clavess.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.htmlunit.Page;
import org.htmlunit.WebClient;

/** "Actividad de tu cuenta" over HTTP: a citizen's account-console token, and the endpoint the page reads. */
public final class ActividadDePrueba {

    /** Keycloak's account console client. */
    public static final String CONSOLA = "account-console";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ActividadDePrueba() {
    }

    /** The access token the account console would hold after the citizen logs in to it (PKCE, as the console does). */
    public static String token(KeycloakServer server, WebClient browser, String clientId, String cuil, String clave)
            throws IOException, InterruptedException {
        Oidc oidc = new Oidc(server);
        Oidc.Request pedido = CONSOLA.equals(clientId)
                ? oidc.request(clientId, server.realmUri() + "/account/") : oidc.request(clientId);
        Page llegada = LoginPage.open(browser, pedido.uri()).submit(cuil, clave);
        return pedido.exchange(pedido.codeFrom(LoginPage.landedOn(llegada))).get("access_token").asText();
    }

    /** {@code GET /realms/anses/anses-actividad}, with that bearer token (none when null); the response as it is. */
    public static HttpResponse<String> leer(KeycloakServer server, String token, String consulta)
            throws IOException, InterruptedException {
        HttpRequest.Builder pedido = HttpRequest.newBuilder(URI.create(server.realmUri() + "/anses-actividad"
                + (consulta == null ? "" : "?" + consulta))).header("Accept", "application/json").header("Accept-Language", "es-AR");
        if (token != null) {
            pedido.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(pedido.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The entries the endpoint gives the token's citizen. */
    public static JsonNode entradas(KeycloakServer server, String token) throws IOException, InterruptedException {
        HttpResponse<String> respuesta = leer(server, token, null);
        if (respuesta.statusCode() != 200) {
            throw new AssertionError("anses-actividad answered " + respuesta.statusCode() + ": " + respuesta.body());
        }
        return JSON.readTree(respuesta.body()).get("entradas");
    }
}
