package ar.gob.anses.clavess.bench;

import ar.gob.anses.clavess.padron.JdbcPadron;
import ar.gob.anses.clavess.testsupport.CargaPadronJdbc;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The benchmark (bench/run): Keycloak 26.7.3 in production mode with our jar, measured against itself in a
 * stock realm, plus the password-hash floor and the jdbc padrón at 10 k, 1 M and 10 M citizens. Writes
 * docs/benchmarks.json, docs/benchmarks.md and docs/benchmarks.png. Never fails on a number.
 *
 * <p>Arguments: Keycloak home (unpacked distribution), providers jar, realm-export folder, docs folder, work folder.
 * Settings are system properties {@code bench.*} (see {@link Ajustes}).
 */
public final class Benchmark {

    static final String ANSES = "anses";
    static final String STOCK = "stock";
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String PG_USER = "root";
    private static final String DB_KEYCLOAK = "clavess_bench_keycloak";
    private static final String DB_PADRON = "clavess_bench_padron";

    /** The knobs, with the values of a full run (about 20 minutes on 2 cores). */
    record Ajustes(int concurrencia, int usuarios, Duration calentamiento, Duration ronda, int rondas, Duration otros,
                   Duration crearClave, List<Long> tamanosPadron, Duration busquedas) {

        static Ajustes leer() {
            return new Ajustes(Integer.getInteger("bench.concurrency", 4), Integer.getInteger("bench.users", 1000),
                    Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 15)), Duration.ofSeconds(Long.getLong("bench.roundSeconds", 30)),
                    Integer.getInteger("bench.rounds", 4), Duration.ofSeconds(Long.getLong("bench.grantSeconds", 15)),
                    Duration.ofSeconds(Long.getLong("bench.crearClaveSeconds", 40)),
                    Stream.of(System.getProperty("bench.padronSizes", "10000,1000000,10000000").split(",")).map(String::strip)
                            .map(Long::parseLong).toList(),
                    Duration.ofSeconds(Long.getLong("bench.lookupSeconds", 10)));
        }
    }

    private final Ajustes ajustes = Ajustes.leer();
    private final ObjectNode resultado = Admin.JSON.createObjectNode();

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("bench.reportOnly")) { // rewrite the report and chart from the last benchmarks.json
            Informe.escribir(Admin.JSON.readTree(Path.of(args[3]).resolve("benchmarks.json").toFile()), Path.of(args[3]));
            return;
        }
        new Benchmark().correr(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Path.of(args[4]));
    }

    private void correr(Path home, Path jar, Path realmDir, Path docs, Path trabajo) throws Exception {
        Instant inicio = Instant.now();
        resultado.put("started", inicio.toString());
        resultado.putObject("settings").put("concurrencia", ajustes.concurrencia()).put("usuarios", ajustes.usuarios())
                .put("calentamientoSegundos", ajustes.calentamiento().toSeconds()).put("rondas", ajustes.rondas())
                .put("rondaSegundos", ajustes.ronda().toSeconds()).put("grantSegundos", ajustes.otros().toSeconds())
                .put("crearClaveSegundos", ajustes.crearClave().toSeconds()).put("busquedaSegundos", ajustes.busquedas().toSeconds())
                .set("padron", Admin.JSON.valueToTree(ajustes.tamanosPadron()));
        resultado.set("machine", Admin.JSON.valueToTree(Informe.maquina()));

        log("5. Argon2 with Keycloak's default parameters, on a quiet machine");
        Argon2Costo.Resultado argon2 = Argon2Costo.medir(60, 10);
        resultado.set("argon2", Admin.JSON.valueToTree(argon2));

        boolean postgres = postgresPresente();
        resultado.put("database", postgres ? "PostgreSQL " + versionPostgres() + " on 127.0.0.1:5432" : "H2 (no PostgreSQL on 127.0.0.1:5432)");
        ArrayNode padron = resultado.putArray("padron");
        long cargados = 0;
        long tamanoParaKeycloak;
        if (postgres) {
            crearBase(DB_KEYCLOAK);
            crearBase(DB_PADRON);
            try (Connection conexion = DriverManager.getConnection(PG + DB_PADRON, PG_USER, null)) {
                CargaPadronJdbc.crearTablas(conexion);
            }
            // The sizes below the largest are measured before Keycloak runs; the largest after it stops.
            List<Long> tamanos = ajustes.tamanosPadron();
            for (long tamano : tamanos.subList(0, tamanos.size() - 1)) {
                padron.add(cargarYMedir(cargados, tamano));
                cargados = tamano;
            }
            tamanoParaKeycloak = cargados;
        } else {
            tamanoParaKeycloak = 20_000;
        }

        int puerto = KeycloakServer.freePort();
        URI base = URI.create("http://localhost:" + puerto + "/");
        KeycloakServer server = arrancar(home, jar, realmDir, trabajo, postgres, puerto, tamanoParaKeycloak);
        try {
            resultado.put("crearClavePadron", (postgres ? "jdbc" : "json-file") + ", " + tamanoParaKeycloak + " citizens");
            medirKeycloak(base, argon2, tamanoParaKeycloak);
        } finally {
            server.close();
        }

        if (postgres) {
            long mayor = ajustes.tamanosPadron().get(ajustes.tamanosPadron().size() - 1);
            padron.add(cargarYMedir(cargados, mayor));
        }
        resultado.put("minutes", Duration.between(inicio, Instant.now()).toSeconds() / 60.0);
        Informe.escribir(resultado, docs);
        log("Done in %.1f minutes: %s", Duration.between(inicio, Instant.now()).toSeconds() / 60.0, docs.resolve("benchmarks.md"));
    }

    // ---------------------------------------------------------------- Keycloak

    private KeycloakServer arrancar(Path home, Path jar, Path realmDir, Path trabajo, boolean postgres, int puerto, long tamanoPadron)
            throws Exception {
        KeycloakServer.install(home, jar, realmDir);
        KeycloakServer.deleteTree(home.resolve("data/h2"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        List<String> build = new ArrayList<>(List.of("--cache=local", "--health-enabled=true"));
        if (postgres) {
            build.addAll(List.of("--db=postgres", "--spi-anses-padron--provider=jdbc"));
            env.put("KC_DB_URL", PG + DB_KEYCLOAK);
            env.put("KC_DB_USERNAME", PG_USER);
            env.put("KC_DB_PASSWORD", "unused"); // trust authentication on 127.0.0.1
            env.put("KC_SPI_ANSES_PADRON__JDBC__URL", PG + DB_PADRON);
            env.put("KC_SPI_ANSES_PADRON__JDBC__USER", PG_USER);
        } else {
            build.addAll(List.of("--db=dev-file", "--spi-anses-padron--provider=json-file"));
            Path archivo = trabajo.resolve("padron-sintetico.json");
            Informe.escribirPadronJson(archivo, tamanoPadron);
            env.put(KeycloakServer.PADRON_PATH_VARIABLE, archivo.toString());
        }
        log("Keycloak: kc.sh build %s", String.join(" ", build));
        KeycloakServer.build(home, build, trabajo.resolve("keycloak-build.log"));
        int gestion = KeycloakServer.freePort();
        log("Keycloak: kc.sh start --optimized on http://localhost:%d (log %s)", puerto, trabajo.resolve("keycloak.log"));
        return KeycloakServer.run(home, URI.create("http://localhost:" + puerto + "/"),
                List.of("start", "--optimized", "--import-realm", "--http-enabled=true", "--hostname-strict=false",
                        "--http-host=127.0.0.1", "--http-port=" + puerto, "--http-management-port=" + gestion, "--log-level=INFO"),
                env, false, ProcessBuilder.Redirect.to(trabajo.resolve("keycloak.log").toFile()))
                .awaitRealm(Duration.ofMinutes(6));
    }

    private void medirKeycloak(URI base, Argon2Costo.Resultado argon2, long tamanoPadron) throws Exception {
        Admin admin = new Admin(base);
        Flujos flujos = new Flujos(base);
        prepararRealms(admin);
        crearUsuarios(admin);
        Cpu cpu = new Cpu(pidDeKeycloak());
        int c = ajustes.concurrencia();

        log("1-2. Logins, CUIL (realm anses) and stock (realm stock), interleaved A/B, %d rounds of %d s at concurrency %d",
                ajustes.rondas(), ajustes.ronda().toSeconds(), c);
        AtomicLong siguiente = new AtomicLong();
        Carga.medir("warm-up cuil", c, ajustes.calentamiento(), () -> login(flujos, ANSES, siguiente));
        Carga.medir("warm-up stock", c, ajustes.calentamiento(), () -> login(flujos, STOCK, siguiente));
        List<Carga.Medicion> rondasA = new ArrayList<>();
        List<Carga.Medicion> rondasB = new ArrayList<>();
        List<long[]> latA = new ArrayList<>();
        List<long[]> latB = new ArrayList<>();
        Cpu.Instante antes = cpu.ahora();
        for (int r = 1; r <= ajustes.rondas(); r++) {
            Carga.Resultado a = Carga.medir("cuil login round " + r, c, ajustes.ronda(), () -> login(flujos, ANSES, siguiente));
            Carga.Resultado b = Carga.medir("stock login round " + r, c, ajustes.ronda(), () -> login(flujos, STOCK, siguiente));
            rondasA.add(a.medicion());
            latA.add(a.latenciasNanos());
            rondasB.add(b.medicion());
            latB.add(b.latenciasNanos());
        }
        Cpu.Reparto reparto = Cpu.entre(antes, cpu.ahora());
        ObjectNode logins = resultado.putObject("logins");
        logins.set("cuil", Admin.JSON.valueToTree(Carga.Medicion.juntar("cuil login", rondasA, latA)));
        logins.set("stock", Admin.JSON.valueToTree(Carga.Medicion.juntar("stock login", rondasB, latB)));
        logins.set("roundsCuil", Admin.JSON.valueToTree(rondasA));
        logins.set("roundsStock", Admin.JSON.valueToTree(rondasB));
        logins.set("cpu", Admin.JSON.valueToTree(reparto));
        log("CPU during the login rounds: busy %.0f %%, Keycloak %.0f %%, load generator %.0f %%, rest %.0f %%",
                100 * reparto.ocupado(), 100 * reparto.keycloak(), 100 * reparto.generador(), 100 * reparto.resto());

        // The hash again, now that the machine is as busy or quiet as during the logins (Keycloak idle): a busy
        // neighbour at the start must not pass for the physical limit.
        log("5. Argon2 again, right after the login rounds");
        Argon2Costo.Resultado otra = Argon2Costo.medir(60, 10);
        resultado.set("argon2Start", resultado.get("argon2"));
        resultado.set("argon2AfterLogins", Admin.JSON.valueToTree(otra));
        if (otra.p50Ms() < argon2.p50Ms()) {
            resultado.set("argon2", Admin.JSON.valueToTree(otra));
        }

        log("4. Refresh-token and client-credentials grants, %d s each at concurrency %d", ajustes.otros().toSeconds(), c);
        ObjectNode grants = resultado.putObject("grants");
        for (String realm : List.of(ANSES, STOCK)) {
            Carga.medir("warm-up refresh " + realm, c, Duration.ofSeconds(5), () -> refresco(flujos, realm, siguiente));
            grants.set("refresh " + realm, Admin.JSON.valueToTree(
                    Carga.medir("refresh " + realm, c, ajustes.otros(), () -> refresco(flujos, realm, siguiente)).medicion()));
            Carga.medir("warm-up client credentials " + realm, c, Duration.ofSeconds(5), () -> () -> flujos.credencialesDeCliente(realm));
            grants.set("client credentials " + realm, Admin.JSON.valueToTree(
                    Carga.medir("client credentials " + realm, c, ajustes.otros(), () -> () -> flujos.credencialesDeCliente(realm)).medicion()));
        }

        log("3. Crear clave by trámite, %d s at concurrency %d, padrón of %d", ajustes.crearClave().toSeconds(), c, tamanoPadron);
        AtomicLong candidato = new AtomicLong(1);
        Carga.medir("warm-up crear clave", c, Duration.ofSeconds(10), () -> crearClave(flujos, candidato, tamanoPadron));
        Cpu.Instante antesCrear = cpu.ahora();
        resultado.set("crearClave", Admin.JSON.valueToTree(
                Carga.medir("crear clave", c, ajustes.crearClave(), () -> crearClave(flujos, candidato, tamanoPadron)).medicion()));
        resultado.set("crearClaveCpu", Admin.JSON.valueToTree(Cpu.entre(antesCrear, cpu.ahora())));
    }

    private Carga.Operacion login(Flujos flujos, String realm, AtomicLong siguiente) {
        return () -> flujos.login(realm, PadronSintetico.cuil(siguiente.getAndIncrement() % ajustes.usuarios()), Flujos.CLAVE);
    }

    /** A virtual user that logged in once and then keeps refreshing its tokens. */
    private Carga.Operacion refresco(Flujos flujos, String realm, AtomicLong siguiente) {
        String[] refresh = new String[1];
        return () -> {
            if (refresh[0] == null) {
                refresh[0] = flujos.login(realm, PadronSintetico.cuil(siguiente.getAndIncrement() % ajustes.usuarios()), Flujos.CLAVE)
                        .get("refresh_token").asText();
            }
            refresh[0] = flujos.refrescar(realm, refresh[0]).get("refresh_token").asText();
        };
    }

    /**
     * Each Crear clave takes a citizen nobody used yet, spread over the whole padrón (k × a prime, modulo its
     * size, never repeats), who has a trámite and no account: the first 'usuarios' citizens have one.
     */
    private Carga.Operacion crearClave(Flujos flujos, AtomicLong candidato, long tamanoPadron) {
        return () -> {
            long i;
            do {
                i = (candidato.getAndIncrement() * 104_729L) % tamanoPadron;
            } while (i < ajustes.usuarios() || !PadronSintetico.puedeCrearPorTramite(i));
            flujos.crearClave(PadronSintetico.cuil(i), PadronSintetico.tramite(i));
        };
    }

    /**
     * Realm stock: a new realm with Keycloak's defaults (browser flow, keycloak.v2 theme, default password hashing),
     * given the anses realm's brute-force, event and token-lifetime settings so that the ratio measures our flow,
     * theme and mappers, not different realm settings. Both realms get the same confidential client.
     */
    private void prepararRealms(Admin admin) throws Exception {
        JsonNode anses = admin.get(ANSES);
        ObjectNode stock = admin.objeto().put("realm", STOCK).put("enabled", true);
        for (String campo : List.of("bruteForceProtected", "permanentLockout", "maxTemporaryLockouts", "bruteForceStrategy",
                "failureFactor", "waitIncrementSeconds", "maxFailureWaitSeconds", "maxDeltaTimeSeconds", "quickLoginCheckMilliSeconds",
                "minimumQuickLoginWaitSeconds", "eventsEnabled", "eventsExpiration", "enabledEventTypes", "accessTokenLifespan",
                "ssoSessionIdleTimeout", "ssoSessionMaxLifespan", "revokeRefreshToken")) {
            if (anses.has(campo)) {
                stock.set(campo, anses.get(campo));
            }
        }
        admin.post("", stock);
        for (String realm : List.of(ANSES, STOCK)) {
            ObjectNode cliente = admin.objeto().put("clientId", Flujos.CLIENTE).put("secret", Flujos.SECRETO).put("enabled", true)
                    .put("publicClient", false).put("standardFlowEnabled", true).put("serviceAccountsEnabled", true)
                    .put("directAccessGrantsEnabled", false);
            cliente.putArray("redirectUris").add(Flujos.REDIRECT);
            cliente.putObject("attributes").put("pkce.code.challenge.method", "S256");
            admin.post(realm + "/clients", cliente);
        }
        // Crear clave from one address: lift the per-address limit, and keep the browser's proof of work small so
        // that the load generator does not take the CPU from the server (the server checks one hash either way).
        for (JsonNode paso : admin.get(ANSES + "/authentication/flows/" + Admin.enc("anses crear clave") + "/executions")) {
            if ("anses-crear-clave-cuil".equals(paso.path("providerId").asText())) {
                ObjectNode config = (ObjectNode) admin.get(ANSES + "/authentication/config/" + paso.get("authenticationConfig").asText());
                ((ObjectNode) config.get("config")).put("limitePorHora", "100000000").put("dificultad", "1000");
                admin.put(ANSES + "/authentication/config/" + config.get("id").asText(), config);
            }
        }
    }

    /** The same users in both realms (username = CUIL, same clave), by partial import, 100 per request. */
    private void crearUsuarios(Admin admin) throws Exception {
        long t0 = System.nanoTime();
        ExecutorService hilos = Executors.newFixedThreadPool(2);
        List<Future<?>> tandas = new ArrayList<>();
        for (String realm : List.of(ANSES, STOCK)) {
            for (int desde = 0; desde < ajustes.usuarios(); desde += 100) {
                int inicio = desde;
                tandas.add(hilos.submit(() -> {
                    ObjectNode importacion = admin.objeto().put("ifResourceExists", "SKIP");
                    ArrayNode usuarios = importacion.putArray("users");
                    for (int i = inicio; i < Math.min(inicio + 100, ajustes.usuarios()); i++) {
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
        log("%d users in each realm in %.0f s", ajustes.usuarios(), (System.nanoTime() - t0) / 1e9);
    }

    private ObjectNode usuario(String realm, int i) {
        var persona = PadronSintetico.persona(i);
        ObjectNode usuario = Admin.JSON.createObjectNode().put("username", persona.cuil().digits()).put("enabled", true)
                .put("firstName", persona.nombre()).put("lastName", persona.apellido());
        if (realm.equals(ANSES)) {
            ObjectNode atributos = usuario.putObject("attributes");
            atributos.putArray("dni").add(persona.dni());
            atributos.putArray("birthdate").add(persona.fechaNacimiento().toString());
            atributos.putArray("nivel").add("2");
        } else {
            usuario.put("email", persona.cuil().digits() + "@bench.example").put("emailVerified", true);
        }
        usuario.putArray("credentials").addObject().put("type", "password").put("value", Flujos.CLAVE).put("temporary", false);
        return usuario;
    }

    /** The JVM that kc.sh started (for the CPU shares). */
    private static long pidDeKeycloak() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .map(ProcessHandle::pid).findFirst().orElse(-1L);
    }

    // ---------------------------------------------------------------- padrón

    /** Loads citizens desde..hasta into the jdbc padrón, then measures lookups over all of them. */
    private ObjectNode cargarYMedir(long desde, long hasta) throws Exception {
        ObjectNode fila = Admin.JSON.createObjectNode().put("citizens", hasta);
        long t0 = System.nanoTime();
        try (Connection conexion = DriverManager.getConnection(PG + DB_PADRON, PG_USER, null)) {
            new CargaPadronJdbc(conexion).cargar(PadronSintetico.rango(desde, hasta));
            try (Statement sql = conexion.createStatement()) {
                sql.execute("VACUUM ANALYZE");
            }
        }
        double segundos = (System.nanoTime() - t0) / 1e9;
        fila.put("loadedNow", hasta - desde).put("loadSeconds", segundos).put("loadPerSecond", (hasta - desde) / segundos);
        fila.put("databaseBytes", tamanoBase());
        log("Padrón: %,d more citizens in %.0f s (%,.0f/s), %,d in all, database %,d MB", hasta - desde, segundos,
                (hasta - desde) / segundos, hasta, tamanoBase() / 1_000_000);
        try (JdbcPadron padron = new JdbcPadron(PG + DB_PADRON, PG_USER, null, 2, Duration.ofSeconds(5))) {
            Carga.Operacion busqueda = () -> {
                long i = ThreadLocalRandom.current().nextLong(hasta);
                if (padron.buscar(PadronSintetico.cuilDe(i)).isEmpty()) {
                    throw new IllegalStateException("citizen " + i + " not found");
                }
            };
            Carga.medir("warm-up lookups " + hasta, 1, Duration.ofSeconds(3), () -> busqueda);
            fila.set("lookup", Admin.JSON.valueToTree(Carga.medir("lookup at " + hasta, 1, ajustes.busquedas(), () -> busqueda).medicion()));
        }
        return fila;
    }

    private static boolean postgresPresente() {
        try (Connection conexion = DriverManager.getConnection(PG + "test", PG_USER, null)) {
            return conexion.isValid(2);
        } catch (SQLException e) {
            log("No PostgreSQL on 127.0.0.1:5432 (%s): Keycloak on H2, padrón from a JSON file, no registry measurements", e.getMessage());
            return false;
        }
    }

    private static String versionPostgres() throws SQLException {
        try (Connection conexion = DriverManager.getConnection(PG + "test", PG_USER, null);
             var filas = conexion.createStatement().executeQuery("SHOW server_version")) {
            filas.next();
            return filas.getString(1);
        }
    }

    private static long tamanoBase() throws SQLException {
        try (Connection conexion = DriverManager.getConnection(PG + DB_PADRON, PG_USER, null);
             var filas = conexion.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
            filas.next();
            return filas.getLong(1);
        }
    }

    private static void crearBase(String nombre) throws SQLException {
        try (Connection conexion = DriverManager.getConnection(PG + "test", PG_USER, null); Statement sql = conexion.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + nombre + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + nombre);
        }
    }

    // ---------------------------------------------------------------- small things

    static void log(String formato, Object... args) {
        System.out.printf("[bench %tT] %s%n", java.time.LocalTime.now(), String.format(formato, args));
    }
}
