package ar.gob.anses.clavess.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.WebConnectionWrapper;

/**
 * Two (or more) Keycloak nodes in production mode on one machine, clustered by Keycloak's own Infinispan and
 * JGroups: the default {@code jdbc-ping} stack finds the other members through the shared PostgreSQL database.
 * Every node has the public URL of the first one as {@code --hostname}, as behind a load balancer, so issuer,
 * redirects and cookies are the same whichever node answers. {@code mvn -Pcluster} ({@link RunCluster}) and
 * ClusterPostgresIT start it this way.
 */
public final class KeycloakCluster implements AutoCloseable {

    /**
     * The server options every node runs with, as {@code --name=value}; docker-compose.yml gives its nodes the same
     * ones as {@code KC_*} variables (DockerComposeTest reads this constant). Those in {@link #BUILD} are fixed by
     * {@code kc.sh build}, the rest are given at start.
     */
    public static final Map<String, String> OPCIONES = opciones(
            "db", "postgres", "cache", "ispn", "health-enabled", "true", "http-enabled", "true", "hostname-strict", "false",
            KeycloakServer.OPCION_ALTA_DE_SUJETOS, "false");
    /** The build-time ones of {@link #OPCIONES}: {@code start --optimized} refuses to change them. */
    public static final Set<String> BUILD = Set.of("db", "cache", "health-enabled", KeycloakServer.OPCION_ALTA_DE_SUJETOS);

    private static final Pattern VISTA = Pattern.compile("ISPN000094: Received new cluster view for channel [^:]+: \\[[^\\]]*\\] \\((\\d+)\\)");
    private static final Pattern PID = Pattern.compile("pid=(\\d+)");

    private final List<KeycloakServer> nodos;
    private final List<Integer> puertos;
    private final List<Path> logs;
    private final URI publica;
    /** Set by {@link #close}: from then on no node is started again. */
    private boolean cerrado;

    private KeycloakCluster(List<KeycloakServer> nodos, List<Integer> puertos, List<Path> logs, URI publica) {
        this.nodos = nodos;
        this.puertos = puertos;
        this.logs = logs;
        this.publica = publica;
    }

