package ar.gob.anses.clavess.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code mvn -Pcluster}: two Keycloak nodes in production mode with our jar, theme and realm, clustered through
 * the PostgreSQL at 127.0.0.1:5432 (database {@code clavess_cluster}, created if missing and kept between runs),
 * HTTP on KC_HTTP_PORT and KC_HTTP_PORT+1, both with the first one's URL as public address. Ctrl-C stops both.
 * Arguments: the unpacked distribution, the providers jar, the realm-export folder, a work folder.
 */
public final class RunCluster {

    private RunCluster() {
    }

    public static void main(String[] args) throws InterruptedException {
        int http = Integer.parseInt(System.getenv().getOrDefault("KC_HTTP_PORT", "8080"));
        int management = Integer.parseInt(System.getenv().getOrDefault("KC_HTTP_MANAGEMENT_PORT", "9000"));
        String url = System.getenv().getOrDefault("CLAVESS_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        Path trabajo = Path.of(args[3]);
        System.out.println("[clave-ss] Building Keycloak (production mode, PostgreSQL, Infinispan) in " + trabajo
                + " and starting two nodes: about a minute");
        System.out.println("[clave-ss] Local admin admin/admin (bootstrap admin for local runs only; never use it elsewhere)");
        KeycloakCluster.Config config = new KeycloakCluster.Config(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), trabajo,
                url, System.getenv().getOrDefault("CLAVESS_POSTGRES_USER", "root"),
                System.getenv().getOrDefault("CLAVESS_POSTGRES_PASSWORD", "clavess"), "clavess_cluster", false,
                List.of(http, http + 1), List.of(management, management + 1), List.of(7800, 7801),
                Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"), true);
        KeycloakCluster cluster = KeycloakCluster.start(config, Duration.ofMinutes(5));
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-keycloak-cluster"));

        URI publica = cluster.publicUri();
        System.out.println();
        for (int i = 0; i < cluster.size(); i++) {
            System.out.println("[clave-ss] Node " + (char) ('A' + i) + ": " + cluster.nodo(i).baseUri() + "  (log " + cluster.log(i) + ")");
        }
        System.out.println("[clave-ss] Both nodes in one cluster view; public address (--hostname) " + publica);
        System.out.println("[clave-ss] Citizen login (Mi ANSES account): " + publica + "realms/anses/account");
        System.out.println("[clave-ss] Admin console:                    " + publica + "admin/master/console/#/anses");
        System.out.println("[clave-ss] Ctrl-C stops both nodes.");
        // Node A is the public address: when it ends (a crash, a kill), so does the run, with its status, and the
        // shutdown hook stops B.
        System.exit(cluster.nodo(0).waitFor());
    }
}
