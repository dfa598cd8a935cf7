package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.ContadoresAvisos;
import ar.gob.anses.clavess.testsupport.CorreoDePrueba;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.SegundoFactorPages;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Her email never changes behind her back (issue 30): an address change asked for in Mi cuenta (Keycloak's Update
 * email, the account REST API, the profile forms) takes effect only once it is confirmed from the new mailbox; the
 * address in use is told at once, with its No fui yo, and keeps every notice until then; the confirmed change is told
 * to it too; an office's change as well. Each test creates its own citizen ({@link CuilsDePrueba}) with a verified
 * address of its own.
 */
@ExtendWith({KeycloakExtension.class, CorreoDePrueba.class})
class CambioDeCorreoIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final ThemeMessages CORREO = ThemeMessages.correoSpanish();
    private static final String DOMINIO = "@cambio.correo.demo.anses.example";
    private static final Pattern ENLACE = Pattern.compile("https?://\\S+/login-actions/action-token\\?\\S+");

    private final KeycloakServer server;
    private final CorreoDePrueba correo;
    private final Oidc oidc;

    CambioDeCorreoIT(KeycloakServer server, CorreoDePrueba correo) throws Exception {
        this.server = server;
        this.correo = correo;
        this.oidc = new Oidc(server);
        correo.apuntar(new AdminApi(server));
    }

    @DisplayName("given a session thief in a citizen's Mi cuenta, when he changes her email in the account REST API, then "
            + "nothing changes; when he asks for it with Update email, then her address is told at once with a No fui yo "
            + "link and stays hers, and he can set up no second factor before Keycloak's pending-change page; once he "
            + "confirms from his mailbox, her address is told of that as well: two notices with No fui yo before his "
            + "second factor")
    @Test
    void ladronDeSesion() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        String suya = "duena." + cuil + DOMINIO;
        String delLadron = "ladron." + cuil + DOMINIO;
        AdminApi admin = new AdminApi(server);
        crear(admin, cuil, "Ceibo7Rio", suya);
        String id = admin.userId(cuil);

        WebClient ladron = LoginPage.browser();
        Oidc.Request login = oidc.request(Oidc.MI_ANSES);
        Page app = LoginPage.open(ladron, login.uri()).submit(cuil, "Ceibo7Rio");
        assertThat(LoginPage.loggedIn(app, login)).as(app.getWebResponse().getContentAsString()).isTrue();
        String token = login.exchange(login.codeFrom(LoginPage.landedOn(app))).get("access_token").asText();

        // The account REST API, as Mi cuenta's personal data page would send it.
        cambiarEnCuenta(token, delLadron);
        assertThat(correoDe(admin, id)).isEqualTo(suya);
        assertThat(verificado(admin, id)).isTrue();

        // Update email: the link goes to his mailbox, the notice to hers.
        HtmlPage sentado = pedirCambio(ladron, delLadron);
        assertThat(sentado.asNormalizedText()).contains(ES.get("emailUpdateConfirmationSent", delLadron));
        MimeMessage pedido = correo.esperar(suya, 1).get(0);
        assertThat(pedido.getSubject()).isEqualTo(CORREO.get("ansesAvisoCorreoCambioPedidoAsunto"));
        String texto = CorreoDePrueba.parte(pedido, "text/plain");
        assertThat(texto).contains(CORREO.get("ansesAvisoCorreoCambioPedidoTexto")).contains(CORREO.get("ansesAvisoEnlaceNoFuiYo"));
        assertThat(ENLACE.matcher(texto).find()).as(texto).isTrue();
        MimeMessage confirmar = correo.esperar(delLadron, 1).get(0);
        assertThat(confirmar.getSubject()).isEqualTo(CORREO.get("emailUpdateConfirmationSubject"));
        assertThat(correoDe(admin, id)).as("not confirmed yet").isEqualTo(suya);
        assertThat(verificado(admin, id)).isTrue();

        // Meanwhile he cannot get on with it unheard: Keycloak asks about the pending change before anything else.
        Oidc.Request antes = oidc.request(Oidc.MI_ANSES);
        HtmlPage pendiente = (HtmlPage) ladron.getPage(antes.uri(Map.of("kc_action", "CONFIGURE_TOTP")).toURL());
        assertThat(pendiente.getElementById("mode-manual")).as(pendiente.asNormalizedText()).isNull();
        assertThat(pendiente.asNormalizedText()).contains(ES.get("updateEmailTitle")).contains(ES.get("emailVerificationPending", delLadron));
        ContadoresAvisos.esperarBandejaVacia(server);
        assertThat(correo.para(delLadron)).as("only the link reached his mailbox").hasSize(1);

        // He confirms from his mailbox: the address is his, and hers is told.
        HtmlPage confirmado = ladron.getPage(enlace(CorreoDePrueba.parte(confirmar, "text/plain")));
        assertThat(confirmado.asNormalizedText()).contains(ES.get("emailUpdated", delLadron));
        assertThat(correoDe(admin, id)).isEqualTo(delLadron);
        assertThat(verificado(admin, id)).isTrue();
        MimeMessage cambiado = correo.esperar(suya, 2).get(1);
        assertThat(cambiado.getSubject()).isEqualTo(CORREO.get("ansesAvisoCorreoCambiadoAsunto"));
        assertThat(CorreoDePrueba.parte(cambiado, "text/plain")).contains(CORREO.get("ansesAvisoEnlaceNoFuiYo"));

        // Only now his second factor: she was told twice, each time with No fui yo, before he could add it.
        Oidc.Request totp = oidc.request(Oidc.MI_ANSES);
        HtmlPage configurar = (HtmlPage) ladron.getPage(totp.uri(Map.of("kc_action", "CONFIGURE_TOTP")).toURL());
        Page hecho = SegundoFactorPages.configurarTotp(configurar).landed();
        assertThat(LoginPage.loggedIn(hecho, totp)).as(hecho.getWebResponse().getContentAsString()).isTrue();
        assertThat(correo.esperar(delLadron, 3)).extracting(MimeMessage::getSubject).containsExactly(
                CORREO.get("emailUpdateConfirmationSubject"), CORREO.get("ansesAvisoCorreoCambiadoAsunto"),
                CORREO.get("ansesAvisoFactorAgregadoAsunto"));
        ContadoresAvisos.esperarBandejaVacia(server);
        assertThat(correo.para(suya)).as("the notices to her address").extracting(MimeMessage::getSubject).containsExactly(
                CORREO.get("ansesAvisoCorreoCambioPedidoAsunto"), CORREO.get("ansesAvisoCorreoCambiadoAsunto"));
    }

    @DisplayName("given a citizen who asked for a new address, when a notice is due before she confirms it, then it goes "
            + "to the address in use; when the owner of that address confirms No fui yo from the first notice, then the "
            + "link sent to the new address changes nothing any more")
    @Test
    void noFuiYoCancelaElCambio() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        String vieja = "vieja." + cuil + DOMINIO;
        String nueva = "nueva." + cuil + DOMINIO;
        AdminApi admin = new AdminApi(server);
        crear(admin, cuil, "Ticucho8Nieve", vieja);
        String id = admin.userId(cuil);

        WebClient browser = LoginPage.browser();
        Oidc.Request login = oidc.request(Oidc.MI_ANSES);
        Page app = LoginPage.open(browser, login.uri()).submit(cuil, "Ticucho8Nieve");
        assertThat(LoginPage.loggedIn(app, login)).as(app.getWebResponse().getContentAsString()).isTrue();
        pedirCambio(browser, nueva);
        MimeMessage pedido = correo.esperar(vieja, 1).get(0);
        assertThat(pedido.getSubject()).isEqualTo(CORREO.get("ansesAvisoCorreoCambioPedidoAsunto"));
        MimeMessage confirmar = correo.esperar(nueva, 1).get(0);

        // An office raises her level before she confirms: told to the address in use.
        AdminApi oficina = AdminApi.as(server, "27291112221", "Ceibo4Rama");
        assertThat(oficina.putRaw("anses-nivel/" + cuil, "{\"nivel\": 3}").statusCode()).isEqualTo(204);
        MimeMessage nivel = correo.esperar(vieja, 2).get(1);
        assertThat(nivel.getSubject()).isEqualTo(CORREO.get("ansesAvisoNivelSubidoAsunto", "2", "3"));

        // No fui yo, from the first notice.
        HtmlPage noFuiYo = LoginPage.browser().getPage(enlace(CorreoDePrueba.parte(pedido, "text/plain")));
        HtmlPage cortado = noFuiYo.getHtmlElementById("anses-confirmar").click();
        assertThat(cortado.getWebResponse().getStatusCode()).as(cortado.asXml()).isEqualTo(200);

        HtmlPage tarde = LoginPage.browser().getPage(enlace(CorreoDePrueba.parte(confirmar, "text/plain")));
        assertThat(tarde.asNormalizedText()).contains(ES.get("emailVerificationCancelled"));
        assertThat(correoDe(admin, id)).isEqualTo(vieja);
        assertThat(verificado(admin, id)).isTrue();
        ContadoresAvisos.esperarBandejaVacia(server);
        assertThat(correo.para(nueva)).as("only the link").hasSize(1);
    }

    @DisplayName("given a change of address asked for in her session, when the owner logs in, then Keycloak's page says "
            + "it is pending before anything else; when she enters her current address there, then the request is "
            + "cancelled: the link at the new address changes nothing and nobody is told of a change")
    @Test
    void duenaCancelaAlIngresar() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        String suya = "cancela." + cuil + DOMINIO;
        String otra = "pedida." + cuil + DOMINIO;
        AdminApi admin = new AdminApi(server);
        crear(admin, cuil, "Ticucho8Nieve", suya);
        String id = admin.userId(cuil);

        WebClient otro = LoginPage.browser();
        Oidc.Request login = oidc.request(Oidc.MI_ANSES);
        Page app = LoginPage.open(otro, login.uri()).submit(cuil, "Ticucho8Nieve");
        assertThat(LoginPage.loggedIn(app, login)).as(app.getWebResponse().getContentAsString()).isTrue();
        pedirCambio(otro, otra);
        MimeMessage confirmar = correo.esperar(otra, 1).get(0);
        assertThat(correo.esperar(suya, 1).get(0).getSubject()).isEqualTo(CORREO.get("ansesAvisoCorreoCambioPedidoAsunto"));

        Oidc.Request suyo = oidc.request(Oidc.MI_ANSES);
        HtmlPage pendiente = (HtmlPage) LoginPage.open(LoginPage.browser(), suyo.uri()).submit(cuil, "Ticucho8Nieve");
        assertThat(pendiente.asNormalizedText()).contains(ES.get("emailVerificationPending", otra));
        pendiente.<HtmlInput>getHtmlElementById("email").setValue(suya);
        Page adentro = pendiente.getHtmlElementById("kc-submit").click();
        assertThat(LoginPage.loggedIn(adentro, suyo)).as(adentro.getWebResponse().getContentAsString()).isTrue();

        HtmlPage tarde = LoginPage.browser().getPage(enlace(CorreoDePrueba.parte(confirmar, "text/plain")));
        assertThat(tarde.asNormalizedText()).contains(ES.get("emailVerificationCancelled"));
        assertThat(correoDe(admin, id)).isEqualTo(suya);
        assertThat(verificado(admin, id)).isTrue();
        ContadoresAvisos.esperarBandejaVacia(server);
        assertThat(correo.para(suya)).as("only the request's notice").hasSize(1);
        assertThat(correo.para(otra)).as("only the link").hasSize(1);
    }

    @DisplayName("given a citizen with a verified address, when she posts another one to the Update profile form, or an "
            + "empty one to Update email, then her address stays as it was (Keycloak alone would remove it at once)")
    @Test
    void formulariosDePerfil() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        String suya = "perfil." + cuil + DOMINIO;
        AdminApi admin = new AdminApi(server);
        crear(admin, cuil, "Quimili4Bruma", suya);
        String id = admin.userId(cuil);

        WebClient browser = LoginPage.browser();
        Oidc.Request login = oidc.request(Oidc.MI_ANSES);
        Page app = LoginPage.open(browser, login.uri()).submit(cuil, "Quimili4Bruma");
        assertThat(LoginPage.loggedIn(app, login)).as(app.getWebResponse().getContentAsString()).isTrue();

        Oidc.Request perfil = oidc.request(Oidc.MI_ANSES);
        HtmlPage formulario = (HtmlPage) browser.getPage(perfil.uri(Map.of("kc_action", "UPDATE_PROFILE")).toURL());
        HtmlForm form = formulario.getHtmlElementById("kc-update-profile-form");
        assertThat(form.getInputsByName("email")).as("no email field offered").isEmpty();
        HtmlInput email = (HtmlInput) formulario.createElement("input");
        email.setAttribute("type", "hidden");
        email.setAttribute("name", "email");
        email.setAttribute("value", "otra." + cuil + DOMINIO);
        form.appendChild(email);
        Page enviado = ((HtmlElement) form.querySelector("[type=submit]")).click();
        assertThat(enviado.getWebResponse().getStatusCode()).isLessThan(500);
        assertThat(correoDe(admin, id)).isEqualTo(suya);
        assertThat(verificado(admin, id)).isTrue();

        HtmlPage vacio = pedirCambio(browser, "");
        assertThat(vacio.asNormalizedText()).contains(ES.get("missingEmailMessage"));
        assertThat(correoDe(admin, id)).isEqualTo(suya);
        assertThat(verificado(admin, id)).isTrue();
    }

    @DisplayName("given office staff who change a citizen's address in the admin API, then the notice of the change goes "
            + "to the new address and to the verified one it replaced")
    @Test
    void oficinaCambiaElCorreo() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        String vieja = "antes.oficina." + cuil + DOMINIO;
        String nueva = "despues.oficina." + cuil + DOMINIO;
        AdminApi admin = new AdminApi(server);
        crear(admin, cuil, "Ambato2Lirio", vieja);
        String id = admin.userId(cuil);

        AdminApi oficina = AdminApi.as(server, "27291112221", "Ceibo4Rama");
        ObjectNode usuario = (ObjectNode) oficina.get("users/" + id);
        usuario.put("email", nueva);
        assertThat(oficina.putRaw("users/" + id, usuario.toString()).statusCode()).isEqualTo(204);
        assertThat(correoDe(admin, id)).isEqualTo(nueva);

        MimeMessage aLaVieja = correo.esperar(vieja, 1).get(0);
        assertThat(aLaVieja.getSubject()).isEqualTo(CORREO.get("ansesAvisoOficinaDatosAsunto"));
        assertThat(CorreoDePrueba.parte(aLaVieja, "text/plain")).contains(CORREO.get("ansesAvisoEnlaceNoFuiYo"));
        assertThat(correo.esperar(nueva, 1).get(0).getSubject()).isEqualTo(CORREO.get("ansesAvisoOficinaDatosAsunto"));
        ContadoresAvisos.esperarBandejaVacia(server);
        assertThat(correo.para(vieja)).hasSize(1);
    }

    /** Keycloak's Update email, as Mi cuenta's link starts it: the form with the new address, sent. */
    private HtmlPage pedirCambio(WebClient browser, String direccion) throws Exception {
        Oidc.Request pedido = oidc.request(Oidc.MI_ANSES);
        Page pagina = browser.getPage(pedido.uri(Map.of("kc_action", "UPDATE_EMAIL")).toURL());
        assertThat(pagina).as(pagina.getUrl() + " " + pagina.getWebResponse().getContentAsString()).isInstanceOf(HtmlPage.class);
        HtmlPage formulario = (HtmlPage) pagina;
        formulario.<HtmlInput>getHtmlElementById("email").setValue(direccion);
        Page enviado = formulario.getHtmlElementById("kc-submit").click();
        assertThat(enviado).as(enviado.getUrl() + " " + enviado.getWebResponse().getContentAsString()).isInstanceOf(HtmlPage.class);
        return (HtmlPage) enviado;
    }

    /** Mi cuenta's personal data saved with another address: the account REST API with the console's token. */
    private void cambiarEnCuenta(String token, String direccion) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI cuenta = URI.create(server.baseUri() + "realms/anses/account/");
        ObjectNode yo = (ObjectNode) new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(cuenta)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        yo.put("email", direccion);
        HttpResponse<String> guardado = http.send(HttpRequest.newBuilder(cuenta).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(yo.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(guardado.statusCode()).as(guardado.body()).isLessThan(500);
    }

    private static String correoDe(AdminApi admin, String id) throws Exception {
        return admin.get("users/" + id).path("email").asText();
    }

    private static boolean verificado(AdminApi admin, String id) throws Exception {
        return admin.get("users/" + id).path("emailVerified").asBoolean();
    }

    private static String enlace(String texto) {
        Matcher m = ENLACE.matcher(texto);
        assertThat(m.find()).as(texto).isTrue();
        return m.group();
    }

    private static void crear(AdminApi admin, String cuil, String clave, String direccion) throws Exception {
        HttpResponse<String> creado = admin.postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Elena", "lastName": "Correo", "email": "%s", "emailVerified": true,
                 "attributes": {"dni": ["%s"], "nivel": ["2"]},
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}
                """.formatted(cuil, direccion, CuilsDePrueba.dni(cuil), clave));
        assertThat(creado.statusCode()).as(creado.body()).isEqualTo(201);
    }
}
