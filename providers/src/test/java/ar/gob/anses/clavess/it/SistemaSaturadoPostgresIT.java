package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.alerta;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.titulo;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.Requisitos;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "El sistema está temporalmente saturado" (seed 001) with a padrón that does not answer: a Keycloak of this class's own
 * (a copy of the distribution, with our jar and realm; the shared one keeps its json-file padrón) on a PostgreSQL
 * database of its own (the jdbc padrón needs Keycloak on PostgreSQL: only then is the driver on its class path), whose
 * jdbc padrón points at a loopback port where nothing listens, so every lookup fails as a padrón that is down does. Crear clave
 * then shows the page, with status 503, as often as the citizen tries, and nothing is counted against the CUIL; the
 * login, which reads the padrón only for a curador's wards, still logs citizens in. Without the demo users: importing
 * a clave in clear asks the padrón too (the curatela policy), so its citizen's clave is stored as a hash.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(Requisitos.Postgres.class)
class SistemaSaturadoPostgresIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final String MARTIN = "20334445551";  // padrón of the demo; here nothing can read it

    private static final String BASE = "anses_saturado_" + ProcessHandle.current().pid();

    private Path home;
    private KeycloakServer server;
    private Oidc oidc;

    @BeforeAll
    void arrancar() throws Exception {
        Path original = Path.of(requerida("keycloak.home"));
        home = original.resolveSibling("keycloak-padron-caido");
        KeycloakServer.deleteTree(home);
        copiar(original, home);
        KeycloakServer.deleteTree(home.resolve("data/h2")); // the shared server's database, if it ran before
        baseDeDatos("CREATE DATABASE " + BASE);
        KeycloakServer.install(home, Path.of(requerida("providers.jar")), Path.of(requerida("realm.dir")));
        // No demo users: importing a clave in clear asks the padrón (the curatela policy), which here does not answer.
        try (var importados = Files.newDirectoryStream(home.resolve("data/import"), KeycloakServer.REALM + "-users-*.json")) {
            for (Path usuarios : importados) {
                Files.delete(usuarios);
            }
        }
        int http = KeycloakServer.freePort();
        int gestion = KeycloakServer.freePort();
        int nadieEscucha = KeycloakServer.freePort();
        URI base = URI.create("http://localhost:" + http + "/");
        server = KeycloakServer.start(home, base,
                List.of("--http-host=127.0.0.1", "--http-port=" + http, "--http-management-port=" + gestion, "--hostname=" + base,
                        "--db=postgres", "--db-url=" + Requisitos.POSTGRES_URL.replaceFirst("/[^/?]*(\\?.*)?$", "/" + BASE),
                        "--db-username=" + Requisitos.POSTGRES_USER, "--db-password=x", "--cache=local", KeycloakServer.FUNCIONES, KeycloakServer.SIN_ALTA_DE_SUJETOS,
                        "--spi-anses-padron--provider=jdbc",
                        "--spi-anses-padron--jdbc--url=jdbc:postgresql://127.0.0.1:" + nadieEscucha + "/padron"),
                Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"),
                false, ProcessBuilder.Redirect.to(home.resolveSibling("keycloak-padron-caido.log").toFile()))
                .awaitRealm(Duration.ofMinutes(8));
        oidc = new Oidc(server);
    }

    @AfterAll
    void parar() throws SQLException {
        if (server != null) {
            server.close();
        }
        KeycloakServer.deleteTree(home);
        baseDeDatos("DROP DATABASE IF EXISTS " + BASE + " WITH (FORCE)");
    }

    @DisplayName("given a padrón that does not answer, when a citizen gives her CUIL in Crear clave, then 'temporalmente "
            + "saturado' with status 503 instead of Keycloak's error, however often she tries, and no attempt counts")
    @Test
    void crearClave() throws Exception {
        for (int vez = 1; vez <= 4; vez++) { // more tries than Crear clave's 3 attempts
            HtmlPage page = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), MARTIN, true);
            assertThat(page.getWebResponse().getStatusCode()).as("try %d", vez).isEqualTo(503);
            assertThat(titulo(page)).isEqualTo(ES.get("ansesSistemaSaturadoTitulo"));
            assertThat(alerta(page)).isEqualTo(ES.get("ansesSistemaSaturado"));
            assertThat(page.getElementById("anses-volver")).isNotNull();
        }
        JsonNode intentos = new AdminApi(server).get("anses-verificacion/bloqueos/" + MARTIN);
        assertThat(intentos.get("intentosFallidos").asInt()).isZero();
        assertThat(intentos.get("bloqueada").asBoolean()).isFalse();
    }

    @DisplayName("given a padrón that does not answer, when a citizen logs in, then she reaches the app (every login asks "
            + "the padrón for a curador's wards: without it she acts as herself), never an error page")
    @Test
    void login() throws Exception {
        String nidia = CuilsDePrueba.nueva();
        new AdminApi(server).crearConClaveGuardada(nidia, "Nidia", "Caida", CuilsDePrueba.dni(nidia), 2, "Ceibo5Lago");
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(LoginPage.browser(), request.uri()).submit(nidia, "Ceibo5Lago"), request)).isTrue();
    }

    private static void baseDeDatos(String sentencia) throws SQLException {
        try (Connection conexion = DriverManager.getConnection(Requisitos.POSTGRES_URL, Requisitos.POSTGRES_USER, null);
             Statement sql = conexion.createStatement()) {
            sql.execute(sentencia);
        }
    }

    /** cp -a: a copy of the unpacked distribution, its build and timestamps kept. */
    private static void copiar(Path desde, Path hacia) throws Exception {
        Process cp = new ProcessBuilder("cp", "-a", desde.toString(), hacia.toString()).inheritIO().start();
        if (cp.waitFor() != 0 || !Files.isDirectory(hacia)) {
            throw new UncheckedIOException(new IOException("cp -a " + desde + " " + hacia + " failed"));
        }
    }

    private static String requerida(String propiedad) {
        String valor = System.getProperty(propiedad);
        if (valor == null) {
            throw new IllegalStateException("system property " + propiedad + " is not set: run the tests with mvn verify");
        }
        return valor;
    }
}
