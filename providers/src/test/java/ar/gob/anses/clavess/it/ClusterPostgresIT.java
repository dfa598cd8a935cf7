package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.alerta;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.completarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.completarRespuestas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.completarTramite;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.continuar;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClave;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClaveConEmail;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.errorDeCampo;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuilDesdeElExterior;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarTramite;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.presionar;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.titulo;
import static ar.gob.anses.clavess.testsupport.KeycloakCluster.enrutar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.gob.anses.clavess.padron.PadronFile;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.ClusterDePrueba;
import ar.gob.anses.clavess.testsupport.Espera;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.DireccionesDePrueba;
import ar.gob.anses.clavess.testsupport.CorreoDePrueba;
import ar.gob.anses.clavess.testsupport.ContadoresAvisos;
import ar.gob.anses.clavess.testsupport.EnParalelo;
import ar.gob.anses.clavess.testsupport.KeycloakCluster;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.PdfUsi07;
import ar.gob.anses.clavess.testsupport.ReceptorSenales;
import ar.gob.anses.clavess.testsupport.Requisitos;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Keycloak nodes in production mode on the PostgreSQL at 127.0.0.1:5432, clustered as {@code mvn -Pcluster}
 * clusters them ({@link KeycloakCluster}), the run's {@link ClusterDePrueba} (started once, in a fresh database,
 * shared with AvisosClusterIT), apart from the shared dev-mode server. Browsers reach a node as behind a load balancer ({@link KeycloakCluster#navegador}):
 * node A is 0, node B is 1. Like PadronJdbcPostgresIT it is skipped without PostgreSQL, or fails with
 * -Dpostgres.required=true (see {@link Requisitos}). Its tests run in any order: the crash test kills node A and
 * starts it again, and before each test a node found dead is started again ({@link #nodosVivos}).
 */
@ExtendWith({Requisitos.Postgres.class, CorreoDePrueba.class, ClusterDePrueba.class})
class ClusterPostgresIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final int A = 0;
    private static final int B = 1;

    private static final ThemeMessages CORREO = ThemeMessages.correoSpanish();

    private static KeycloakCluster cluster;

    private final CorreoDePrueba correo;

    ClusterPostgresIT(CorreoDePrueba correo) {
        this.correo = correo;
    }

    @BeforeAll
    static void cluster(KeycloakCluster deLaCorrida) {
        cluster = deLaCorrida;
    }

    /** Both nodes up before each test, whatever ran before it (a test that kills A restarts it itself, unless it failed first). */
    @BeforeEach
    void nodosVivos() {
        ClusterDePrueba.vivos(cluster);
    }

    @DisplayName("given a citizen logged in on node A, then node B opens another app for them from the SSO cookie, without the form")
    @Test
    void ssoEntreNodos() throws Exception {
        WebClient browser = cluster.navegador(A);
        Oidc.Request enA = new Oidc(cluster.nodo(A)).request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(browser, enA.uri()).submit("20-31732048-6", "Mate7Rio"), enA)).isTrue();

        enrutar(browser, B);
        Oidc enB = new Oidc(cluster.nodo(B));
        Oidc.Request otraApp = enB.request(Oidc.TEST_CLIENT);
        Page landed = browser.getPage(otraApp.uri().toURL());

        assertThat(LoginPage.loggedIn(landed, otraApp)).as("B answered with a code, not the form").isTrue();
        JsonNode tokens = otraApp.exchange(otraApp.codeFrom(LoginPage.landedOn(landed)));
        assertThat(enB.verify(tokens.get("id_token").asText()).getStringClaim("preferred_username")).isEqualTo("20317320486");
    }

    @DisplayName("given Crear clave whose steps alternate between A and B, then the authentication session follows, "
            + "the account is created once and its clave opens Mi ANSES on B")
    @Test
    void crearClaveSaltaDeNodo() throws Exception {
        WebClient browser = cluster.navegador(A);
        Oidc.Request request = new Oidc(cluster.nodo(A)).request(Oidc.MI_ANSES);
        HtmlPage politicas = desdeElLogin(browser, request);
        enrutar(browser, B);
        HtmlPage cuil = aceptarPoliticas(politicas);
        enrutar(browser, A);
        HtmlPage tramite = ingresarCuil(cuil, "20-33444555-1", true);
        enrutar(browser, B);
        HtmlPage clave = ingresarTramite(tramite, "00712345678");
        assertThat(clave.asNormalizedText()).contains(ES.get("ansesIdentidadComprobada"));
        enrutar(browser, A);
        HtmlPage finalizar = elegirClave(clave, "Yerba4Mate", "Yerba4Mate");
        assertThat(finalizar.getElementById("anses-habilitada")).as(finalizar.asNormalizedText()).isNotNull();
        enrutar(browser, B);
        Page app = presionar(finalizar);

        assertThat(request.codeFrom(LoginPage.landedOn(app))).isNotBlank();
        assertThat(usuarios(B, "20334445551")).hasSize(1);
        assertThat(login(B, "20334445551", "Yerba4Mate")).isTrue();
    }

    @DisplayName("given parallel wrong trámite numbers for one CUIL from separate sessions on A and B, then at most "
            + "intentos (3) are compared, the rest see the lock page, and both nodes then show the lock")
    @Test
    void intentosDeVerificacionEntreNodos() throws Exception {
        String cuil = "20283334458"; // Hernán Silva, trámite 00778901234
        int sesiones = 8;
        int intentos = new AdminApi(cluster.nodo(A)).authenticatorConfig("anses crear clave", "anses-verificacion-identidad")
                .at("/config/intentos").asInt();
        assertThat(intentos).isEqualTo(3);

        InetAddress desde = InetAddress.getByName("127.3.0.1"); // its own address: its events are its own
        List<HtmlPage> paginas = new ArrayList<>();
        for (int i = 0; i < sesiones; i++) {
            WebClient browser = cluster.navegador(i % 2, desde);
            HtmlPage tramite = ingresarCuil(aceptarPoliticas(desdeElLogin(browser, new Oidc(cluster.nodo(i % 2)).request(Oidc.MI_ANSES))), cuil, true);
            assertThat(tramite.getElementById("tramite")).as("session %d reached the trámite step", i).isNotNull();
            paginas.add(completarTramite(tramite, "0000000010" + i));
        }
        List<HtmlPage> respuestas = EnParalelo.todas(paginas.stream().<Callable<HtmlPage>>map(p -> () -> continuar(p)).toList());

        // Each answer is either the lock page or "wrong, n left"; n counts down without repeats (no two requests were
        // judged on the same count), and only the first intentos - 1 are told to try again.
        String bloqueo = "locked";
        List<String> vistas = respuestas.stream().map(p -> ES.get("ansesVerificacionBloqueadaTitulo").equals(titulo(p)) ? bloqueo
                : errorDeCampo(p, "tramite") != null ? errorDeCampo(p, "tramite") : "other: " + titulo(p) + " " + alerta(p)).toList();
        assertThat(vistas.stream().filter(v -> !v.equals(bloqueo)).toList()).as(vistas.toString())
                .containsExactlyInAnyOrder(ES.get("ansesTramiteIncorrecto", 2), ES.get("ansesTramiteIncorrecto", 1));
        JsonNode eventos = new AdminApi(cluster.nodo(B)).get("events?type=RESET_PASSWORD_ERROR&max=1000&ipAddress=" + desde.getHostAddress());
        long comparados = eventos.findValues("error").stream().filter(e -> e.asText().equals("anses_tramite_incorrecto")).count();
        assertThat(comparados).as("trámite numbers compared with the registry").isEqualTo(intentos);

        for (int nodo : new int[] {A, B}) {
            HtmlPage otraVez = ingresarCuil(aceptarPoliticas(desdeElLogin(cluster.navegador(nodo),
                    new Oidc(cluster.nodo(nodo)).request(Oidc.MI_ANSES))), cuil, true);
            assertThat(titulo(otraVez)).as("node %d", nodo).isEqualTo(ES.get("ansesVerificacionBloqueadaTitulo"));
        }
        assertThat(new AdminApi(cluster.nodo(A)).get("anses-verificacion/bloqueos").findValuesAsText("cuil")).contains(cuil);
    }

    @DisplayName("given more parallel CUIL submissions from one address than its hourly limit, split between A and B, "
            + "then exactly the limit are accepted and the rest get the limit message")
    @Test
    void limitePorDireccionEntreNodos() throws Exception {
        int limite = new AdminApi(cluster.nodo(A)).authenticatorConfig("anses crear clave", "anses-crear-clave-cuil")
                .at("/config/limitePorHora").asInt();
        assertThat(limite).isEqualTo(30);
        int envios = limite + 10;
        // An address no other test uses (127.3.0.2 reaches the loopback server too): its count starts at 0.
        InetAddress desde = InetAddress.getByName("127.3.0.2");
        List<HtmlPage> listas = new ArrayList<>();
        for (int i = 0; i < envios; i++) {
            // The policies page is not counted; only the CUIL step is. The anti-robot work is done before the burst.
            listas.add(completarCuil(aceptarPoliticas(desdeElLogin(cluster.navegador(i % 2, desde),
                    new Oidc(cluster.nodo(i % 2)).request(Oidc.MI_ANSES))), "20201112223", true));
        }
        List<HtmlPage> respuestas = EnParalelo.todas(listas.stream().<Callable<HtmlPage>>map(p -> () -> continuar(p)).toList());

        long aceptadas = respuestas.stream().filter(p -> p.getElementById("tramite") != null).count();
        long rechazadas = respuestas.stream().filter(p -> ES.get("ansesLimitePorDireccion").equals(alerta(p))).count();
        assertThat(aceptadas).isEqualTo(limite);
        assertThat(rechazadas).isEqualTo(envios - limite);
        // The servers saw every submission come from that address (their events say so).
        JsonNode eventos = new AdminApi(cluster.nodo(B)).get("events?max=1000&ipAddress=" + desde.getHostAddress());
        assertThat(eventos.findParents("anses_paso").stream().filter(e -> e.get("anses_paso").asText().equals("cuil")).count())
                .isEqualTo(envios);
    }

    @DisplayName("given a clave one failure from its lock, when 8 wrong claves arrive at once split between A and B, then "
            + "exactly one is compared (the 5th failure, which locks) and the rest are told another login is being checked "
            + "or that the clave is locked: the login's turn per CUIL holds across nodes")
    @Test
    void ingresosEnParaleloEntreNodos() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        new AdminApi(cluster.nodo(A)).crearCiudadano(cuil, "Irma", "Nodos", CuilsDePrueba.dni(cuil), 2, "Tipa5Blanca", false);
        InetAddress desde = DireccionesDePrueba.nueva(); // its 12 failed tries spend a budget per address of its own
        LoginPage login = LoginPage.open(cluster.navegador(A, desde), new Oidc(cluster.nodo(A)).request(Oidc.MI_ANSES).uri());
        for (int fallo = 1; fallo <= 4; fallo++) {
            Thread.sleep(1100); // slower than the realm's quick-login check (1 s), like a person typing
            login = LoginPage.of(login.submit(cuil, "Equivocada" + fallo));
        }
        Thread.sleep(1100);
        List<Callable<LoginPage>> intentos = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            LoginPage pagina = LoginPage.open(cluster.navegador(i % 2, desde), new Oidc(cluster.nodo(i % 2)).request(Oidc.MI_ANSES).uri());
            String clave = "Paralela" + i;
            intentos.add(() -> LoginPage.of(pagina.submit(cuil, clave)));
        }
        List<LoginPage> respuestas = EnParalelo.todas(intentos);

        List<String> alertas = respuestas.stream().map(LoginPage::alert).toList();
        assertThat(alertas.stream().filter(ES.get("ansesInvalidCredentials")::equals)).as(alertas.toString()).hasSize(1);
        assertThat(alertas).allSatisfy(a -> assertThat(a)
                .isIn(ES.get("ansesInvalidCredentials"), ES.get("ansesIngresoEnCurso"), ES.get("ansesClaveLocked", 1)));
        assertThat(new AdminApi(cluster.nodo(B)).bruteForce(cuil).get("numFailures").asInt()).isEqualTo(5);
    }

    @DisplayName("given failed claves from one address alternating between A and B, then the address's budget is one for "
            + "both nodes: the tries within it go without the proof of work, the next one asks for it on either node")
    @Test
    void presupuestoPorDireccionEntreNodos() throws Exception {
        int presupuesto = new AdminApi(cluster.nodo(A)).authenticatorConfig("anses browser forms", "anses-cuil-password-form")
                .path("config").path("presupuestoPorHora").asInt();
        assertThat(presupuesto).isPositive();
        InetAddress desde = DireccionesDePrueba.nueva();
        LoginPage[] login = {
                LoginPage.open(cluster.navegador(A, desde), new Oidc(cluster.nodo(A)).request(Oidc.MI_ANSES).uri()),
                LoginPage.open(cluster.navegador(B, desde), new Oidc(cluster.nodo(B)).request(Oidc.MI_ANSES).uri())};
        for (int fallo = 0; fallo < presupuesto; fallo++) {
            int nodo = fallo % 2;
            // A CUIL without an account each time: no quick-login check to wait for.
            login[nodo] = LoginPage.of(login[nodo].submit(CuilsDePrueba.nuevo(), "Equivocada1"));
            assertThat(login[nodo].alert()).as("failure %d on node %d", fallo + 1, nodo).isEqualTo(ES.get("ansesInvalidCredentials"));
            assertThat(login[nodo].pideRobot()).as("failure %d on node %d", fallo + 1, nodo).isFalse();
        }
        for (int nodo : new int[] {A, B}) {
            login[nodo] = LoginPage.of(login[nodo].submit(CuilsDePrueba.nuevo(), "Equivocada1"));
            assertThat(login[nodo].alert()).as("past the budget on node %d", nodo).isEqualTo(ES.get("ansesIngresoRobot"));
            assertThat(login[nodo].pideRobot()).isTrue();
        }
    }

    @DisplayName("given failed logins sprayed over A and B from many addresses, each under its budget, past the realm's "
            + "alarm threshold, then both nodes put the proof of work on every login page, and the cluster gives one event "
            + "when the alarm turns on and one when it turns off")
    @Test
    void alarmaEntreNodos() throws Exception {
        AdminApi admin = new AdminApi(cluster.nodo(A));
        long desde = System.currentTimeMillis(); // the nodes have no test clock
        JsonNode original = admin.authenticatorConfig("anses browser forms", "anses-cuil-password-form");
        String id = original.get("id").asText();
        // The realm's failed logins of the last hour, as its events tell them: each one the alarm counts is one of these.
        long antes = 0;
        for (JsonNode e : admin.get("events?type=LOGIN_ERROR&max=100000")) {
            if (FALLOS.contains(e.path("error").asText()) && e.path("time").asLong() > desde - 3_600_000) {
                antes++;
            }
        }
        long umbral = antes + 20;
        com.fasterxml.jackson.databind.node.ObjectNode cambiada = original.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) cambiada.get("config")).put("alarmaPorHora", String.valueOf(umbral));
        admin.put("authentication/config/" + id, cambiada);
        try {
            // Each node looks at the realm's count every 5 s: off under the old threshold until it looks, off under the new one after.
            for (int nodo : new int[] {A, B}) {
                assertThat(esperarRobot(nodo, false)).as("off before the spray, node %d", nodo).isTrue();
            }
            for (int d = 0; d < 8; d++) {
                InetAddress direccion = DireccionesDePrueba.nueva();
                for (int i = 0; i < 5; i++) {
                    int nodo = (d + i) % 2;
                    LoginPage pagina = LoginPage.open(cluster.navegador(nodo, direccion), new Oidc(cluster.nodo(nodo)).request(Oidc.MI_ANSES).uri());
                    String cuil = CuilsDePrueba.nuevo();
                    LoginPage.of(pagina.pideRobot() ? pagina.submitResolviendoRobot(cuil, "Rociada7Clave") : pagina.submit(cuil, "Rociada7Clave"));
                }
            }
            for (int nodo : new int[] {A, B}) {
                assertThat(esperarRobot(nodo, true)).as("on after the spray, node %d", nodo).isTrue();
            }
        } finally {
            admin.put("authentication/config/" + id, original);
        }
        for (int nodo : new int[] {A, B}) {
            assertThat(esperarRobot(nodo, false)).as("off again, node %d", nodo).isTrue();
        }
        List<String> cambios = new ArrayList<>();
        for (JsonNode e : admin.get("events?type=LOGIN_ERROR&max=100000")) {
            String error = e.path("error").asText();
            if (e.path("time").asLong() >= desde && error.startsWith("anses_alarma_")) {
                cambios.add(error);
            }
        }
        assertThat(cambios).as("newest first").containsExactly("anses_alarma_apagada", "anses_alarma_encendida");
    }

    private static final java.util.Set<String> FALLOS = java.util.Set.of("invalid_user_credentials", "user_not_found",
            "user_temporarily_disabled", "user_disabled", "anses_ingreso_en_curso");

    private static LoginPage paginaDeIngreso(int nodo) throws Exception {
        return LoginPage.open(cluster.navegador(nodo, DireccionesDePrueba.nueva()), new Oidc(cluster.nodo(nodo)).request(Oidc.MI_ANSES).uri());
    }

    /** Polls node {@code nodo}'s login page (each look may be the one that reads the realm's count); fails after 60 s. */
    private static boolean esperarRobot(int nodo, boolean conRobot) throws Exception {
        return Espera.esperarHasta("node " + nodo + "'s login page " + (conRobot ? "with" : "without") + " the proof of work",
                Espera.PLAZO, () -> paginaDeIngreso(nodo).pideRobot() == conRobot);
    }

    @DisplayName("given a clave locked by five failures on A, then B refuses the right clave with the lock message")
    @Test
    void bloqueoDeClaveEntreNodos() throws Exception {
        String cuil = "20051234562";
        InetAddress desde = DireccionesDePrueba.nueva();
        WebClient browser = cluster.navegador(A, desde);
        LoginPage login = LoginPage.open(browser, new Oidc(cluster.nodo(A)).request(Oidc.MI_ANSES).uri());
        for (int intento = 1; intento <= 5; intento++) {
            Thread.sleep(1100); // slower than the realm's quick-login check (1 s), like a person typing
            login = LoginPage.of(login.submit(cuil, "Equivocada" + intento));
            assertThat(login.alert()).as("attempt %d", intento).isEqualTo(ES.get("ansesInvalidCredentials"));
        }
        Thread.sleep(1100);

        Oidc.Request enB = new Oidc(cluster.nodo(B)).request(Oidc.MI_ANSES);
        LoginPage bloqueada = LoginPage.of(LoginPage.open(cluster.navegador(B, desde), enB.uri()).submit(cuil, "Quebracho3X"));

        assertThat(bloqueada.alert()).isEqualTo(ES.get("ansesClaveLocked", 1));
        assertThat(new AdminApi(cluster.nodo(B)).bruteForce(cuil).get("disabled").asBoolean()).isTrue();
    }

    @DisplayName("given an admin raises a citizen to level 3 on A, then the next token B issues (a refresh) says nivel 3, acr \"3\"")
    @Test
    void nivelCambiadoEnASeVeEnB() throws Exception {
        Oidc enA = new Oidc(cluster.nodo(A));
        Oidc.Request request = enA.request(Oidc.TEST_CLIENT);
        Page landed = LoginPage.open(cluster.navegador(A), request.uri()).submit("20401112228", "Pampa8Sol");
        JsonNode tokens = request.exchange(request.codeFrom(LoginPage.landedOn(landed)));
        assertThat(enA.verify(tokens.get("access_token").asText()).getLongClaim("nivel")).isEqualTo(2);

        assertThat(new AdminApi(cluster.nodo(A)).putRaw("anses-nivel/20401112228", "{\"nivel\": 3}").statusCode()).isEqualTo(204);

        Oidc enB = new Oidc(cluster.nodo(B));
        JsonNode refrescados = enB.refresh(Oidc.TEST_CLIENT, tokens.get("refresh_token").asText());
        assertThat(enB.verify(refrescados.get("access_token").asText()).getLongClaim("nivel")).isEqualTo(3);
        assertThat(enB.verify(refrescados.get("id_token").asText()).getStringClaim("acr")).isEqualTo("3");
    }

    @DisplayName("given a citizen signed in on A to one app and, by SSO on B, to another, when she confirms a notice's No fui yo "
            + "on B, then neither node gives her SSO any more nor refreshes either app's token")
    @Test
    void noFuiYoEntreNodos() throws Exception {
        String cuil = CuilsDePrueba.nueva();
        String direccion = "no.fui.yo.cluster." + cuil + "@correo.demo.anses.example";
        AdminApi adminA = new AdminApi(cluster.nodo(A));
        var creada = adminA.postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Nodo", "lastName": "Intrusa", "email": "%s", "emailVerified": true,
                 "attributes": {"dni": ["%s"], "nivel": ["2"]},
                 "credentials": [{"type": "password", "value": "Tarco5Rio", "temporary": false}]}
                """.formatted(cuil, direccion, CuilsDePrueba.dni(cuil)));
        assertThat(creada.statusCode()).as(creada.body()).isEqualTo(201);
        WebClient browser = cluster.navegador(A);
        Oidc.Request enA = new Oidc(cluster.nodo(A)).request(Oidc.TEST_CLIENT);
        Page app = LoginPage.open(browser, enA.uri()).submit(cuil, "Tarco5Rio");
        String refreshA = enA.exchange(enA.codeFrom(LoginPage.landedOn(app))).get("refresh_token").asText();
        enrutar(browser, B);
        Oidc.Request enB = new Oidc(cluster.nodo(B)).request(Oidc.MI_ANSES);
        Page sso = browser.getPage(enB.uri().toURL());
        assertThat(LoginPage.loggedIn(sso, enB)).isTrue();
        String refreshB = enB.exchange(enB.codeFrom(LoginPage.landedOn(sso))).get("refresh_token").asText();

        assertThat(adminA.putRaw("anses-nivel/" + cuil, "{\"nivel\": 3}").statusCode()).isEqualTo(204);
        String texto = CorreoDePrueba.parte(correo.esperar(direccion, 1, Espera.PLAZO_CLUSTER).get(0), "text/plain");
        Matcher enlace = Pattern.compile("https?://\\S+/login-actions/action-token\\?\\S+").matcher(texto);
        assertThat(enlace.find()).as(texto).isTrue();
        HtmlPage confirmar = cluster.navegador(B).getPage(enlace.group());
        HtmlPage hecho = confirmar.getHtmlElementById("anses-confirmar").click();
        assertThat(hecho.getWebResponse().getStatusCode()).as(hecho.asXml()).isEqualTo(200);

        for (int nodo : List.of(A, B)) {
            enrutar(browser, nodo);
            Oidc enNodo = new Oidc(cluster.nodo(nodo));
            Oidc.Request otraVez = enNodo.request(Oidc.MI_ANSES);
            assertThat(LoginPage.loggedIn(browser.getPage(otraVez.uri().toURL()), otraVez)).as("SSO on node " + nodo).isFalse();
            assertThatThrownBy(() -> enNodo.refresh(Oidc.TEST_CLIENT, refreshA)).as("A's refresh on node " + nodo).hasMessageContaining("400");
            assertThatThrownBy(() -> enNodo.refresh(Oidc.MI_ANSES, refreshB)).as("B's refresh on node " + nodo).hasMessageContaining("400");
        }
    }

    @DisplayName("given two pending claves of one resident abroad, registered on A and on B, then neither gives a token on "
            + "either node, and when offices enable each with its own form's code on A and on B at the same moment, one "
            + "account results and only its clave logs in")
    @Test
    void clavePendienteEntreNodos() throws Exception {
        registrarPendiente(A, "Tango5Malbec", "pablo.gimenez.cluster@correo.example");
        registrarPendiente(B, "Milonga7Vino", "otro.cluster@correo.example");

        String enA = codigoDelFormulario(B, "Tango5Malbec");
        String enB = codigoDelFormulario(A, "Milonga7Vino");
        List<Callable<Integer>> habilitaciones = List.of(
                () -> new AdminApi(cluster.nodo(A)).postRaw("anses-habilitacion/20347778886", "{\"nivel\": 2, \"codigo\": \"" + enA + "\"}").statusCode(),
                () -> new AdminApi(cluster.nodo(B)).postRaw("anses-habilitacion/20347778886", "{\"nivel\": 2, \"codigo\": \"" + enB + "\"}").statusCode());
        List<Integer> estados = EnParalelo.todas(habilitaciones);
        assertThat(estados).containsExactlyInAnyOrder(200, 409);
        assertThat(new AdminApi(cluster.nodo(B)).get("users?exact=true&username=20347778886")).hasSize(1);
        String ganadora = estados.get(0) == 200 ? "Tango5Malbec" : "Milonga7Vino";
        assertThat(login(B, "20347778886", ganadora)).isTrue();
        assertThat(login(A, "20347778886", ganadora.equals("Tango5Malbec") ? "Milonga7Vino" : "Tango5Malbec")).isFalse();
    }

    /** Registers a pending clave from an address of the node's own (one address holds one request per CUIL). */
    private void registrarPendiente(int nodo, String clave, String email) throws Exception {
        registrarPendiente(nodo, "20347778886", clave, email, InetAddress.getByName("127.3.0." + (10 + nodo)));
    }

    private void registrarPendiente(int nodo, String cuil, String clave, String email, InetAddress desde) throws Exception {
        HtmlPage elegi = ingresarCuilDesdeElExterior(aceptarPoliticas(desdeElLogin(cluster.navegador(nodo, desde),
                new Oidc(cluster.nodo(nodo)).request(Oidc.MI_ANSES))), cuil);
        assertThat(titulo(elegirClaveConEmail(elegi, email, clave))).isEqualTo(ES.get("ansesClaveRegistradaTitulo"));
    }

    @DisplayName("given two pending claves of one CUIL, the owner's registered first, when 8 sessions of the other, split "
            + "between A and B, send wrong answers to its enablement questions at once, then exactly its own 2 attempts are "
            + "judged and the rest see the lock page; the CUIL's count on either node says 2, and the owner's clave still "
            + "gets its questions")
    @Test
    void intentosDeHabilitacionEntreNodos() throws Exception {
        String cuil = "20420030232";
        Persona persona = PadronFile.leer(java.nio.file.Path.of("../realm-export/padron-demo.json")).get(cuil);
        registrarPendiente(B, cuil, "Duena5Casa", "duena.cluster@correo.example", InetAddress.getByName("127.3.0.20"));
        registrarPendiente(A, cuil, "Ocupa7Nodo", "ocupa.cluster@correo.example", InetAddress.getByName("127.3.0.21"));

        List<HtmlPage> listas = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int nodo = i % 2;
            Page pendiente = LoginPage.open(cluster.navegador(nodo), new Oidc(cluster.nodo(nodo)).request(Oidc.MI_ANSES).uri())
                    .submit(cuil, "Ocupa7Nodo");
            listas.add(completarRespuestas(continuar((HtmlPage) pendiente), persona, false));
        }
        List<String> titulos = EnParalelo.todas(listas.stream().<Callable<String>>map(p -> () -> titulo(continuar(p))).toList());
        assertThat(titulos).filteredOn(ES.get("ansesHabilitacionBloqueadaTitulo")::equals).hasSizeGreaterThanOrEqualTo(6);
        JsonNode eventos = new AdminApi(cluster.nodo(B)).get("events?type=RESET_PASSWORD_ERROR&max=2000");
        long juzgadas = 0;
        for (JsonNode e : eventos) {
            if (cuil.equals(e.at("/details/username").asText()) && "anses_preguntas_incorrectas".equals(e.path("error").asText())) {
                juzgadas++;
            }
        }
        assertThat(juzgadas).as("sets of answers judged").isEqualTo(2);
        for (int nodo : new int[] {A, B}) {
            JsonNode intentos = new AdminApi(cluster.nodo(nodo)).get("anses-verificacion/habilitacion/bloqueos/" + cuil);
            assertThat(intentos.get("intentosFallidos").asInt()).as("node %d", nodo).isEqualTo(2);
            assertThat(intentos.get("bloqueada").asBoolean()).isFalse();
        }
        Page suya = LoginPage.open(cluster.navegador(B), new Oidc(cluster.nodo(B)).request(Oidc.MI_ANSES).uri()).submit(cuil, "Duena5Casa");
        assertThat(titulo(continuar((HtmlPage) suya))).isEqualTo(ES.get("ansesHabilitarClaveTitulo"));
    }

    /** Logs in with a pending clave on a node: its page, no code; and the code of the USI-07 it gives. */
    private String codigoDelFormulario(int nodo, String clave) throws Exception {
        Oidc.Request request = new Oidc(cluster.nodo(nodo)).request(Oidc.MI_ANSES);
        Page pendiente = LoginPage.open(cluster.navegador(nodo), request.uri()).submit("20347778886", clave);
        assertThat(LoginPage.loggedIn(pendiente, request)).isFalse();
        assertThat(titulo((HtmlPage) pendiente)).isEqualTo(ES.get("ansesClavePendienteTitulo"));
        return new PdfUsi07(((HtmlPage) pendiente).getHtmlElementById("anses-usi07").click().getWebResponse()
                .getContentAsStream().readAllBytes()).qr();
    }

    @DisplayName("given kill -9 of node A, then B keeps the SSO session and refresh tokens, logs citizens in, finishes or redoes "
            + "a Crear clave begun on A with exactly one working account, sends, exactly once and once the mail server is "
            + "back, the notice A took but could not send, and keeps the apps' signal streams (a change on A heard before, one "
            + "on B after, pushed and polled); and A, restarted, rejoins and serves a login")
    @Test
    void caidaDeUnNodo() throws Exception {
        Oidc enA = new Oidc(cluster.nodo(A));
        Oidc enB = new Oidc(cluster.nodo(B));
        WebClient conSesion = cluster.navegador(A);
        Oidc.Request request = enA.request(Oidc.TEST_CLIENT);
        Page landed = LoginPage.open(conSesion, request.uri()).submit("27-27123456-8", "Tango5Luz");
        JsonNode tokens = request.exchange(request.codeFrom(LoginPage.landedOn(landed)));

        // Valentina Acosta proves who she is on A and is about to choose her clave when A dies.
        WebClient aMedias = cluster.navegador(A);
        HtmlPage clave = ingresarTramite(ingresarCuil(aceptarPoliticas(desdeElLogin(aMedias, enA.request(Oidc.MI_ANSES))),
                "27361112224", true), "00723456789");
        assertThat(clave.getElementById("clave")).isNotNull();

        // With the mail server down, an office raises a citizen's level on A: the notice is tried, fails, and waits.
        String avisado = CuilsDePrueba.nuevo();
        String direccion = "caida.nodo." + avisado + "@correo.demo.anses.example";
        AdminApi adminA = new AdminApi(cluster.nodo(A));
        var creado = adminA.postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Nodo", "lastName": "Aviso", "email": "%s", "emailVerified": true,
                 "attributes": {"dni": ["%s"], "nivel": ["2"]},
                 "credentials": [{"type": "password", "value": "Tarco5Rio", "temporary": false}]}
                """.formatted(avisado, direccion, CuilsDePrueba.dni(avisado)));
        assertThat(creado.statusCode()).as(creado.body()).isEqualTo(201);
        // Two apps she signs in to on B hear of her changes: one pushed to (by whichever node drains the outbox), one
        // polling. Created through B, which lives through the test.
        ReceptorSenales receptor = new ReceptorSenales(cluster.nodo(B));
        ReceptorSenales.App empujada = receptor.app("cluster-it-push", true);
        ReceptorSenales.App consultada = receptor.app("cluster-it-poll", false);
        for (ReceptorSenales.App app : List.of(empujada, consultada)) {
            Oidc.Request entrada = new Oidc(cluster.nodo(B)).request(app.clientId);
            assertThat(LoginPage.loggedIn(LoginPage.open(cluster.navegador(B), entrada.uri()).submit(avisado, "Tarco5Rio"), entrada)).isTrue();
        }
        String sub = adminA.userId(avisado);
        CorreoDePrueba.apuntar(adminA, KeycloakServer.freePort()); // nobody listens there
        long reintentados = ContadoresAvisos.suma("reintentados", cluster.nodo(A), cluster.nodo(B));
        assertThat(adminA.putRaw("anses-nivel/" + avisado, "{\"nivel\": 3}").statusCode()).isEqualTo(204);
        // Tried and failed (by A right after the commit, or by whichever node's periodic look came first).
        ContadoresAvisos.esperar("reintentados", reintentados + 1, cluster.nodo(A), cluster.nodo(B));

        // The level change made on A reaches both apps, the polling one through A.
        empujada.esperar(sub, senal -> senal.tipo().equals(ReceptorSenales.NIVEL), ReceptorSenales.ESPERA);
        assertThat(consultada.en(cluster.nodo(A)).esperar(sub, senal -> senal.tipo().equals(ReceptorSenales.NIVEL), ReceptorSenales.ESPERA)
                .evento().path("current_level").asText()).isEqualTo("3");

        cluster.matar(A);

        KeycloakServer b = cluster.nodo(B);
        assertThat(ContadoresAvisos.contador(b, "enEspera")).as("the notice waits in the shared outbox").isEqualTo(1);
        assertThat(correo.para(direccion)).isEmpty();
        long enviadosB = ContadoresAvisos.contador(b, "enviados");
        correo.apuntar(new AdminApi(b));
        correo.esperar(direccion, 1, Espera.PLAZO_CLUSTER);
        ContadoresAvisos.esperarBandejaVacia(b);
        assertThat(correo.para(direccion)).as("exactly once").hasSize(1);
        assertThat(correo.para(direccion).get(0).getSubject()).isEqualTo(CORREO.get("ansesAvisoNivelSubidoAsunto", "2", "3"));
        assertThat(ContadoresAvisos.contador(b, "enviados")).as("sent by B").isEqualTo(enviadosB + 1);

        enrutar(conSesion, B);
        Oidc.Request sso = enB.request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(conSesion.getPage(sso.uri().toURL()), sso)).as("SSO on B after A died").isTrue();
        JsonNode refrescados = enB.refresh(Oidc.TEST_CLIENT, tokens.get("refresh_token").asText());
        assertThat(enB.verify(refrescados.get("access_token").asText()).getStringClaim("preferred_username")).isEqualTo("27271234568");
        assertThat(login(B, "20223334440", "Lapacho9Ro")).isTrue();

        // The interrupted Crear clave, continued on B: it may finish there (the authentication session is replicated) or
        // end in an error page; either way nothing half-made remains, and doing it again on B gives one working account.
        enrutar(aMedias, B);
        HtmlPage continuada = elegirClave(clave, "Junco7Lirio", "Junco7Lirio");
        List<JsonNode> antes = usuarios(B, "27361112224");
        if (continuada.getElementById("anses-habilitada") != null) {
            assertThat(antes).hasSize(1);
        } else {
            assertThat(antes).isEmpty();
        }
        HtmlPage otraVez = ingresarTramite(ingresarCuil(aceptarPoliticas(desdeElLogin(cluster.navegador(B),
                enB.request(Oidc.MI_ANSES))), "27361112224", true), "00723456789");
        presionar(elegirClave(otraVez, "Tala8Rama", "Tala8Rama"));
        List<JsonNode> cuentas = usuarios(B, "27361112224");
        assertThat(cuentas).hasSize(1);
        assertThat(cuentas.get(0).at("/attributes/nivel/0").asText()).isEqualTo("2");
        assertThat(cuentas.get(0).at("/attributes/dni/0").asText()).isEqualTo("36111222");
        assertThat(login(B, "27361112224", "Tala8Rama")).isTrue();

        // The streams outlive A: a change made on B is pushed (B now drains the outbox) and polled through B.
        assertThat(new AdminApi(b).putRaw("anses-nivel/" + avisado, "{\"nivel\": 2}").statusCode()).isEqualTo(204);
        assertThat(empujada.esperar(sub, senal -> senal.tipo().equals(ReceptorSenales.NIVEL), ReceptorSenales.ESPERA)
                .evento().path("current_level").asText()).isEqualTo("2");
        assertThat(consultada.en(b).esperar(sub, senal -> senal.tipo().equals(ReceptorSenales.NIVEL)
                && senal.evento().path("current_level").asText().equals("2"), ReceptorSenales.ESPERA)).isNotNull();
        receptor.close();

        long desdeA = cluster.tamanioLog(A);
        long desdeB = cluster.tamanioLog(B);
        cluster.nodo(A).restart(Duration.ofMinutes(3));
        cluster.esperarVista(B, 2, desdeB, Duration.ofMinutes(2));
        cluster.esperarVista(A, 2, desdeA, Duration.ofMinutes(2));
        assertThat(login(A, "27185556668", "Aromo6Tilo")).as("A serves a login again").isTrue();
    }

    /** Whether the clave opens Mi ANSES on that node, through the real login form. */
    private static boolean login(int nodo, String cuil, String clave) throws Exception {
        Oidc.Request request = new Oidc(cluster.nodo(nodo)).request(Oidc.MI_ANSES);
        return LoginPage.loggedIn(LoginPage.open(cluster.navegador(nodo), request.uri()).submit(cuil, clave), request);
    }

    private static List<JsonNode> usuarios(int nodo, String cuil) throws Exception {
        List<JsonNode> lista = new ArrayList<>();
        new AdminApi(cluster.nodo(nodo)).get("users?exact=true&briefRepresentation=false&username=" + cuil).forEach(lista::add);
        return lista;
    }
}
