package ar.gob.anses.clavess.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real Keycloak for the whole test run, started on first use and stopped when the run ends.
 * Test classes ask for a {@link KeycloakServer} parameter.
 */
public final class KeycloakExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KeycloakServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KeycloakServer.class, key -> new Running(start()), Running.class).server;
    }

    private static KeycloakServer start() {
        return start(Path.of(required("keycloak.home")), Path.of(required("keycloak.log")));
    }

    private static KeycloakServer start(Path home, Path log) {
        KeycloakServer.install(home, Path.of(required("providers.jar")), Path.of(required("realm.dir")));
        KeycloakServer.installTestClock(home);
        KeycloakServer.deleteTree(home.resolve("data/h2")); // the previous run's database
        try {
            java.nio.file.Files.deleteIfExists(log); // the previous run's log
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int httpPort = KeycloakServer.freePort();
        int managementPort = KeycloakServer.freePort();
        // localhost, not 127.0.0.1: HtmlUnit keeps Keycloak's Secure cookies over plain HTTP only for localhost.
        URI base = URI.create("http://localhost:" + httpPort + "/");
        return KeycloakServer.start(home, base,
                List.of("--http-host=127.0.0.1", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                        // The public address, as a deployment must set it: the notices' links come from it, never from
                        // a request's Host header (AvisosIT.hostFalsificado).
                        "--hostname=" + base,
                        // A file database, fresh for each run, so that a test can restart the server and see what survives.
                        "--db=dev-file", "--cache=local", "--log-level=INFO,ar.gob.anses:DEBUG",
                        // Expired pending claves looked for every 2 s, so that a test that moves the clock sees them go.
                        "--spi-anses-claves-pendientes--default--intervalo=2s",
                        "--metrics-enabled=true", KeycloakServer.FUNCIONES, KeycloakServer.SIN_ALTA_DE_SUJETOS),
                entorno(Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                        KeycloakServer.PADRON_PATH_VARIABLE, Path.of(required("realm.dir"), "padron-demo.json").toAbsolutePath().toString(),
                        KeycloakServer.LEGADAS_PATH_VARIABLE, Path.of(required("realm.dir"), KeycloakServer.LEGADAS_DEMO).toAbsolutePath().toString())),
                // Appended: a server that is killed and started again keeps what it said before.
                false, ProcessBuilder.Redirect.appendTo(log.toFile()))
                .awaitRealm(Duration.ofMinutes(8)); // 40 s alone; much more on a machine busy with other builds
    }

    /**
     * The notices' sender as tests need it: unsent notices looked for every second and retried after 1 s, 2 s, 2 s…,
     * so that a test of a mail outage waits seconds, not minutes (the defaults are 30 s, 1 min doubling to 1 h).
     */
    public static final Map<String, String> AVISOS_RAPIDOS = Map.of(
            "KC_SPI_EVENTS_LISTENER__ANSES_AVISOS__INTERVALO", "1s",
            "KC_SPI_EVENTS_LISTENER__ANSES_AVISOS__REINTENTO_INICIAL", "1s",
            "KC_SPI_EVENTS_LISTENER__ANSES_AVISOS__REINTENTO_MAXIMO", "2s");

    /**
     * Keycloak's Shared Signals transmitter as tests need it: the test's receivers listen on plain HTTP at 127.0.0.1
     * (refused otherwise, rightly, in production), the outbox is drained every second instead of every 30 s, and a
     * receiver may ask for a verification as often as it likes.
     */
    public static final Map<String, String> SENALES_RAPIDAS = Map.of(
            "KC_SPI_SSF_TRANSMITTER__DEFAULT__ALLOW_INSECURE_PUSH_TARGETS", "true",
            "KC_SPI_SSF_TRANSMITTER__DEFAULT__OUTBOX_DRAINER_INTERVAL", "1s",
            "KC_SPI_SSF_TRANSMITTER__DEFAULT__MIN_VERIFICATION_INTERVAL_SECONDS", "0");

    /** {@code env} plus {@link #AVISOS_RAPIDOS} and {@link #SENALES_RAPIDAS}. */
    public static Map<String, String> entorno(Map<String, String> env) {
        Map<String, String> todo = new java.util.HashMap<>(env);
        todo.putAll(AVISOS_RAPIDOS);
        todo.putAll(SENALES_RAPIDAS);
        return todo;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the tests with mvn verify");
        }
        return value;
    }

    /** Closed by JUnit when the root context ends, after every test class ran. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        private final KeycloakServer server;

        Running(KeycloakServer server) {
            this.server = server;
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
