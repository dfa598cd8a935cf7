package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CorreoDePrueba;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "No fui yo" (issue 22), end to end: a change sends a notice whose email holds a signed single-use link; opening it
 * changes nothing, confirming it closes every session, stops the clave until a new one, keeps the other credentials,
 * records the event and sends a confirmation; a link used again, or forged, gets a clear page and changes nothing.
 * Each test creates its own citizens ({@link CuilsDePrueba}).
 */
@ExtendWith({KeycloakExtension.class, CorreoDePrueba.class})
class NoFuiYoIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final ThemeMessages CORREO = ThemeMessages.correoSpanish();
    private static final String DOMINIO = "@correo.demo.anses.example";
    private static final Pattern ENLACE = Pattern.compile("https?://\\S+/login-actions/action-token\\?\\S+");

    private final KeycloakServer server;
    private final CorreoDePrueba correo;
    private final Oidc oidc;

    NoFuiYoIT(KeycloakServer server, CorreoDePrueba correo) throws Exception {
        this.server = server;
        this.correo = correo;
        this.oidc = new Oidc(server);
        correo.apuntar(new AdminApi(server));
    }

    @DisplayName("given a citizen signed in whose level an office raised, when she opens the notice's No fui yo link, then "
            + "a confirmation page and nothing changes; when she confirms, then her session gives no SSO, her refresh token "
            + "is refused, the right clave is refused with the compromised message (a wrong one as usual), her credentials "
            + "stay, a LOGOUT event with reason anses_no_fui_yo is stored and a confirmation notice arrives; the link used "
            + "again shows it was used and changes nothing; a new clave set for her lets her in again")
    @Test
    void confirmarCierraTodo() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        String direccion = "no.fui.yo." + cuil + DOMINIO;
        String clave = "Ceibal7Norte";
        AdminApi admin = new AdminApi(server);
        crear(admin, cuil, clave, direccion);
        String id = admin.userId(cuil);
        List<String> credenciales = credenciales(admin, id);

        WebClient browser = LoginPage.browser();
        Oidc.Request login = oidc.request(Oidc.MI_ANSES);
        Page app = LoginPage.open(browser, login.uri()).submit(cuil, clave);
        assertThat(LoginPage.loggedIn(app, login)).as(app.getWebResponse().getContentAsString()).isTrue();
        String refresh = login.exchange(login.codeFrom(LoginPage.landedOn(app))).get("refresh_token").asText();

        AdminApi oficina = AdminApi.as(server, "27291112221", "Ceibo4Rama");
        assertThat(oficina.putRaw("anses-nivel/" + cuil, "{\"nivel\": 3}").statusCode()).isEqualTo(204);
        MimeMessage aviso = correo.esperar(direccion, 1).get(0);
        assertThat(aviso.getSubject()).isEqualTo(CORREO.get("ansesAvisoNivelSubidoAsunto", "2", "3"));
        String texto = CorreoDePrueba.parte(aviso, "text/plain");
        String html = CorreoDePrueba.parte(aviso, "text/html");
        assertThat(texto).contains(CORREO.get("ansesAvisoEnlaceNoFuiYo")).contains(CORREO.get("ansesAvisoEnlaceNoFuiYoTexto", 7))
                .contains(CORREO.get("ansesAvisoOlvideMiClave"));
        assertThat(html).contains(CORREO.get("ansesAvisoEnlaceNoFuiYo"));
        String enlace = enlace(texto);
        assertThat(html).contains(enlace.replace("&", "&amp;"));
        assertThat(enlace).doesNotContain(cuil);

        // Opening it (as a mail scanner would) changes nothing.
        HtmlPage confirmar = browser.getPage(enlace);
        assertThat(confirmar.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(titulo(confirmar)).isEqualTo(ES.get("ansesNoFuiYoConfirmarTitulo"));
        assertThat(confirmar.asNormalizedText()).contains(ES.get("ansesNoFuiYoQueVaAPasar"))
                .contains(ES.get("ansesNoFuiYoConfirmar")).contains(ES.get("ansesNoFuiYoCancelar"));
        assertThat(sso(browser)).as("SSO after only opening the link").isTrue();
        assertThat(oidc.refresh(Oidc.MI_ANSES, refresh).path("access_token").asText()).isNotBlank();
        assertThat(admin.get("users/" + id).path("attributes").has("claveComprometida")).isFalse();
        // The same page, kept to send its form again later.
        HtmlPage otraVez = browser.getPage(enlace);

        HtmlPage hecho = confirmar.getHtmlElementById("anses-confirmar").click();
        assertThat(hecho.getWebResponse().getStatusCode()).as(hecho.asXml()).isEqualTo(200);
        assertThat(titulo(hecho)).isEqualTo(ES.get("ansesNoFuiYoHechoTitulo"));
        assertThat(hecho.getHtmlElementById("anses-no-fui-yo").asNormalizedText()).isEqualTo(ES.get("ansesNoFuiYoHecho"));

        assertThat(sso(browser)).as("SSO after No fui yo").isFalse();
        assertThatThrownBy(() -> oidc.refresh(Oidc.MI_ANSES, refresh)).hasMessageContaining("400");
        LoginPage correcta = LoginPage.of(LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit(cuil, clave));
        assertThat(correcta.alert()).isEqualTo(ES.get("ansesClaveComprometida"));
        LoginPage equivocada = LoginPage.of(LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit(cuil, "Otra5Clave"));
        assertThat(equivocada.alert()).isEqualTo(ES.get("ansesInvalidCredentials"));
        assertThat(credenciales(admin, id)).as("no credential removed").isEqualTo(credenciales);

        JsonNode eventos = admin.get("events?user=" + id + "&type=LOGOUT");
        List<JsonNode> nuestros = new ArrayList<>();
        eventos.forEach(e -> {
            if ("anses_no_fui_yo".equals(e.path("details").path("reason").asText())) {
                nuestros.add(e);
            }
        });
        assertThat(nuestros).as(eventos.toString()).hasSize(1);
        String marca = admin.get("users/" + id).path("attributes").path("claveComprometida").path(0).asText();
        assertThat(marca).isNotBlank();

        List<MimeMessage> mensajes = correo.esperar(direccion, 2);
        MimeMessage confirmacion = mensajes.get(1);
        assertThat(confirmacion.getSubject()).isEqualTo(CORREO.get("ansesAvisoNoFuiYoAsunto"));
        assertThat(CorreoDePrueba.parte(confirmacion, "text/plain")).contains(CORREO.get("ansesAvisoNoFuiYoTexto"))
                .doesNotContain("action-token");

        // Used again: by its form, and by the link itself.
        HtmlPage usado = otraVez.getHtmlElementById("anses-confirmar").click();
        assertThat(titulo(usado)).isEqualTo(ES.get("ansesNoFuiYoUsadoTitulo"));
        assertThat(usado.asNormalizedText()).contains(ES.get("ansesNoFuiYoUsado"));
        HtmlPage abiertoOtraVez = browser.getPage(enlace);
        assertThat(titulo(abiertoOtraVez)).isEqualTo(ES.get("ansesNoFuiYoUsadoTitulo"));
        assertThat(admin.get("events?user=" + id + "&type=LOGOUT").size()).isEqualTo(eventos.size());
        assertThat(admin.get("users/" + id).path("attributes").path("claveComprometida").path(0).asText()).isEqualTo(marca);

        // A new clave (as an office gives one; Olvidé mi clave sets one the same way) lets her in again.
        HttpResponse<String> nueva = admin.putRaw("users/" + id + "/reset-password",
                "{\"type\": \"password\", \"value\": \"Quebracho8Rio\", \"temporary\": false}");
        assertThat(nueva.statusCode()).as(nueva.body()).isEqualTo(204);
        Oidc.Request otra = oidc.request(Oidc.MI_ANSES);
        Page dentro = LoginPage.open(LoginPage.browser(), otra.uri()).submit(cuil, "Quebracho8Rio");
        assertThat(LoginPage.loggedIn(dentro, otra)).as(dentro.getWebResponse().getContentAsString()).isTrue();
    }

    @DisplayName("given a notice's No fui yo link, when its token is garbled or its signature forged, then a clear page in "
            + "Spanish, no server error, and the citizen can still sign in; a POST with a forged token or from another "
            + "site's page changes nothing either")
    @Test
    void enlaceFalso() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        String direccion = "no.fui.yo." + cuil + DOMINIO;
        String clave = "Lapacho4Sur";
        AdminApi admin = new AdminApi(server);
        crear(admin, cuil, clave, direccion);
        String id = admin.userId(cuil);
        AdminApi oficina = AdminApi.as(server, "27291112221", "Ceibo4Rama");
        assertThat(oficina.putRaw("anses-nivel/" + cuil, "{\"nivel\": 3}").statusCode()).isEqualTo(204);
        String enlace = enlace(CorreoDePrueba.parte(correo.esperar(direccion, 1).get(0), "text/plain"));
        String key = Oidc.query(URI.create(enlace)).get("key");
        String[] partes = key.split("\\.");

        WebClient browser = LoginPage.browser();
        String firmaFalsa = partes[0] + "." + partes[1] + "." + new StringBuilder(partes[2]).reverse();
        HtmlPage falsa = browser.getPage(enlace.replace(key, firmaFalsa));
        assertThat(falsa.getWebResponse().getStatusCode()).isLessThan(500);
        assertThat(falsa.asNormalizedText()).contains(ES.get("ansesNoFuiYoInvalido"));

        HtmlPage cortado = browser.getPage(enlace.replace(key, key.substring(0, key.length() / 2)));
        assertThat(cortado.getWebResponse().getStatusCode()).isLessThan(500);
        assertThat(cortado.asNormalizedText()).contains(ES.get("invalidCodeMessage"));

        HttpClient http = HttpClient.newHttpClient();
        URI confirmar = URI.create(server.realmUri() + "/anses-no-fui-yo");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(confirmar).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "es-AR").POST(HttpRequest.BodyPublishers.ofString("key=" + firmaFalsa)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(post.body()).contains(ES.get("ansesNoFuiYoInvalidoTitulo"));
        HttpResponse<String> otroSitio = http.send(HttpRequest.newBuilder(confirmar).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://malo.example").header("Accept-Language", "es-AR")
                .POST(HttpRequest.BodyPublishers.ofString("key=" + key)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(otroSitio.statusCode()).isEqualTo(403);

        assertThat(admin.get("users/" + id).path("attributes").has("claveComprometida")).isFalse();
        Oidc.Request login = oidc.request(Oidc.MI_ANSES);
        Page app = LoginPage.open(LoginPage.browser(), login.uri()).submit(cuil, clave);
        assertThat(LoginPage.loggedIn(app, login)).as(app.getWebResponse().getContentAsString()).isTrue();
    }

    // --- helpers

    private boolean sso(WebClient browser) throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        return LoginPage.loggedIn(browser.getPage(request.uri().toURL()), request);
    }

    private static String enlace(String texto) {
        Matcher m = ENLACE.matcher(texto);
        assertThat(m.find()).as(texto).isTrue();
        return m.group();
    }

    private static String titulo(HtmlPage page) {
        var titulo = page.getElementById("kc-page-title");
        assertThat(titulo).as(page.asXml()).isNotNull();
        return titulo.asNormalizedText();
    }

    private static List<String> credenciales(AdminApi admin, String id) throws Exception {
        List<String> ids = new ArrayList<>();
        admin.get("users/" + id + "/credentials").forEach(c -> ids.add(c.path("type").asText() + ":" + c.path("id").asText()));
        return ids;
    }

    /** A citizen with a clave and a verified address, created by an admin (a creation sends no notice). */
    private static void crear(AdminApi admin, String cuil, String clave, String direccion) throws Exception {
        HttpResponse<String> creado = admin.postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Dolores", "lastName": "Prueba", "email": "%s", "emailVerified": true,
                 "attributes": {"dni": ["%s"], "nivel": ["2"]},
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}
                """.formatted(cuil, direccion, CuilsDePrueba.dni(cuil), clave));
        assertThat(creado.statusCode()).as(creado.body()).isEqualTo(201);
    }
}
