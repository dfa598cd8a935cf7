package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClave;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.presionar;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.responder;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.padron.PadronFile;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.ContadoresAvisos;
import ar.gob.anses.clavess.testsupport.CorreoDePrueba;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.DireccionesDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * Notices of account changes (issue 13), end to end: the realm sends them to a real SMTP server (GreenMail) after the
 * change is committed. Each test has citizens of its own; a marker notice to a citizen of the class, sent last, proves
 * that every notice committed before it was tried (one sender thread, in commit order), and an empty outbox (Server
 * Info's enEspera) that nothing is left to send, so "exactly one" is checked without waiting for time to pass.
 */
@ExtendWith({KeycloakExtension.class, CorreoDePrueba.class})
class AvisosIT {

    private static final ThemeMessages CORREO = ThemeMessages.correoSpanish();
    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final Map<String, Persona> PADRON = PadronFile.leer(Path.of("../realm-export/padron-demo.json"));
    private static final String DOMINIO = "@correo.demo.anses.example";
    private static final String MARCA_CUIL = "20419001016";
    private static final String MARCA = "marca.avisos" + DOMINIO;
    /** The host an attacker names in the Host header of his requests (issue 30). */
    private static final String HOST_FALSO = "anses-gob-ar.example";

    private final KeycloakServer server;
    private final CorreoDePrueba correo;
    private final Oidc oidc;

    AvisosIT(KeycloakServer server, CorreoDePrueba correo) throws Exception {
        this.server = server;
        this.correo = correo;
        this.oidc = new Oidc(server);
        AdminApi admin = new AdminApi(server);
        correo.apuntar(admin);
        if (admin.get("users?exact=true&username=" + MARCA_CUIL).isEmpty()) {
            crear(admin, MARCA_CUIL, "Testigo", "Avisos", "41900101", 2, "Roble7Luz", MARCA);
        }
    }

    @DisplayName("given a citizen who creates a clave online, gets a verified address and level 3 at an office, then recovers "
            + "the clave online, then no notice for the creation (no address yet), one for the level raised and one for "
            + "the recovery that says the level dropped to 2, none with the clave, the trámite or an answer")
    @Test
    void crearSubirNivelYRecuperar() throws Exception {
        Persona silvia = PADRON.get("27248889999");
        String direccion = "silvia.mendez" + DOMINIO;
        long sinDireccion = contador("sinDireccion");

        crearClave(silvia, "Lapacho5Sur");
        esperarContador("sinDireccion", sinDireccion + 1);

        AdminApi admin = new AdminApi(server);
        String id = admin.userId(silvia.cuil().digitos());
        ObjectNode usuario = (ObjectNode) admin.get("users/" + id);
        usuario.put("email", direccion).put("emailVerified", true);
        ((ObjectNode) usuario.get("attributes")).putArray("nivel").add("3");
        admin.put("users/" + id, usuario);
        MimeMessage nivel = unico(direccion);
        assertThat(nivel.getSubject()).isEqualTo(CORREO.get("ansesAvisoNivelSubidoAsunto", "2", "3"));
        assertThat(texto(nivel)).contains(CORREO.get("ansesAvisoNivelSubidoTexto", "2", "3"))
                .contains(CORREO.get("ansesAvisoNoPedisteTitulo")).contains(CORREO.get("ansesAvisoDondeOficina"));

        crearClave(silvia, "Quebrada8Sol");
        List<MimeMessage> mensajes = todos(direccion, 2);
        MimeMessage recuperada = mensajes.get(1);
        assertThat(recuperada.getSubject()).isEqualTo(CORREO.get("ansesAvisoClaveRecuperadaAsunto"));
        String texto = texto(recuperada);
        assertThat(texto).contains(CORREO.get("ansesAvisoClaveRecuperadaTexto"))
                .contains(CORREO.get("ansesAvisoNivelBajoPorRecuperacion", "3", "2"))
                .contains(CORREO.get("ansesAvisoNoFuisteTitulo"))
                .contains(CORREO.get("ansesAvisoNoFuisteOficina"))
                .contains(CORREO.get("ansesAvisoDondeNavegador", "Chrome", "Windows",
                        DireccionesDePrueba.deLaClase(AvisosIT.class).getHostAddress())) // its browsers' own address
                .contains(CORREO.get("ansesAvisoSaludo", "Silvia"))
                .contains(server.baseUri() + "realms/anses/login-actions/reset-credentials");
        sinSecretos(recuperada, silvia, "Lapacho5Sur", "Quebrada8Sol");
        assertThat(((InternetAddress) recuperada.getFrom()[0]).getAddress()).isEqualTo(CorreoDePrueba.REMITENTE);
    }

    @DisplayName("given a citizen with a verified address, when they change the clave, then one notice that says so, "
            + "without either clave")
    @Test
    void cambiarClave() throws Exception {
        String cuil = "27419001010";
        String direccion = "clave.cambiada" + DOMINIO;
        crear(new AdminApi(server), cuil, "Elena", "Cambio", "41900101", 2, "Laurel4Patio", direccion);

        assertThat(cambiarClave(cuil, "Laurel4Patio", "Sauce9Barca")).isTrue();

        MimeMessage aviso = unico(direccion);
        assertThat(aviso.getSubject()).isEqualTo(CORREO.get("ansesAvisoClaveCambiadaAsunto"));
        assertThat(texto(aviso)).contains(CORREO.get("ansesAvisoClaveCambiadaTexto")).contains(CORREO.get("ansesAvisoNoFuisteTitulo"));
        assertThat(CorreoDePrueba.parte(aviso, "text/html")).contains(CORREO.get("ansesAvisoOlvideMiClave"));
        sinSecretos(aviso, null, "Laurel4Patio", "Sauce9Barca");
    }

    @DisplayName("given office staff, when they raise a citizen's level by CUIL and then change the account's name, then one "
            + "notice each: the level raised from 2 to 3, and the account changed by an office")
    @Test
    void oficina() throws Exception {
        String cuil = "20419001024";
        String direccion = "cambio.oficina" + DOMINIO;
        AdminApi admin = new AdminApi(server);
        crear(admin, cuil, "Hugo", "Oficina", "41900102", 2, "Nogal6Cima", direccion);
        AdminApi oficina = AdminApi.as(server, "27291112221", "Ceibo4Rama");

        assertThat(oficina.putRaw("anses-nivel/" + cuil, "{\"nivel\": 3}").statusCode()).isEqualTo(204);
        MimeMessage nivel = unico(direccion);
        assertThat(nivel.getSubject()).isEqualTo(CORREO.get("ansesAvisoNivelSubidoAsunto", "2", "3"));
        assertThat(texto(nivel)).contains(CORREO.get("ansesAvisoNivelSubidoTexto", "2", "3"));

        String id = admin.userId(cuil);
        ObjectNode usuario = (ObjectNode) admin.get("users/" + id);
        usuario.put("firstName", "Hugo Martín");
        assertThat(oficina.putRaw("users/" + id, usuario.toString()).statusCode()).isEqualTo(204);
        MimeMessage cambio = todos(direccion, 2).get(1);
        assertThat(cambio.getSubject()).isEqualTo(CORREO.get("ansesAvisoOficinaDatosAsunto"));
        assertThat(texto(cambio)).contains(CORREO.get("ansesAvisoOficinaDatosTexto"))
                .contains(CORREO.get("ansesAvisoSaludo", "Hugo Martín"))
                .contains(CORREO.get("ansesAvisoNoPedisteTitulo"));
    }

    @DisplayName("given a citizen with a verified address, when 6 wrong claves lock her clave twice (the 5th, and the 6th "
            + "once the first lock is over) and an office unlocks it, then one lock notice, which says her clave is safe and "
            + "nothing was done in her name, offers Olvidé mi clave (the realm's Crear clave) and no No fui yo, with none of "
            + "the claves tried; and one notice for the unlock")
    @Test
    void bloqueo() throws Exception {
        String cuil = "27419001029";
        String direccion = "clave.bloqueada" + DOMINIO;
        AdminApi admin = new AdminApi(server);
        crear(admin, cuil, "Irma", "Bloqueo", "41900102", 2, "Tipa3Durazno", direccion);

        LoginPage login = LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri());
        for (int fallo = 1; fallo <= 5; fallo++) {
            // Past the realm's quick-login check (1 s between failures), as a person typing would be: Keycloak's clock moved.
            server.adelantarReloj(Duration.ofSeconds(1));
            login = LoginPage.of(login.submit(cuil, "Intento" + fallo + "Mal"));
        }
        assertThat(login.alert()).isEqualTo(ES.get("ansesInvalidCredentials"));
        server.adelantarReloj(Duration.ofSeconds(1)); // as above
        assertThat(LoginPage.of(login.submit(cuil, "Tipa3Durazno")).alert()).isEqualTo(ES.get("ansesClaveLocked", 1));
        server.adelantarReloj(Duration.ofSeconds(61)); // the first lock (60 s) is over: the 6th wrong clave locks again
        login = LoginPage.of(LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit(cuil, "Intento6Mal"));
        assertThat(login.alert()).isEqualTo(ES.get("ansesInvalidCredentials"));
        admin = new AdminApi(server); // its token, issued before the clock moved a minute, has expired for Keycloak
        assertThat(admin.bruteForce(cuil).get("numFailures").asInt()).isEqualTo(6);
        assertThat(admin.get("events?type=USER_DISABLED_BY_TEMPORARY_LOCKOUT&user=" + admin.userId(cuil))).as("two locks").hasSize(2);

        MimeMessage bloqueada = unico(direccion);
        assertThat(bloqueada.getSubject()).isEqualTo(CORREO.get("ansesAvisoClaveBloqueadaAsunto"));
        String texto = texto(bloqueada);
        String html = CorreoDePrueba.parte(bloqueada, "text/html");
        assertThat(texto).contains(CORREO.get("ansesAvisoClaveBloqueadaTexto")).contains(CORREO.get("ansesAvisoClaveSeguraTitulo"))
                .contains(CORREO.get("ansesAvisoClaveSeguraTexto")).contains(CORREO.get("ansesAvisoClaveSeguraOlvide"))
                .contains(CORREO.get("ansesAvisoNoFuisteOficina"))
                .doesNotContain(CORREO.get("ansesAvisoNoFuisteTexto")).doesNotContain(CORREO.get("ansesAvisoEnlaceNoFuiYo"));
        assertThat(texto + html).doesNotContain("action-token");
        String olvide = server.baseUri() + "realms/anses/login-actions/reset-credentials";
        assertThat(enlaces(bloqueada)).containsOnly(olvide);
        assertThat(html).contains("<a href=\"" + olvide + "\">" + CORREO.get("ansesAvisoOlvideMiClave") + "</a>");
        sinSecretos(bloqueada, null, "Tipa3Durazno", "Intento1Mal", "Intento5Mal", "Intento6Mal");
        // Olvidé mi clave opens the realm's Crear clave, at its first step (Políticas de Seguridad).
        Page olvidePage = LoginPage.browser().getPage(olvide);
        assertThat(olvidePage.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(((HtmlPage) olvidePage).getElementById("acepto")).as(olvidePage.getWebResponse().getContentAsString()).isNotNull();

        assertThat(admin.delete("attack-detection/brute-force/users/" + admin.userId(cuil))).isEqualTo(204);
        MimeMessage desbloqueada = todos(direccion, 2).get(1);
        assertThat(desbloqueada.getSubject()).isEqualTo(CORREO.get("ansesAvisoOficinaDesbloqueoAsunto"));
    }

    @DisplayName("given wrong claves sent with a forged Host header, then the lock notice they cause is genuine and every "
            + "link in it points to the server's configured address (its hostname), none to the forged host")
    @Test
    void hostFalsificado() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        String direccion = "host.falso." + cuil + DOMINIO;
        crear(new AdminApi(server), cuil, "Host", "Falso", CuilsDePrueba.dni(cuil), 2, "Tipa3Durazno", direccion);

        WebClient browser = LoginPage.browser();
        for (int fallo = 1; fallo <= 5; fallo++) {
            server.adelantarReloj(Duration.ofSeconds(1)); // past the quick-login check, as in bloqueo
            LoginPage login = LoginPage.open(browser, oidc.request(Oidc.MI_ANSES).uri());
            // Only the wrong clave's POST carries the forged header: the notice is decided while it is answered.
            browser.addRequestHeader("Host", HOST_FALSO);
            try {
                login.submit(cuil, "Falsa" + fallo + "Host");
            } finally {
                browser.removeRequestHeader("Host");
            }
        }
        assertThat(new AdminApi(server).bruteForce(cuil).get("numFailures").asInt()).isEqualTo(5);

        MimeMessage aviso = unico(direccion);
        assertThat(aviso.getSubject()).isEqualTo(CORREO.get("ansesAvisoClaveBloqueadaAsunto"));
        String todo = texto(aviso) + CorreoDePrueba.parte(aviso, "text/html");
        assertThat(todo).doesNotContain(HOST_FALSO);
        assertThat(enlaces(aviso)).isNotEmpty().allSatisfy(enlace -> assertThat(enlace).startsWith(server.baseUri().toString()));
    }

    @DisplayName("given a citizen with a TOTP app, when four wrong claves are followed by her right clave and a wrong code, "
            + "which locks, then the lock notice keeps the alarm: someone entered her right clave, with No fui yo")
    @Test
    void bloqueoConSegundoFactor() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        String direccion = "bloqueo.factor." + cuil + DOMINIO;
        var creado = new AdminApi(server).postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Olga", "lastName": "Factor", "email": "%s", "emailVerified": true,
                 "attributes": {"dni": ["%s"], "nivel": ["2"]}, "requiredActions": ["CONFIGURE_TOTP"],
                 "credentials": [{"type": "password", "value": "Ombu4Laguna", "temporary": false}]}
                """.formatted(cuil, direccion, CuilsDePrueba.dni(cuil)));
        assertThat(creado.statusCode()).as(creado.body()).isEqualTo(201);
        Oidc.Request alta = oidc.request(Oidc.MI_ANSES);
        HtmlPage totp = (HtmlPage) LoginPage.open(LoginPage.browser(), alta.uri()).submit(cuil, "Ombu4Laguna");
        String secreto = totp.<HtmlInput>getHtmlElementById("totpSecret").getValue();
        totp.<HtmlInput>getHtmlElementById("totp").setValue(codigoTotp(secreto));
        totp.<HtmlInput>getHtmlElementById("userLabel").setValue("celular");
        assertThat(LoginPage.loggedIn(totp.getHtmlElementById("saveTOTPBtn").click(), alta)).isTrue();

        LoginPage login = LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri());
        for (int fallo = 1; fallo <= 4; fallo++) {
            server.adelantarReloj(Duration.ofSeconds(1)); // past the quick-login check, as in bloqueo
            login = LoginPage.of(login.submit(cuil, "Intento" + fallo + "Mal"));
        }
        server.adelantarReloj(Duration.ofSeconds(1));
        HtmlPage codigo = (HtmlPage) login.submit(cuil, "Ombu4Laguna");
        HtmlForm formulario = codigo.getHtmlElementById("kc-otp-login-form");
        String correcto = codigoTotp(secreto);
        formulario.getInputByName("otp").setValue(correcto.equals("000000") ? "111111" : "000000");
        ((HtmlElement) formulario.querySelector("[type=submit]")).click();
        assertThat(new AdminApi(server).bruteForce(cuil).get("numFailures").asInt()).isEqualTo(5);

        MimeMessage bloqueada = todos(direccion, 2).get(1); // after "Agregaste un segundo factor"
        assertThat(bloqueada.getSubject()).isEqualTo(CORREO.get("ansesAvisoClaveBloqueadaSegundoFactorAsunto"));
        String texto = texto(bloqueada);
        assertThat(texto).contains(CORREO.get("ansesAvisoClaveBloqueadaSegundoFactorTexto"))
                .contains(CORREO.get("ansesAvisoNoFuisteTexto")).contains(CORREO.get("ansesAvisoEnlaceNoFuiYo"))
                .doesNotContain(CORREO.get("ansesAvisoClaveSeguraTexto"));
        assertThat(enlaces(bloqueada)).anySatisfy(enlace -> assertThat(enlace).contains("/login-actions/action-token?key="));
    }

    @DisplayName("given the realm's Frontend URL set (Realm settings → General), then a notice's links come from it rather "
            + "than from the hostname option, as Keycloak's own do, and its No fui yo opens there")
    @Test
    void frontendUrlDelRealm() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        String direccion = "frontend.url." + cuil + DOMINIO;
        AdminApi admin = new AdminApi(server);
        crear(admin, cuil, "Frida", "Frontend", CuilsDePrueba.dni(cuil), 2, "Tipa3Durazno", direccion);
        String otra = "http://127.0.0.1:" + server.baseUri().getPort() + "/"; // the same server under another name
        ObjectNode atributos = (ObjectNode) admin.get("").path("attributes").deepCopy();
        try {
            admin.put("", new ObjectMapper().createObjectNode().set("attributes", atributos.deepCopy().put("frontendUrl", otra)));
            String id = admin.userId(cuil);
            ObjectNode usuario = (ObjectNode) admin.get("users/" + id);
            admin.put("users/" + id, usuario.put("firstName", "Frida Inés"));
            MimeMessage aviso = unico(direccion);
            assertThat(aviso.getSubject()).isEqualTo(CORREO.get("ansesAvisoOficinaDatosAsunto"));
            List<String> enlaces = enlaces(aviso);
            assertThat(enlaces).hasSize(2).allSatisfy(enlace -> assertThat(enlace).startsWith(otra));
            String noFuiYo = enlaces.stream().filter(e -> e.contains("action-token")).findFirst().orElseThrow();
            Page confirmar = LoginPage.browser().getPage(noFuiYo);
            assertThat(confirmar.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(((HtmlPage) confirmar).asNormalizedText()).contains(ES.get("ansesNoFuiYoConfirmar"));
        } finally {
            admin = new AdminApi(server);
            admin.put("", new ObjectMapper().createObjectNode().set("attributes", atributos.put("frontendUrl", "")));
        }
    }

    /** Every http(s) address in either part of a message. */
    private static List<String> enlaces(MimeMessage mensaje) throws Exception {
        String todo = CorreoDePrueba.parte(mensaje, "text/plain") + "\n" + CorreoDePrueba.parte(mensaje, "text/html");
        return Pattern.compile("https?://[^\\s\"'<>]+").matcher(todo).results().map(m -> m.group().replace("&amp;", "&"))
                .distinct().toList();
    }

    @DisplayName("given a citizen asked to set up a TOTP app, when they add it at login and remove it with Keycloak's "
            + "delete_credential action, then one notice for the second factor added and one for the one removed")
    @Test
    void segundoFactor() throws Exception {
        String cuil = "27419001045";
        String direccion = "segundo.factor" + DOMINIO;
        var creado = new AdminApi(server).postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Nora", "lastName": "Factor", "email": "%s", "emailVerified": true,
                 "attributes": {"dni": ["41900104"], "nivel": ["2"]}, "requiredActions": ["CONFIGURE_TOTP"],
                 "credentials": [{"type": "password", "value": "Ombu4Laguna", "temporary": false}]}
                """.formatted(cuil, direccion));
        assertThat(creado.statusCode()).as(creado.body()).isEqualTo(201);

        WebClient browser = LoginPage.browser();
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage totp = (HtmlPage) LoginPage.open(browser, request.uri()).submit(cuil, "Ombu4Laguna");
        String secreto = totp.<HtmlInput>getHtmlElementById("totpSecret").getValue();
        totp.<HtmlInput>getHtmlElementById("totp").setValue(codigoTotp(secreto));
        totp.<HtmlInput>getHtmlElementById("userLabel").setValue("celular");
        Page app = totp.getHtmlElementById("saveTOTPBtn").click();
        assertThat(LoginPage.loggedIn(app, request)).as(app.getWebResponse().getContentAsString()).isTrue();
        MimeMessage agregado = unico(direccion);
        assertThat(agregado.getSubject()).isEqualTo(CORREO.get("ansesAvisoFactorAgregadoAsunto"));
        assertThat(texto(agregado)).contains(CORREO.get("ansesAvisoFactorAgregadoTexto"));
        sinSecretos(agregado, null, "Ombu4Laguna", secreto);

        // Removed by the citizen as Keycloak 26 lets them: the delete_credential action (the account API has no DELETE).
        AdminApi admin = new AdminApi(server);
        String otp = null;
        for (JsonNode credencial : admin.get("users/" + admin.userId(cuil) + "/credentials")) {
            if ("otp".equals(credencial.path("type").asText())) {
                otp = credencial.path("id").asText();
            }
        }
        assertThat(otp).isNotBlank();
        Oidc.Request quitar = oidc.request(Oidc.MI_ANSES);
        HtmlPage confirmar = (HtmlPage) browser.getPage(quitar.uri(Map.of("kc_action", "delete_credential:" + otp)).toURL());
        Page vuelta = confirmar.getHtmlElementById("kc-accept").click();
        assertThat(LoginPage.loggedIn(vuelta, quitar)).as(vuelta.getWebResponse().getContentAsString()).isTrue();
        MimeMessage quitado = todos(direccion, 2).get(1);
        assertThat(quitado.getSubject()).isEqualTo(CORREO.get("ansesAvisoFactorQuitadoAsunto"));
    }

    /** RFC 6238 with the realm's defaults (HmacSHA1, 6 digits, 30 s), over the secret as Keycloak holds it. */
    private static String codigoTotp(String secreto) throws Exception {
        long paso = System.currentTimeMillis() / 1000 / 30;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secreto.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(paso).array());
        int desde = hash[hash.length - 1] & 0xf;
        int binario = ((hash[desde] & 0x7f) << 24) | ((hash[desde + 1] & 0xff) << 16) | ((hash[desde + 2] & 0xff) << 8) | (hash[desde + 3] & 0xff);
        return String.format("%06d", binario % 1_000_000);
    }

    @DisplayName("given a citizen without an address, when they add one in Mi cuenta (Keycloak's Update email, kc_action) "
            + "and follow the link it mails there, then the address is verified and the next change of the clave is told "
            + "to it, once")
    @Test
    void correoAgregadoYVerificado() throws Exception {
        String cuil = "20419001059";
        String direccion = "correo.nuevo" + DOMINIO;
        AdminApi admin = new AdminApi(server);
        admin.crearCiudadano(cuil, "Tobias", "Verifica", "41900105", 2, "Coihue5Rama", false);

        WebClient browser = LoginPage.browser();
        Oidc.Request login = oidc.request(Oidc.MI_ANSES);
        Page app = LoginPage.open(browser, login.uri()).submit(cuil, "Coihue5Rama");
        assertThat(LoginPage.loggedIn(app, login)).as(app.getWebResponse().getContentAsString()).isTrue();

        Oidc.Request agregar = oidc.request(Oidc.MI_ANSES);
        HtmlPage formulario = (HtmlPage) browser.getPage(agregar.uri(Map.of("kc_action", "UPDATE_EMAIL")).toURL());
        formulario.<HtmlInput>getHtmlElementById("email").setValue(direccion);
        formulario.getHtmlElementById("kc-submit").click();
        assertThat(admin.get("users/" + admin.userId(cuil)).path("email").asText()).as("not before the link").isEmpty();
        MimeMessage verificacion = correo.esperar(direccion, 1).get(0);
        Matcher enlace = Pattern.compile("https?://\\S+action-token\\S+").matcher(CorreoDePrueba.parte(verificacion, "text/plain"));
        assertThat(enlace.find()).as(CorreoDePrueba.parte(verificacion, "text/plain")).isTrue();
        browser.getPage(enlace.group());
        assertThat(admin.get("users/" + admin.userId(cuil)).path("email").asText()).isEqualTo(direccion);
        assertThat(admin.get("users/" + admin.userId(cuil)).path("emailVerified").asBoolean()).isTrue();

        assertThat(cambiarClave(cuil, "Coihue5Rama", "Cipres4Lago")).isTrue();
        List<MimeMessage> mensajes = todos(direccion, 2);
        assertThat(mensajes.get(1).getSubject()).isEqualTo(CORREO.get("ansesAvisoClaveCambiadaAsunto"));
    }

    @DisplayName("given the realm's mail server down, when a citizen changes the clave, then the change stands, the notice "
            + "is tried again and again, and once the server is back it arrives, exactly once; the management port's "
            + "metrics count the failed tries and the sent notice")
    @Test
    void servidorCaido() throws Exception {
        String cuil = "20419001032";
        String direccion = "sin.servidor" + DOMINIO;
        AdminApi admin = new AdminApi(server);
        crear(admin, cuil, "Raúl", "Caido", "41900103", 2, "Alamo5Ribera", direccion);
        long reintentados = contador("reintentados");
        CorreoDePrueba.apuntar(admin, KeycloakServer.freePort()); // nobody listens there
        try {
            assertThat(cambiarClave(cuil, "Alamo5Ribera", "Jacaranda8Luz")).isTrue();
            // A few failed tries: the one after the commit and the periodic look's retries (the tests' waits are 1 s, 2 s).
            esperarContador("reintentados", reintentados + 3);
            assertThat(contador("enEspera")).as("the notice waits in the outbox").isGreaterThanOrEqualTo(1);
            assertThat(correo.para(direccion)).isEmpty();
        } finally {
            correo.apuntar(new AdminApi(server));
        }
        assertThat(loginWorks(cuil, "Jacaranda8Luz")).isTrue();
        assertThat(loginWorks(cuil, "Alamo5Ribera")).isFalse();

        MimeMessage aviso = unico(direccion);
        assertThat(aviso.getSubject()).isEqualTo(CORREO.get("ansesAvisoClaveCambiadaAsunto"));
        String metricas = server.metrics();
        assertThat(metrica(metricas, "anses_avisos_total", "resultado=\"reintentado\"")).isGreaterThanOrEqualTo(reintentados + 3);
        assertThat(metrica(metricas, "anses_avisos_total", "resultado=\"enviado\"")).isGreaterThanOrEqualTo(1);
        assertThat(metrica(metricas, "anses_avisos_en_espera", null)).isGreaterThanOrEqualTo(0);
    }

    /**
     * The value of the sample {@code nombre} whose labels include {@code etiqueta} (null: any) in a Prometheus text;
     * fails if there is none. Labels are matched loosely: Keycloak's registry may add its own, and a trailing comma.
     */
    static double metrica(String metricas, String nombre, String etiqueta) {
        for (String linea : metricas.split("\n")) {
            if (linea.startsWith(nombre + "{") || linea.startsWith(nombre + " ")) {
                String etiquetas = linea.startsWith(nombre + "{") ? linea.substring(nombre.length(), linea.lastIndexOf('}') + 1) : "";
                if (etiqueta == null || etiquetas.contains(etiqueta)) {
                    return Double.parseDouble(linea.substring(linea.lastIndexOf(' ') + 1).strip());
                }
            }
        }
        throw new AssertionError("no metric " + nombre + " " + etiqueta + " in:\n"
                + metricas.lines().filter(l -> l.contains("anses")).toList());
    }

    // --- journeys

    private void crearClave(Persona persona, String clave) throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage preguntas = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), request)), persona.cuil().digitos(), true);
        Page app = presionar(elegirClave(responder(preguntas, persona, true), clave, clave));
        assertThat(request.codeFrom(LoginPage.landedOn(app))).isNotBlank();
    }

    /** Cambiar mi clave from the login page; whether the browser came back to the app. */
    private boolean cambiarClave(String cuil, String actual, String nueva) throws Exception {
        WebClient browser = LoginPage.browser();
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage login = (HtmlPage) browser.getPage(request.uri().toURL());
        HtmlPage cambiar = login.getHtmlElementById("anses-cambiar-mi-clave").click();
        HtmlPage formulario = (HtmlPage) LoginPage.of(cambiar).submit(cuil, actual);
        formulario.<HtmlInput>getHtmlElementById("clave").setValue(nueva);
        formulario.<HtmlInput>getHtmlElementById("confirmacion").setValue(nueva);
        Page fin = formulario.getHtmlElementById("anses-continuar").click();
        return LoginPage.loggedIn(fin, request);
    }

    private boolean loginWorks(String cuil, String clave) throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        return LoginPage.loggedIn(LoginPage.open(LoginPage.browser(), request.uri()).submit(cuil, clave), request);
    }

    /** A citizen with a clave and a verified address, created by an admin (a creation sends no notice). */
    private static void crear(AdminApi admin, String cuil, String nombre, String apellido, String dni, int nivel, String clave,
                              String direccion) throws Exception {
        var creado = admin.postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "%s", "lastName": "%s", "email": "%s", "emailVerified": true,
                 "attributes": {"dni": ["%s"], "nivel": ["%d"]},
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}
                """.formatted(cuil, nombre, apellido, direccion, dni, nivel, clave));
        assertThat(creado.statusCode()).as(creado.body()).isEqualTo(201);
    }

    // --- mail

    /**
     * Sends the marker notice (an admin's update of the marker citizen) and waits for it: every notice committed before
     * it has then been sent or given up, since one thread sends them in commit order.
     */
    private void marca() throws Exception {
        int antes = correo.para(MARCA).size();
        AdminApi admin = new AdminApi(server);
        String id = admin.userId(MARCA_CUIL);
        admin.put("users/" + id, admin.get("users/" + id));
        correo.esperar(MARCA, antes + 1);
    }

    /** The one message to {@code direccion}, after the marker: there is exactly one. */
    private MimeMessage unico(String direccion) throws Exception {
        return todos(direccion, 1).get(0);
    }

    /**
     * The messages to {@code direccion}, after the marker and once the outbox is empty (nothing left that could still be
     * sent): there are exactly {@code cuantos}.
     */
    private List<MimeMessage> todos(String direccion, int cuantos) throws Exception {
        correo.esperar(direccion, cuantos);
        marca();
        esperarBandejaVacia();
        List<MimeMessage> mensajes = correo.para(direccion);
        assertThat(mensajes).hasSize(cuantos);
        return mensajes;
    }

    /** The text part, after checking both parts are there; both are kept in target/avisos/ to be looked at. */
    private static String texto(MimeMessage mensaje) throws Exception {
        String texto = CorreoDePrueba.parte(mensaje, "text/plain");
        String html = CorreoDePrueba.parte(mensaje, "text/html");
        assertThat(texto).as("text part").isNotBlank();
        assertThat(html).as("html part").isNotBlank();
        Path carpeta = Files.createDirectories(Path.of("target/avisos"));
        String nombre = mensaje.getSubject().replaceAll("[^A-Za-z0-9]+", "-");
        Files.writeString(carpeta.resolve(nombre + ".txt"), texto);
        Files.writeString(carpeta.resolve(nombre + ".html"), html);
        return texto;
    }

    /** Neither part holds a clave, a trámite number or an answer to the questions (the registry's data of the person). */
    private static void sinSecretos(MimeMessage mensaje, Persona persona, String... claves) throws Exception {
        String todo = CorreoDePrueba.parte(mensaje, "text/plain") + CorreoDePrueba.parte(mensaje, "text/html") + mensaje.getSubject();
        for (String clave : claves) {
            assertThat(todo).doesNotContain(clave);
        }
        if (persona != null) {
            assertThat(todo).doesNotContain(persona.dni()).doesNotContain(persona.cuil().digitos())
                    .doesNotContain(persona.provinciaNacimiento().orElse(persona.dni())).doesNotContain(String.valueOf(persona.fechaNacimiento().getYear()));
            persona.tramites().forEach(t -> assertThat(todo).doesNotContain(t));
            persona.empleadores().forEach(e -> assertThat(todo).doesNotContain(e));
            persona.prestaciones().forEach(p -> assertThat(todo).doesNotContain(p));
        }
    }

    // --- the counter

    private long contador(String nombre) throws Exception {
        return ContadoresAvisos.contador(server, nombre);
    }

    private void esperarBandejaVacia() throws Exception {
        ContadoresAvisos.esperarBandejaVacia(server);
    }

    private void esperarContador(String nombre, long valor) throws Exception {
        ContadoresAvisos.esperar(nombre, valor, server);
    }
}
