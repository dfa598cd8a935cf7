package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClave;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClaveConEmail;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuilDesdeElExterior;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.presionar;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.responder;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.cuenta.HoraArgentina;
import ar.gob.anses.clavess.padron.PadronFile;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.PdfUsi07;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Formulario USI-07 end to end: a resident creates a clave, downloads the form at the end of Crear clave and still
 * goes on to the app; office staff check its code; a new clave gives a new code and the old one stops verifying.
 */
@ExtendWith(KeycloakExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Usi07IT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final ThemeMessages EN = ThemeMessages.english();
    private static final Map<String, Persona> PADRON = PadronFile.leer(Path.of("../realm-export/padron-demo.json"));
    private static final String RICARDO = "20235556678"; // padrón, questions only, no clave yet: his clave is created here
    private static final String NATALIA = "23352221112"; // padrón, no clave yet: her pending clave is created here, from abroad
    private static final String MARTA = "27291112221";   // demo office staff (anses-oficina), clave Ceibo4Rama

    private final KeycloakServer server;
    private final Oidc oidc;
    private AdminApi admin;

    Usi07IT(KeycloakServer server) {
        this.server = server;
        this.oidc = new Oidc(server);
    }

    @BeforeAll
    void admin() throws Exception {
        admin = new AdminApi(server);
    }

    @DisplayName("given a resident who creates a clave, when they download the USI-07 at the end, then it is a one-page PDF "
            + "with their CUIL, name, the clave's date and time, nivel 2 and the code on the user, whose QR holds that code; "
            + "COMENZAR A UTILIZAR still logs them in; staff verify the code and see only whose form it is; a citizen's token "
            + "is refused; a new clave gives a new code and the old one is unknown")
    @Test
    void crearDescargarVerificar() throws Exception {
        Persona ricardo = PADRON.get(RICARDO);
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage finalizar = crearClave(LoginPage.browser(), request, ricardo, "Caldenes7");
        assertThat(finalizar.getElementById("anses-usi07").getTextContent().strip()).isEqualTo(ES.get("ansesDescargarUsi07"));
        assertThat(finalizar.getElementById("anses-usi07-ayuda").getTextContent().strip()).isEqualTo(ES.get("ansesUsi07Ayuda"));

        WebResponse descarga = descargar(finalizar);
        assertThat(descarga.getResponseHeaderValue("Content-Disposition")).isEqualTo("attachment; filename=\"USI-07-" + RICARDO + ".pdf\"");
        assertThat(descarga.getResponseHeaderValue("Cache-Control")).contains("no-store");
        PdfUsi07 pdf = pdf(descarga);

        JsonNode user = admin.get("users/" + admin.userId(RICARDO));
        String codigo = user.at("/attributes/codigoUsi07/0").asText();
        assertThat(codigo).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        long claveCreada = claveCreada(user.get("id").asText());
        assertThat(pdf.paginas()).isEqualTo(1);
        assertThat(pdf.texto()).contains(ES.get("ansesUsi07Titulo"), ES.get("ansesUsi07Cuil") + " 20-23555667-8",
                ES.get("ansesUsi07Nombre") + " Ricardo Molina", ES.get("ansesUsi07Creacion") + " "
                        + ES.get("ansesUsi07CreacionValor", HoraArgentina.FECHA_HORA.format(Instant.ofEpochMilli(claveCreada))),
                ES.get("ansesUsi07EstadoHabilitada", "2"), ES.get("ansesUsi07Codigo") + " " + codigo)
                .doesNotContain(ES.get("ansesUsi07Firma"));
        assertThat(pdf.qr()).isEqualTo(codigo);
        galeria(pdf);

        // downloading again gives the same form: the code changes with the clave, not with the download
        assertThat(pdf(descargar(finalizar)).texto()).contains(codigo);

        Page app = presionar(finalizar);
        JsonNode tokens = request.exchange(request.codeFrom(LoginPage.landedOn(app)));
        assertThat(oidc.verify(tokens.get("id_token").asText(), Oidc.MI_ANSES).getStringClaim("preferred_username")).isEqualTo(RICARDO);

        AdminApi oficina = AdminApi.as(server, MARTA, "Ceibo4Rama");
        HttpResponse<String> verificado = oficina.getRaw("anses-usi07/" + codigo.toLowerCase().replace("-", ""));
        assertThat(verificado.statusCode()).isEqualTo(200);
        JsonNode formulario = JSON.readTree(verificado.body());
        List<String> campos = new ArrayList<>();
        formulario.fieldNames().forEachRemaining(campos::add);
        assertThat(campos).containsExactly("cuil", "nombre", "apellido", "estadoClave", "nivel", "fechaCreacionClave");
        assertThat(formulario.get("cuil").asText()).isEqualTo(RICARDO);
        assertThat(formulario.get("nombre").asText()).isEqualTo(ricardo.nombre());
        assertThat(formulario.get("apellido").asText()).isEqualTo(ricardo.apellido());
        assertThat(formulario.get("estadoClave").asText()).isEqualTo("HABILITADA");
        assertThat(formulario.get("nivel").asInt()).isEqualTo(2);
        assertThat(java.time.OffsetDateTime.parse(formulario.get("fechaCreacionClave").asText()).toInstant().toEpochMilli())
                .isEqualTo(claveCreada);
        assertThat(admin.getRaw("anses-usi07/" + codigo.replace("-", "%20")).statusCode()).as("a realm admin too").isEqualTo(200);
        // the console's attribute search finds the same citizen by the code as printed
        assertThat(oficina.get("users?q=codigoUsi07:" + codigo).findValuesAsText("username")).containsExactly(RICARDO);

        HttpResponse<String> ciudadano = comoCiudadano(tokens.get("access_token").asText(), "anses-usi07/" + codigo);
        assertThat(ciudadano.statusCode()).isEqualTo(403);
        assertThat(ciudadano.body()).doesNotContain(RICARDO);

        // Olvidé mi clave: the same journey again, a new clave, a new form
        HtmlPage otra = crearClave(LoginPage.browser(), oidc.request(Oidc.MI_ANSES), ricardo, "Caldenes8");
        String nuevo = admin.get("users/" + admin.userId(RICARDO)).at("/attributes/codigoUsi07/0").asText();
        assertThat(nuevo).isNotEqualTo(codigo);
        assertThat(pdf(descargar(otra)).qr()).isEqualTo(nuevo);
        assertThat(oficina.getRaw("anses-usi07/" + codigo).statusCode()).isEqualTo(404);
        assertThat(oficina.getRaw("anses-usi07/" + nuevo).statusCode()).isEqualTo(200);
    }

    @DisplayName("given a resident abroad who registers a pending clave, then it has its own code from the start, and staff "
            + "checking it see PENDIENTE, no level and no name")
    @Test
    void clavePendiente() throws Exception {
        HtmlPage elegi = ingresarCuilDesdeElExterior(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), NATALIA);
        elegirClaveConEmail(elegi, "natalia.peralta@correo.example", "Jacaranda5");
        // A pending request, no account: its code is on the form its pending page gives.
        assertThat(admin.get("users?exact=true&username=" + NATALIA)).isEmpty();
        Page pendiente = LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit(NATALIA, "Jacaranda5");
        PdfUsi07 formularioEs = pdf(descargar((HtmlPage) pendiente));
        String codigo = formularioEs.qr();
        assertThat(codigo).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(formularioEs.texto()).contains(ES.get("ansesUsi07EstadoPendiente"), ES.get("ansesUsi07Firma"),
                ES.get("ansesUsi07Codigo") + " " + codigo);

        // The same request from a browser whose pages are in English: the same form, in English.
        Oidc.Request enIngles = oidc.request(Oidc.MI_ANSES);
        Page pendienteEn = LoginPage.open(LoginPage.browser(), enIngles.uri(Map.of("ui_locales", "en"))).submit(NATALIA, "Jacaranda5");
        PdfUsi07 formularioEn = pdf(descargar((HtmlPage) pendienteEn));
        assertThat(formularioEn.paginas()).isEqualTo(1);
        assertThat(formularioEn.qr()).isEqualTo(codigo);
        assertThat(formularioEn.texto()).contains(EN.get("ansesUsi07Titulo"), EN.get("ansesUsi07Subtitulo"),
                EN.get("ansesUsi07Estado") + " " + EN.get("ansesUsi07EstadoPendiente"), EN.get("ansesUsi07Firma"),
                EN.get("ansesUsi07Codigo") + " " + codigo, "CUIL 23-35222111-2")
                .doesNotContain(ES.get("ansesUsi07EstadoPendiente"), ES.get("ansesUsi07Firma"), ES.get("ansesUsi07UsoTitulo"));

        HttpResponse<String> verificado = AdminApi.as(server, MARTA, "Ceibo4Rama").getRaw("anses-usi07/" + codigo);
        assertThat(verificado.statusCode()).isEqualTo(200);
        JsonNode formulario = JSON.readTree(verificado.body());
        assertThat(formulario.get("cuil").asText()).isEqualTo(NATALIA);
        assertThat(formulario.get("estadoClave").asText()).isEqualTo("PENDIENTE");
        assertThat(formulario.has("nivel")).isFalse();
        assertThat(formulario.has("nombre")).isFalse(); // its maker proved nothing
        assertThat(java.time.OffsetDateTime.parse(formulario.get("fechaCreacionClave").asText()).toInstant())
                .isBetween(server.ahora().minusSeconds(600), server.ahora());
    }

    @DisplayName("given codes that are not codes, or nobody's, then the verification answers 404 (or Keycloak's own 400 for a "
            + "path it cannot read), never a 500 nor anyone's data")
    @Test
    void codigosMalformados() throws Exception {
        AdminApi oficina = AdminApi.as(server, MARTA, "Ceibo4Rama");
        List<String> entradas = List.of("ZZZZ-ZZZZ-ZZZZ", "zzzzzzzzzzzz", "0000%200000%200000", "x", "%20", "%27%20OR%201%3D1", "%C3%B1and%C3%BA", "%00", "..%2F..%2Fusers", "7".repeat(5_000), "%E2%80%AE", "%FF%FE",
                "AAAA-AAAA-AAAA-AAAA", "uuuu-uuuu-uuuu");
        for (String entrada : entradas) {
            HttpResponse<String> respuesta = oficina.getRaw("anses-usi07/" + entrada);
            assertThat(respuesta.statusCode()).as(entrada.length() > 40 ? "long input" : entrada).isIn(400, 404);
            assertThat(respuesta.body()).doesNotContain("cuil");
        }
        assertThat(oficina.getRaw("anses-usi07/ZZZZ-ZZZZ-ZZZZ").statusCode()).isEqualTo(404);
    }

    @DisplayName("given the built providers jar, then PDFBox is inside it and nothing Keycloak ships is (ZXing, commons-logging, Keycloak)")
    @Test
    void jarConPdfbox() throws Exception {
        try (ZipFile jar = new ZipFile(System.getProperty("providers.jar"))) {
            assertThat(jar.getEntry("org/apache/pdfbox/pdmodel/PDDocument.class")).isNotNull();
            assertThat(jar.getEntry("org/apache/fontbox/afm/AFMParser.class")).isNotNull();
            assertThat(jar.getEntry("org/apache/pdfbox/io/RandomAccessRead.class")).isNotNull();
            // the form's texts are the theme's messages, in every language the theme has
            assertThat(jar.getEntry("ar/gob/anses/clavess/usi07/formulario.properties")).isNull();
            assertThat(jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("com/google/zxing/") || n.startsWith("org/apache/commons/logging/") || n.startsWith("org/keycloak/")))
                    .isEmpty();
        }
    }

    /** Crear clave by questions (Ricardo has no trámite) up to the Finalizar page. */
    private static HtmlPage crearClave(WebClient browser, Oidc.Request request, Persona persona, String clave) throws Exception {
        HtmlPage preguntas = ingresarCuil(aceptarPoliticas(desdeElLogin(browser, request)), persona.cuil().digitos(), true);
        HtmlPage finalizar = elegirClave(responder(preguntas, persona, true), clave, clave);
        assertThat(finalizar.getElementById("anses-habilitada")).as(finalizar.asNormalizedText()).isNotNull();
        return finalizar;
    }

    /** Presses "Descargar Formulario USI-07"; the browser stays able to use the page it was on. */
    private static WebResponse descargar(HtmlPage finalizar) throws Exception {
        Page descarga = finalizar.getHtmlElementById("anses-usi07").click();
        WebResponse respuesta = descarga.getWebResponse();
        assertThat(respuesta.getStatusCode()).isEqualTo(200);
        assertThat(respuesta.getContentType()).isEqualTo("application/pdf");
        return respuesta;
    }

    private static PdfUsi07 pdf(WebResponse respuesta) throws Exception {
        try (InputStream in = respuesta.getContentAsStream()) {
            return new PdfUsi07(in.readAllBytes());
        }
    }

    /** When the user's password credential was set (epoch ms), as the admin API shows it. */
    private long claveCreada(String userId) throws Exception {
        for (JsonNode credencial : admin.get("users/" + userId + "/credentials")) {
            if ("password".equals(credencial.get("type").asText())) {
                return credencial.get("createdDate").asLong();
            }
        }
        throw new AssertionError("no password credential");
    }

    /** A citizen's own access token (mi-anses) against the admin API. */
    private HttpResponse<String> comoCiudadano(String accessToken, String path) throws Exception {
        HttpRequest pedido = HttpRequest.newBuilder(URI.create(server.baseUri() + "admin/realms/" + KeycloakServer.REALM + "/" + path))
                .header("Authorization", "Bearer " + accessToken).GET().build();
        return HttpClient.newHttpClient().send(pedido, HttpResponse.BodyHandlers.ofString());
    }

    /** The form's page as a picture: under target/screenshots always, and in the gallery of docs/ciudadanos.md when asked (-Dgaleria.dir). */
    private static void galeria(PdfUsi07 pdf) throws Exception {
        pdf.png(Path.of(System.getProperty("screenshots.dir", "target/screenshots"), "usi07.png"), 100);
        String galeria = System.getProperty("galeria.dir", "");
        if (!galeria.isBlank()) {
            pdf.png(Path.of(galeria, "usi07.png"), 100);
        }
    }
}
