package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.alerta;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClave;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClaveConEmail;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.errorDeCampo;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCodigo;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarTramite;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.presionar;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.reenviarCodigo;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.saltear;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.titulo;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.padron.PadronFile;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CorreoDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.net.URL;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The email asked at Crear clave and confirmed with a code (Confirmá tu correo), end to end against the real server and
 * a real SMTP server (GreenMail): the code's mail, its tries, resends and expiry, "Saltear", and the notices that follow
 * (the creation at the address just confirmed, the change told to the address it replaced). Each test has padrón
 * persons of its own; a marker notice sent last proves every notice queued before it went out (one sender, in order).
 */
@ExtendWith({KeycloakExtension.class, CorreoDePrueba.class})
class CorreoIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final ThemeMessages CORREO = ThemeMessages.correoSpanish();
    private static final Map<String, Persona> PADRON = PadronFile.leer(Path.of("../realm-export/padron-demo.json"));
    private static final String DOMINIO = "@correo.demo.anses.example";
    private static final String MARCA_CUIL = "20438000772";
    private static final String MARCA = "marca.correo" + DOMINIO;

    private final KeycloakServer server;
    private final CorreoDePrueba correo;
    private final Oidc oidc;

    CorreoIT(KeycloakServer server, CorreoDePrueba correo) throws Exception {
        this.server = server;
        this.correo = correo;
        this.oidc = new Oidc(server);
        AdminApi admin = new AdminApi(server);
        correo.apuntar(admin);
        if (admin.get("users?exact=true&username=" + MARCA_CUIL).isEmpty()) {
            crear(admin, MARCA_CUIL, "Testigo", "Correo", "43800077", "Roble7Luz", MARCA);
        }
    }

    @DisplayName("given a new resident who types a malformed email and then a good one with the clave, then the field says why "
            + "and keeps what she typed, a 6-digit code reaches the address (no CUIL, DNI or clave in it), the right code "
            + "verifies it on the user with an UPDATE_EMAIL event, and the creation notice reaches that address at once")
    @Test
    void confirmaYRecibeElAvisoDeCreacion() throws Exception {
        Persona valeria = PADRON.get("27438000114");
        String direccion = "valeria.correa" + DOMINIO;
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage elegi = ingresarTramite(ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), request)),
                valeria.cuil().digitos(), true), valeria.tramites().get(0));
        assertThat(elegi.getElementById("email-hint").getTextContent().strip()).isEqualTo(ES.get("ansesEmailOpcionalAyuda"));

        HtmlPage mal = elegirClaveConEmail(elegi, "valeria.correa@", "Tacuari8Sol");
        assertThat(errorDeCampo(mal, "email")).isEqualTo(ES.get("ansesEmailInvalido"));
        assertThat(mal.getElementById("email").getAttribute("value")).isEqualTo("valeria.correa@");
        assertThat(mal.getElementById("clave").getAttribute("value")).isEmpty();
        assertThat(user(valeria.cuil().digitos())).isNull();

        HtmlPage codigo = elegirClaveConEmail(mal, direccion, "Tacuari8Sol");
        assertThat(titulo(codigo)).isEqualTo(ES.get("ansesConfirmaCorreoTitulo"));
        assertThat(codigo.getElementById("anses-codigo-enviado").getTextContent().strip()).isEqualTo(ES.get("ansesCodigoEnviadoA", direccion));
        JsonNode creada = user(valeria.cuil().digitos());
        assertThat(creada).as("the clave is created before the address is confirmed").isNotNull();
        assertThat(creada.path("emailVerified").asBoolean()).isFalse();

        MimeMessage mensaje = correo.esperar(direccion, 1).get(0);
        assertThat(mensaje.getSubject()).isEqualTo(CORREO.get("ansesCodigoCorreoAsunto"));
        String texto = CorreoDePrueba.parte(mensaje, "text/plain");
        assertThat(texto).contains(CORREO.get("ansesCodigoCorreoVigencia", "5")).contains(CORREO.get("ansesCodigoCorreoNoFuiste"));
        sinDatos(mensaje, valeria, "Tacuari8Sol");

        HtmlPage finalizar = ingresarCodigo(codigo, codigoDe(mensaje));
        assertThat(finalizar.getElementById("anses-habilitada")).isNotNull();
        assertThat(((DomElement) finalizar.getElementById("anses-agrega-email")).getAttribute("data-correo")).isEqualTo("confirmado");
        JsonNode usuario = user(valeria.cuil().digitos());
        assertThat(usuario.path("email").asText()).isEqualTo(direccion);
        assertThat(usuario.path("emailVerified").asBoolean()).isTrue();
        JsonNode eventos = new AdminApi(server).get("events?type=UPDATE_EMAIL&user=" + usuario.get("id").asText());
        assertThat(eventos).hasSize(1);
        assertThat(eventos.get(0).at("/details/updated_email").asText()).isEqualTo(direccion);

        List<MimeMessage> mensajes = todos(direccion, 2);
        assertThat(mensajes.get(1).getSubject()).isEqualTo(CORREO.get("ansesAvisoClaveCreadaAsunto"));
        sinDatos(mensajes.get(1), valeria, "Tacuari8Sol");
        Page app = presionar(finalizar);
        assertThat(request.codeFrom(LoginPage.landedOn(app))).isNotBlank();
    }

    @DisplayName("given wrong codes, then each says how many tries are left, the fifth leaves only 'continue without "
            + "confirming', which ends Crear clave logged in with the address unverified and no notice sent to it")
    @Test
    void codigosEquivocadosYSaltear() throws Exception {
        Persona gustavo = PADRON.get("20438000225");
        String direccion = "gustavo.arce" + DOMINIO;
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage codigo = hastaElCodigo(request, gustavo, direccion, "Chalten7Hielo");
        String bueno = codigoDe(correo.esperar(direccion, 1).get(0));
        String malo = String.format("%06d", (Integer.parseInt(bueno) + 1) % 1_000_000);

        for (int restantes = 4; restantes >= 1; restantes--) {
            codigo = ingresarCodigo(codigo, malo);
            assertThat(errorDeCampo(codigo, "codigo")).isEqualTo(ES.get("ansesCodigoIncorrecto", restantes));
        }
        HtmlPage agotado = ingresarCodigo(codigo, malo);
        assertThat(alerta(agotado)).isEqualTo(ES.get("ansesCodigoIntentosAgotados"));
        assertThat(agotado.getElementById("codigo")).as("no more codes can be typed").isNull();
        assertThat(agotado.getElementById("anses-reenviar")).isNull();
        assertThat(agotado.getElementById("anses-saltear").getTextContent().strip()).isEqualTo(ES.get("ansesContinuarSinConfirmar"));

        HtmlPage finalizar = saltear(agotado);
        assertThat(((DomElement) finalizar.getElementById("anses-agrega-email")).getAttribute("data-correo")).isEqualTo("sinConfirmar");
        Page app = presionar(finalizar);
        assertThat(request.codeFrom(LoginPage.landedOn(app))).isNotBlank();
        JsonNode usuario = user(gustavo.cuil().digitos());
        assertThat(usuario.path("email").asText()).isEqualTo(direccion);
        assertThat(usuario.path("emailVerified").asBoolean()).isFalse();
        assertThat(todos(direccion, 1).get(0).getSubject()).as("the code only, no creation notice")
                .isEqualTo(CORREO.get("ansesCodigoCorreoAsunto"));
        JsonNode errores = new AdminApi(server).get("events?type=RESET_PASSWORD_ERROR&max=500");
        assertThat(errores.findValues("error").stream().map(JsonNode::asText))
                .contains("anses_correo_codigo_incorrecto", "anses_correo_intentos_agotados");
        assertThat(errores.toString()).doesNotContain(malo).doesNotContain(bueno);
    }

    @DisplayName("given a code asked for again, then the old code is refused; given the code's minute gone by (the step set "
            + "to 1 minute, Keycloak's clock moved), then it is refused as expired; a new one confirms, once: the old page "
            + "sent again changes nothing")
    @Test
    void codigoViejoYVencido() throws Exception {
        Persona paula = PADRON.get("27438000335");
        String direccion = "paula.vidal" + DOMINIO;
        // A code shorter-lived than the page (Keycloak's user-action lifespan, 5 minutes), so that the clock can pass it.
        AdminApi admin = new AdminApi(server);
        ObjectNode config = (ObjectNode) admin.authenticatorConfig("anses crear clave", "anses-confirma-correo");
        ((ObjectNode) config.get("config")).put("minutosValidez", "1");
        admin.put("authentication/config/" + config.get("id").asText(), config);
        long antes = server.timeOffset();
        try {
            HtmlPage codigo = hastaElCodigo(oidc.request(Oidc.MI_ANSES), paula, direccion, "Lanin5Nieve");
            String primero = codigoDe(correo.esperar(direccion, 1).get(0));

            codigo = reenviarCodigo(codigo);
            assertThat(codigo.asNormalizedText()).contains(ES.get("ansesCodigoReenviado", direccion));
            assertThat(codigo.getElementById("anses-reenvios").getTextContent().strip()).isEqualTo(ES.get("ansesReenviosRestantes", 2));
            String segundo = codigoDe(correo.esperar(direccion, 2).get(1));
            if (!segundo.equals(primero)) { // one chance in a million that both are the same digits
                codigo = ingresarCodigo(codigo, primero);
                assertThat(errorDeCampo(codigo, "codigo")).isEqualTo(ES.get("ansesCodigoIncorrecto", 4));
            }

            server.setTimeOffset(antes + Duration.ofMinutes(1).toSeconds() + 30);
            codigo = ingresarCodigo(codigo, segundo);
            assertThat(errorDeCampo(codigo, "codigo")).isEqualTo(ES.get("ansesCodigoVencido"));

            codigo = reenviarCodigo(codigo);
            String tercero = codigoDe(correo.esperar(direccion, 3).get(2));
            URL accion = codigo.getFullyQualifiedUrl(codigo.getHtmlElementById("anses-form").getAttribute("action"));
            HtmlPage finalizar = ingresarCodigo(codigo, tercero);
            assertThat(finalizar.getElementById("anses-habilitada")).isNotNull();
            // The page before, sent again with the same code by the same browser: it confirms nothing more.
            WebRequest otraVez = new WebRequest(accion, HttpMethod.POST);
            otraVez.setRequestParameters(List.of(new NameValuePair("codigo", tercero), new NameValuePair("confirmar", "")));
            codigo.getWebClient().getPage(otraVez);
        } finally {
            server.setTimeOffset(antes); // the clock as this test found it
            ((ObjectNode) config.get("config")).put("minutosValidez", "5");
            admin.put("authentication/config/" + config.get("id").asText(), config);
        }
        JsonNode usuario = user(paula.cuil().digitos());
        assertThat(usuario.path("emailVerified").asBoolean()).isTrue();
        assertThat(new AdminApi(server).get("events?type=UPDATE_EMAIL&user=" + usuario.get("id").asText())).hasSize(1);
        List<MimeMessage> mensajes = todos(direccion, 4);
        assertThat(mensajes.get(3).getSubject()).isEqualTo(CORREO.get("ansesAvisoClaveCreadaAsunto"));
    }

    @DisplayName("given a resident who leaves the email empty, then no code page: the clave is created and Finalizar offers Mi cuenta")
    @Test
    void sinCorreo() throws Exception {
        Persona ramiro = PADRON.get("20438000446");
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage elegi = ingresarTramite(ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), request)),
                ramiro.cuil().digitos(), true), ramiro.tramites().get(0));
        HtmlPage finalizar = elegirClave(elegi, "Bermejo4Rio", "Bermejo4Rio");
        assertThat(finalizar.getElementById("anses-habilitada")).isNotNull();
        assertThat(finalizar.getElementById("codigo")).isNull();
        assertThat(((DomElement) finalizar.getElementById("anses-agrega-email")).getAttribute("data-correo")).isEqualTo("ninguno");
        assertThat(request.codeFrom(LoginPage.landedOn(presionar(finalizar)))).isNotBlank();
        assertThat(user(ramiro.cuil().digitos()).has("email")).isFalse();
    }

    @DisplayName("given a citizen with a verified address who recovers her clave, then a new address she skips leaves the old "
            + "one in place; a new one she confirms replaces it, and the old address is told of the change (¿No fuiste vos?), "
            + "after being told of each recovery")
    @Test
    void recuperarConCorreoNuevo() throws Exception {
        Persona elsa = PADRON.get("27438000556");
        String vieja = "elsa.robledo" + DOMINIO;
        String salteada = "elsa.salteada" + DOMINIO;
        String nueva = "elsa.nueva" + DOMINIO;
        AdminApi admin = new AdminApi(server);
        crear(admin, elsa.cuil().digitos(), "Elsa", "Robledo", elsa.dni(), "Calden3Pampa", vieja);

        HtmlPage elegi = ingresarTramite(ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))),
                elsa.cuil().digitos(), true), elsa.tramites().get(0));
        assertThat(elegi.getElementById("email-hint").getTextContent().strip()).isEqualTo(ES.get("ansesEmailConfirmadoAyuda"));
        HtmlPage codigo = elegirClaveConEmail(elegi, salteada, "Salitral6Sur");
        assertThat(titulo(codigo)).isEqualTo(ES.get("ansesConfirmaCorreoTitulo"));
        HtmlPage finalizar = saltear(codigo);
        assertThat(((DomElement) finalizar.getElementById("anses-agrega-email")).getAttribute("data-correo")).isEqualTo("confirmado");
        JsonNode usuario = user(elsa.cuil().digitos());
        assertThat(usuario.path("email").asText()).isEqualTo(vieja);
        assertThat(usuario.path("emailVerified").asBoolean()).isTrue();

        codigo = hastaElCodigo(oidc.request(Oidc.MI_ANSES), elsa, nueva, "Medano9Luna");
        correo.esperar(vieja, 2); // the second recovery told to the address she had, as she reads the code
        finalizar = ingresarCodigo(codigo, codigoDe(correo.esperar(nueva, 1).get(0)));
        assertThat(((DomElement) finalizar.getElementById("anses-agrega-email")).getAttribute("data-correo")).isEqualTo("confirmado");
        usuario = user(elsa.cuil().digitos());
        assertThat(usuario.path("email").asText()).isEqualTo(nueva);
        assertThat(usuario.path("emailVerified").asBoolean()).isTrue();
        JsonNode evento = admin.get("events?type=UPDATE_EMAIL&user=" + usuario.get("id").asText()).get(0);
        assertThat(evento.at("/details/previous_email").asText()).isEqualTo(vieja);
        assertThat(evento.at("/details/updated_email").asText()).isEqualTo(nueva);

        List<MimeMessage> aLaVieja = todos(vieja, 3);
        assertThat(aLaVieja.get(0).getSubject()).isEqualTo(CORREO.get("ansesAvisoClaveRecuperadaAsunto"));
        assertThat(aLaVieja.get(1).getSubject()).isEqualTo(CORREO.get("ansesAvisoClaveRecuperadaAsunto"));
        MimeMessage cambio = aLaVieja.get(2);
        assertThat(cambio.getSubject()).isEqualTo(CORREO.get("ansesAvisoCorreoCambiadoAsunto"));
        assertThat(CorreoDePrueba.parte(cambio, "text/plain")).contains(CORREO.get("ansesAvisoCorreoCambiadoTexto"))
                .contains(CORREO.get("ansesAvisoNoFuisteTitulo")).contains(CORREO.get("ansesAvisoNoFuisteOficina"));
        sinDatos(cambio, elsa, "Salitral6Sur", "Medano9Luna");
        List<MimeMessage> aLaNueva = todos(nueva, 2);
        assertThat(aLaNueva.get(1).getSubject()).isEqualTo(CORREO.get("ansesAvisoCorreoCambiadoAsunto"));
        assertThat(todos(salteada, 1).get(0).getSubject()).as("the code only").isEqualTo(CORREO.get("ansesCodigoCorreoAsunto"));
    }

    // --- journeys

    /** Crear clave by trámite up to Confirmá tu correo, with {@code direccion} typed beside the clave. */
    private HtmlPage hastaElCodigo(Oidc.Request request, Persona persona, String direccion, String clave) throws Exception {
        HtmlPage elegi = ingresarTramite(ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), request)),
                persona.cuil().digitos(), true), persona.tramites().get(0));
        HtmlPage codigo = elegirClaveConEmail(elegi, direccion, clave);
        assertThat(titulo(codigo)).as(codigo.asNormalizedText()).isEqualTo(ES.get("ansesConfirmaCorreoTitulo"));
        return codigo;
    }

    private static String codigoDe(MimeMessage mensaje) throws Exception {
        String codigo = CorreoDePrueba.codigoDeConfirmacion(mensaje);
        assertThat(CorreoDePrueba.parte(mensaje, "text/html")).contains(codigo);
        return codigo;
    }

    /** No CUIL, DNI, trámite or clave in the message. */
    private static void sinDatos(MimeMessage mensaje, Persona persona, String... claves) throws Exception {
        String todo = CorreoDePrueba.parte(mensaje, "text/plain") + CorreoDePrueba.parte(mensaje, "text/html") + mensaje.getSubject();
        assertThat(todo).doesNotContain(persona.cuil().digitos()).doesNotContain(persona.dni()).doesNotContain(persona.tramites().get(0));
        for (String clave : claves) {
            assertThat(todo).doesNotContain(clave);
        }
    }

    private JsonNode user(String cuil) throws Exception {
        JsonNode users = new AdminApi(server).get("users?exact=true&briefRepresentation=false&username=" + cuil);
        return users.isEmpty() ? null : users.get(0);
    }

    /** A citizen with a clave and a verified address, created by an admin (a creation sends no notice). */
    private static void crear(AdminApi admin, String cuil, String nombre, String apellido, String dni, String clave, String direccion)
            throws Exception {
        var creado = admin.postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "%s", "lastName": "%s", "email": "%s", "emailVerified": true,
                 "attributes": {"dni": ["%s"], "nivel": ["2"]},
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}
                """.formatted(cuil, nombre, apellido, direccion, dni, clave));
        assertThat(creado.statusCode()).as(creado.body()).isEqualTo(201);
    }

    // --- mail

    /** Sends the marker notice (an admin's update of the marker citizen) and waits for it: all queued before it went out. */
    private void marca() throws Exception {
        int antes = correo.para(MARCA).size();
        AdminApi admin = new AdminApi(server);
        String id = admin.userId(MARCA_CUIL);
        admin.put("users/" + id, admin.get("users/" + id));
        correo.esperar(MARCA, antes + 1);
    }

    /** The messages to {@code direccion}, after the marker: there are exactly {@code cuantos}. */
    private List<MimeMessage> todos(String direccion, int cuantos) throws Exception {
        correo.esperar(direccion, cuantos);
        marca();
        List<MimeMessage> mensajes = correo.para(direccion);
        List<String> asuntos = new java.util.ArrayList<>();
        for (MimeMessage mensaje : mensajes) {
            asuntos.add(mensaje.getSubject() + " @ " + mensaje.getSentDate());
        }
        assertThat(mensajes).as("to %s: %s", direccion, asuntos).hasSize(cuantos); // which one was extra, if any
        return mensajes;
    }
}
