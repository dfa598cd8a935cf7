package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.completarClave;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.completarRespuestas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.continuar;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClave;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClaveConEmail;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.errorDeCampo;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuilDesdeElExterior;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.presionar;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.responder;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.titulo;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.padron.PadronFile;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CorreoDePrueba;
import ar.gob.anses.clavess.testsupport.DireccionesDePrueba;
import ar.gob.anses.clavess.testsupport.EnParalelo;
import ar.gob.anses.clavess.testsupport.Espera;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.PdfUsi07;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Residents abroad (seed 003, B and C): a pending clave that opens no app, enabled online with 2 attempts, by an
 * office with its form's code, or deleted after the deadline; and what it must never do to the real person: whoever
 * knows a CUIL can register one, so none may become, hold or block her account. Each test has its own person.
 */
@ExtendWith({KeycloakExtension.class, CorreoDePrueba.class})
class ResidentesExteriorIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Persona> PADRON = PadronFile.leer(Path.of("../realm-export/padron-demo.json"));
    private static final String STAFF = "27291112221";
    private static final String STAFF_CLAVE = "Ceibo4Rama";

    private static final ThemeMessages CORREO = ThemeMessages.correoSpanish();
    private static final Pattern CODIGO = Pattern.compile("\\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\\b");

    private final KeycloakServer server;
    private final Oidc oidc;
    private final CorreoDePrueba correo;

    ResidentesExteriorIT(KeycloakServer server, CorreoDePrueba correo) throws Exception {
        this.server = server;
        this.oidc = new Oidc(server);
        this.correo = correo;
        correo.apuntar(new AdminApi(server));
    }

    @DisplayName("given a resident abroad, when they create a clave, then it is pending with no level and no token, "
            + "and answering the questions right enables it with level 2 and lands them in the app")
    @Test
    void pendienteYHabilitadaEnLinea() throws Exception {
        Persona pablo = PADRON.get("20347778886");
        WebClient browser = LoginPage.browser();
        HtmlPage elegi = ingresarCuilDesdeElExterior(aceptarPoliticas(desdeElLogin(browser, oidc.request(Oidc.MI_ANSES))), "20347778886");
        assertThat(elegi.getElementById("email")).isNotNull();
        assertThat(elegi.asNormalizedText()).contains(ES.get("ansesExteriorClavePendiente"))
                .doesNotContain(ES.get("ansesIdentidadComprobada")).doesNotContain("Pablo").doesNotContain("Giménez");

        HtmlPage sinEmail = elegirClave(elegi, "Tango5Malbec", "Tango5Malbec");
        assertThat(errorDeCampo(sinEmail, "email")).isEqualTo(ES.get("ansesEmailRequeridoExterior"));
        sinEmail.<HtmlInput>getHtmlElementById("email").setValue("no es un correo");
        HtmlPage malEmail = elegirClave(sinEmail, "Tango5Malbec", "Tango5Malbec");
        assertThat(errorDeCampo(malEmail, "email")).isEqualTo(ES.get("ansesEmailInvalido"));

        HtmlPage registrada = elegirClaveConEmail(malEmail, "pablo.gimenez@correo.example", "Tango5Malbec");
        assertThat(titulo(registrada)).isEqualTo(ES.get("ansesClaveRegistradaTitulo"));
        assertThat(registrada.asNormalizedText()).contains(ES.get("ansesClaveRegistradaPlazo", 90)).doesNotContain("Pablo");

        // A request, not an account: no Keycloak user, and the office sees it pending with its deadline.
        AdminApi admin = new AdminApi(server);
        assertThat(cuentas(admin, "20347778886")).isZero();
        JsonNode estado = admin.get("anses-habilitacion/20347778886");
        assertThat(estado.get("estadoClave").asText()).isEqualTo("PENDIENTE");
        assertThat(estado.get("solicitudes")).hasSize(1);
        assertThat(estado.toString()).doesNotContain("pablo.gimenez");

        // The pending clave logs in to no app: a page, never a code.
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage pendiente = (HtmlPage) LoginPage.open(LoginPage.browser(), request.uri()).submit("20-34777888-6", "Tango5Malbec");
        assertThat(titulo(pendiente)).isEqualTo(ES.get("ansesClavePendienteTitulo"));
        assertThat(Oidc.query(pendiente.getUrl().toURI())).doesNotContainKey("code");
        assertThat(pendiente.getElementById("anses-dias-restantes").getTextContent())
                .contains(ES.get("ansesClavePendienteDias", 90, "", 90).split("\\(")[0].strip());
        assertThat(pendiente.getElementById("anses-uca").getTextContent()).contains("Paseo Colón 239").contains("C1063ACO");

        // The USI-07 from the pending page: the abroad variant, the clave's code, no name from the registry (identity
        // unproven); the page stays usable.
        WebResponse descarga = pendiente.getHtmlElementById("anses-usi07").click().getWebResponse();
        assertThat(descarga.getContentType()).isEqualTo("application/pdf");
        String texto;
        try (InputStream in = descarga.getContentAsStream()) {
            texto = new PdfUsi07(in.readAllBytes()).texto();
        }
        assertThat(texto).contains("CUIL 20-34777888-6", "Pendiente de habilitación", "Firma del titular", "escribilo a mano")
                .doesNotContain("Pablo").doesNotContain("Giménez");
        // The document to bring: the page and the form say the same (its type and number written by hand on the form:
        // no screen shows the registry's before identity is proven).
        assertThat(pendiente.getElementById("anses-pasos-formulario").getTextContent()).contains(ES.get("ansesFormularioPaso2"));
        assertThat(texto).contains(ES.get("ansesUsi07Documento"));
        String codigo = codigoDe(texto);

        HtmlPage preguntas = continuar(pendiente); // HABILITAR CLAVE
        assertThat(titulo(preguntas)).isEqualTo(ES.get("ansesHabilitarClaveTitulo"));
        // Enabled: the manual's page (seed 003 C.5, in seed 002's words), no code yet; a reload shows it again; COMENZAR A
        // UTILIZAR lands in the app.
        HtmlPage habilitada = continuar(completarRespuestas(preguntas, pablo, true));
        assertThat(titulo(habilitada)).isEqualTo(ES.get("ansesClaveHabilitadaTitulo"));
        assertThat(habilitada.getElementById("anses-habilitada").getTextContent().strip()).isEqualTo(ES.get("ansesClaveHabilitada", 2));
        assertThat(habilitada.getElementById("anses-apps-nivel3").getTextContent()).contains(ES.get("ansesAppServiciosCorporativos"));
        assertThat(habilitada.getElementById("anses-como-nivel3").getTextContent().strip()).isEqualTo(ES.get("ansesComoNivel3"));
        assertThat(habilitada.getElementById("anses-usi07")).isNull();
        assertThat(habilitada.getFullyQualifiedUrl(habilitada.getElementById("anses-mas-informacion-corporativa").getAttribute("href")).toString())
                .isEqualTo(server.baseUri() + "realms/anses/anses-informacion#corporativa");
        assertThat(Oidc.query(habilitada.getUrl().toURI())).doesNotContainKey("code");
        HtmlPage otraVez = (HtmlPage) habilitada.refresh();
        assertThat(titulo(otraVez)).isEqualTo(ES.get("ansesClaveHabilitadaTitulo"));
        Page app = presionar(otraVez);
        JsonNode tokens = request.exchange(request.codeFrom(LoginPage.landedOn(app)));
        var claims = oidc.verify(tokens.get("id_token").asText(), Oidc.MI_ANSES);
        assertThat(claims.getLongClaim("nivel")).isEqualTo(2L);
        assertThat(claims.getStringClaim("acr")).isEqualTo("2");

        JsonNode habilitado = user(admin, "20347778886");
        assertThat(habilitado.at("/attributes/estadoClave/0").asText()).isEqualTo("HABILITADA");
        assertThat(habilitado.at("/attributes/nivel/0").asText()).isEqualTo("2");
        assertThat(habilitado.get("firstName").asText()).isEqualTo("Pablo"); // proven: the registry's data now
        assertThat(habilitado.get("email").asText()).isEqualTo("pablo.gimenez@correo.example");
        assertThat(habilitado.at("/attributes/codigoUsi07/0").asText()).isEqualTo(codigo); // the printed form still verifies
        // The agency confirms the enablement by email (seed 003 B.1.1), to the address given with the pending clave.
        assertThat(correo.esperar("pablo.gimenez@correo.example", 1).get(0).getSubject())
                .isEqualTo(CORREO.get("ansesAvisoClaveHabilitadaAsunto"));
        JsonNode events = admin.get("events?type=UPDATE_PROFILE&max=100&user=" + habilitado.get("id").asText());
        assertThat(events.findValues("estadoClave").stream().map(JsonNode::asText)).contains("HABILITADA");
        // Enabled, it logs in straight to the app.
        Oidc.Request otra = oidc.request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(LoginPage.browser(), otra.uri()).submit("20347778886", "Tango5Malbec"), otra)).isTrue();
    }

    @DisplayName("given a pending clave, when its questions are failed twice, then online enablement locks for that clave "
            + "in any new session, while another pending clave of the CUIL has its own attempts and Crear clave's own "
            + "verification stays open")
    @Test
    void dosIntentosYBloqueo() throws Exception {
        Persona florencia = PADRON.get("27326667779");
        crearPendiente("27326667779", "Glaciar8Sur", "flor.ruiz@correo.example");

        HtmlPage preguntas = continuar(pendiente("27326667779", "Glaciar8Sur"));
        HtmlPage error = responder(preguntas, florencia, false);
        assertThat(error.getElementById("anses-intentos-restantes").getTextContent().strip()).isEqualTo(ES.get("ansesIntentosRestantes", 1));
        assertThat(error.asNormalizedText()).contains(ES.get("ansesContasConIntentosHabilitacion"));
        HtmlPage bloqueo = responder(continuar(error), florencia, false);
        assertThat(titulo(bloqueo)).isEqualTo(ES.get("ansesHabilitacionBloqueadaTitulo"));

        // A new browser, the right answers ready: never asked again.
        HtmlPage otraVez = continuar(pendiente("27326667779", "Glaciar8Sur"));
        assertThat(titulo(otraVez)).isEqualTo(ES.get("ansesHabilitacionBloqueadaTitulo"));
        assertThat(new AdminApi(server).get("anses-habilitacion/27326667779").get("estadoClave").asText()).isEqualTo("PENDIENTE");
        // Another pending clave of the CUIL (from elsewhere) has its own attempts: below the CUIL's ceiling (4), whoever
        // failed the first one did not lock it.
        crearPendiente("27326667779", "Lenga4Bosque", "otra.persona@correo.example", DireccionesDePrueba.nueva());
        assertThat(titulo(continuar(pendiente("27326667779", "Lenga4Bosque")))).isEqualTo(ES.get("ansesHabilitarClaveTitulo"));

        // Failing the enablement does not lock the person out of proving identity in Crear clave.
        HtmlPage crear = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), "27326667779", true);
        assertThat(crear.querySelectorAll("fieldset.anses-pregunta")).isNotEmpty();
    }

    @DisplayName("given 8 sessions of one pending clave on the questions page, when all send wrong answers at once, "
            + "then exactly 2 are judged and every other one gets the lock page")
    @Test
    void intentosEnParaleloNoSuperanElLimite() throws Exception {
        Persona diego = PADRON.get("20373334449");
        crearPendiente("20373334449", "Quebrada4Sol", "diego.romero@correo.example");
        List<HtmlPage> listas = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            listas.add(completarRespuestas(continuar(pendiente("20373334449", "Quebrada4Sol")), diego, false));
        }
        List<Callable<String>> envios = listas.stream().<Callable<String>>map(p -> () -> titulo(continuar(p))).toList();
        List<String> titulos = EnParalelo.todas(envios);
        assertThat(titulos).filteredOn(ES.get("ansesHabilitacionBloqueadaTitulo")::equals).hasSizeGreaterThanOrEqualTo(6);
        AdminApi admin = new AdminApi(server);
        // A request has no user: its events carry the CUIL as username.
        JsonNode errores = admin.get("events?type=RESET_PASSWORD_ERROR&max=2000");
        assertThat(eventosDe(errores, "20373334449").stream().map(e -> e.path("error").asText())
                .filter("anses_preguntas_incorrectas"::equals)).hasSize(2);
    }

    @DisplayName("given a pending clave, when office staff enable it, then only the code of its USI-07 does it: without a "
            + "code or with another form's it is refused and says what to do; with it, the account has the level they give, "
            + "audited, and logs in to the app; a second enablement is refused")
    @Test
    void oficinaHabilitaSoloConElCodigo() throws Exception {
        crearPendiente("27382223344", "Aconcagua6x", "valeria.sosa@correo.example");
        String codigo = codigoDe(pendiente("27382223344", "Aconcagua6x")); // the form she printed and brings
        AdminApi oficina = AdminApi.as(server, STAFF, STAFF_CLAVE);
        JsonNode estado = oficina.get("anses-habilitacion/27-38222334-4");
        assertThat(estado.get("estadoClave").asText()).isEqualTo("PENDIENTE");
        assertThat(estado.at("/solicitudes/0/vence").asText()).isNotBlank();

        assertThat(oficina.postRaw("anses-habilitacion/27382223344", "{\"nivel\": 7, \"codigo\": \"" + codigo + "\"}").statusCode()).isEqualTo(400);
        var sinCodigo = oficina.postRaw("anses-habilitacion/27382223344", "{\"nivel\": 3}");
        assertThat(sinCodigo.statusCode()).isEqualTo(400);
        assertThat(sinCodigo.body()).contains("codigo is required").contains("clave-provisoria");
        assertThat(oficina.get("anses-usi07/" + codigo).get("cuil").asText()).isEqualTo("27382223344");
        assertThat(oficina.get("anses-usi07/" + codigo).get("estadoClave").asText()).isEqualTo("PENDIENTE");
        assertThat(oficina.get("anses-usi07/" + codigo).has("nombre")).isFalse();
        assertThat(oficina.postRaw("anses-habilitacion/27382223344", "{\"nivel\": 3, \"codigo\": \"AAAA-BBBB-CCCC\"}").statusCode()).isEqualTo(409);
        assertThat(cuentasDe("27382223344")).isZero();
        assertThat(oficina.postRaw("anses-habilitacion/27382223344", "{\"nivel\": 3, \"codigo\": \"" + codigo.toLowerCase() + "\"}").statusCode()).isEqualTo(200);
        assertThat(oficina.postRaw("anses-habilitacion/27382223344", "{\"nivel\": 2, \"codigo\": \"" + codigo + "\"}").statusCode()).isEqualTo(409);

        AdminApi admin = new AdminApi(server);
        JsonNode user = user(admin, "27382223344");
        assertThat(user.at("/attributes/estadoClave/0").asText()).isEqualTo("HABILITADA");
        assertThat(user.at("/attributes/nivel/0").asText()).isEqualTo("3");
        assertThat(user.get("firstName").asText()).isEqualTo("Valeria");
        JsonNode eventos = admin.get("admin-events?resourcePath=anses-habilitacion/27382223344&max=10");
        assertThat(eventos).hasSize(1);
        JsonNode cambio = JSON.readTree(eventos.get(0).get("representation").asText());
        assertThat(cambio.get("estadoAnterior").asText()).isEqualTo("PENDIENTE");
        assertThat(cambio.get("estadoNuevo").asText()).isEqualTo("HABILITADA");
        assertThat(cambio.get("nivelNuevo").asInt()).isEqualTo(3);

        assertThat(correo.esperar("valeria.sosa@correo.example", 1).get(0).getSubject())
                .isEqualTo(CORREO.get("ansesAvisoClaveHabilitadaAsunto"));

        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        Page app = LoginPage.open(LoginPage.browser(), request.uri()).submit("27382223344", "Aconcagua6x");
        assertThat(oidc.verify(request.exchange(request.codeFrom(LoginPage.landedOn(app))).get("id_token").asText(), Oidc.MI_ANSES)
                .getStringClaim("acr")).isEqualTo("3");
    }

    @DisplayName("given a pending clave someone registered for a person under curatela, when office staff enable it with "
            + "its USI-07's code (level 2 or 3) or give her a provisional clave, then each is refused with 409 saying that her "
            + "curador acts for her and how, and when the online enablement's questions are answered right it is refused too: "
            + "no account is ever created; nor does Keycloak's user API create her account with a clave or set one on it")
    @Test
    void curatelaSinClaveNiEnOficina() throws Exception {
        String bruno = "20420010134"; // under curatela in the padrón, no account
        crearPendiente(bruno, "Aconcagua7y", "bruno.paz@correo.example");
        String codigo = codigoDe(pendiente(bruno, "Aconcagua7y"));
        AdminApi oficina = AdminApi.as(server, STAFF, STAFF_CLAVE);
        for (var intento : List.of(
                oficina.postRaw("anses-habilitacion/" + bruno, "{\"nivel\": 3, \"codigo\": \"" + codigo + "\"}"),
                oficina.postRaw("anses-habilitacion/" + bruno, "{\"nivel\": 2, \"codigo\": \"" + codigo + "\"}"),
                oficina.postRaw("anses-habilitacion/" + bruno + "/clave-provisoria", ""))) {
            assertThat(intento.statusCode()).as(intento.body()).isEqualTo(409);
            JsonNode cuerpo = JSON.readTree(intento.body());
            assertThat(cuerpo.path("error").asText()).isEqualTo(ES.get("ansesOficinaCuratela"));
            assertThat(cuerpo.path("codigo").asText()).isEqualTo("anses_bajo_curatela");
        }
        assertThat(cuentasDe(bruno)).isZero();
        assertThat(oficina.get("anses-habilitacion/" + bruno).get("estadoClave").asText()).isEqualTo("PENDIENTE");

        HtmlPage preguntas = continuar(pendiente(bruno, "Aconcagua7y")); // HABILITAR CLAVE, answered right
        Page respuesta = presionar(completarRespuestas(preguntas, PADRON.get(bruno), true));
        assertThat(titulo((HtmlPage) respuesta)).isEqualTo(ES.get("ansesCuratelaTitulo"));
        assertThat(cuentasDe(bruno)).isZero();

        // Keycloak's own user API, as the console calls it: no account is created with a clave, no clave is set on one.
        String cuenta = """
                {"username": "%s", "enabled": true, "firstName": "Bruno", "lastName": "Paz",
                 "attributes": {"dni": ["42001013"], "nivel": ["3"]}%s}""";
        var conClave = oficina.postRaw("users", cuenta.formatted(bruno,
                ", \"credentials\": [{\"type\": \"password\", \"value\": \"Lapacho8Rio\", \"temporary\": true}]"));
        assertThat(conClave.statusCode()).as(conClave.body()).isEqualTo(400);
        assertThat(cuentasDe(bruno)).isZero();
        assertThat(oficina.postRaw("users", cuenta.formatted(bruno, "")).statusCode()).isEqualTo(201);
        String id = new AdminApi(server).userId(bruno);
        var reset = oficina.putRaw("users/" + id + "/reset-password", "{\"type\": \"password\", \"value\": \"Lapacho8Rio\", \"temporary\": true}");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(400);
        assertThat(reset.body()).contains("ansesClaveCuratela");
        assertThat(new AdminApi(server).get("users/" + id + "/credentials")).isEmpty();
    }

    @DisplayName("given someone who knows the CUIL of a resident of Argentina plants a pending clave with their own email, "
            + "when the real person goes to an office without a form, then staff give her a provisional clave: the planted "
            + "request is gone, its clave opens nothing, its email hears nothing, and she must replace the clave at her first "
            + "login, which then opens a level-3 account")
    @Test
    void plantadaNoTomaLaCuentaYOficinaSinFormulario() throws Exception {
        String lorena = "27420010015";
        crearPendiente(lorena, "Intruso7Plan", "plantador@correo.example", desde(1));
        AdminApi oficina = AdminApi.as(server, STAFF, STAFF_CLAVE);
        // The office cannot enable it "in person" without the form the planter printed.
        assertThat(oficina.postRaw("anses-habilitacion/" + lorena, "{\"nivel\": 3}").statusCode()).isEqualTo(400);

        var provisoria = oficina.postRaw("anses-habilitacion/" + lorena + "/clave-provisoria", "");
        assertThat(provisoria.statusCode()).isEqualTo(200);
        JsonNode respuesta = JSON.readTree(provisoria.body());
        assertThat(respuesta.get("estadoClave").asText()).isEqualTo("HABILITADA");
        assertThat(respuesta.get("nivel").asInt()).isEqualTo(3);
        String clave = respuesta.get("claveProvisoria").asText();
        assertThat(clave).hasSize(10);
        // Once: the account exists now, its clave is reset from the console instead.
        assertThat(oficina.postRaw("anses-habilitacion/" + lorena + "/clave-provisoria", "").statusCode()).isEqualTo(409);

        AdminApi admin = new AdminApi(server);
        JsonNode user = user(admin, lorena);
        assertThat(user.at("/attributes/nivel/0").asText()).isEqualTo("3");
        assertThat(user.get("firstName").asText()).isEqualTo("Lorena");
        assertThat(user.has("email")).isFalse();
        assertThat(user.get("requiredActions").toString()).contains("UPDATE_PASSWORD");
        JsonNode cambio = JSON.readTree(admin.get("admin-events?resourcePath=anses-habilitacion/" + lorena + "&max=10")
                .get(0).get("representation").asText());
        assertThat(cambio.get("estadoAnterior").asText()).isEqualTo("PENDIENTE");
        assertThat(cambio.get("claveProvisoria").asBoolean()).isTrue();

        // The planter's clave opens nothing, and never did.
        Page intruso = LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit(lorena, "Intruso7Plan");
        assertThat(LoginPage.of(intruso).alert()).isEqualTo(ES.get("ansesInvalidCredentials"));
        assertThat(correo.para("plantador@correo.example")).isEmpty();

        // Her first login asks for a new clave (Keycloak's Update password), then lands in a level-3 app session.
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage cambiar = (HtmlPage) LoginPage.open(LoginPage.browser(), request.uri()).submit(lorena, clave);
        assertThat(cambiar.getElementById("kc-passwd-update-form")).isNotNull();
        cambiar.<HtmlInput>getElementByName("password-new").setValue("Nogal5Patio");
        cambiar.<HtmlInput>getElementByName("password-confirm").setValue("Nogal5Patio");
        Page app = cambiar.getHtmlElementById("kc-submit").click();
        assertThat(oidc.verify(request.exchange(request.codeFrom(LoginPage.landedOn(app))).get("id_token").asText(), Oidc.MI_ANSES)
                .getStringClaim("acr")).isEqualTo("3");
        Oidc.Request otra = oidc.request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(LoginPage.browser(), otra.uri()).submit(lorena, "Nogal5Patio"), otra)).isTrue();
    }

    @DisplayName("given someone else registered a pending clave for a resident abroad first, when she registers her own, "
            + "then hers is kept: each clave shows its own pending page and form, and the one she enables online becomes the "
            + "account while the other stops opening anything, its email told nothing")
    @Test
    void cadaRegistroEsSuyo() throws Exception {
        String rocio = "27420010031";
        crearPendiente(rocio, "Intruso8Sur", "otro@correo.example", desde(2));
        crearPendiente(rocio, "Jacaranda4Luz", "rocio.medina@correo.example", DireccionesDePrueba.nueva());

        HtmlPage suya = pendiente(rocio, "Jacaranda4Luz");
        HtmlPage ajena = pendiente(rocio, "Intruso8Sur");
        assertThat(titulo(suya)).isEqualTo(ES.get("ansesClavePendienteTitulo"));
        assertThat(titulo(ajena)).isEqualTo(ES.get("ansesClavePendienteTitulo"));
        assertThat(codigoDe(suya)).isNotEqualTo(codigoDe(ajena));
        assertThat(new AdminApi(server).get("anses-habilitacion/" + rocio).get("solicitudes")).hasSize(2);

        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage preguntas = continuar(pendiente(rocio, "Jacaranda4Luz", request));
        Page app = presionar(continuar(completarRespuestas(preguntas, PADRON.get(rocio), true))); // and COMENZAR A UTILIZAR
        assertThat(request.codeFrom(LoginPage.landedOn(app))).isNotBlank();

        Page intruso = LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit(rocio, "Intruso8Sur");
        assertThat(LoginPage.of(intruso).alert()).isEqualTo(ES.get("ansesInvalidCredentials"));
        assertThat(user(new AdminApi(server), rocio).get("email").asText()).isEqualTo("rocio.medina@correo.example");
        assertThat(correo.esperar("rocio.medina@correo.example", 1)).isNotEmpty();
        assertThat(correo.para("otro@correo.example")).isEmpty();
    }

    @DisplayName("given 8 strangers registering pending claves for one CUIL at the same moment from 8 addresses, then all "
            + "get the same page and 5 are kept; when its owner registers hers after them, she gets that page too, the oldest "
            + "gives way and hers opens its own page; and registering again from her address replaces hers instead of "
            + "taking another slot")
    @Test
    void topeDeSolicitudesPorCuil() throws Exception {
        String gustavo = "20420010045";
        List<HtmlPage> listas = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            HtmlPage elegi = ingresarCuilDesdeElExterior(aceptarPoliticas(desdeElLogin(LoginPage.browser(DireccionesDePrueba.nueva()),
                    oidc.request(Oidc.MI_ANSES))), gustavo);
            elegi.<HtmlInput>getHtmlElementById("email").setValue("gustavo" + i + "@correo.example");
            listas.add(completarClave(elegi, "Sauce" + (i + 2) + "Rama", "Sauce" + (i + 2) + "Rama"));
        }
        List<String> titulos = EnParalelo.todas(listas.stream().<Callable<String>>map(p -> () -> titulo(continuar(p))).toList());
        assertThat(titulos).hasSize(8).containsOnly(ES.get("ansesClaveRegistradaTitulo"));
        AdminApi admin = new AdminApi(server);
        assertThat(admin.get("anses-habilitacion/" + gustavo).get("solicitudes")).hasSize(5);

        InetAddress suya = DireccionesDePrueba.nueva();
        HtmlPage registrada = crearPendiente(gustavo, "Ceibo7Rama", "gustavo.rios@correo.example", suya);
        assertThat(registrada.getElementById("anses-solicitud-puede-caducar").getTextContent()).contains(ES.get("ansesSolicitudPuedeCaducar"));
        assertThat(admin.get("anses-habilitacion/" + gustavo).get("solicitudes")).hasSize(5);
        assertThat(titulo(pendiente(gustavo, "Ceibo7Rama"))).isEqualTo(ES.get("ansesClavePendienteTitulo"));

        // One address, one slot: registering again from hers replaces her earlier one.
        crearPendiente(gustavo, "Tala3Sombra", "gustavo.rios@correo.example", suya);
        assertThat(admin.get("anses-habilitacion/" + gustavo).get("solicitudes")).hasSize(5);
        Page reemplazada = LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit(gustavo, "Ceibo7Rama");
        assertThat(LoginPage.of(reemplazada).alert()).isEqualTo(ES.get("ansesInvalidCredentials"));
        assertThat(titulo(pendiente(gustavo, "Tala3Sombra"))).isEqualTo(ES.get("ansesClavePendienteTitulo"));
    }

    @DisplayName("given a stranger registered a pending clave for a resident abroad and failed its 2 online attempts, when "
            + "she enables her own, registered before, then her questions are asked and her right answers enable it")
    @Test
    void unOcupaNoQuemaLaHabilitacion() throws Exception {
        String victor = "20420030216";
        Persona persona = PADRON.get(victor);
        crearPendiente(victor, "Ibira7Puita", "victor.vera@correo.example", DireccionesDePrueba.nueva());
        crearPendiente(victor, "Ocupa5Lugar", "ocupa@correo.example", DireccionesDePrueba.nueva());
        HtmlPage ajena = responder(continuar(pendiente(victor, "Ocupa5Lugar")), persona, false);
        assertThat(titulo(responder(continuar(ajena), persona, false))).isEqualTo(ES.get("ansesHabilitacionBloqueadaTitulo"));

        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage preguntas = continuar(pendiente(victor, "Ibira7Puita", request));
        assertThat(titulo(preguntas)).isEqualTo(ES.get("ansesHabilitarClaveTitulo"));
        HtmlPage habilitada = continuar(completarRespuestas(preguntas, persona, true));
        assertThat(titulo(habilitada)).isEqualTo(ES.get("ansesClaveHabilitadaTitulo"));
        Page app = presionar(habilitada);
        assertThat(request.codeFrom(LoginPage.landedOn(app))).isNotBlank();
        assertThat(user(new AdminApi(server), victor).get("email").asText()).isEqualTo("victor.vera@correo.example");
    }

    @DisplayName("given strangers failed 4 online attempts over two pending claves of a CUIL, then a clave registered "
            + "afterwards is locked (registering again brings no new guesses); office staff see that lock and lift it "
            + "(audited), and then every clave of the CUIL gets its questions again")
    @Test
    void topeDeIntentosPorCuilYOficina() throws Exception {
        String wanda = "27420030229";
        Persona persona = PADRON.get(wanda);
        for (String clave : List.of("Ocupa2Uno", "Ocupa3Dos")) {
            crearPendiente(wanda, clave, "ocupa." + clave.toLowerCase() + "@correo.example", DireccionesDePrueba.nueva());
            HtmlPage error = responder(continuar(pendiente(wanda, clave)), persona, false);
            assertThat(titulo(responder(continuar(error), persona, false))).isEqualTo(ES.get("ansesHabilitacionBloqueadaTitulo"));
        }
        crearPendiente(wanda, "Ocupa4Tres", "ocupa.tres@correo.example", DireccionesDePrueba.nueva());
        assertThat(titulo(continuar(pendiente(wanda, "Ocupa4Tres")))).isEqualTo(ES.get("ansesHabilitacionBloqueadaTitulo"));

        AdminApi oficina = AdminApi.as(server, STAFF, STAFF_CLAVE);
        JsonNode bloqueo = oficina.get("anses-verificacion/habilitacion/bloqueos/27-42003022-9");
        assertThat(bloqueo.get("bloqueada").asBoolean()).isTrue();
        assertThat(bloqueo.get("intentosFallidos").asInt()).isEqualTo(4);
        assertThat(oficina.get("anses-verificacion/habilitacion/bloqueos").findValuesAsText("cuil")).contains(wanda);
        // Crear clave's own lock is another one, and untouched.
        assertThat(oficina.get("anses-verificacion/bloqueos/" + wanda).get("bloqueada").asBoolean()).isFalse();
        assertThat(oficina.deleteRaw("anses-verificacion/habilitacion/bloqueos/" + wanda).statusCode()).isEqualTo(204);
        assertThat(new AdminApi(server).get("admin-events?resourcePath=anses-verificacion/habilitacion/bloqueos/" + wanda + "&max=10"))
                .hasSize(1);

        assertThat(oficina.get("anses-verificacion/habilitacion/bloqueos/" + wanda).get("bloqueada").asBoolean()).isFalse();
        assertThat(titulo(continuar(pendiente(wanda, "Ocupa4Tres")))).isEqualTo(ES.get("ansesHabilitarClaveTitulo"));
        assertThat(titulo(continuar(pendiente(wanda, "Ocupa2Uno")))).isEqualTo(ES.get("ansesHabilitarClaveTitulo"));
    }

    @DisplayName("given a CUIL that has a clave, when someone registers a pending one for it and logs in with it, then the "
            + "pending page and the questions are those of any CUIL; only right answers tell that the CUIL has a clave, and "
            + "its clave stays untouched while the pending ones are discarded")
    @Test
    void cuilConClaveSoloSeDiceTrasProbarIdentidad() throws Exception {
        String yago = "27420030245";
        Persona persona = PADRON.get(yago);
        AdminApi admin = new AdminApi(server);
        admin.crearCiudadano(yago, persona.nombre(), persona.apellido(), persona.dni(), 3, "Nandu4Pampa", false);
        crearPendiente(yago, "Zorzal6Monte", "yago.exterior@correo.example", DireccionesDePrueba.nueva());

        HtmlPage pendiente = pendiente(yago, "Zorzal6Monte");
        assertThat(pendiente.getElementById("anses-solicitud-puede-caducar")).isNotNull();
        HtmlPage verdad = responder(continuar(pendiente), persona, true);
        assertThat(titulo(verdad)).isEqualTo(ES.get("ansesHabilitacionCuilConClaveTitulo"));

        JsonNode cuenta = user(admin, yago);
        assertThat(cuenta.at("/attributes/nivel/0").asText()).isEqualTo("3");
        assertThat(cuenta.has("email")).isFalse();
        Page otra = LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit(yago, "Zorzal6Monte");
        assertThat(LoginPage.of(otra).alert()).isEqualTo(ES.get("ansesInvalidCredentials"));
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(LoginPage.browser(), request.uri()).submit(yago, "Nandu4Pampa"), request)).isTrue();
    }

    @DisplayName("given five pending claves of one CUIL, when an office enables each with its own form's code at the same "
            + "moment, then exactly one is enabled, the others are refused, and only that one's clave logs in")
    @Test
    void habilitacionesEnParaleloDanUnaCuenta() throws Exception {
        String sofia = "27420010058";
        List<String> claves = List.of("Ombu2Verde", "Ombu3Verde", "Ombu4Verde", "Ombu5Verde", "Ombu6Verde");
        List<String> codigos = new ArrayList<>();
        for (String clave : claves) {
            crearPendiente(sofia, clave, "sofia." + clave.toLowerCase() + "@correo.example", DireccionesDePrueba.nueva());
            codigos.add(codigoDe(pendiente(sofia, clave)));
        }
        AdminApi oficina = AdminApi.as(server, STAFF, STAFF_CLAVE);
        List<Callable<Integer>> envios = codigos.stream().<Callable<Integer>>map(codigo -> () -> oficina.postRaw(
                "anses-habilitacion/" + sofia, "{\"nivel\": 3, \"codigo\": \"" + codigo + "\"}").statusCode()).toList();
        List<Integer> estados = EnParalelo.todas(envios);
        assertThat(estados).filteredOn(e -> e == 200).hasSize(1);
        assertThat(estados).filteredOn(e -> e == 409).hasSize(4);
        assertThat(cuentasDe(sofia)).isEqualTo(1);

        String ganadora = claves.get(estados.indexOf(200));
        List<String> ganadoraPrimero = new ArrayList<>(claves);
        ganadoraPrimero.remove(ganadora);
        ganadoraPrimero.add(0, ganadora); // before the wrong ones count toward the CUIL's lock
        for (String clave : ganadoraPrimero) {
            Oidc.Request request = oidc.request(Oidc.MI_ANSES);
            Page page = LoginPage.open(LoginPage.browser(), request.uri()).submit(sofia, clave);
            assertThat(LoginPage.loggedIn(page, request)).as(clave).isEqualTo(clave.equals(ganadora));
        }
    }

    @DisplayName("given a CUIL that has a clave, when someone says they live abroad and chooses another, then they see the "
            + "same page as for a new clave and nothing changes; and a pending clave is replaced by the person proving identity")
    @Test
    void nadaRevelaNiReemplaza() throws Exception {
        AdminApi admin = new AdminApi(server);
        admin.crearCiudadano("20355556663", "Martín", "Acosta", "35555666", 3, "Chamame9Rio", false);
        HtmlPage registrada = crearPendiente("20355556663", "Otra7Clave", "intruso@correo.example");
        HtmlPage nueva = crearPendiente("27364445550", "Lapacho5Flor", "camila.herrera@correo.example");
        assertThat(titulo(registrada)).isEqualTo(titulo(nueva));
        assertThat(registrada.getElementById("anses-clave-registrada").asNormalizedText())
                .isEqualTo(nueva.getElementById("anses-clave-registrada").asNormalizedText());
        JsonNode martin = user(admin, "20355556663");
        assertThat(martin.at("/attributes/estadoClave").isMissingNode()).isTrue();
        assertThat(admin.getRaw("anses-habilitacion/20355556663").body()).doesNotContain("solicitudes");
        assertThat(martin.at("/attributes/nivel/0").asText()).isEqualTo("3");
        assertThat(martin.has("email")).isFalse();
        assertThat(correo.para("intruso@correo.example")).isEmpty();
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(LoginPage.browser(), request.uri()).submit("20355556663", "Chamame9Rio"), request)).isTrue();

        // Camila, pending, proves identity in Crear clave as a resident: her clave is replaced and enabled; the address
        // given with the pending one (never proven hers) is dropped.
        Persona camila = PADRON.get("27364445550");
        Oidc.Request crear = oidc.request(Oidc.MI_ANSES);
        HtmlPage preguntas = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), crear)), "27364445550", true);
        Page app = presionar(elegirClave(responder(preguntas, camila, true), "Yacare3Verde", "Yacare3Verde"));
        assertThat(crear.codeFrom(LoginPage.landedOn(app))).isNotBlank();
        JsonNode habilitada = user(admin, "27364445550");
        assertThat(habilitada.at("/attributes/estadoClave/0").asText()).isEqualTo("HABILITADA");
        assertThat(habilitada.at("/attributes/nivel/0").asText()).isEqualTo("2");
        assertThat(habilitada.has("email")).isFalse();
        Page pendienteVieja = LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit("27364445550", "Lapacho5Flor");
        assertThat(LoginPage.of(pendienteVieja).alert()).isEqualTo(ES.get("ansesInvalidCredentials"));
    }

    @DisplayName("given a pending clave, when the days to enable it run out (Keycloak's clock moved), then the page counts "
            + "them down, the scheduled task deletes it with an event, and the citizen can create a new one")
    @Test
    void venceYSeElimina() throws Exception {
        crearPendiente("27346667783", "Ceibo2Parana", "julieta.benitez@correo.example");
        long creada = Instant.now().getEpochSecond();
        long antes = server.timeOffset();
        try {
            server.setTimeOffset(antes + Duration.ofDays(89).toSeconds());
            HtmlPage pendiente = pendiente("27346667783", "Ceibo2Parana");
            assertThat(pendiente.getElementById("anses-dias-restantes").getTextContent()).contains(ES.get("ansesClavePendienteDias", 1, "", 90).split("\\(")[0].strip());

            server.setTimeOffset(antes + Duration.ofDays(90).toSeconds() + 60);
            AdminApi admin = new AdminApi(server); // a token of the moved clock
            // Past its deadline the office no longer sees it, and the scheduled task deletes it with an event.
            assertThat(admin.getRaw("anses-habilitacion/27346667783").statusCode()).isEqualTo(404);
            Espera.esperarHasta("the scheduled task deleting the expired pending clave", Espera.PLAZO,
                    () -> eventosDe(admin.get("events?type=DELETE_ACCOUNT&max=500"), "27346667783").stream()
                            .anyMatch(e -> "anses_clave_pendiente_vencida".equals(e.at("/details/anses_motivo").asText())));
            assertThat(creada).isPositive();

            crearPendiente("27346667783", "Ceibo2Parana", "julieta.benitez@correo.example");
            assertThat(admin.get("anses-habilitacion/27346667783").get("solicitudes")).hasSize(1);
        } finally {
            server.setTimeOffset(antes); // the clock as this test found it
        }
    }

    /** Crear clave as a resident abroad, to the "Clave registrada" page. */
    private HtmlPage crearPendiente(String cuil, String clave, String email) throws Exception {
        return crearPendiente(cuil, clave, email, null);
    }

    /** The same from another loopback address: the tests that register many stay out of the others' per-address count. */
    private HtmlPage crearPendiente(String cuil, String clave, String email, InetAddress desde) throws Exception {
        HtmlPage elegi = ingresarCuilDesdeElExterior(aceptarPoliticas(desdeElLogin(LoginPage.browser(desde), oidc.request(Oidc.MI_ANSES))), cuil);
        HtmlPage registrada = elegirClaveConEmail(elegi, email, clave);
        assertThat(titulo(registrada)).isEqualTo(ES.get("ansesClaveRegistradaTitulo"));
        return registrada;
    }

    /** Logs in with a pending clave in a new browser: the pending page. */
    private HtmlPage pendiente(String cuil, String clave) throws Exception {
        return pendiente(cuil, clave, oidc.request(Oidc.MI_ANSES));
    }

    private HtmlPage pendiente(String cuil, String clave, Oidc.Request request) throws Exception {
        Page page = LoginPage.open(LoginPage.browser(), request.uri()).submit(cuil, clave);
        assertThat(page).isInstanceOf(HtmlPage.class);
        assertThat(titulo((HtmlPage) page)).isEqualTo(ES.get("ansesClavePendienteTitulo"));
        return (HtmlPage) page;
    }

    /** The verification code of the USI-07 the pending page gives, read off the PDF as staff read it off the paper. */
    private static String codigoDe(HtmlPage pendiente) throws Exception {
        try (InputStream in = pendiente.getHtmlElementById("anses-usi07").click().getWebResponse().getContentAsStream()) {
            return codigoDe(new PdfUsi07(in.readAllBytes()).texto());
        }
    }

    private static String codigoDe(String texto) {
        Matcher codigo = CODIGO.matcher(texto);
        assertThat(codigo.find()).as("a verification code on the form").isTrue();
        return codigo.group();
    }

    /** How many accounts (Keycloak users) have this CUIL: 0 or 1. */
    private long cuentasDe(String cuil) throws Exception {
        return cuentas(new AdminApi(server), cuil);
    }

    private static long cuentas(AdminApi admin, String cuil) throws Exception {
        return admin.get("users?exact=true&username=" + cuil).size();
    }

    private static List<JsonNode> eventosDe(JsonNode eventos, String cuil) {
        List<JsonNode> delCuil = new ArrayList<>();
        eventos.forEach(e -> {
            if (cuil.equals(e.at("/details/username").asText())) {
                delCuil.add(e);
            }
        });
        return delCuil;
    }

    private static InetAddress desde(int test) throws Exception {
        return InetAddress.getByName("127.18.0." + test);
    }

    private static JsonNode user(AdminApi admin, String cuil) throws Exception {
        return admin.get("users/" + admin.userId(cuil));
    }
}
