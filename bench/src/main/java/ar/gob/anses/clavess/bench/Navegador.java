package ar.gob.anses.clavess.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as cheap as it can be, so the load generator leaves the CPU to the server: plain HTTP/1.1,
 * its own cookie jar (Keycloak's cookies are Secure even over http://localhost, which java.net's cookie
 * handling drops), forms found with regular expressions. One instance is one citizen's browser.
 */
final class Navegador {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern SET_COOKIE = Pattern.compile("^([^=;\\s]+)=([^;]*)");

    record Respuesta(int status, String cuerpo, URI uri, String location) {

        /** The action of the form with this id, HTML-unescaped. */
        String accion(String formId) {
            Matcher m = Pattern.compile("<form[^>]*\\bid=\"" + Pattern.quote(formId) + "\"[^>]*\\baction=\"([^\"]+)\"").matcher(cuerpo);
            if (!m.find()) {
                throw new IllegalStateException("no form " + formId + " on " + uri + " (" + status + "): " + resumen());
            }
            return uri.resolve(html(m.group(1))).toString();
        }

        /** Where the link with this id points, as an absolute URL. */
        String enlace(String id) {
            return uri.resolve(atributo(id, "href")).toString();
        }

        /** The value of an attribute of the element with this id. */
        String atributo(String id, String atributo) {
            Matcher m = Pattern.compile("\\bid=\"" + Pattern.quote(id) + "\"[^>]*\\b" + atributo + "=\"([^\"]*)\"").matcher(cuerpo);
            if (!m.find()) {
                throw new IllegalStateException("no " + atributo + " of #" + id + " on " + uri + ": " + resumen());
            }
            return html(m.group(1));
        }

        String resumen() {
            String texto = cuerpo.replaceAll("(?s)<script.*?</script>|<style.*?</style>", "").replaceAll("<[^>]+>", " ")
                    .replaceAll("\\s+", " ").strip();
            return texto.length() > 300 ? texto.substring(0, 300) : texto;
        }
    }

    private final Map<String, String> cookies = new LinkedHashMap<>();

    Respuesta get(String uri) throws IOException, InterruptedException {
        return enviar(HttpRequest.newBuilder(URI.create(uri)).GET());
    }

    Respuesta post(String uri, Map<String, String> formulario) throws IOException, InterruptedException {
        return enviar(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(formulario))));
    }

    /** Follows Keycloak's own redirects; stops at one that leaves for {@code salida} (the app's redirect URI). */
    Respuesta seguir(Respuesta respuesta, String salida) throws IOException, InterruptedException {
        while (respuesta.location() != null && !respuesta.location().startsWith(salida)) {
            respuesta = get(respuesta.uri().resolve(respuesta.location()).toString());
        }
        return respuesta;
    }

    private Respuesta enviar(HttpRequest.Builder pedido) throws IOException, InterruptedException {
        pedido.timeout(Duration.ofSeconds(60)).header("Accept-Language", "es-AR,es;q=0.9");
        if (!cookies.isEmpty()) {
            pedido.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        HttpRequest request = pedido.build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        for (String cookie : response.headers().allValues("set-cookie")) {
            Matcher m = SET_COOKIE.matcher(cookie);
            if (m.find()) {
                if (cookie.contains("Max-Age=0") || m.group(2).isEmpty()) {
                    cookies.remove(m.group(1));
                } else {
                    cookies.put(m.group(1), m.group(2));
                }
            }
        }
        return new Respuesta(response.statusCode(), response.body(), request.uri(), response.headers().firstValue("location").orElse(null));
    }

    static String form(Map<String, String> campos) {
        return campos.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A query parameter of a URL. */
    static String parametro(String url, String nombre) {
        Matcher m = Pattern.compile("[?&#]" + Pattern.quote(nombre) + "=([^&#]*)").matcher(url);
        return m.find() ? java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : null;
    }

    private static String html(String texto) {
        return texto.replace("&amp;", "&").replace("&#61;", "=").replace("&#x3D;", "=").replace("&quot;", "\"");
    }

    static Map<String, String> campos(String... pares) {
        Map<String, String> campos = new LinkedHashMap<>();
        for (int i = 0; i < pares.length; i += 2) {
            campos.put(pares[i], pares[i + 1]);
        }
        return campos;
    }

}
