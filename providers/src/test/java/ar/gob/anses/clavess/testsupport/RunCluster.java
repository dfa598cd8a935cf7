package ar.gob.anses.clavess.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mvn -Pcluster}: two Keycloak nodes in production mode with our jar, theme and realm, clustered through
 * the PostgreSQL at 127.0.0.1:5432 (database {@code clavess_cluster}, created if missing and kept between runs),
 * HTTP on KC_HTTP_PORT and KC_HTTP_PORT+1, both with the first one's URL as public address.
 * Arguments: the unpacked distribution, the providers jar, the realm-export folder, a work folder.
 *
 * <p>A node that dies (a crash, a {@code kill -9}) leaves the other serving: the run says which node died and its
 * exit code, and how to start it again, either Enter here or the printed command in another terminal; either way it
 * rejoins the cluster. Ctrl-C stops every node still running, one started by hand with that command included.
 */
public final class RunCluster {

    private static final Duration ARRANQUE = Duration.ofMinutes(5);
    private static final Pattern PID = Pattern.compile("pid=(\\d+)");
    /** Set by Ctrl-C: the nodes that end from then on are being stopped, not dying. */
    private static volatile boolean deteniendo;

    private RunCluster() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
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
        KeycloakCluster cluster = KeycloakCluster.start(config, ARRANQUE);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> detener(cluster), "stop-keycloak-cluster"));

        URI publica = cluster.publicUri();
        System.out.println();
        for (int i = 0; i < cluster.size(); i++) {
            System.out.println("[clave-ss] Node " + nombre(i) + ": " + cluster.nodo(i).baseUri() + "  (log " + cluster.log(i) + ")");
        }
        System.out.println("[clave-ss] Both nodes in one cluster view; public address (--hostname) " + publica);
        System.out.println("[clave-ss] Citizen login (Mi ANSES account): " + publica + "realms/anses/account");
        System.out.println("[clave-ss] Admin console:                    " + publica + "admin/master/console/#/anses");
        System.out.println("[clave-ss] Ctrl-C stops both nodes. A node that dies leaves the other serving; Enter here restarts it.");
        for (int i = 0; i < cluster.size(); i++) {
            vigilar(cluster, i);
        }

        // Each line read (Enter) restarts the nodes that are down. Without a terminal (stdin closed, as in the
        // background) the printed command is the way; the run goes on until Ctrl-C either way.
        BufferedReader entrada = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (entrada.readLine() != null) {
            for (int i = 0; i < cluster.size(); i++) {
                if (!cluster.nodo(i).isAlive()) {
                    reiniciar(cluster, i);
                }
            }
        }
        Thread.currentThread().join();
    }

    /** When node i's current process ends, unless Ctrl-C ended it: which node, its exit code, how to restart it. */
    private static void vigilar(KeycloakCluster cluster, int i) {
        cluster.nodo(i).onExit().thenAccept(status -> {
            if (deteniendo) {
                return;
            }
            StringBuilder vivos = new StringBuilder();
            for (int j = 0; j < cluster.size(); j++) {
                if (cluster.nodo(j).isAlive()) {
                    vivos.append(vivos.isEmpty() ? "" : ", ").append("node ").append(nombre(j)).append(" at ").append(cluster.nodo(j).baseUri());
                }
            }
            System.out.println();
            System.out.println("[clave-ss] Node " + nombre(i) + " (" + cluster.nodo(i).baseUri() + ") died with exit code " + status
                    + (status > 128 ? " (signal " + (status - 128) + ")" : "") + "; see " + cluster.log(i));
            System.out.println("[clave-ss] Still serving: " + (vivos.isEmpty() ? "no node" : vivos));
            System.out.println("[clave-ss] Press Enter here to start node " + nombre(i) + " again, or run this in another terminal"
                    + " (Ctrl-C here stops it too):");
            System.out.println(cluster.nodo(i).commandLine());
        });
    }

    private static void reiniciar(KeycloakCluster cluster, int i) {
        System.out.println("[clave-ss] Starting node " + nombre(i) + " again: about a minute");
        try {
            cluster.reiniciar(i, ARRANQUE);
        } catch (RuntimeException e) {
            if (!deteniendo) {
                System.out.println("[clave-ss] Node " + nombre(i) + " did not start: " + e.getMessage() + ". Enter tries again.");
            }
            return;
        }
        vigilar(cluster, i);
        System.out.println("[clave-ss] Node " + nombre(i) + " is back at " + cluster.nodo(i).baseUri() + " and in the cluster view again");
    }

    /** Ctrl-C: the nodes this run started, then one started by hand in a node's folder with the printed command. */
    private static void detener(KeycloakCluster cluster) {
        deteniendo = true;
        cluster.close();
        for (int i = 0; i < cluster.size(); i++) {
            iniciadoAMano(cluster.nodo(i)).ifPresent(RunCluster::terminar);
        }
    }

    /**
     * The process that listens on the node's HTTP port from the node's own folder: the printed command's Keycloak,
     * found by port and working directory (never by name: other Keycloaks may run on this machine).
     */
    private static Optional<ProcessHandle> iniciadoAMano(KeycloakServer nodo) {
        try {
            Process ss = new ProcessBuilder("ss", "-ltnpH", "sport = :" + nodo.baseUri().getPort()).redirectErrorStream(true).start();
            String salida = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ss.waitFor();
            Matcher m = PID.matcher(salida);
            if (!m.find()) {
                return Optional.empty();
            }
            Path carpeta = Files.readSymbolicLink(Path.of("/proc", m.group(1), "cwd"));
            return carpeta.equals(nodo.home().toRealPath()) ? ProcessHandle.of(Long.parseLong(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** SIGTERM (Keycloak stops cleanly), SIGKILL if it lingers. */
    private static void terminar(ProcessHandle proceso) {
        proceso.destroy();
        try {
            proceso.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            proceso.destroyForcibly();
        }
    }

    private static char nombre(int i) {
        return (char) ('A' + i);
    }
}
