package ar.gob.anses.clavess.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code mvn -Prun}: Keycloak in dev mode with our jar, theme and realm, H2 on disk (it survives a
 * restart), bootstrap admin admin/admin unless KC_BOOTSTRAP_ADMIN_* say otherwise. Ctrl-C stops it.
 */
public final class RunKeycloak {

    private RunKeycloak() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(args[0]);
        KeycloakServer.install(home, Path.of(args[1]), Path.of(args[2]));

        String port = System.getenv().getOrDefault("KC_HTTP_PORT", "8080");
        URI base = URI.create("http://localhost:" + port + "/");
        // The public address the notices' links are built from (never a request's Host): the one printed below, unless
        // the caller's KC_HOSTNAME says otherwise.
        List<String> opciones = System.getenv("KC_HOSTNAME") == null
                ? List.of(KeycloakServer.FUNCIONES, KeycloakServer.SIN_ALTA_DE_SUJETOS, "--hostname=" + base)
                : List.of(KeycloakServer.FUNCIONES, KeycloakServer.SIN_ALTA_DE_SUJETOS);
        KeycloakServer server = KeycloakServer.start(home, base, opciones,
                Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                        KeycloakServer.PADRON_PATH_VARIABLE, Path.of(args[2], "padron-demo.json").toAbsolutePath().toString(),
                        KeycloakServer.LEGADAS_PATH_VARIABLE, Path.of(args[2], KeycloakServer.LEGADAS_DEMO).toAbsolutePath().toString()),
                true, ProcessBuilder.Redirect.INHERIT);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-keycloak"));

        System.out.println("[clave-ss] Starting Keycloak from " + home + " (first start takes about a minute)");
        System.out.println("[clave-ss] Local admin admin/admin (bootstrap admin for local runs only; never use it elsewhere)");
        server.awaitRealm(Duration.ofMinutes(5));
        System.out.println();
        System.out.println("[clave-ss] Citizen login (Mi ANSES account): " + base + "realms/anses/account");
        System.out.println("[clave-ss] Admin console:                    " + base + "admin/master/console/#/anses");
        System.out.println("[clave-ss] Office staff console:             " + base + "admin/anses/console/");
        System.out.println("[clave-ss] Demo citizens and their claves are listed in README.md. Ctrl-C stops Keycloak.");
        System.exit(server.waitFor());
    }
}
