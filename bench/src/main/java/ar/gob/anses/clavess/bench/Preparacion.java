package ar.gob.anses.clavess.bench;

import ar.gob.anses.clavess.testsupport.KeycloakCluster;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the benchmark sets up before it measures: the PostgreSQL databases, Keycloak built and started in production
 * mode through the test support's {@link KeycloakServer}, the stock realm beside {@code anses}, and the same users
 * in both. {@link Benchmark} only measures.
 */
final class Preparacion {

    static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    static final String PG_USER = "root";
    static final String DB_KEYCLOAK = "clavess_bench_keycloak";
    static final String DB_PADRON = "clavess_bench_padron";
    static final String DB_CLUSTER = "clavess_bench_cluster";
    static final String PADRON_URL = PG + DB_PADRON;

    private Preparacion() {
    }

    /**
     * Builds Keycloak for production and starts it optimized: Keycloak's database, the jdbc padrón and the jdbc legacy
     * registry ({@link ClavesLegadas#ESQUEMA_KEYCLOAK}, made before) on PostgreSQL when it answers, else H2, a json-file
     * padrón of {@code tamanoPadron} synthetic citizens and the default legacy registry, empty without a file.
     */
    static KeycloakServer arrancar(Path home, Path jar, Path realmDir, Path trabajo, boolean postgres, int puerto, long tamanoPadron)
            throws Exception {
        return arrancar(home, jar, realmDir, trabajo, postgres, puerto, tamanoPadron, DB_KEYCLOAK, PADRON_URL,
                ClavesLegadas.url(ClavesLegadas.ESQUEMA_KEYCLOAK));
    }

