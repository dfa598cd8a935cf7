package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.correcta;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.responder;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.tipo;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.padron.PadronFile;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.testsupport.ActividadDePrueba;
import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CorreoDePrueba;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.EnParalelo;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Línea 130 (issue 34): an operator (role anses-linea-130 and nothing else) gives a caller a clave after she answers
 * Crear clave's questions by phone, through {@code anses-linea-130}: a link to a confirmed email, or a provisional clave
 * replaced at the first login; the phone shares the web's attempts (3, parallel-safe); curatela and a CUIL outside the
 * padrón are told; the operator reaches nothing else; her budget per hour holds. Every citizen here is its own.
 */
@ExtendWith({KeycloakExtension.class, CorreoDePrueba.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Linea130IT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThemeMessages CORREO = ThemeMessages.correoSpanish();
    private static final ThemeMessages CUENTA = ThemeMessages.cuentaSpanish();
    private static final Map<String, Persona> PADRON = PadronFile.leer(Path.of("../realm-export/padron-demo.json"));
    private static final String CELIA = "27420050041";   // has an account with a confirmed email: gets the link
    private static final String NICOLAS = "20420050055"; // no account: a provisional clave
    private static final String MARCOS = "20420050063";  // under curatela
    private static final String INES = "27420050076";    // wrong answers on the web and by phone
    private static final String RAUL = "23420050089";    // wrong answers in parallel
    private static final String BERTA = "27420050092";   // the budget: the one clave of the hour
    private static final String BRUNO = "20420050101";   // the budget: refused
    private static final String CLAVE = "Timbo5Ruta";

    private final KeycloakServer server;
    private final CorreoDePrueba correo;
    private final Oidc oidc;
    private final String operadora = CuilsDePrueba.nueva();
    private final String otraOperadora = CuilsDePrueba.nueva();
    private final String empleada = CuilsDePrueba.nueva(); // office staff: no Línea 130
    private AdminApi admin;
    private AdminApi linea;

    Linea130IT(KeycloakServer server, CorreoDePrueba correo) {
        this.server = server;
        this.correo = correo;
        this.oidc = new Oidc(server);
    }

    @BeforeAll
    void personal() throws Exception {
        admin = new AdminApi(server);
        correo.apuntar(admin);
        personal(operadora, "anses-linea-130");
        personal(otraOperadora, "anses-linea-130");
        personal(empleada, "anses-oficina");
        linea = AdminApi.as(server, operadora, CLAVE);
    }

    private void personal(String cuil, String rol) throws Exception {
        admin.crearPersonal(cuil, "Operadora", "Linea", CLAVE, rol, true);
    }

    @DisplayName("given a caller with an account and a confirmed email, when she answers right by phone, then nothing is spoken: a "
            + "link to choose her clave goes to her email and works once, her level is 2, she gets the Línea 130 notice, and the "
            + "admin event names the operator")
    @Test
    void conCorreoRecibeUnEnlace() throws Exception {
        String direccion = "celia.linea130@example.com";
        assertThat(admin.postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Celia", "lastName": "Correa", "email": "%s", "emailVerified": true,
                 "attributes": {"dni": ["42005004"], "nivel": ["3"]},
                 "credentials": [{"type": "password", "value": "Quebracho4", "temporary": false}]}
                """.formatted(CELIA, direccion)).statusCode()).isEqualTo(201);

        JsonNode fin = llamarYResponder(linea, CELIA, true);
        assertThat(fin.get("resultado").asText()).isEqualTo("CORREO");
        assertThat(fin.has("claveProvisoria")).isFalse();
        assertThat(admin.get("anses-nivel/" + CELIA).get("nivel").asInt()).isEqualTo(2);

        List<MimeMessage> mensajes = correo.esperar(direccion, 2);
        MimeMessage enlace = mensajes.stream().filter(m -> asunto(m).equals(CORREO.get("executeActionsSubject"))).findFirst().orElseThrow();
        assertThat(mensajes.stream().map(Linea130IT::asunto)).contains(CORREO.get("ansesAvisoLinea130Asunto"));
        String url = enlace(CorreoDePrueba.parte(enlace, "text/plain"));

        WebClient browser = LoginPage.browser();
        HtmlPage confirmar = browser.getPage(url);
        HtmlPage elegir = confirmar.getAnchors().stream().filter(a -> a.getHrefAttribute().contains("action-token")).findFirst()
                .orElseThrow(() -> new AssertionError(confirmar.asNormalizedText())).click();
        elegir.getHtmlElementById("password-new").type("Ombu7Lago");
        elegir.getHtmlElementById("password-confirm").type("Ombu7Lago");
        elegir.getHtmlElementById("kc-submit").click();
        Oidc.Request mia = oidc.request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(LoginPage.browser(), mia.uri()).submit(CELIA, "Ombu7Lago"), mia)).as("her own clave works").isTrue();

        JsonNode actividad = ActividadDePrueba.entradas(server,
                ActividadDePrueba.token(server, LoginPage.browser(), ActividadDePrueba.CONSOLA, CELIA, "Ombu7Lago"));
        assertThat(actividad.findValuesAsText("que")).as("Actividad de tu cuenta").contains(CUENTA.get("ansesActividadLinea130"));
        assertThat(actividad.findValuesAsText("donde")).contains(CUENTA.get("ansesActividadDesdeLinea130"));

        HtmlPage otraVez = LoginPage.browser().getPage(url);
        assertThat(otraVez.getElementById("password-new")).as("the link works once").isNull();
        assertThat(autor(CELIA)).isEqualTo(admin.userId(operadora));
    }

    @DisplayName("given a caller without an account, when she answers right by phone, then the operator reads her a provisional "
            + "clave, her account has level 2, and her first login asks for her own clave")
    @Test
    void sinCorreoClaveProvisoria() throws Exception {
        JsonNode fin = llamarYResponder(linea, NICOLAS, true);
        assertThat(fin.get("resultado").asText()).isEqualTo("CLAVE_PROVISORIA");
        String clave = fin.get("claveProvisoria").asText();
        assertThat(admin.get("anses-nivel/" + NICOLAS).get("nivel").asInt()).isEqualTo(2);
        Page primera = LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit(NICOLAS, clave);
        assertThat(((HtmlPage) primera).getElementById("password-new")).as("her first login asks for her own clave").isNotNull();
        assertThat(autor(NICOLAS)).isEqualTo(admin.userId(operadora));
    }

    @DisplayName("given a person under curatela or a CUIL outside the padrón, then the operator is told what to tell the caller and "
            + "no clave is given")
    @Test
    void curatelaYFueraDelPadron() throws Exception {
        assertThat(llamarYResponder(linea, MARCOS, true).get("resultado").asText()).isEqualTo("CURATELA");
        assertThat(admin.getRaw("users?exact=true&username=" + MARCOS).body()).isEqualTo("[]");
        assertThat(json(linea.postRaw("anses-linea-130/23123456785", "")).get("resultado").asText()).isEqualTo("NO_PADRON");
        assertThat(linea.postRaw("anses-linea-130/2312345678", "").statusCode()).as("not a CUIL").isEqualTo(404);
    }

    @DisplayName("given one wrong set on the web, when the caller fails two sets by phone, then the third failure locks Crear clave "
            + "for that CUIL on the web and by phone alike: the phone is no second set of guesses")
    @Test
    void webYTelefonoCompartenLosIntentos() throws Exception {
        HtmlPage web = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), INES, true);
        responder(web, PADRON.get(INES), false);
        assertThat(admin.get("anses-verificacion/bloqueos/" + INES).get("intentosFallidos").asInt()).isEqualTo(1);

        JsonNode segunda = llamarYResponder(linea, INES, false);
        assertThat(segunda.get("resultado").asText()).isEqualTo("INCORRECTA");
        assertThat(segunda.get("restantes").asInt()).isEqualTo(1);
        assertThat(llamarYResponder(linea, INES, false).get("resultado").asText()).isEqualTo("BLOQUEADA");
        assertThat(admin.get("anses-verificacion/bloqueos/" + INES).get("bloqueada").asBoolean()).isTrue();
        assertThat(json(linea.postRaw("anses-linea-130/" + INES, "")).get("resultado").asText()).isEqualTo("BLOQUEADA");
    }

    @DisplayName("given eight sets asked for one CUIL, when eight wrong answers arrive together, then exactly three are charged and "
            + "judged (two told wrong, the third locks) and the rest are refused as locked")
    @Test
    void enParaleloSeCobranTres() throws Exception {
        List<JsonNode> llamadas = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            llamadas.add(json(linea.postRaw("anses-linea-130/" + RAUL, "")));
        }
        List<Callable<String>> respuestas = llamadas.stream().<Callable<String>>map(l -> () -> json(linea.postRaw(
                "anses-linea-130/" + RAUL + "/respuestas", cuerpo(l, PADRON.get(RAUL), false))).get("resultado").asText()).toList();
        List<String> resultados = EnParalelo.todas(respuestas);
        assertThat(resultados.stream().filter("INCORRECTA"::equals).count()).isEqualTo(2);
        assertThat(resultados.stream().filter("BLOQUEADA"::equals).count()).isEqualTo(6);
        assertThat(admin.get("anses-verificacion/bloqueos/" + RAUL).get("intentosFallidos").asInt()).isEqualTo(3);
    }

    @DisplayName("given an operator, then every other admin endpoint refuses her (accounts, levels, enablements, locks, forms) and "
            + "office staff cannot use Línea 130's")
    @Test
    void elRolNoAlcanzaNadaMas() throws Exception {
        String cuil = CuilsDePrueba.nueva();
        admin.crearCiudadano(cuil, "Alba", "Alcance", CuilsDePrueba.dni(cuil), 2, "Quebracho4", false);
        for (HttpResponse<String> r : List.of(linea.getRaw("users?search=" + cuil), linea.getRaw("users/" + admin.userId(cuil)),
                linea.getRaw("anses-nivel/" + cuil), linea.putRaw("anses-nivel/" + cuil, "{\"nivel\": 3}"),
                linea.getRaw("anses-habilitacion/" + cuil), linea.postRaw("anses-habilitacion/" + cuil + "/clave-provisoria", ""),
                linea.getRaw("anses-verificacion/bloqueos/" + cuil), linea.deleteRaw("anses-verificacion/bloqueos/" + cuil),
                linea.getRaw("anses-usi07/AAAA-BBBB-CCCC"), linea.getRaw("events"), linea.getRaw("clients"))) {
            assertThat(r.statusCode()).as(r.request().method() + " " + r.uri()).isEqualTo(403);
        }
        AdminApi oficina = AdminApi.as(server, empleada, CLAVE);
        assertThat(oficina.postRaw("anses-linea-130/" + cuil, "").statusCode()).isEqualTo(403);
        assertThat(admin.postRaw("anses-linea-130/" + cuil, "").statusCode()).as("a realm admin is no operator").isEqualTo(403);
        assertThat(linea.postRaw("anses-linea-130/" + operadora, "").statusCode()).as("her own CUIL").isEqualTo(403);
    }

    @DisplayName("given a budget of one clave an hour per operator, when an operator's second caller answers right, then no clave is "
            + "given and the operator is told; the budget is the realm's Crear clave step setting")
    @Test
    void presupuestoPorOperadora() throws Exception {
        JsonNode config = admin.authenticatorConfig("anses crear clave", "anses-verificacion-identidad");
        ObjectNode cambiada = config.deepCopy();
        ((ObjectNode) cambiada.get("config")).put("clavesPorHoraLinea130", "1");
        admin.put("authentication/config/" + config.get("id").asText(), cambiada);
        try {
            AdminApi otra = AdminApi.as(server, otraOperadora, CLAVE);
            assertThat(llamarYResponder(otra, BERTA, true).get("resultado").asText()).isEqualTo("CLAVE_PROVISORIA");
            assertThat(llamarYResponder(otra, BRUNO, true).get("resultado").asText()).isEqualTo("LIMITE");
            assertThat(admin.getRaw("users?exact=true&username=" + BRUNO).body()).isEqualTo("[]");
        } finally {
            admin.put("authentication/config/" + config.get("id").asText(), config);
        }
    }

    /** Starts a call for the CUIL and answers its set right or wrong; the operator's final answer. */
    private JsonNode llamarYResponder(AdminApi operador, String cuil, boolean bien) throws Exception {
        JsonNode llamada = json(operador.postRaw("anses-linea-130/" + cuil, ""));
        assertThat(llamada.has("preguntas")).as(llamada.toString()).isTrue();
        return json(operador.postRaw("anses-linea-130/" + cuil + "/respuestas", cuerpo(llamada, PADRON.get(cuil), bien)));
    }

    /** The answers a caller gives to a call's set: hers (right) or an option that is surely not hers (wrong). */
    private static String cuerpo(JsonNode llamada, Persona persona, boolean bien) throws Exception {
        List<Integer> elegidas = new ArrayList<>();
        for (JsonNode pregunta : llamada.get("preguntas")) {
            List<String> opciones = new ArrayList<>();
            pregunta.get("opciones").forEach(o -> opciones.add(o.asText()));
            int ninguna = opciones.size() - 1;
            int elegida = bien ? ninguna : -1;
            for (int i = 0; i < ninguna; i++) {
                boolean suya = correcta(persona, tipo(pregunta.get("texto").asText()), opciones.get(i));
                if (bien && suya || !bien && !suya) {
                    elegida = i;
                }
            }
            elegidas.add(elegida);
        }
        return JSON.writeValueAsString(Map.of("llamada", llamada.get("llamada").asText(), "respuestas", elegidas));
    }

    private String autor(String cuil) throws Exception {
        JsonNode eventos = admin.get("admin-events?resourcePath=anses-linea-130/" + cuil + "&max=20");
        assertThat(eventos).isNotEmpty();
        return eventos.get(0).at("/authDetails/userId").asText();
    }

    private static JsonNode json(HttpResponse<String> respuesta) throws Exception {
        assertThat(respuesta.statusCode()).as(respuesta.body()).isEqualTo(200);
        return JSON.readTree(respuesta.body());
    }

    private static String asunto(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enlace(String texto) {
        Matcher m = Pattern.compile("https?://\\S+action-token\\S+").matcher(texto);
        assertThat(m.find()).as(texto).isTrue();
        return m.group();
    }
}
