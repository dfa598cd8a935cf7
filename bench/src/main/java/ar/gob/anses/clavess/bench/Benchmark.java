package ar.gob.anses.clavess.bench;

import ar.gob.anses.clavess.padron.JdbcPadron;
import ar.gob.anses.clavess.testsupport.CargaPadronJdbc;
import ar.gob.anses.clavess.testsupport.KeycloakCluster;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The knobs, with the values of a full run (about 40 minutes on 2 cores): enough ABBA pairs of short rounds that
     * a ratio's 95 % interval is a few per cent on a quiet machine.
     */
    record Ajustes(int concurrencia, int usuarios, Duration calentamiento, Duration ronda, int rondas, Duration otros, int paresGrants,
                   Duration crearClave, int paresCrearClave, int direcciones, List<Long> tamanosPadron, Duration busquedas,
                   Duration perfil, boolean cluster, int viajesPorPaso, int paresCluster, List<Long> tamanosLegadas) {

        static Ajustes leer() {
            return new Ajustes(Integer.getInteger("bench.concurrency", 4), Integer.getInteger("bench.users", 200),
                    Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 60)), Duration.ofSeconds(Long.getLong("bench.roundSeconds", 10)),
                    Integer.getInteger("bench.rounds", 24), Duration.ofSeconds(Long.getLong("bench.grantSeconds", 5)),
                    Integer.getInteger("bench.grantPairs", 12),
                    Duration.ofSeconds(Long.getLong("bench.crearClaveSeconds", 10)), Integer.getInteger("bench.crearClavePairs", 16),
                    Integer.getInteger("bench.addresses", 128),
                    tamanos("bench.padronSizes", "10000,1000000,10000000"),
                    Duration.ofSeconds(Long.getLong("bench.lookupSeconds", 10)),
                    Duration.ofSeconds(Long.getLong("bench.profileSeconds", 0)), Boolean.getBoolean("bench.cluster"),
                    Integer.getInteger("bench.stepJourneys", 100), Integer.getInteger("bench.clusterPairs", 6),
                    tamanos("bench.legadasSizes", "1000000,10000000"));
        }

        private static List<Long> tamanos(String propiedad, String porDefecto) {
            return Stream.of(System.getProperty(propiedad, porDefecto).split(",")).map(String::strip).map(Long::parseLong).toList();
        }
    }

    private final Ajustes ajustes = Ajustes.leer();
    private final ObjectNode resultado = Admin.JSON.createObjectNode();
    /** PostgreSQL's autovacuum is off here: the harness gathers the planner's statistics as a deployed one's would. */
    private boolean analizar;

    /**
     * -Dbench.only=logins,grants,crearClave,steps,legadas: only those parts, on a padrón of the first size, without the
     * cluster, the signals or the report (for a quick look while changing something); empty: everything.
     */
    private static final java.util.Set<String> SOLO = Stream.of(System.getProperty("bench.only", "").split(",")).map(String::strip)
            .filter(x -> !x.isEmpty()).collect(java.util.stream.Collectors.toSet());

    private static boolean mide(String parte) {
        return SOLO.isEmpty() || SOLO.contains(parte);
    }

    /** Level changes whose signals are timed (SenalesLatencia). */
    private static final int CAMBIOS_SENALES = 10;

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("bench.reportOnly")) { // rewrite the report and chart from the last benchmarks.json
            Informe.escribir(Admin.JSON.readTree(Path.of(args[3]).resolve("benchmarks.json").toFile()), Path.of(args[3]));
            return;
        }
        if (Boolean.getBoolean("bench.senalesOnly")) { // only the signals' latency, merged into the last benchmarks.json
            ObjectNode ultimo = (ObjectNode) Admin.JSON.readTree(Path.of(args[3]).resolve("benchmarks.json").toFile());
            ultimo.set("senales", SenalesLatencia.medir(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[4]), CAMBIOS_SENALES));
            Informe.escribir(ultimo, Path.of(args[3]));
            return;
        }
        if (Boolean.getBoolean("bench.poblacionSeguir")) { // the citizen's requests again, on the population already loaded
            ObjectNode ultimo = (ObjectNode) Admin.JSON.readTree(Path.of(args[3]).resolve("benchmarks.json").toFile());
            new Poblacion(List.of()).seguir(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[4]), ultimo);
            Informe.escribir(ultimo, Path.of(args[3]));
            return;
        }
        String poblacion = System.getProperty("bench.poblacion", "");
        if (!poblacion.isBlank()) { // only the population's sizes (issue 35), merged into the last benchmarks.json
            ObjectNode ultimo = (ObjectNode) Admin.JSON.readTree(Path.of(args[3]).resolve("benchmarks.json").toFile());
            new Poblacion(Stream.of(poblacion.split(",")).map(String::strip).map(Long::parseLong).toList())
                    .medir(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[4]), ultimo);
            Informe.escribir(ultimo, Path.of(args[3]));
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
                .put("paresGrants", ajustes.paresGrants()).put("paresCrearClave", ajustes.paresCrearClave())
                .put("direcciones", ajustes.direcciones())
                .put("crearClaveSegundos", ajustes.crearClave().toSeconds()).put("perfilSegundos", ajustes.perfil().toSeconds()).put("busquedaSegundos", ajustes.busquedas().toSeconds())
                .put("cluster", ajustes.cluster()).put("paresCluster", ajustes.paresCluster()).put("viajesPorPaso", ajustes.viajesPorPaso())
                .set("padron", Admin.JSON.valueToTree(ajustes.tamanosPadron()));
        ((ObjectNode) resultado.get("settings")).set("legadas", Admin.JSON.valueToTree(ajustes.tamanosLegadas()));
        resultado.set("machine", Admin.JSON.valueToTree(Informe.maquina()));
        resultado.put("loadAverage", java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip());
        resultado.set("limitePorDireccionCosto", Admin.JSON.valueToTree(LimiteCosto.medir(30, 100_000)));
        String linea = System.getProperty("bench.profileBaseline");
        if (linea != null && !linea.isBlank()) { // the profiles and ratios of an earlier run, shown as "before"
            var antes = Admin.JSON.readTree(Path.of(linea).toFile());
            if (antes.has("profiles")) {
                resultado.set("profilesBefore", antes.get("profiles"));
                resultado.put("profilesBeforeFrom", antes.path("profilesFrom").asText(antes.path("started").asText()));
            }
        }
        String notas = System.getProperty("bench.profileNotes");
        if (notas != null && java.nio.file.Files.exists(Path.of(notas))) {
            resultado.put("notasPerfil", java.nio.file.Files.readString(Path.of(notas)).strip());
        }

        log("5. Argon2 with Keycloak's default parameters, on a quiet machine");
        Argon2Costo.Resultado argon2 = Argon2Costo.medir(60, 10);
        resultado.set("argon2", Admin.JSON.valueToTree(argon2));

        boolean postgres = Preparacion.postgresPresente();
        analizar = postgres && !Preparacion.autovacuum();
        if (analizar) {
            log("PostgreSQL's autovacuum is off: Keycloak's database is analyzed after the users are made and before every pair of rounds");
        }
        resultado.put("analyzeEntrePares", analizar);
        resultado.put("database", postgres ? "PostgreSQL " + Preparacion.versionPostgres() + " on 127.0.0.1:5432" : "H2 (no PostgreSQL on 127.0.0.1:5432)");
        ArrayNode padron = resultado.putArray("padron");
        long cargados = 0;
        long tamanoParaKeycloak;
        if (postgres) {
            Preparacion.crearBase(Preparacion.DB_KEYCLOAK);
            Preparacion.crearBase(Preparacion.DB_PADRON);
            try (Connection conexion = DriverManager.getConnection(Preparacion.PADRON_URL, Preparacion.PG_USER, null)) {
                CargaPadronJdbc.crearTablas(conexion);
            }
            // The sizes below the largest are measured before Keycloak runs; the largest after it stops.
            List<Long> tamanos = ajustes.tamanosPadron();
            for (long tamano : tamanos.subList(0, tamanos.size() - 1)) {
                padron.add(cargarYMedir(cargados, tamano));
                cargados = tamano;
            }
            tamanoParaKeycloak = cargados;
            prepararRegistroLegado();
        } else {
            tamanoParaKeycloak = 20_000;
            resultado.putObject("clavesLegadas").put("omitido", "no PostgreSQL on 127.0.0.1:5432: no jdbc legacy registry");
        }

        int puerto = KeycloakServer.freePort();
        URI base = URI.create("http://localhost:" + puerto + "/");
        KeycloakServer server = Preparacion.arrancar(home, jar, realmDir, trabajo, postgres, puerto, tamanoParaKeycloak);
        try {
            resultado.put("crearClavePadron", (postgres ? "jdbc" : "json-file") + ", " + tamanoParaKeycloak + " citizens");
            medirKeycloak(base, argon2, tamanoParaKeycloak);
            if (ajustes.cluster() && SOLO.isEmpty()) {
                medirCluster(home, jar, realmDir, trabajo, base, postgres);
            }
        } finally {
            server.close();
            if (postgres) {
                ClavesLegadas.borrar(ClavesLegadas.ESQUEMA_KEYCLOAK);
            }
        }
        if (postgres && mide("legadas")) { // loaded to millions while nothing else runs, as the largest padrón below
            log("Claves legadas: the jdbc registry's lookup at %s entries, one thread, %d s each", ajustes.tamanosLegadas(), ajustes.busquedas().toSeconds());
            ((ObjectNode) resultado.get("clavesLegadas")).set("busquedas", ClavesLegadas.medirBusquedas(ajustes.tamanosLegadas(), ajustes.busquedas()));
        }
        if (!SOLO.isEmpty()) { // a look at some parts: their numbers in the log and in target/, the report left as it is
            Admin.JSON.writerWithDefaultPrettyPrinter().writeValue(trabajo.resolve("bench-only.json").toFile(), resultado);
            log("Done (only %s): %s", SOLO, trabajo.resolve("bench-only.json"));
            return;
        }
        resultado.set("senales", SenalesLatencia.medir(home, jar, realmDir, trabajo, CAMBIOS_SENALES));

        if (postgres) {
            long mayor = ajustes.tamanosPadron().get(ajustes.tamanosPadron().size() - 1);
            padron.add(cargarYMedir(cargados, mayor));
        }
        resultado.put("minutes", Duration.between(inicio, Instant.now()).toSeconds() / 60.0);
        Informe.escribir(resultado, docs);
        log("Done in %.1f minutes: %s", Duration.between(inicio, Instant.now()).toSeconds() / 60.0, docs.resolve("benchmarks.md"));
    }

    // ---------------------------------------------------------------- Keycloak

    private void medirKeycloak(URI base, Argon2Costo.Resultado argon2, long tamanoPadron) throws Exception {
        Admin admin = new Admin(base);
        Flujos flujos = new Flujos(base);
        Preparacion.prepararRealms(admin);
        Preparacion.crearUsuarios(admin, ajustes.usuarios());
        estadisticas();
        long pid = Preparacion.pidDeKeycloak();
        Cpu cpu = new Cpu(pid);
        int c = ajustes.concurrencia();
        AtomicLong siguiente = new AtomicLong();
        AtomicLong candidato = new AtomicLong(1);
        AtomicLong direccion = new AtomicLong();
        int limite = Preparacion.limitePorDireccion(admin);
        resultado.put("limitePorDireccion", limite);

        if (mide("logins")) {
            log("1-2. Logins, CUIL (realm anses) and stock (realm stock), %d ABBA pairs of %d s at concurrency %d",
                    ajustes.rondas(), ajustes.ronda().toSeconds(), c);
            Carga.medir("warm-up cuil", c, ajustes.calentamiento(), () -> login(flujos, ANSES, siguiente));
            Carga.medir("warm-up stock", c, ajustes.calentamiento(), () -> login(flujos, STOCK, siguiente));
            Cpu.Instante antes = cpu.ahora();
            ObjectNode logins = Comparacion.medir(List.of(new Comparacion.Escenario("login",
                    () -> login(flujos, ANSES, siguiente), () -> login(flujos, STOCK, siguiente))), c, ajustes.rondas(), ajustes.ronda(), cpu, this::estadisticas).get("login");
            Cpu.Reparto reparto = Cpu.entre(antes, cpu.ahora());
            logins.set("cpu", Admin.JSON.valueToTree(reparto));
            resultado.set("logins", logins);
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
        }

        if (mide("grants")) {
            log("4. Refresh-token and client-credentials grants, %d ABBA pairs of %d s each, interleaved, at concurrency %d",
                    ajustes.paresGrants(), ajustes.otros().toSeconds(), c);
            for (String realm : List.of(ANSES, STOCK)) {
                Carga.medir("warm-up refresh " + realm, c, Duration.ofSeconds(15), () -> refresco(flujos, realm, siguiente));
                Carga.medir("warm-up client credentials " + realm, c, Duration.ofSeconds(15), () -> () -> flujos.credencialesDeCliente(realm));
            }
            ObjectNode grants = resultado.putObject("grants");
            Comparacion.medir(List.of(
                    new Comparacion.Escenario("refresh", () -> refresco(flujos, ANSES, siguiente), () -> refresco(flujos, STOCK, siguiente)),
                    new Comparacion.Escenario("client credentials", () -> () -> flujos.credencialesDeCliente(ANSES),
                            () -> () -> flujos.credencialesDeCliente(STOCK))), c, ajustes.paresGrants(), ajustes.otros(), cpu, this::estadisticas).forEach(grants::set);
        }

        if (mide("crearClave")) {
            log("3. Crear clave by trámite against a stock login, %d ABBA pairs of %d s at concurrency %d, padrón of %d, from %d addresses "
                    + "(limit %d an hour each)", ajustes.paresCrearClave(), ajustes.crearClave().toSeconds(), c, tamanoPadron,
                    ajustes.direcciones(), limite);
            Carga.medir("warm-up crear clave", c, Duration.ofSeconds(20), () -> crearClave(flujos, candidato, direccion, tamanoPadron));
            Cpu.Instante antesCrear = cpu.ahora();
            ObjectNode crear = Comparacion.medir(List.of(new Comparacion.Escenario("crear clave",
                    () -> crearClave(flujos, candidato, direccion, tamanoPadron), () -> login(flujos, STOCK, siguiente))),
                    c, ajustes.paresCrearClave(), ajustes.crearClave(), cpu, this::estadisticas).get("crear clave");
            resultado.set("crearClave", crear.get("cuil"));
            resultado.set("crearClaveVsStockLogin", crear);
            resultado.set("crearClaveCpu", Admin.JSON.valueToTree(Cpu.entre(antesCrear, cpu.ahora())));
            resultado.put("crearClaveEnvios", candidato.get()).put("crearClaveDirecciones", Math.min(direccion.get(), ajustes.direcciones()));
        }

        if (mide("steps")) {
            if (!mide("logins")) { // alone: the JIT has not seen these journeys yet
                Carga.medir("warm-up cuil", c, ajustes.calentamiento(), () -> login(flujos, ANSES, siguiente));
                Carga.medir("warm-up stock", c, ajustes.calentamiento(), () -> login(flujos, STOCK, siguiente));
                Carga.medir("warm-up crear clave", c, ajustes.calentamiento(), () -> crearClave(flujos, candidato, direccion, tamanoPadron));
            }
            estadisticas();
            log("CPU per request, step by step: %d journeys of each in lockstep, %d times", ajustes.viajesPorPaso(), 4);
            resultado.set("costoPorPaso", CostoPorPaso.medir(cpu, ajustes.viajesPorPaso(), 2, 4,
                    List.of("login anses", "login stock", "crear clave"),
                    List.of(() -> flujos.pasosLogin(ANSES, usuario(siguiente), Flujos.CLAVE, new JsonNode[1]),
                            () -> flujos.pasosLogin(STOCK, usuario(siguiente), Flujos.CLAVE, new JsonNode[1]),
                            () -> pasosCrearClave(flujos, candidato, direccion, tamanoPadron))));
        }

        if (mide("legadas") && resultado.path("clavesLegadas").has("entradas")) {
            medirMigracion(flujos, cpu, siguiente);
        }

        if (!ajustes.perfil().isZero()) {
            // Profiles of each scenario alone (after the measurements, so the recording does not weigh on them).
            Path carpeta = Path.of(System.getProperty("bench.profileDir", "target/jfr"));
            Perfil.grabar(pid, carpeta.resolve("login-anses.jfr"), () -> Carga.medir("profile login anses", c, ajustes.perfil(), () -> login(flujos, ANSES, siguiente)));
            Perfil.grabar(pid, carpeta.resolve("login-stock.jfr"), () -> Carga.medir("profile login stock", c, ajustes.perfil(), () -> login(flujos, STOCK, siguiente)));
            Perfil.grabar(pid, carpeta.resolve("crear-clave.jfr"), () -> Carga.medir("profile crear clave", c, ajustes.perfil(),
                    () -> crearClave(flujos, candidato, direccion, tamanoPadron)));
            Perfil.grabar(pid, carpeta.resolve("grants-anses.jfr"), () -> Carga.medir("profile refresh anses", c, ajustes.perfil(), () -> refresco(flujos, ANSES, siguiente)));
            Perfil.grabar(pid, carpeta.resolve("grants-stock.jfr"), () -> Carga.medir("profile refresh stock", c, ajustes.perfil(), () -> refresco(flujos, STOCK, siguiente)));
            ObjectNode perfiles = resultado.putObject("profiles");
            resultado.put("profilesFrom", System.getProperty("bench.profileLabel", inicioTexto()));
            for (String nombre : List.of("login-anses", "login-stock", "crear-clave", "grants-anses", "grants-stock")) {
                perfiles.set(nombre, Admin.JSON.valueToTree(Perfil.resumir(carpeta.resolve(nombre + ".jfr"), 12)));
            }
        }
    }

    // ---------------------------------------------------------------- claves legadas (issue 33)

    /** Times the migrating logins are measured against the accounts' (ABBA), after one warm-up round: as the steps part. */
    private static final int REPETICIONES_LEGADAS = 4;
    static final String MIGRANDO = "login migrando";
    static final String NORMAL = "login anses";

    /**
     * Entries of the registry Keycloak reads: each migrating login consumes one, and each of the two CostoPorPaso.medir
     * builds one journey more, for its steps' names.
     */
    private int entradasLegadas() {
        return ajustes.viajesPorPaso() * (REPETICIONES_LEGADAS + 1) + 2;
    }

    /** The k-th citizen with a legacy clave and no account: the next ones not under curatela after the account holders. */
    private long migrante(long k) {
        return PadronSintetico.titular(ajustes.usuarios() + (int) k);
    }

    /**
     * The registry the benchmark's Keycloak reads (provider jdbc, made before it starts: it reads the table's algorithms
     * and its dummy's kind at start), with an entry of clave {@link Flujos#CLAVE} for each citizen that will migrate. The
     * other parts' logins are of accounts with their right clave, which never read it.
     */
    private void prepararRegistroLegado() throws Exception {
        ClavesLegadas.crear(ClavesLegadas.ESQUEMA_KEYCLOAK);
        double segundos = ClavesLegadas.cargar(ClavesLegadas.ESQUEMA_KEYCLOAK, 0, entradasLegadas(), k -> PadronSintetico.cuil(migrante(k)),
                ClavesLegadas.hash(Flujos.CLAVE));
        resultado.putObject("clavesLegadas").put("entradas", entradasLegadas());
        log("Claves legadas: %d entries (bcrypt cost 10) for the migrating logins in %.1f s", entradasLegadas(), segundos);
    }

    /**
     * A first login that migrates a legacy clave (the registry's row read, its bcrypt checked, the account made from the
     * padrón, the clave hashed again with Argon2) against a login of an account in the same realm: Keycloak's CPU per
     * login, journeys in lockstep as in the steps part. Each migration consumes its entry, so the warm-up is one round.
     */
    private void medirMigracion(Flujos flujos, Cpu cpu, AtomicLong siguiente) throws Exception {
        int n = ajustes.viajesPorPaso();
        if (!mide("logins") && !mide("steps")) { // alone: the JIT has not seen a login yet
            Carga.medir("warm-up cuil", ajustes.concurrencia(), ajustes.calentamiento(), () -> login(flujos, ANSES, siguiente));
        }
        AtomicLong proximo = new AtomicLong();
        AtomicLong conTokens = new AtomicLong();
        java.util.function.Supplier<List<Flujos.Paso>> migrando = () -> contando(
                flujos.pasosLogin(ANSES, PadronSintetico.cuil(migrante(proximo.getAndIncrement())), Flujos.CLAVE, new JsonNode[1]), conTokens);
        log("Claves legadas: %d migrating first logins against %d logins of accounts, in lockstep, %d times after one warm-up round", n, n,
                REPETICIONES_LEGADAS);
        CostoPorPaso.medir(cpu, n, 2, 1, List.of("warm-up " + MIGRANDO), List.of(migrando));
        estadisticas(); // the accounts just made, as a deployed PostgreSQL's autovacuum would
        ObjectNode costo = CostoPorPaso.medir(cpu, n, 2, REPETICIONES_LEGADAS, List.of(MIGRANDO, NORMAL), List.of(migrando,
                () -> flujos.pasosLogin(ANSES, usuario(siguiente), Flujos.CLAVE, new JsonNode[1])));
        double migrandoMs = CostoPorPaso.total(costo.get(MIGRANDO));
        double normalMs = CostoPorPaso.total(costo.get(NORMAL));
        costo.put("migrandoMs", migrandoMs).put("normalMs", normalMs).put("ratio", migrandoMs / normalMs)
                .put("conTokens", conTokens.get()).put("intentadas", n * (REPETICIONES_LEGADAS + 1));
        ((ObjectNode) resultado.get("clavesLegadas")).set("migracion", costo);
        log("Claves legadas: Keycloak's CPU per login, migrating %.1f ms, normal %.1f ms (%.2f ×); %d of %d first logins ended with tokens",
                migrandoMs, normalMs, migrandoMs / normalMs, conTokens.get(), n * (REPETICIONES_LEGADAS + 1));
    }

    /** The journey, counted in {@code hechos} when its last request (the tokens) succeeded. */
    private static List<Flujos.Paso> contando(List<Flujos.Paso> pasos, AtomicLong hechos) {
        List<Flujos.Paso> contados = new ArrayList<>(pasos.subList(0, pasos.size() - 1));
        Flujos.Paso ultimo = pasos.get(pasos.size() - 1);
        contados.add(new Flujos.Paso(ultimo.nombre(), () -> {
            ultimo.hacer().ejecutar();
            hechos.incrementAndGet();
        }));
        return contados;
    }

    // ---------------------------------------------------------------- cluster

    /**
     * -Dbench.cluster=true: logins on the two-node cluster of {@code mvn -Pcluster} (a login goes to node A or B in turn,
     * as a load balancer would send it) against logins on the single node, which is still running, in ABBA pairs of
     * rounds. Both on this machine's cores: this shows what a second node costs and gives here, not how a cluster of
     * larger machines scales (see the report's Cluster section).
     */
    private void medirCluster(Path home, Path jar, Path realmDir, Path trabajo, URI base, boolean postgres) throws Exception {
        ObjectNode json = resultado.putObject("cluster");
        if (!postgres) {
            json.put("omitido", "no PostgreSQL on 127.0.0.1:5432: the nodes find each other (jdbc-ping) and keep their data there");
            log("Cluster: not measured (%s)", json.get("omitido").asText());
            return;
        }
        int c = ajustes.concurrencia();
        try (KeycloakCluster cluster = Preparacion.arrancarCluster(home, jar, realmDir, trabajo)) {
            URI publica = cluster.publicUri();
            Preparacion.prepararCluster(new Admin(publica), ajustes.usuarios());
            if (analizar) {
                Preparacion.analizar(Preparacion.DB_CLUSTER);
            }
            List<Flujos> nodos = new ArrayList<>();
            for (int i = 0; i < cluster.size(); i++) {
                nodos.add(new Flujos(publica, cluster.nodo(i).baseUri()));
            }
            Flujos uno = new Flujos(base);
            AtomicLong siguiente = new AtomicLong();
            AtomicLong turno = new AtomicLong();
            java.util.function.Supplier<Carga.Operacion> enCluster = () -> () -> nodos.get((int) (turno.getAndIncrement() % nodos.size()))
                    .login(ANSES, usuario(siguiente), Flujos.CLAVE);
            log("Cluster: logins on %d nodes against one node, %d ABBA pairs of %d s at concurrency %d", cluster.size(), ajustes.paresCluster(),
                    ajustes.ronda().toSeconds(), c);
            Carga.medir("warm-up cluster", c, ajustes.calentamiento(), enCluster);
            Carga.medir("warm-up one node", c, Duration.ofSeconds(Math.min(15, ajustes.calentamiento().toSeconds())),
                    () -> login(uno, ANSES, siguiente));
            ObjectNode logins = Comparacion.medir(List.of(new Comparacion.Escenario("login", enCluster, () -> login(uno, ANSES, siguiente))),
                    c, ajustes.paresCluster(), ajustes.ronda(), "cluster", "one-node", null, () -> { }).get("login");
            json.setAll(logins);
            json.put("nodos", cluster.size()).put("nucleos", Runtime.getRuntime().availableProcessors());
        } finally {
            Preparacion.borrarBase(Preparacion.DB_CLUSTER); // once its nodes have stopped
        }
    }

    /** What a deployed PostgreSQL's autovacuum does for Keycloak's database, where this one's has it off (else nothing). */
    private void estadisticas() {
        if (analizar) {
            Preparacion.analizar(Preparacion.DB_KEYCLOAK);
        }
    }

    private Carga.Operacion login(Flujos flujos, String realm, AtomicLong siguiente) {
        return () -> flujos.login(realm, usuario(siguiente), Flujos.CLAVE);
    }

    /** The next of the benchmark's users, in turn. */
    private String usuario(AtomicLong siguiente) {
        return PadronSintetico.cuil(PadronSintetico.titular((int) (siguiente.getAndIncrement() % ajustes.usuarios())));
    }

    /** A virtual user that logged in once and then keeps refreshing its tokens. */
    private Carga.Operacion refresco(Flujos flujos, String realm, AtomicLong siguiente) {
        String[] refresh = new String[1];
        return () -> {
            if (refresh[0] == null) {
                refresh[0] = flujos.login(realm, usuario(siguiente), Flujos.CLAVE)
                        .get("refresh_token").asText();
            }
            refresh[0] = flujos.refrescar(realm, refresh[0]).get("refresh_token").asText();
        };
    }

    /**
     * Each Crear clave takes the next of the client addresses in turn, and a citizen nobody used yet, spread over the whole padrón (k × a prime, modulo its
     * size, never repeats), who has a trámite and no account: the first 'usuarios' citizens not under curatela have one (PadronSintetico.titular),
     * and the next ones have a legacy clave (see migrante), which a clave made here would retire.
     */
    private Carga.Operacion crearClave(Flujos flujos, AtomicLong candidato, AtomicLong direccion, long tamanoPadron) {
        return () -> Flujos.recorrer(pasosCrearClave(flujos, candidato, direccion, tamanoPadron));
    }

    private List<Flujos.Paso> pasosCrearClave(Flujos flujos, AtomicLong candidato, AtomicLong direccion, long tamanoPadron) {
        long k = direccion.getAndIncrement() % ajustes.direcciones();
        long i;
        do {
            i = (candidato.getAndIncrement() * 104_729L) % tamanoPadron;
        } while (i <= migrante(entradasLegadas() - 1) || !PadronSintetico.puedeCrearPorTramite(i));
        return flujos.pasosCrearClave(PadronSintetico.cuil(i), PadronSintetico.tramite(i), direccion(k));
    }

    /** The k-th client address of Crear clave: 127.0.10.1, 127.0.10.2… (loopback: every one reaches the server). */
    static java.net.InetAddress direccion(long k) {
        try {
            return java.net.InetAddress.getByAddress(new byte[] {127, 0, (byte) (10 + k / 250), (byte) (1 + k % 250)});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- padrón

    /** Loads citizens desde..hasta into the jdbc padrón, then measures lookups over all of them. */
    private ObjectNode cargarYMedir(long desde, long hasta) throws Exception {
        ObjectNode fila = Admin.JSON.createObjectNode().put("citizens", hasta);
        long t0 = System.nanoTime();
        try (Connection conexion = DriverManager.getConnection(Preparacion.PADRON_URL, Preparacion.PG_USER, null)) {
            new CargaPadronJdbc(conexion).cargar(PadronSintetico.rango(desde, hasta));
            try (Statement sql = conexion.createStatement()) {
                sql.execute("VACUUM ANALYZE");
            }
        }
        double segundos = (System.nanoTime() - t0) / 1e9;
        fila.put("loadedNow", hasta - desde).put("loadSeconds", segundos).put("loadPerSecond", (hasta - desde) / segundos);
        fila.put("databaseBytes", Preparacion.tamanoBase());
        log("Padrón: %,d more citizens in %.0f s (%,.0f/s), %,d in all, database %,d MB", hasta - desde, segundos,
                (hasta - desde) / segundos, hasta, Preparacion.tamanoBase() / 1_000_000);
        try (JdbcPadron padron = new JdbcPadron(Preparacion.PADRON_URL, Preparacion.PG_USER, null, 2, Duration.ofSeconds(5))) {
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

    // ---------------------------------------------------------------- small things

    private String inicioTexto() {
        return resultado.path("started").asText();
    }

    static void log(String formato, Object... args) {
        System.out.printf("[bench %tT] %s%n", java.time.LocalTime.now(), String.format(formato, args));
    }
}
