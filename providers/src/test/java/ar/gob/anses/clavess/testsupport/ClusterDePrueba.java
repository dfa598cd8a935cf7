package ar.gob.anses.clavess.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * One two-node {@link KeycloakCluster} on PostgreSQL for the whole test run, as {@link KeycloakExtension} is one
 * dev-mode server: started on first use (two production-mode starts and a {@code kc.sh build} cost about two minutes
 * on 2 cores, so classes share it), in a database of this run's own (two runs on one machine, a developer's and CI's,
 * must not share one), dropped with the cluster when the run ends. Test classes ask for a {@code KeycloakCluster}
 * parameter; a class that kills a node starts it again before its next test ({@link #vivos}), so the next class
 * finds both up. The notices' sender runs fast ({@link KeycloakExtension#AVISOS_RAPIDOS}) and the realm sends mail
 * to the run's {@link CorreoDePrueba}, so no class finds another's notice waiting in the outbox.
 *
 * <p>The start begins with the run ({@link Temprano}) when the run holds a class that uses the cluster and PostgreSQL
 * answers: its two minutes then overlap the classes that run before, which wait on Keycloak's answers more than on
 * the cores.
 */
public final class ClusterDePrueba implements ParameterResolver {

    /**
     * The run's legacy claves registry for the cluster (SPI anses-claves-legadas, provider jdbc): a schema of the test
     * database with an empty {@code clave_legada}, made before the nodes start, filled by ClavesLegadasPostgresIT,
     * dropped with the cluster.
     */
    public static final String ESQUEMA_LEGADAS = "claves_legadas_it_" + ProcessHandle.current().pid();

    public static final int A = 0;
    public static final int B = 1;
    private static final Duration ARRANQUE = Duration.ofMinutes(6);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KeycloakCluster.class;
    }

    private static CompletableFuture<Running> arranque;
    private static boolean correoApuntado;

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        KeycloakCluster cluster = esperar();
        synchronized (ClusterDePrueba.class) {
            if (!correoApuntado) {
                apuntarCorreo(cluster, CorreoDePrueba.delRun(context));
                correoApuntado = true;
            }
        }
        return cluster;
    }

    private static synchronized CompletableFuture<Running> arrancar() {
        if (arranque == null) {
            arranque = CompletableFuture.supplyAsync(ClusterDePrueba::start);
        }
        return arranque;
    }

    private static KeycloakCluster esperar() {
        try {
            return arrancar().join().cluster;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static synchronized void parar() {
        if (arranque != null) {
            try {
                arranque.join().close();
            } catch (CompletionException e) {
                // it never started: nothing to stop
            }
            arranque = null;
        }
    }

    /**
     * Registered in META-INF/services: starts the cluster when the run begins, if any class of the run uses it and
     * PostgreSQL answers, and stops it when the run ends.
     */
    public static final class Temprano implements TestExecutionListener {
        @Override
        public void testPlanExecutionStarted(TestPlan plan) {
            if (usaElCluster(plan) && Requisitos.postgresFalta().isEmpty()) {
                arrancar();
            }
        }

        @Override
        public void testPlanExecutionFinished(TestPlan plan) {
            parar();
        }

        private static boolean usaElCluster(TestPlan plan) {
            return plan.getRoots().stream().flatMap(raiz -> plan.getDescendants(raiz).stream())
                    .map(TestIdentifier::getSource).flatMap(Optional::stream)
                    .filter(ClassSource.class::isInstance).map(fuente -> ((ClassSource) fuente).getJavaClass())
                    .flatMap(clase -> Arrays.stream(clase.getAnnotationsByType(ExtendWith.class)))
                    .anyMatch(extension -> Arrays.asList(extension.value()).contains(ClusterDePrueba.class));
        }
    }

    /** The JDBC URL of the run's cluster database, for a test that looks at Keycloak's tables there (the cluster started). */
    public static String urlBaseDeDatos() {
        return arrancar().join().config.urlBaseDeDatos();
    }

    /** Both nodes up: a node found dead (a test killed it) is started again. */
    public static void vivos(KeycloakCluster cluster) {
        for (int nodo = 0; nodo < cluster.size(); nodo++) {
            if (!cluster.nodo(nodo).isAlive()) {
                cluster.reiniciar(nodo, ARRANQUE);
            }
        }
    }

    private static Running start() {
        // FD_SOCK2 listens at the JGroups port + 50000: JGroups ports come from a low range where that still fits.
        List<Integer> jgroups = List.of(puertoJGroups(), puertoJGroups());
        Map<String, String> env = new HashMap<>(KeycloakExtension.entorno(Map.of()));
        env.putAll(Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin", "KC_LOG_LEVEL", "INFO"));
        env.putAll(ClavesLegadasJdbc.crear(ESQUEMA_LEGADAS));
        KeycloakCluster.Config config = new KeycloakCluster.Config(Path.of(requerida("keycloak.home")),
                Path.of(requerida("providers.jar")), Path.of(requerida("realm.dir")), Path.of(requerida("cluster.dir")),
                // The local PostgreSQL trusts loopback connections: the password is not checked.
                Requisitos.POSTGRES_URL, Requisitos.POSTGRES_USER, "clavess", "clavess_cluster_it_" + ProcessHandle.current().pid(), true,
                List.of(puertoLibre(), puertoLibre()), List.of(puertoLibre(), puertoLibre()), jgroups, env, false);
        return new Running(KeycloakCluster.start(config, ARRANQUE), config);
    }

    private static void apuntarCorreo(KeycloakCluster cluster, CorreoDePrueba correo) {
        try {
            correo.apuntar(new AdminApi(cluster.nodo(A)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String requerida(String propiedad) {
        String valor = System.getProperty(propiedad);
        if (valor == null) {
            throw new IllegalStateException("system property " + propiedad + " is not set: run the tests with mvn verify");
        }
        return valor;
    }

    /** An ephemeral port the system gives: never 8080/8081, where a developer's mvn -Prun or -Pcluster may be. */
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

    /** The cluster and how it was made (its database is dropped with it). */
    private static final class Running {
        private final KeycloakCluster cluster;
        private final KeycloakCluster.Config config;

        Running(KeycloakCluster cluster, KeycloakCluster.Config config) {
            this.cluster = cluster;
            this.config = config;
        }

        void close() {
            cluster.close();
            KeycloakCluster.borrarBaseDeDatos(config);
            ClavesLegadasJdbc.borrar(ESQUEMA_LEGADAS);
        }
    }
}