    /**
     * The same on databases of the caller's ({@link Poblacion} keeps its own, apart from the benchmark's); a legacy
     * registry only with {@code urlLegadas} (on PostgreSQL).
     */
    static KeycloakServer arrancar(Path home, Path jar, Path realmDir, Path trabajo, boolean postgres, int puerto, long tamanoPadron,
                                   String baseKeycloak, String urlPadron, String urlLegadas) throws Exception {
        KeycloakServer.install(home, jar, realmDir);
        KeycloakServer.deleteTree(home.resolve("data/h2"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        List<String> build = new ArrayList<>(List.of("--cache=local", "--health-enabled=true"));
        if (postgres) {
            build.addAll(List.of("--db=postgres", "--spi-anses-padron--provider=jdbc"));
            env.put("KC_DB_URL", PG + baseKeycloak);
            env.put("KC_DB_USERNAME", PG_USER);
            env.put("KC_DB_PASSWORD", "unused"); // trust authentication on 127.0.0.1
            env.put("KC_SPI_ANSES_PADRON__JDBC__URL", urlPadron);
            env.put("KC_SPI_ANSES_PADRON__JDBC__USER", PG_USER);
            if (urlLegadas != null) { // as docs/claves-legadas.md configures it: the provider a build option, the rest at start
                build.add("--spi-anses-claves-legadas--provider=jdbc");
                env.put("KC_SPI_ANSES_CLAVES_LEGADAS__JDBC__URL", urlLegadas);
                env.put("KC_SPI_ANSES_CLAVES_LEGADAS__JDBC__USER", PG_USER);
            }
        } else {
            build.addAll(List.of("--db=dev-file", "--spi-anses-padron--provider=json-file"));
            Path archivo = trabajo.resolve("padron-sintetico.json");
            Informe.escribirPadronJson(archivo, tamanoPadron);
            env.put(KeycloakServer.PADRON_PATH_VARIABLE, archivo.toString());
        }
        Benchmark.log("Keycloak: kc.sh build %s", String.join(" ", build));
        KeycloakServer.build(home, build, trabajo.resolve("keycloak-build.log"));
        int gestion = KeycloakServer.freePort();
        Benchmark.log("Keycloak: kc.sh start --optimized on http://localhost:%d (log %s)", puerto, trabajo.resolve("keycloak.log"));
        return KeycloakServer.run(home, URI.create("http://localhost:" + puerto + "/"),
                List.of("start", "--optimized", "--import-realm", "--http-enabled=true", "--hostname-strict=false",
                        "--http-host=127.0.0.1", "--http-port=" + puerto, "--http-management-port=" + gestion, "--log-level=INFO"),
                env, false, ProcessBuilder.Redirect.to(trabajo.resolve("keycloak.log").toFile()))
                .awaitRealm(Duration.ofMinutes(6));
    }

    /**
     * The two-node cluster of {@code mvn -Pcluster} ({@link KeycloakCluster}: production mode, Infinispan and JGroups,
     * PostgreSQL, each node with the first one's URL as public address), on free loopback ports and a database of its
     * own, beside the single node; the same jar and realm.
     */
    static KeycloakCluster arrancarCluster(Path home, Path jar, Path realmDir, Path trabajo) {
        KeycloakCluster.Config config = new KeycloakCluster.Config(home, jar, realmDir, trabajo.resolve("cluster"), PG + "test", PG_USER,
                "unused", DB_CLUSTER, true, List.of(KeycloakServer.freePort(), KeycloakServer.freePort()),
                List.of(KeycloakServer.freePort(), KeycloakServer.freePort()), List.of(KeycloakServer.freePort(), KeycloakServer.freePort()),
                Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin", "KC_LOG_LEVEL", "INFO"), false);
        Benchmark.log("Cluster: two nodes (kc.sh build --db=postgres --cache=ispn; start --optimized) on ports %s, database %s",
                config.httpPorts(), DB_CLUSTER);
        return KeycloakCluster.start(config, Duration.ofMinutes(6));
    }

    /** The cluster's realm anses gets the benchmark's client and the same users as the single node's. */
    static void prepararCluster(Admin admin, int usuarios) throws Exception {
        admin.post(Benchmark.ANSES + "/clients", cliente(admin));
        crearUsuarios(admin, usuarios, List.of(Benchmark.ANSES));
    }

    static ObjectNode cliente(Admin admin) {
        ObjectNode cliente = admin.objeto().put("clientId", Flujos.CLIENTE).put("secret", Flujos.SECRETO).put("enabled", true)
                .put("publicClient", false).put("standardFlowEnabled", true).put("serviceAccountsEnabled", true)
                .put("directAccessGrantsEnabled", false);
        cliente.putArray("redirectUris").add(Flujos.REDIRECT);
        cliente.putObject("attributes").put("pkce.code.challenge.method", "S256");
        return cliente;
    }

    /**
     * Realm stock: a new realm with Keycloak's defaults (browser flow, keycloak.v2 theme, default password hashing),
     * given the anses realm's brute-force, event, token-lifetime and language settings so that the ratio measures our
     * flow, theme and mappers, not different realm settings. The language too: a Spanish page costs more than an English
     * one in any theme (Keycloak merges the messages of Spanish and of its English fallback on every page), and a stock
     * realm serving the same citizens would speak Spanish. Both realms get the same confidential client.
     */
    static void prepararRealms(Admin admin) throws Exception {
        JsonNode anses = admin.get(Benchmark.ANSES);
        ObjectNode stock = admin.objeto().put("realm", Benchmark.STOCK).put("enabled", true);
        for (String campo : List.of("bruteForceProtected", "permanentLockout", "maxTemporaryLockouts", "bruteForceStrategy",
                "failureFactor", "waitIncrementSeconds", "maxFailureWaitSeconds", "maxDeltaTimeSeconds", "quickLoginCheckMilliSeconds",
                "minimumQuickLoginWaitSeconds", "eventsEnabled", "eventsExpiration", "enabledEventTypes", "accessTokenLifespan",
                "ssoSessionIdleTimeout", "ssoSessionMaxLifespan", "revokeRefreshToken", "internationalizationEnabled", "supportedLocales",
                "defaultLocale")) {
            if (anses.has(campo)) {
                stock.set(campo, anses.get(campo));
            }
        }
        admin.post("", stock);
        for (String realm : List.of(Benchmark.ANSES, Benchmark.STOCK)) {
            admin.post(realm + "/clients", cliente(admin));
        }
        // Crear clave comes from many client addresses (see Benchmark.direccion), so the realm's per-address limit stays
        // as deployed and applies as in the field. The browser's proof of work is kept small so that the load generator
        // does not take the CPU from the server (the server checks one hash either way).
        ObjectNode config = configCuil(admin);
        ((ObjectNode) config.get("config")).put("dificultad", "1000");
        admin.put(Benchmark.ANSES + "/authentication/config/" + config.get("id").asText(), config);
    }

    /** The configuration of Crear clave's CUIL step. */
    private static ObjectNode configCuil(Admin admin) throws Exception {
        for (JsonNode paso : admin.get(Benchmark.ANSES + "/authentication/flows/" + Admin.enc("anses crear clave") + "/executions")) {
            if ("anses-crear-clave-cuil".equals(paso.path("providerId").asText())) {
                return (ObjectNode) admin.get(Benchmark.ANSES + "/authentication/config/" + paso.get("authenticationConfig").asText());
            }
        }
        throw new IllegalStateException("no anses-crear-clave-cuil step in flow anses crear clave");
    }

    /** The CUILs an hour one address may submit to Crear clave, as the realm is configured. */
    static int limitePorDireccion(Admin admin) throws Exception {
        return configCuil(admin).at("/config/limitePorHora").asInt(30);
    }

    /** The same users in both realms (username = CUIL, same clave), by partial import, 100 per request. */
    static void crearUsuarios(Admin admin, int cuantos) throws Exception {
        crearUsuarios(admin, cuantos, List.of(Benchmark.ANSES, Benchmark.STOCK));
    }

    private static void crearUsuarios(Admin admin, int cuantos, List<String> realms) throws Exception {
        long t0 = System.nanoTime();
        ExecutorService hilos = Executors.newFixedThreadPool(2);
        List<Future<?>> tandas = new ArrayList<>();
        for (String realm : realms) {
            for (int desde = 0; desde < cuantos; desde += 100) {
                int inicio = desde;
                tandas.add(hilos.submit(() -> {
                    ObjectNode importacion = admin.objeto().put("ifResourceExists", "SKIP");
                    ArrayNode usuarios = importacion.putArray("users");
                    for (int i = inicio; i < Math.min(inicio + 100, cuantos); i++) {
                        usuarios.add(usuario(realm, i));
                    }
                    admin.post(realm + "/partialImport", importacion);
                    return null;
                }));
            }
        }
        for (Future<?> tanda : tandas) {
            tanda.get();
        }
        hilos.shutdown();
        Benchmark.log("%d users in each of %s in %.0f s", cuantos, realms, (System.nanoTime() - t0) / 1e9);
    }

    private static ObjectNode usuario(String realm, int i) {
        var persona = PadronSintetico.persona(PadronSintetico.titular(i));
        ObjectNode usuario = Admin.JSON.createObjectNode().put("username", persona.cuil().digitos()).put("enabled", true)
                .put("firstName", persona.nombre()).put("lastName", persona.apellido());
        if (realm.equals(Benchmark.ANSES)) {
            ObjectNode atributos = usuario.putObject("attributes");
            atributos.putArray("dni").add(persona.dni());
            atributos.putArray("birthdate").add(persona.fechaNacimiento().toString());
            atributos.putArray("nivel").add("2");
        } else {
            usuario.put("email", persona.cuil().digitos() + "@bench.example").put("emailVerified", true);
        }
        usuario.putArray("credentials").addObject().put("type", "password").put("value", Flujos.CLAVE).put("temporary", false);
        return usuario;
    }

    /** The JVM that kc.sh started (for the CPU shares). */
    static long pidDeKeycloak() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .map(ProcessHandle::pid).findFirst().orElse(-1L);
    }

    static boolean postgresPresente() {
        try (Connection conexion = DriverManager.getConnection(PG + "test", PG_USER, null)) {
            return conexion.isValid(2);
        } catch (SQLException e) {
            Benchmark.log("No PostgreSQL on 127.0.0.1:5432 (%s): Keycloak on H2, padrón from a JSON file, no registry measurements", e.getMessage());
            return false;
        }
    }

    static String versionPostgres() throws SQLException {
        try (Connection conexion = DriverManager.getConnection(PG + "test", PG_USER, null);
             var filas = conexion.createStatement().executeQuery("SHOW server_version")) {
            filas.next();
            return filas.getString(1);
        }
    }

    static long tamanoBase() throws SQLException {
        try (Connection conexion = DriverManager.getConnection(PADRON_URL, PG_USER, null);
             var filas = conexion.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
            filas.next();
            return filas.getLong(1);
        }
    }

    /** Whether the server's autovacuum is on: it keeps the planner's statistics as tables grow. */
    static boolean autovacuum() throws SQLException {
        try (Connection conexion = DriverManager.getConnection(PG + "test", PG_USER, null);
             var filas = conexion.createStatement().executeQuery("SHOW autovacuum")) {
            filas.next();
            return "on".equals(filas.getString(1));
        }
    }

    /**
     * ANALYZE of a database, as autovacuum's autoanalyze does on a deployed PostgreSQL once a table has grown by a tenth
     * (Crear clave adds users and attributes by thousands). Without statistics the planner finds a user by username, or
     * by an attribute, through the index of the realm's users in creation order and reads every one of them: each lookup
     * costs as much as the realm has users.
     */
    static void analizar(String base) {
        try (Connection conexion = DriverManager.getConnection(PG + base, PG_USER, null); Statement sql = conexion.createStatement()) {
            sql.execute("ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("ANALYZE of " + base + " failed: " + e.getMessage(), e);
        }
    }

    static void borrarBase(String nombre) throws SQLException {
        try (Connection conexion = DriverManager.getConnection(PG + "test", PG_USER, null); Statement sql = conexion.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + nombre + " WITH (FORCE)");
        }
    }

    static void crearBase(String nombre) throws SQLException {
        try (Connection conexion = DriverManager.getConnection(PG + "test", PG_USER, null); Statement sql = conexion.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + nombre + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + nombre);
        }
    }
}
