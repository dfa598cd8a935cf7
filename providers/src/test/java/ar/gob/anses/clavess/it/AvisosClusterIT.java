package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CorreoDePrueba;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.EnParalelo;
import ar.gob.anses.clavess.testsupport.KeycloakCluster;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.Requisitos;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notices on a cluster of two nodes on PostgreSQL ({@link KeycloakCluster}, a database of this class's own): both
 * nodes send from the one outbox, each notice once, and what the node that took a change could not send before it
 * died, the other sends. Skipped without PostgreSQL, as ClusterPostgresIT. Its tests run in any order: before each
 * a node found dead (the one the other test kills) is started again, and counters are compared with their value before.
 */
@ExtendWith({Requisitos.Postgres.class, CorreoDePrueba.class})
class AvisosClusterIT {

    private static final ThemeMessages CORREO = ThemeMessages.correoSpanish();
    private static final String DOMINIO = "@correo.demo.anses.example";
    private static final long ESPERA_MS = 90_000;
    private static final int A = 0;
    private static final int B = 1;

    private static KeycloakCluster.Config config;
    private static KeycloakCluster cluster;

    private final CorreoDePrueba correo;

    AvisosClusterIT(CorreoDePrueba correo) {
        this.correo = correo;
    }

    @BeforeAll
    static void arrancarCluster() {
        List<Integer> jgroups = List.of(puertoJGroups(), puertoJGroups());
        Map<String, String> env = new HashMap<>(KeycloakExtension.AVISOS_RAPIDOS);
        env.putAll(Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin", "KC_LOG_LEVEL", "INFO"));
        config = new KeycloakCluster.Config(Path.of(requerida("keycloak.home")),
                Path.of(requerida("providers.jar")), Path.of(requerida("realm.dir")), Path.of(requerida("cluster.dir")).resolveSibling("avisos-cluster-it"),
                Requisitos.POSTGRES_URL, Requisitos.POSTGRES_USER, "clavess", "clavess_avisos_it_" + ProcessHandle.current().pid(), true,
                List.of(puertoLibre(), puertoLibre()), List.of(puertoLibre(), puertoLibre()), jgroups, env, false);
        cluster = KeycloakCluster.start(config, Duration.ofMinutes(6));
    }

    @BeforeEach
    void nodosVivos() {
        for (int nodo : new int[] {A, B}) {
            if (!cluster.nodo(nodo).isAlive()) {
                cluster.reiniciar(nodo, Duration.ofMinutes(6));
            }
        }
    }

    @AfterAll
    static void pararCluster() {
        if (cluster != null) {
            cluster.close();
            KeycloakCluster.borrarBaseDeDatos(config);
        }
    }

    @DisplayName("given both nodes sending, when offices change the level of twelve citizens at once, half on A and half "
            + "on B, then each citizen gets exactly one notice")
    @Test
    void unaVezConDosNodos() throws Exception {
        correo.apuntar(new AdminApi(cluster.nodo(A)));
        long enviados = AvisosCaidaIT.suma("enviados", cluster.nodo(A), cluster.nodo(B));
        int ciudadanos = 12;
        List<String> cuils = new ArrayList<>();
        while (cuils.size() < ciudadanos) {
            String cuil = CuilsDePrueba.nuevo();
            crear(new AdminApi(cluster.nodo(A)), cuil, "nodos" + cuils.size() + DOMINIO);
            cuils.add(cuil);
        }
        AdminApi enA = new AdminApi(cluster.nodo(A));
        AdminApi enB = new AdminApi(cluster.nodo(B));
        List<Callable<Integer>> cambios = new ArrayList<>();
        for (int i = 0; i < ciudadanos; i++) {
            AdminApi admin = i % 2 == 0 ? enA : enB;
            String cuil = cuils.get(i);
            cambios.add(() -> admin.putRaw("anses-nivel/" + cuil, "{\"nivel\": 3}").statusCode());
        }
        assertThat(EnParalelo.todas(cambios)).containsOnly(204);

        for (int i = 0; i < ciudadanos; i++) {
            correo.esperar("nodos" + i + DOMINIO, 1, ESPERA_MS);
        }
        esperarBandejaVacia();
        for (int i = 0; i < ciudadanos; i++) {
            var mensajes = correo.para("nodos" + i + DOMINIO);
            assertThat(mensajes).as("citizen %d", i).hasSize(1);
            assertThat(mensajes.get(0).getSubject()).isEqualTo(CORREO.get("ansesAvisoNivelSubidoAsunto", "2", "3"));
        }
        assertThat(AvisosCaidaIT.suma("enviados", cluster.nodo(A), cluster.nodo(B))).as("sent by A and B").isEqualTo(enviados + ciudadanos);
    }

    @DisplayName("given the mail server down, when an office raises a citizen's level on A, A fails to send it and A is "
            + "killed (kill -9), then once the server is back B sends the notice, exactly once")
    @Test
    void elOtroNodoEnvia() throws Exception {
        String cuil = CuilsDePrueba.nuevo();
        String direccion = "caida.nodo" + DOMINIO;
        AdminApi enA = new AdminApi(cluster.nodo(A));
        crear(enA, cuil, direccion);
        CorreoDePrueba.apuntar(enA, KeycloakServer.freePort()); // nobody listens there
        long reintentados = AvisosCaidaIT.suma("reintentados", cluster.nodo(A), cluster.nodo(B));

        assertThat(enA.putRaw("anses-nivel/" + cuil, "{\"nivel\": 3}").statusCode()).isEqualTo(204);
        // Tried and failed (by A right after the commit, or by whichever node's periodic look came first).
        AvisosCaidaIT.esperar("reintentados", reintentados + 1, cluster.nodo(A), cluster.nodo(B));
        cluster.matar(A);

        KeycloakServer b = cluster.nodo(B);
        assertThat(AvisosCaidaIT.contador(b, "enEspera")).as("the notice waits in the shared outbox").isEqualTo(1);
        assertThat(correo.para(direccion)).isEmpty();
        long enviadosB = AvisosCaidaIT.contador(b, "enviados");
        correo.apuntar(new AdminApi(b));
        correo.esperar(direccion, 1, ESPERA_MS);
        AvisosCaidaIT.esperarBandejaVacia(b);
        assertThat(correo.para(direccion)).hasSize(1);
        assertThat(correo.para(direccion).get(0).getSubject()).isEqualTo(CORREO.get("ansesAvisoNivelSubidoAsunto", "2", "3"));
        assertThat(AvisosCaidaIT.contador(b, "enviados")).as("sent by B").isEqualTo(enviadosB + 1);
    }

    private static void esperarBandejaVacia() throws Exception {
        AvisosCaidaIT.esperarBandejaVacia(cluster.nodo(A));
    }

    private static void crear(AdminApi admin, String cuil, String direccion) throws Exception {
        var creado = admin.postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Nodo", "lastName": "Aviso", "email": "%s", "emailVerified": true,
                 "attributes": {"dni": ["41900300"], "nivel": ["2"]},
                 "credentials": [{"type": "password", "value": "Tarco5Rio", "temporary": false}]}
                """.formatted(cuil, direccion));
        assertThat(creado.statusCode()).as(creado.body()).isEqualTo(201);
    }

    private static String requerida(String propiedad) {
        String valor = System.getProperty(propiedad);
        if (valor == null) {
            throw new IllegalStateException("system property " + propiedad + " is not set: run the tests with mvn verify");
        }
        return valor;
    }

    private static int puertoLibre() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int puertoJGroups() {
        for (int intento = 0; intento < 100; intento++) {
            int puerto = ThreadLocalRandom.current().nextInt(10_000, 15_000);
            if (libre(puerto) && libre(puerto + 50_000)) {
                return puerto;
            }
        }
        throw new IllegalStateException("no free port pair for JGroups");
    }

    private static boolean libre(int puerto) {
        try (ServerSocket socket = new ServerSocket(puerto)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