    /** Where and how to start the nodes. The ports lists have one entry per node. */
    public record Config(Path distribucion, Path providersJar, Path realmDir, Path trabajo, String postgresUrl,
                         String postgresUser, String postgresPassword, String baseDeDatos, boolean baseNueva, List<Integer> httpPorts,
                         List<Integer> managementPorts, List<Integer> jgroupsPorts, Map<String, String> env,
                         boolean callerConfigWins) {

        /** The JDBC URL of the nodes' database: {@code postgresUrl} with {@code baseDeDatos} as its database. */
        public String urlBaseDeDatos() {
            return postgresUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + baseDeDatos);
        }
    }

    /**
     * Creates the database if missing (dropped first when {@code baseNueva}), builds one copy of the distribution
     * with our jar, realm and denylist ({@code kc.sh build}), gives each node its own copy of it (timestamps
     * kept: with --optimized a provider jar with a new mtime makes a node refuse to start), starts the first node
     * with the realm import, then the others, and waits until a node sees them all in one cluster view.
     */
    public static KeycloakCluster start(Config config, Duration timeout) {
        // Before anything: a node whose port is taken joins the cluster and only then fails to bind HTTP, while the
        // readiness poll is answered by whatever holds the port (seen with another developer's mvn -Prun on 18080).
        Stream.concat(config.httpPorts().stream(), config.managementPorts().stream()).forEach(KeycloakCluster::comprobarLibre);
        baseDeDatos(config);
        try {
            Files.createDirectories(config.trabajo());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path plantilla = config.trabajo().resolve("keycloak");
        KeycloakServer.deleteTree(plantilla);
        copiar(config.distribucion(), plantilla);
        KeycloakServer.install(plantilla, config.providersJar(), config.realmDir());
        // Beyond the deployers' options (OPCIONES, docker-compose.yml): the features a developer's cluster has.
        List<String> build = new ArrayList<>(List.of(KeycloakServer.FUNCIONES));
        OPCIONES.forEach((nombre, valor) -> {
            if (BUILD.contains(nombre)) {
                build.add("--" + nombre + "=" + valor);
            }
        });
        // An SPI's provider choice (KC_SPI_<SPI>__PROVIDER among the caller's variables) is fixed by the build too.
        config.env().forEach((variable, valor) -> {
            if (variable.startsWith("KC_SPI_") && variable.endsWith("__PROVIDER")) {
                build.add("--" + variable.substring(3).toLowerCase(java.util.Locale.ROOT).replace("__", "--").replace('_', '-') + "=" + valor);
            }
        });
        KeycloakServer.build(plantilla, build, config.trabajo().resolve("build.log"));

        URI publica = URI.create("http://localhost:" + config.httpPorts().get(0) + "/");
        List<KeycloakServer> nodos = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        KeycloakCluster cluster = new KeycloakCluster(nodos, config.httpPorts(), logs, publica);
        try {
            for (int i = 0; i < config.httpPorts().size(); i++) {
                Path home = config.trabajo().resolve("nodo-" + (char) ('a' + i));
                KeycloakServer.deleteTree(home);
                copiar(plantilla, home);
                if (i > 0) {
                    KeycloakServer.deleteTree(home.resolve("data/import")); // the first node imports the realm, once, into the shared database
                }
                Path log = config.trabajo().resolve("nodo-" + (char) ('a' + i) + ".log");
                Files.deleteIfExists(log);
                logs.add(log);
                URI propia = URI.create("http://localhost:" + config.httpPorts().get(i) + "/");
                List<String> argumentos = new ArrayList<>(List.of("start", "--optimized"));
                OPCIONES.forEach((nombre, valor) -> {
                    if (!BUILD.contains(nombre)) {
                        argumentos.add("--" + nombre + "=" + valor);
                    }
                });
                argumentos.addAll(List.of(
                        "--db-url=" + config.urlBaseDeDatos(),
                        "--db-username=" + config.postgresUser(), "--db-password=" + config.postgresPassword(),
                        "--hostname=" + publica, "--http-host=127.0.0.1", "--http-port=" + config.httpPorts().get(i),
                        "--http-management-port=" + config.managementPorts().get(i),
                        "--cache-embedded-network-bind-address=127.0.0.1",
                        "--cache-embedded-network-bind-port=" + config.jgroupsPorts().get(i)));
                if (i == 0) {
                    argumentos.add("--import-realm");
                }
                Map<String, String> env = new LinkedHashMap<>(config.env());
                env.put(KeycloakServer.PADRON_PATH_VARIABLE, config.realmDir().resolve("padron-demo.json").toAbsolutePath().toString());
                env.putIfAbsent(KeycloakServer.LEGADAS_PATH_VARIABLE, config.realmDir().resolve(KeycloakServer.LEGADAS_DEMO).toAbsolutePath().toString());
                // Appended, so that a node's log keeps what it said before a crash and a restart.
                KeycloakServer nodo = KeycloakServer.run(home, propia, argumentos, env, config.callerConfigWins(),
                        ProcessBuilder.Redirect.appendTo(log.toFile())).behind(publica);
                nodos.add(nodo);
                // One at a time: the first creates the schema and imports the realm; two nodes migrating one empty
                // database at once would race.
                nodo.awaitRealm(timeout);
            }
            cluster.esperarVista(0, nodos.size(), 0, timeout);
            return cluster;
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public KeycloakServer nodo(int i) {
        return nodos.get(i);
    }

    public int size() {
        return nodos.size();
    }

    /** The address a load balancer would give: the first node's URL, every node's --hostname. */
    public URI publicUri() {
        return publica;
    }

    public Path log(int i) {
        return logs.get(i);
    }

    public long tamanioLog(int i) {
        try {
            return Files.exists(logs.get(i)) ? Files.size(logs.get(i)) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until node {@code i}'s log, from byte {@code desde} on, shows a cluster view of {@code miembros} members
     * (Infinispan's ISPN000094); fails when the time runs out.
     */
    public void esperarVista(int i, int miembros, long desde, Duration timeout) {
        try {
            Espera.esperarHasta("node " + i + "'s cluster view of " + miembros + " members", timeout, () -> ultimaVista(i, desde) == miembros);
        } catch (AssertionError e) {
            throw new IllegalStateException("node " + i + " saw no cluster view of " + miembros + " members within " + timeout
                    + " (last: " + ultimaVista(i, desde) + "); see " + logs.get(i), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The size of the last cluster view in node i's log after byte {@code desde}; 0 if none. */
    public int ultimaVista(int i, long desde) {
        try {
            byte[] todo = Files.readAllBytes(logs.get(i));
            String texto = new String(todo, (int) Math.min(desde, todo.length), (int) Math.max(0, todo.length - desde), StandardCharsets.UTF_8);
            Matcher m = VISTA.matcher(texto);
            int ultima = 0;
            while (m.find()) {
                ultima = Integer.parseInt(m.group(1));
            }
            return ultima;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * kill -9 of node i's JVM, found by the HTTP port it listens on (not by name: other Keycloaks may run here).
     * No shutdown hook runs, nothing is flushed: a crash.
     */
    public void matar(int i) {
        String ss = salida(List.of("ss", "-ltnpH", "sport = :" + puertos.get(i)));
        Matcher m = PID.matcher(ss);
        if (!m.find()) {
            throw new IllegalStateException("no process listens on port " + puertos.get(i) + ": " + ss);
        }
        ProcessHandle jvm = ProcessHandle.of(Long.parseLong(m.group(1)))
                .orElseThrow(() -> new IllegalStateException("process " + m.group(1) + " is gone"));
        jvm.destroyForcibly(); // SIGKILL on Linux
        jvm.onExit().join();
    }

    /**
     * A browser (as {@link LoginPage#browser()}) behind a load balancer: requests for any node's address go to the
     * node chosen with {@link #enrutar}, and the browser keeps seeing the address it asked for, as behind a real one.
     * Keycloak's cookies are host-only (localhost, any port), so every node receives them.
     */
    public WebClient navegador(int nodo) {
        return navegador(nodo, null);
    }

    /** The same, connecting from another loopback address (127.x.y.z): Keycloak sees another client; null: the system's. */
    public WebClient navegador(int nodo, InetAddress desde) {
        WebClient browser = LoginPage.browser(desde);
        new Enrutador(browser, nodo);
        return browser;
    }

    /** From now on this browser's requests go to node {@code nodo}. */
    public static void enrutar(WebClient browser, int nodo) {
        ((Enrutador) browser.getWebConnection()).destino = nodo;
    }

    private final class Enrutador extends WebConnectionWrapper {
        private volatile int destino;

        Enrutador(WebClient browser, int destino) {
            super(browser);
            this.destino = destino;
        }

        @Override
        public WebResponse getResponse(WebRequest request) throws IOException {
            URL pedida = request.getUrl();
            if (!"localhost".equals(pedida.getHost()) || !puertos.contains(pedida.getPort())) {
                return super.getResponse(request);
            }
            request.setUrl(new URL(pedida.getProtocol(), pedida.getHost(), puertos.get(destino), pedida.getFile()));
            try {
                return super.getResponse(request);
            } finally {
                request.setUrl(pedida);
            }
        }
    }

    /**
     * Starts node {@code i}, whose process ended (a crash, a kill), again with the same options, database and log,
     * and waits until it serves the realm and sees every running node in one cluster view: it rejoins the cluster.
     * Refused when its ports are taken (by a copy started by hand, say) or when the cluster is being closed.
     */
    public void reiniciar(int i, Duration timeout) {
        if (nodos.get(i).isAlive()) {
            throw new IllegalStateException("node " + (char) ('A' + i) + " is running");
        }
        comprobarLibre(puertos.get(i));
        long desde = tamanioLog(i);
        synchronized (this) {
            // Under the lock that close() takes first: a node launched here is always one that close() stops.
            if (cerrado) {
                throw new IllegalStateException("the cluster is being stopped");
            }
            nodos.get(i).startAgain();
        }
        nodos.get(i).awaitRealm(timeout);
        esperarVista(i, (int) nodos.stream().filter(KeycloakServer::isAlive).count(), desde, timeout);
    }

    /** Stops every node at once (SIGTERM, then their process trees if they linger) and waits for all. */
    @Override
    public void close() {
        synchronized (this) {
            cerrado = true;
        }
        CompletableFuture.allOf(nodos.stream().map(n -> CompletableFuture.runAsync(n::close)).toArray(CompletableFuture[]::new)).join();
    }

    private static void comprobarLibre(int puerto) {
        try (ServerSocket socket = new ServerSocket(puerto, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + puerto + " on 127.0.0.1 is taken (another Keycloak?): choose others with KC_HTTP_PORT "
                    + "and KC_HTTP_MANAGEMENT_PORT", e);
        }
    }

    private static void baseDeDatos(Config config) {
        if (!config.baseDeDatos().matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name: " + config.baseDeDatos());
        }
        try (Connection conexion = DriverManager.getConnection(config.postgresUrl(), config.postgresUser(), config.postgresPassword());
             Statement sql = conexion.createStatement()) {
            if (config.baseNueva()) {
                sql.execute("DROP DATABASE IF EXISTS " + config.baseDeDatos() + " WITH (FORCE)");
            }
            try (PreparedStatement existe = conexion.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                existe.setString(1, config.baseDeDatos());
                try (ResultSet rs = existe.executeQuery()) {
                    if (!rs.next()) {
                        sql.execute("CREATE DATABASE " + config.baseDeDatos());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare database " + config.baseDeDatos() + " at " + config.postgresUrl(), e);
        }
    }

    /** Drops the cluster's database, once its nodes have stopped (a test's own database, not -Pcluster's). */
    public static void borrarBaseDeDatos(Config config) {
        try (Connection conexion = DriverManager.getConnection(config.postgresUrl(), config.postgresUser(), config.postgresPassword());
             Statement sql = conexion.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + config.baseDeDatos() + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + config.baseDeDatos() + " at " + config.postgresUrl(), e);
        }
    }

    /** cp -a: the copy keeps the jars' timestamps, which --optimized checks against the build. */
    private static void copiar(Path desde, Path hacia) {
        List<String> comando = List.of("cp", "-a", desde.toString(), hacia.toString());
        try {
            int status = new ProcessBuilder(comando).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
            if (status != 0) {
                throw new IllegalStateException(String.join(" ", comando) + " exited with " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String salida(List<String> comando) {
        try {
            Process p = new ProcessBuilder(comando).redirectErrorStream(true).start();
            String texto = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return texto;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Map<String, String> opciones(String... pares) {
        Map<String, String> mapa = new LinkedHashMap<>();
        for (int i = 0; i < pares.length; i += 2) {
            mapa.put(pares[i], pares[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(mapa);
    }
}
