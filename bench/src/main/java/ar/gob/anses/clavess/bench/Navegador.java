package ar.gob.anses.clavess.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;

/**
 * A browser as cheap as it can be, so the load generator leaves the CPU to the server: plain HTTP/1.1,
 * its own cookie jar (Keycloak's cookies are Secure even over http://localhost, which java.net's cookie
 * handling drops), forms found with regular expressions. One instance is one citizen's browser, optionally on a
 * local address of its own (127.0.x.y: the server sees each as another client). Apache's HttpClient because
 * java.net.http cannot bind a local address.
 */
final class Navegador {

    private static final CloseableHttpClient HTTP;

    static {
        PoolingHttpClientConnectionManager conexiones = new PoolingHttpClientConnectionManager();
        conexiones.setMaxTotal(512);
        conexiones.setDefaultMaxPerRoute(64); // a route is a local and a remote address
        HTTP = HttpClients.custom().setConnectionManager(conexiones).disableRedirectHandling().disableCookieManagement()
                .disableAutomaticRetries().disableContentCompression().build();
    }

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
    private final RequestConfig config;
    /** Behind a load balancer: requests for {@code publica} (the nodes' --hostname) go to {@code nodo}; else both null. */
    private final String publica;
    private final String nodo;

    /** A browser on the machine's default address. */
    Navegador() {
        this(null);
    }

    /** A browser whose connections leave from {@code local} (null: the default). */
    Navegador(InetAddress local) {
        this(local, null, null);
    }

    /**
     * A browser behind a load balancer that sent it to one cluster node: every request for the public address goes to
     * {@code nodo}, while the browser keeps seeing the public address (forms, redirects and cookies name it).
     */
    Navegador(InetAddress local, URI publica, URI nodo) {
        this.config = RequestConfig.custom().setLocalAddress(local).setConnectTimeout(5_000).setSocketTimeout(60_000)
                .setConnectionRequestTimeout(60_000).build();
        this.publica = publica == null || publica.equals(nodo) ? null : publica.toString();
        this.nodo = this.publica == null ? null : nodo.toString();
    }

    Respuesta get(String uri) throws IOException, InterruptedException {
        return enviar(new HttpGet(uri));
    }

    Respuesta post(String uri, Map<String, String> formulario) throws IOException, InterruptedException {
        HttpPost post = new HttpPost(uri);
        post.setEntity(new StringEntity(form(formulario), ContentType.APPLICATION_FORM_URLENCODED));
        return enviar(post);
    }

    /** Follows Keycloak's own redirects; stops at one that leaves for {@code salida} (the app's redirect URI). */
    Respuesta seguir(Respuesta respuesta, String salida) throws IOException, InterruptedException {
        while (respuesta.location() != null && !respuesta.location().startsWith(salida)) {
            respuesta = get(respuesta.uri().resolve(respuesta.location()).toString());
        }
        return respuesta;
    }

    private Respuesta enviar(HttpRequestBase pedido) throws IOException {
        URI vista = pedido.getURI();
        if (publica != null && vista.toString().startsWith(publica)) {
            pedido.setURI(URI.create(nodo + vista.toString().substring(publica.length())));
        }
        pedido.setConfig(config);
        pedido.setHeader("Accept-Language", "es-AR,es;q=0.9");
        if (!cookies.isEmpty()) {
            pedido.setHeader("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        HttpResponse response = HTTP.execute(pedido);
        String cuerpo = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        for (Header header : response.getHeaders("Set-Cookie")) {
            String cookie = header.getValue();
            Matcher m = SET_COOKIE.matcher(cookie);
            if (m.find()) {
                if (cookie.contains("Max-Age=0") || m.group(2).isEmpty()) {
                    cookies.remove(m.group(1));
                } else {
                    cookies.put(m.group(1), m.group(2));
                }
            }
        }
        Header location = response.getFirstHeader("Location");
        return new Respuesta(response.getStatusLine().getStatusCode(), cuerpo, vista, location == null ? null : location.getValue());
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
