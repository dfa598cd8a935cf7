package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.ClusterDePrueba;
import ar.gob.anses.clavess.testsupport.ContadoresAvisos;
import ar.gob.anses.clavess.testsupport.CorreoDePrueba;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.EnParalelo;
import ar.gob.anses.clavess.testsupport.Espera;
import ar.gob.anses.clavess.testsupport.KeycloakCluster;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.Requisitos;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notices on a cluster of two nodes on PostgreSQL (the run's {@link ClusterDePrueba}, shared with ClusterPostgresIT):
 * both nodes send from the one outbox, each notice once. What the node that took a change could not send before it
 * died, the other sends: ClusterPostgresIT's crash test proves it, killing A once for everything B must take over.
 * Skipped without PostgreSQL, as ClusterPostgresIT; counters are compared with their value before.
 */
@ExtendWith({Requisitos.Postgres.class, CorreoDePrueba.class, ClusterDePrueba.class})
class AvisosClusterIT {

    private static final ThemeMessages CORREO = ThemeMessages.correoSpanish();
    private static final String DOMINIO = "@correo.demo.anses.example";
    private static final int A = 0;
    private static final int B = 1;

    private static KeycloakCluster cluster;

    private final CorreoDePrueba correo;

    AvisosClusterIT(CorreoDePrueba correo) {
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

    @DisplayName("given both nodes sending, when offices change the level of twelve citizens at once, half on A and half "
            + "on B, then each citizen gets exactly one notice")
    @Test
    void unaVezConDosNodos() throws Exception {
        correo.apuntar(new AdminApi(cluster.nodo(A)));
        long enviados = ContadoresAvisos.suma("enviados", cluster.nodo(A), cluster.nodo(B));
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
            correo.esperar("nodos" + i + DOMINIO, 1, Espera.PLAZO_CLUSTER);
        }
        esperarBandejaVacia();
        for (int i = 0; i < ciudadanos; i++) {
            var mensajes = correo.para("nodos" + i + DOMINIO);
            assertThat(mensajes).as("citizen %d", i).hasSize(1);
            assertThat(mensajes.get(0).getSubject()).isEqualTo(CORREO.get("ansesAvisoNivelSubidoAsunto", "2", "3"));
        }
        assertThat(ContadoresAvisos.suma("enviados", cluster.nodo(A), cluster.nodo(B))).as("sent by A and B").isEqualTo(enviados + ciudadanos);
    }

    @DisplayName("given a realm whose lock lasts a second, when 8 wrong claves of one citizen alternate between A and B, "
            + "locking her clave again from the 5th on, on both nodes, then she gets exactly one lock notice, and it says her "
            + "clave is safe: the lock period is decided in the database, alike on every node")
    @Test
    void unAvisoDeBloqueoPorPeriodoConDosNodos() throws Exception {
        AdminApi admin = new AdminApi(cluster.nodo(A));
        correo.apuntar(admin);
        String cuil = CuilsDePrueba.nuevo();
        String direccion = "bloqueo.nodos." + cuil + DOMINIO;
        crear(admin, cuil, direccion);
        int espera = admin.get("").path("waitIncrementSeconds").asInt();
        // Locks of seconds (1 s after the 5th failure, 2 after the 6th…), so that the next failure, once the lock is
        // over, is counted and locks again.
        assertThat(admin.putRaw("", "{\"waitIncrementSeconds\": 1}").statusCode()).isEqualTo(204);
        try {
            for (int fallo = 1; fallo <= 8; fallo++) {
                if (fallo <= 5) {
                    Thread.sleep(1100); // slower than the realm's quick-login check (1 s), like a person typing
                } else {
                    esperarDesbloqueo(cuil);
                }
                int nodo = fallo % 2;
                LoginPage.open(cluster.navegador(nodo), new Oidc(cluster.nodo(nodo)).request(Oidc.MI_ANSES).uri())
                        .submit(cuil, "Equivocada" + fallo);
            }
        } finally {
            assertThat(new AdminApi(cluster.nodo(A)).putRaw("", "{\"waitIncrementSeconds\": " + espera + "}").statusCode()).isEqualTo(204);
        }
        AdminApi enB = new AdminApi(cluster.nodo(B));
        assertThat(enB.bruteForce(cuil).get("numFailures").asInt()).isEqualTo(8);
        assertThat(enB.get("events?type=USER_DISABLED_BY_TEMPORARY_LOCKOUT&user=" + enB.userId(cuil)).size())
                .as("a lock at each failure from the 5th, two on each node").isEqualTo(4);

        correo.esperar(direccion, 1, Espera.PLAZO_CLUSTER);
        esperarBandejaVacia();
        var mensajes = correo.para(direccion);
        assertThat(mensajes).hasSize(1);
        assertThat(mensajes.get(0).getSubject()).isEqualTo(CORREO.get("ansesAvisoClaveBloqueadaAsunto"));
        assertThat(CorreoDePrueba.parte(mensajes.get(0), "text/plain")).contains(CORREO.get("ansesAvisoClaveSeguraTexto"))
                .doesNotContain(CORREO.get("ansesAvisoEnlaceNoFuiYo"));
    }

    /** Polls the brute-force state until the clave is no longer locked; fails after a minute. */
    private static void esperarDesbloqueo(String cuil) throws Exception {
        AdminApi admin = new AdminApi(cluster.nodo(A));
        Espera.esperarHasta("the lock ending", Espera.PLAZO_CLUSTER, () -> !admin.bruteForce(cuil).path("disabled").asBoolean());
    }

    private static void esperarBandejaVacia() throws Exception {
        ContadoresAvisos.esperarBandejaVacia(cluster.nodo(A));
    }

    private static void crear(AdminApi admin, String cuil, String direccion) throws Exception {
        var creado = admin.postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Nodo", "lastName": "Aviso", "email": "%s", "emailVerified": true,
                 "attributes": {"dni": ["41900300"], "nivel": ["2"]},
                 "credentials": [{"type": "password", "value": "Tarco5Rio", "temporary": false}]}
                """.formatted(cuil, direccion));
        assertThat(creado.statusCode()).as(creado.body()).isEqualTo(201);
    }
}
