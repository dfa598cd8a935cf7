package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClave;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.errorDeCampo;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarTramite;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.presionar;
import static ar.gob.anses.clavess.testsupport.ReceptorSenales.CREDENCIAL;
import static ar.gob.anses.clavess.testsupport.ReceptorSenales.ESPERA;
import static ar.gob.anses.clavess.testsupport.ReceptorSenales.NIVEL;
import static ar.gob.anses.clavess.testsupport.ReceptorSenales.SESION;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CorreoDePrueba;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ReceptorSenales;
import ar.gob.anses.clavess.testsupport.ReceptorSenales.App;
import ar.gob.anses.clavess.testsupport.ReceptorSenales.Senal;
import ar.gob.anses.clavess.testsupport.SegundoFactorPages;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Shared Signals to relying apps (issue 22), received as an app receives them: three apps of this class's own, one
 * pushed to, one polling, both used by the citizen, and one polling that she never used, which must hear nothing of
 * her. Every signal is a SET verified against the realm's keys. Each test creates its own citizen.
 */
@ExtendWith({KeycloakExtension.class, CorreoDePrueba.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SenalesIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final String OFICINA = "27291112221";
    private static final String OFICINA_CLAVE = "Ceibo4Rama";
    private static final String CLAVE = "Ceibal7Norte";
    private static final Pattern ENLACE = Pattern.compile("https?://\\S+/login-actions/action-token\\?\\S+");

    private final KeycloakServer server;
    private final CorreoDePrueba correo;
    private final Oidc oidc;
    private ReceptorSenales receptor;
    private App empujada;
    private App consultada;
    private App ajena;

    SenalesIT(KeycloakServer server, CorreoDePrueba correo) {
        this.server = server;
        this.correo = correo;
        this.oidc = new Oidc(server);
    }

    @BeforeAll
    void apps() throws Exception {
        correo.apuntar(new AdminApi(server));
        receptor = new ReceptorSenales(server);
        empujada = receptor.app("senales-it-push", true);
        consultada = receptor.app("senales-it-poll", false);
        ajena = receptor.app("senales-it-ajena", false);
    }

    @AfterAll
    void cerrar() throws Exception {
        receptor.close();
    }

    @DisplayName("given a citizen who used two apps, when an office raises her level to 3 and the console lowers it to 2, then "
            + "both apps get assurance-level-change 2→3 then 3→2 from the admin, for her sub, with no CUIL or DNI in them, "
            + "and the app she never used gets nothing")
    @Test
    void nivelPorOficina() throws Exception {
        String cuil = CuilsDePrueba.nueva();
        String id = ciudadanaEnLasApps(cuil, null);

        AdminApi oficina = AdminApi.as(server, OFICINA, OFICINA_CLAVE);
        assertThat(oficina.putRaw("anses-nivel/" + cuil, "{\"nivel\": 3}").statusCode()).isEqualTo(204);
        for (App app : List.of(empujada, consultada)) {
            Senal sube = app.esperar(id, s -> s.tipo().equals(NIVEL), ESPERA);
            assertThat(sube.evento().path("previous_level").asText()).isEqualTo("2");
            assertThat(sube.evento().path("current_level").asText()).isEqualTo("3");
            assertThat(sube.evento().path("change_direction").asText()).isEqualTo("increase");
            assertThat(sube.evento().path("namespace").asText()).isEqualTo("https://www.anses.gob.ar/nivel");
            assertThat(sube.evento().path("initiating_entity").asText()).isEqualTo("admin");
            assertThat(sube.claims().toString()).doesNotContain(cuil).doesNotContain(CuilsDePrueba.dni(cuil));
        }
        assertThat(ajena.nuevas()).as("an app she never used").noneMatch(s -> s.sub().equals(id));

        JsonNode usuario = admin().get("users/" + id);
        ((com.fasterxml.jackson.databind.node.ObjectNode) usuario.path("attributes")).putArray("nivel").add("2");
        HttpResponse<String> bajada = admin().putRaw("users/" + id, usuario.toString());
        assertThat(bajada.statusCode()).as(bajada.body()).isEqualTo(204);
        Senal baja = empujada.esperar(id, s -> s.tipo().equals(NIVEL), ESPERA);
        assertThat(baja.evento().path("previous_level").asText()).isEqualTo("3");
        assertThat(baja.evento().path("current_level").asText()).isEqualTo("2");
        assertThat(baja.evento().path("change_direction").asText()).isEqualTo("decrease");
        assertThat(consultada.esperar(id, s -> s.tipo().equals(NIVEL), ESPERA).evento().path("current_level").asText()).isEqualTo("2");
        assertThat(ajena.nuevas()).noneMatch(s -> s.sub().equals(id));
    }

    @DisplayName("given a citizen who used two apps and never a third, when the third app's service account (ssf.manage) "
            + "adds her to its stream as its subject by email, by id and by iss_sub, then Keycloak refuses each (its subject "
            + "management is off), and when an office raises her level the apps she used hear it and the third hears nothing of her")
    @Test
    void appQueNoUsoNoLaSuscribe() throws Exception {
        String cuil = CuilsDePrueba.nueva();
        String direccion = "senales." + cuil + "@correo.demo.anses.example";
        String id = ciudadanaEnLasApps(cuil, direccion);

        List<String> altas = new ArrayList<>();
        for (Map<String, String> sujeto : List.of(Map.of("format", "email", "email", direccion), Map.of("format", "opaque", "id", id),
                Map.of("format", "iss_sub", "iss", server.publicRealmUri().toString(), "sub", id))) {
            HttpResponse<String> alta = ajena.agregarSujeto(sujeto);
            altas.add(alta.statusCode() + " " + sujeto.get("format") + " " + alta.body());
        }
        assertThat(altas).allMatch(alta -> alta.startsWith("404 "));

        AdminApi oficina = AdminApi.as(server, OFICINA, OFICINA_CLAVE);
        assertThat(oficina.putRaw("anses-nivel/" + cuil, "{\"nivel\": 3}").statusCode()).isEqualTo(204);
        for (App app : List.of(empujada, consultada)) {
            assertThat(app.esperar(id, s -> s.tipo().equals(NIVEL), ESPERA).evento().path("current_level").asText()).isEqualTo("3");
        }
        assertThat(ajena.nuevas()).as("the app that subscribed her by itself").noneMatch(s -> s.sub().equals(id));
    }

    @DisplayName("given a level-3 citizen who used two apps, when someone who knows only her CUIL starts Olvidé mi clave and "
            + "types a wrong trámite, then no app hears anything; when she recovers her clave by her trámite, then both apps "
            + "get credential-change (password, by the user) and assurance-level-change 3→2")
    @Test
    void recuperacionEnLinea() throws Exception {
        // A padrón person of this class's own (CONTRIBUTING's table), given a level-3 account here.
        String cuil = "27420010112";
        admin().crearCiudadano(cuil, "Valentina", "Sosa", "42001011", 3, CLAVE, false);
        String id = admin().userId(cuil);
        entrar(empujada, cuil, CLAVE);
        entrar(consultada, cuil, CLAVE);
        empujada.nuevas();
        consultada.nuevas();

        HtmlPage intruso = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), cuil, true);
        HtmlPage rechazado = ingresarTramite(intruso, "00000000001");
        assertThat(errorDeCampo(rechazado, "tramite")).isEqualTo(ES.get("ansesTramiteIncorrecto", 2));
        // A poll reads the outbox as the requests left it (each answered after its commit): nothing was queued for her.
        assertThat(consultada.nuevas()).as("signals after an intruder's steps").noneMatch(s -> s.sub().equals(id));

        HtmlPage tramite = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), cuil, true);
        presionar(elegirClave(ingresarTramite(tramite, "00942001011"), "Quilmes8Sur", "Quilmes8Sur"));
        assertThat(admin().get("users/" + id).at("/attributes/nivel/0").asText()).isEqualTo("2");

        for (App app : List.of(empujada, consultada)) {
            Senal clave = app.esperar(id, s -> s.tipo().equals(CREDENCIAL), ESPERA);
            assertThat(clave.evento().path("credential_type").asText()).isEqualTo("password");
            assertThat(clave.evento().path("change_type").asText()).isEqualTo("update");
            assertThat(clave.evento().path("initiating_entity").asText()).isEqualTo("user");
            Senal nivel = app.esperar(id, s -> s.tipo().equals(NIVEL), ESPERA);
            assertThat(nivel.evento().path("previous_level").asText()).isEqualTo("3");
            assertThat(nivel.evento().path("current_level").asText()).isEqualTo("2");
            assertThat(nivel.evento().path("initiating_entity").asText()).isEqualTo("user");
            assertThat(nivel.claims().toString() + clave.claims()).doesNotContain("Quilmes8Sur").doesNotContain("00942001011");
        }
        assertThat(ajena.nuevas()).noneMatch(s -> s.sub().equals(id));
    }

    @DisplayName("given a citizen who used two apps, when she adds a TOTP app, the console removes it, an office clerk gives "
            + "her a temporary clave and ends her sessions, then both apps get credential-change (app, update), credential-change "
            + "(app, delete, admin), credential-change (password, admin) and session-revoked, each once")
    @Test
    void credencialesYSesiones() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        String id = ciudadanaEnLasApps(cuil, null);

        JsonNode usuario = admin().get("users/" + id);
        ((com.fasterxml.jackson.databind.node.ObjectNode) usuario).putArray("requiredActions").add("CONFIGURE_TOTP");
        assertThat(admin().putRaw("users/" + id, usuario.toString()).statusCode()).isEqualTo(204);
        Oidc.Request login = oidc.request(empujada.clientId);
        HtmlPage setup = (HtmlPage) LoginPage.open(LoginPage.browser(), login.uri()).submit(cuil, CLAVE);
        assertThat(LoginPage.loggedIn(SegundoFactorPages.configurarTotp(setup).landed(), login)).isTrue();
        for (App app : List.of(empujada, consultada)) {
            Senal alta = app.esperar(id, s -> s.tipo().equals(CREDENCIAL), ESPERA);
            assertThat(alta.evento().path("credential_type").asText()).isEqualTo("app");
            assertThat(alta.evento().path("change_type").asText()).isEqualTo("update");
        }

        String otp = null;
        for (JsonNode credencial : admin().get("users/" + id + "/credentials")) {
            if ("otp".equals(credencial.path("type").asText())) {
                otp = credencial.path("id").asText();
            }
        }
        assertThat(otp).isNotNull();
        assertThat(admin().delete("users/" + id + "/credentials/" + otp)).isEqualTo(204);
        for (App app : List.of(empujada, consultada)) {
            Senal baja = app.esperar(id, s -> s.tipo().equals(CREDENCIAL), ESPERA);
            assertThat(baja.evento().path("change_type").asText()).isEqualTo("delete");
            assertThat(baja.evento().path("initiating_entity").asText()).isEqualTo("admin");
        }

        // An office clerk, whose fine-grained permissions do not let her view clients: Keycloak's own listener alone
        // would find no app to tell (senales.OficinaSinSenales).
        AdminApi oficina = AdminApi.as(server, OFICINA, OFICINA_CLAVE);
        HttpResponse<String> nueva = oficina.putRaw("users/" + id + "/reset-password",
                "{\"type\": \"password\", \"value\": \"Quebracho8Rio\", \"temporary\": true}");
        assertThat(nueva.statusCode()).as(nueva.body()).isEqualTo(204);
        for (App app : List.of(empujada, consultada)) {
            Senal clave = app.esperar(id, s -> s.tipo().equals(CREDENCIAL), ESPERA);
            assertThat(clave.evento().path("credential_type").asText()).isEqualTo("password");
            assertThat(clave.evento().path("initiating_entity").asText()).isEqualTo("admin");
        }

        assertThat(oficina.postRaw("users/" + id + "/logout", "").statusCode()).isEqualTo(204);
        for (App app : List.of(empujada, consultada)) {
            app.esperar(id, s -> s.tipo().equals(SESION), ESPERA);
            assertThat(app.nuevas()).as("each change told once").noneMatch(s -> s.sub().equals(id));
        }
        assertThat(ajena.nuevas()).noneMatch(s -> s.sub().equals(id));
    }

    @DisplayName("given a citizen who used two apps, when she confirms No fui yo from a notice, then both apps get "
            + "session-revoked and credential-change revoking her clave (password), by the user")
    @Test
    void noFuiYo() throws Exception {
        String cuil = CuilsDePrueba.nueva();
        String direccion = "senales." + cuil + "@correo.demo.anses.example";
        String id = ciudadanaEnLasApps(cuil, direccion);

        AdminApi oficina = AdminApi.as(server, OFICINA, OFICINA_CLAVE);
        assertThat(oficina.putRaw("anses-nivel/" + cuil, "{\"nivel\": 3}").statusCode()).isEqualTo(204);
        String texto = CorreoDePrueba.parte(correo.esperar(direccion, 1).get(0), "text/plain");
        Matcher enlace = ENLACE.matcher(texto);
        assertThat(enlace.find()).as(texto).isTrue();
        empujada.esperar(id, s -> s.tipo().equals(NIVEL), ESPERA);

        HtmlPage confirmar = LoginPage.browser().getPage(enlace.group());
        HtmlPage hecho = confirmar.getHtmlElementById("anses-confirmar").click();
        assertThat(hecho.getWebResponse().getStatusCode()).as(hecho.asXml()).isEqualTo(200);
        for (App app : List.of(empujada, consultada)) {
            app.esperar(id, s -> s.tipo().equals(SESION) && s.evento().path("initiating_entity").asText().equals("user"), ESPERA);
            Senal revocada = app.esperar(id, s -> s.tipo().equals(CREDENCIAL), ESPERA);
            assertThat(revocada.evento().path("change_type").asText()).isEqualTo("revoke");
            assertThat(revocada.evento().path("credential_type").asText()).isEqualTo("password");
            assertThat(revocada.evento().path("initiating_entity").asText()).isEqualTo("user");
        }
        assertThat(ajena.nuevas()).noneMatch(s -> s.sub().equals(id));
    }

    @DisplayName("given a citizen who used two apps, when she changes her clave from one of them (Cambiar mi clave), then "
            + "both apps get credential-change (password, update, by the user)")
    @Test
    void cambiarMiClave() throws Exception {
        String cuil = CuilsDePrueba.nueva();
        String id = ciudadanaEnLasApps(cuil, null);
        WebClient browser = LoginPage.browser();
        Oidc.Request login = oidc.request(empujada.clientId);
        assertThat(LoginPage.loggedIn(LoginPage.open(browser, login.uri()).submit(cuil, CLAVE), login)).isTrue();
        HtmlPage cambiar = browser.getPage(oidc.request(empujada.clientId).uri(Map.of("kc_action", "anses-cambiar-clave")).toURL());
        cambiar.<HtmlInput>getHtmlElementById("clave").setValue("Ombu6Lagos");
        cambiar.<HtmlInput>getHtmlElementById("confirmacion").setValue("Ombu6Lagos");
        cambiar.getHtmlElementById("anses-continuar").click();
        for (App app : List.of(empujada, consultada)) {
            Senal clave = app.esperar(id, s -> s.tipo().equals(CREDENCIAL), ESPERA);
            assertThat(clave.evento().path("credential_type").asText()).isEqualTo("password");
            assertThat(clave.evento().path("change_type").asText()).isEqualTo("update");
            assertThat(clave.evento().path("initiating_entity").asText()).isEqualTo("user");
        }
    }

    @DisplayName("given an app that is down (its endpoint answers 503 twice), when an office changes the level of a citizen "
            + "who used it, then Keycloak pushes the signal again until the app takes it, and the app gets it once")
    @Test
    void reintentoDeEntrega() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        String id = ciudadanaEnLasApps(cuil, null);
        empujada.caerse(2);
        int antes = empujada.rechazadas();

        assertThat(AdminApi.as(server, OFICINA, OFICINA_CLAVE).putRaw("anses-nivel/" + cuil, "{\"nivel\": 3}").statusCode()).isEqualTo(204);
        Senal tomada = empujada.esperar(id, s -> s.tipo().equals(NIVEL), ESPERA);
        assertThat(empujada.rechazadas() - antes).as("deliveries refused while the app was down").isEqualTo(2);
        // A signal taken is not sent again: three more drains pass, each one seen (a level change made after the last
        // signal arrived, and awaited), and none of what they brought is the one taken.
        for (String nivel : List.of("2", "3", "2")) {
            HttpResponse<String> cambio;
            if (nivel.equals("3")) {
                cambio = AdminApi.as(server, OFICINA, OFICINA_CLAVE).putRaw("anses-nivel/" + cuil, "{\"nivel\": 3}");
            } else {
                JsonNode usuario = admin().get("users/" + id);
                ((com.fasterxml.jackson.databind.node.ObjectNode) usuario.path("attributes")).putArray("nivel").add(nivel);
                cambio = admin().putRaw("users/" + id, usuario.toString());
            }
            assertThat(cambio.statusCode()).as(cambio.body()).isEqualTo(204);
            empujada.esperar(id, s -> s.tipo().equals(NIVEL) && !s.jti().equals(tomada.jti())
                    && s.evento().path("current_level").asText().equals(nivel), ESPERA);
        }
        assertThat(empujada.nuevas()).noneMatch(s -> s.jti().equals(tomada.jti()));
    }

    // --- helpers

    /** The admin API with a token of its own: the admin console's lasts a minute, some tests wait longer. */
    private AdminApi admin() throws Exception {
        return new AdminApi(server);
    }

    /** A new citizen (level 2, with a verified address when given) who signed in to both apps the tests listen as. */
    private String ciudadanaEnLasApps(String cuil, String direccion) throws Exception {
        HttpResponse<String> creado = admin().postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Dolores", "lastName": "Prueba", %s
                 "attributes": {"dni": ["%s"], "nivel": ["2"]},
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}
                """.formatted(cuil, direccion == null ? "" : "\"email\": \"" + direccion + "\", \"emailVerified\": true,",
                CuilsDePrueba.dni(cuil), CLAVE));
        assertThat(creado.statusCode()).as(creado.body()).isEqualTo(201);
        entrar(empujada, cuil, CLAVE);
        entrar(consultada, cuil, CLAVE);
        empujada.nuevas();
        consultada.nuevas();
        return admin().userId(cuil);
    }

    private void entrar(App app, String cuil, String clave) throws Exception {
        WebClient browser = LoginPage.browser();
        Oidc.Request login = oidc.request(app.clientId);
        Page dentro = LoginPage.open(browser, login.uri()).submit(cuil, clave);
        assertThat(LoginPage.loggedIn(dentro, login)).as(dentro.getWebResponse().getContentAsString()).isTrue();
    }
}
