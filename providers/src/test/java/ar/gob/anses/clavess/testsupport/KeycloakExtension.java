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
        Path home = Path.of(required("keycloak.home"));
        KeycloakServer.install(home, Path.of(required("providers.jar")), Path.of(required("realm.dir")));
        KeycloakServer.installTestClock(home);
        KeycloakServer.deleteTree(home.resolve("data/h2")); // the previous run's database
        int httpPort = KeycloakServer.freePort();
        int managementPort = KeycloakServer.freePort();
        // localhost, not 127.0.0.1: HtmlUnit keeps Keycloak's Secure cookies over plain HTTP only for localhost.
        URI base = URI.create("http://localhost:" + httpPort + "/");
        return KeycloakServer.start(home, base,
                List.of("--http-host=127.0.0.1", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                        // A file database, fresh for each run, so that a test can restart the server and see what survives.
                        "--db=dev-file", "--cache=local", "--log-level=INFO,ar.gob.anses:DEBUG",
                        // Expired pending claves looked for every 2 s, so that a test that moves the clock sees them go.
                        "--spi-anses-claves-pendientes--default--intervalo=2s"),
                Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                        KeycloakServer.PADRON_PATH_VARIABLE, Path.of(required("realm.dir"), "padron-demo.json").toAbsolutePath().toString()),
                false, ProcessBuilder.Redirect.to(Path.of(required("keycloak.log")).toFile()))
                .awaitRealm(Duration.ofMinutes(8)); // 40 s alone; much more on a machine busy with other builds
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
