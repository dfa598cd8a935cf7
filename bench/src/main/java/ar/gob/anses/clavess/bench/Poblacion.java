package ar.gob.anses.clavess.bench;

import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.testsupport.CargaPadronJdbc;
import ar.gob.anses.clavess.testsupport.CargaPoblacion;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.PoblacionSintetica;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * {@code bench/run -Dbench.poblacion=10000,1000000}: a country's worth of accounts (issue 35). Keycloak 26.7.3 in
 * production mode on PostgreSQL, in databases of its own ({@value #DB} and {@value #DB_PADRON}, apart from the rest of the
 * benchmark's); for each size, in ascending order, the accounts still missing are loaded into Keycloak's own tables with
 * COPY ({@link CargaPoblacion}, {@link PoblacionSintetica}), with the pending requests and the outbox of a live system,
 * then ANALYZE; then every request is timed against that population, and the activity page's office query of before the
 * fix (five admin-event queries by resource path) against today's (one query on ANSES_ACTIVIDAD_OFICINA), in SQL.
 * The result goes into {@code docs/benchmarks.json} under {@code poblacion} (size → request → p50/p99) and the report.
 */
final class Poblacion {

    static final String DB = "clavess_poblacion_keycloak";
    static final String DB_PADRON = "clavess_poblacion_padron";
    /** Pending requests are of padrón citizens from this index on (PadronSintetico), so no account has their CUIL. */
    static final long PRIMER_PENDIENTE = 50_000_000L;
    /** The template account, whose clave's hash every synthetic account shares (DNI 90 000 000, nobody's). */
    static final long PLANTILLA = 60_000_000L;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Long> tamanos;
    private final int concurrencia = Integer.getInteger("bench.poblacionConcurrency", 2);
    private final Duration ronda = Duration.ofSeconds(Long.getLong("bench.poblacionSeconds", 15));
    private final Duration calentamiento = Duration.ofSeconds(Long.getLong("bench.poblacionWarmupSeconds", 5));
    private final AtomicLong siguientePendiente = new AtomicLong();
    private PoblacionSintetica.Plantilla plantilla;
    private long pendientesCargadas;
    private long cuentasCargadas;

    Poblacion(List<Long> tamanos) {
        this.tamanos = tamanos.stream().sorted().toList();
    }

    /** Pending requests at a size: one per 200 accounts, at least enough for the office's POSTs of a round. */
    static long pendientes(long cuentas) {
        return Math.max(cuentas / 200, 3_000);
    }

    /** Outbox rows waiting (a retry later) at a size: one per 10 000 accounts, as a live system has a few. */
    static long enEspera(long cuentas) {
        return cuentas / 10_000;
    }

    /**
     * Measures every size; into {@code resultado}: {@code poblacion} (size → request → p50, p99 and the rest of the
     * round) and {@code poblacionDetalle} (the settings, and per size the load and the office query in SQL).
     */
    void medir(Path home, Path jar, Path realmDir, Path trabajo, ObjectNode resultado) throws Exception {
        ObjectNode porTamano = resultado.putObject("poblacion");
        ObjectNode detalle = resultado.putObject("poblacionDetalle");
        detalle.put("concurrencia", concurrencia).put("rondaSegundos", ronda.toSeconds())
                .put("loadAverage", java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip());
        Preparacion.crearBase(DB);
        Preparacion.crearBase(DB_PADRON);
        long maxPendientes = pendientes(tamanos.get(tamanos.size() - 1));
        try (Connection padron = DriverManager.getConnection(Preparacion.PG + DB_PADRON, Preparacion.PG_USER, null)) {
            CargaPadronJdbc.crearTablas(padron);
            new CargaPadronJdbc(padron).cargar(personasPendientes(maxPendientes));
        }
        int puerto = KeycloakServer.freePort();
        URI base = URI.create("http://localhost:" + puerto + "/");
        KeycloakServer server = Preparacion.arrancar(home, jar, realmDir, trabajo, true, puerto, 0, DB, Preparacion.PG + DB_PADRON, null);
        try (Connection db = DriverManager.getConnection(Preparacion.PG + DB, Preparacion.PG_USER, null)) {
            Admin admin = new Admin(base);
            plantilla = preparar(admin, db);
            for (long tamano : tamanos) {
                ObjectNode fila = detalle.putObject(String.valueOf(tamano));
                fila.set("carga", cargar(db, tamano));
                fila.set("oficinaSql", intentar("office query in SQL", () -> oficinaSql(db, tamano)));
                if (!detalle.has("cacheUsuarios")) {
                    detalle.set("cacheUsuarios", intentar("users cache", () -> cacheUsuarios(admin, tamano)));
                }
                porTamano.set(String.valueOf(tamano), peticiones(base, admin, tamano));
                fila.put("loadAverageDespues", java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip());
            }
        } finally {
            server.close();
        }
    }

    /** The bench's client, the console's redirect, the template account; what every synthetic account shares. */
    private PoblacionSintetica.Plantilla preparar(Admin admin, Connection db) throws Exception {
        admin.post(Benchmark.ANSES + "/clients", Preparacion.cliente(admin));
        JsonNode consola = admin.get(Benchmark.ANSES + "/clients?clientId=account-console").get(0);
        ((ArrayNode) consola.get("redirectUris")).add(Flujos.REDIRECT);
        admin.put(Benchmark.ANSES + "/clients/" + consola.get("id").asText(), consola);
        String cuil = PoblacionSintetica.cuil(PLANTILLA);
        ObjectNode usuario = admin.objeto().put("username", cuil).put("enabled", true).put("firstName", "Plantilla").put("lastName", "Poblacion");
        ObjectNode atributos = usuario.putObject("attributes");
        atributos.putArray("dni").add(cuil.substring(2, 10));
        atributos.putArray("birthdate").add("1980-01-01");
        atributos.putArray("nivel").add("2");
        usuario.putArray("credentials").addObject().put("type", "password").put("value", Flujos.CLAVE).put("temporary", false);
        admin.post(Benchmark.ANSES + "/users", usuario);
        String realmId = uno(db, "SELECT id FROM realm WHERE name = ?", Benchmark.ANSES);
        String userId = uno(db, "SELECT id FROM user_entity WHERE realm_id = ? AND username = ?", realmId, cuil);
        return new PoblacionSintetica.Plantilla(realmId,
                uno(db, "SELECT id FROM keycloak_role WHERE realm_id = ? AND name = ?", realmId, "default-roles-" + Benchmark.ANSES),
                uno(db, "SELECT secret_data FROM credential WHERE user_id = ? AND type = 'password'", userId),
                uno(db, "SELECT credential_data FROM credential WHERE user_id = ? AND type = 'password'", userId),
                userId, System.currentTimeMillis());
    }

    /** The accounts, pending requests and waiting notices still missing up to {@code tamano}, then ANALYZE. */
    private ObjectNode cargar(Connection db, long tamano) throws Exception {
        long bytesAntes = tamanoBase(db);
        long t0 = System.nanoTime();
        Map<String, Long> filas = new CargaPoblacion(db).cargar(plantilla, cuentasCargadas, tamano);
        long nuevas = tamano - cuentasCargadas;
        long pendientesNuevas = pendientes(tamano) - pendientesCargadas;
        try (Statement sql = db.createStatement()) {
            try (PreparedStatement pendiente = db.prepareStatement("INSERT INTO anses_solicitud_pendiente (id, realm_id, cuil, clave_secreto, "
                    + "clave_datos, email, codigo_usi07, creada, intentos_fallidos) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                for (long j = pendientesCargadas; j < pendientes(tamano); j++) {
                    pendiente.setString(1, "pob-s-" + j);
                    pendiente.setString(2, plantilla.realmId());
                    pendiente.setString(3, PadronSintetico.cuil(pendiente(j)));
                    pendiente.setString(4, plantilla.claveSecreto());
                    pendiente.setString(5, plantilla.claveDatos());
                    pendiente.setString(6, "pendiente" + j + "@correo.example");
                    pendiente.setString(7, codigoPendiente(j));
                    pendiente.setLong(8, plantilla.ahora() - (j % 80) * PoblacionSintetica.DIA_MS); // within the 90 days to enable it
                    pendiente.addBatch();
                }
                pendiente.executeBatch();
            }
            sql.execute("INSERT INTO anses_aviso (id, realm_id, user_id, tipo, nivel_anterior, nivel_nuevo, cuando, por_oficina, intentos, "
                    + "proximo_intento, creado) SELECT 'pob-a-' || g, '" + plantilla.realmId() + "', '" + PoblacionSintetica.userId(0)
                    + "', 'CLAVE_CAMBIADA', 0, 0, " + plantilla.ahora() + ", false, 3, " + (plantilla.ahora() + 30 * PoblacionSintetica.DIA_MS) + ", "
                    + plantilla.ahora() + " FROM generate_series(" + enEspera(cuentasCargadas) + ", " + (enEspera(tamano) - 1) + ") g");
        }
        double cargaSegundos = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        new CargaPoblacion(db).analizar();
        try (Statement sql = db.createStatement()) {
            sql.execute("ANALYZE anses_solicitud_pendiente");
            sql.execute("ANALYZE anses_aviso");
        }
        double analizarSegundos = (System.nanoTime() - t1) / 1e9;
        long bytes = tamanoBase(db);
        ObjectNode carga = Admin.JSON.createObjectNode().put("cuentasNuevas", nuevas).put("segundos", cargaSegundos)
                .put("analyzeSegundos", analizarSegundos).put("segundosPorMillon", cargaSegundos * 1_000_000 / Math.max(1, nuevas))
                .put("bytesBase", bytes).put("bytesPorCuenta", (bytes - bytesAntes) / (double) Math.max(1, nuevas))
                .put("pendientes", pendientes(tamano)).put("avisosEnEspera", enEspera(tamano));
        carga.set("filas", Admin.JSON.valueToTree(filas));
        carga.set("tablas", tablas(db));
        Benchmark.log("Population %,d: %,d accounts loaded in %.0f s (%.0f s per million), ANALYZE %.0f s, database %,d MB (%.0f bytes per account)",
                tamano, nuevas, cargaSegundos, cargaSegundos * 1_000_000 / Math.max(1, nuevas), analizarSegundos, bytes / 1_000_000,
                (bytes - bytesAntes) / (double) Math.max(1, nuevas));
        cuentasCargadas = tamano;
        pendientesCargadas = pendientes(tamano);
        return carga;
    }

    /**
     * The activity page's office entries in SQL, for 200 random accounts: before the fix, Keycloak's admin-event query by
     * resource path five times (as {@code JpaAdminEventQuery} runs it: realm, path LIKE, time, newest first); after it,
     * one query on ANSES_ACTIVIDAD_OFICINA. Milliseconds per page, p50 and p99.
     */
    private ObjectNode oficinaSql(Connection db, long tamano) throws SQLException {
        long desde = plantilla.ahora() - PoblacionSintetica.DIAS * PoblacionSintetica.DIA_MS;
        long[] antes = new long[200];
        long[] despues = new long[200];
        try (PreparedStatement viejo = db.prepareStatement("SELECT * FROM admin_event_entity WHERE realm_id = ? AND resource_path LIKE ? "
                + "AND admin_event_time >= ? ORDER BY admin_event_time DESC LIMIT 200");
             PreparedStatement nuevo = db.prepareStatement("SELECT * FROM anses_actividad_oficina WHERE realm_id = ? AND user_id = ? "
                     + "AND tiempo >= ? ORDER BY tiempo DESC, id LIMIT 200")) {
            for (int k = 0; k < antes.length; k++) {
                long i = ThreadLocalRandom.current().nextLong(tamano);
                String id = PoblacionSintetica.userId(i);
                String cuil = PoblacionSintetica.cuil(i);
                long t0 = System.nanoTime();
                for (String ruta : List.of("users/" + id, "users/" + id + "/%", "attack-detection/brute-force/users/" + id,
                        "anses-nivel/" + cuil, "anses-habilitacion/" + cuil)) {
                    viejo.setString(1, plantilla.realmId());
                    viejo.setString(2, ruta);
                    viejo.setLong(3, desde);
                    leerTodo(viejo);
                }
                antes[k] = System.nanoTime() - t0;
                long t1 = System.nanoTime();
                nuevo.setString(1, plantilla.realmId());
                nuevo.setString(2, id);
                nuevo.setLong(3, desde);
                leerTodo(nuevo);
                despues[k] = System.nanoTime() - t1;
            }
        }
        Arrays.sort(antes);
        Arrays.sort(despues);
        ObjectNode sql = Admin.JSON.createObjectNode();
        sql.putObject("antes").put("p50", Carga.percentil(antes, 0.5)).put("p99", Carga.percentil(antes, 0.99));
        sql.putObject("despues").put("p50", Carga.percentil(despues, 0.5)).put("p99", Carga.percentil(despues, 0.99));
        Benchmark.log("Population %,d: activity page's office entries in SQL: before p50 %.2f ms p99 %.2f ms; after p50 %.2f ms p99 %.2f ms",
                tamano, sql.at("/antes/p50").asDouble(), sql.at("/antes/p99").asDouble(), sql.at("/despues/p50").asDouble(),
                sql.at("/despues/p99").asDouble());
        return sql;
    }

    /**
     * What one account costs in Keycloak's {@code users} cache, on the heap: the live heap after a full GC, before and after
     * {@value #EN_CACHE} accounts never read yet are read by the office's {@code anses-nivel} GET (which loads the user and
     * its attributes into the cache and opens no session), with the cache still far from its 10 000 entries.
     */
    private ObjectNode cacheUsuarios(Admin admin, long tamano) throws Exception {
        long pid = Preparacion.pidDeKeycloak();
        long antes = heapVivo(pid);
        long cuantos = Math.min(EN_CACHE, tamano / 2);
        List<Long> indices = LongStream.range(0, cuantos).map(k -> (k * 7_919L) % tamano).boxed().toList();
        for (long i : indices) {
            admin.get(Benchmark.ANSES + "/anses-nivel/" + PoblacionSintetica.cuil(i));
        }
        long despues = heapVivo(pid);
        ObjectNode cache = Admin.JSON.createObjectNode().put("usuariosLeidos", cuantos).put("heapVivoAntes", antes).put("heapVivoDespues", despues)
                .put("bytesPorUsuario", (despues - antes) / (double) cuantos);
        Benchmark.log("Users cache: %,d accounts read, live heap %,d → %,d KB: %.0f bytes per cached account", cuantos, antes / 1024,
                despues / 1024, (despues - antes) / (double) cuantos);
        return cache;
    }

    static final int EN_CACHE = 5_000;

    /** The JVM's heap in use right after a full GC (jcmd GC.run, then GC.heap_info), in bytes. */
    private static long heapVivo(long pid) throws Exception {
        jcmd(pid, "GC.run");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("no heap figure from jcmd " + pid);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static String jcmd(long pid, String orden) throws Exception {
        Process p = new ProcessBuilder("jcmd", String.valueOf(pid), orden).redirectErrorStream(true).start();
        String salida = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return salida;
    }

    /** Every request, timed against the population of {@code tamano}. */
    private ObjectNode peticiones(URI base, Admin admin, long tamano) throws Exception {
        ObjectNode peticiones = Admin.JSON.createObjectNode();
        ciudadano(peticiones, base, tamano);
        oficina(peticiones, admin, tamano);
        return peticiones;
    }

    /**
     * {@code -Dbench.poblacionSeguir=true}: Keycloak again on the population a run left in {@value #DB} (nothing loaded),
     * the citizen's requests only, merged into that size's figures.
     */
    void seguir(Path home, Path jar, Path realmDir, Path trabajo, ObjectNode resultado) throws Exception {
        int puerto = KeycloakServer.freePort();
        URI base = URI.create("http://localhost:" + puerto + "/");
        KeycloakServer server = Preparacion.arrancar(home, jar, realmDir, trabajo, true, puerto, 0, DB, Preparacion.PG + DB_PADRON, null);
        try (Connection db = DriverManager.getConnection(Preparacion.PG + DB, Preparacion.PG_USER, null)) {
            long tamano = Long.parseLong(uno(db, "SELECT count(*) FROM user_entity WHERE id LIKE '00000000-0000-4000-8000-%'"));
            ObjectNode peticiones = objeto(objeto(resultado, "poblacion"), String.valueOf(tamano));
            ciudadano(peticiones, base, tamano);
            objeto(objeto(resultado, "poblacionDetalle"), String.valueOf(tamano)).put("ciudadanoDeNuevo",
                    "the citizen's requests measured again on " + java.time.LocalDate.now() + " on the same data (bench.poblacionSeguir)");
        } finally {
            server.close();
        }
    }

    private static ObjectNode objeto(ObjectNode padre, String campo) {
        return padre.get(campo) instanceof ObjectNode o ? o : padre.putObject(campo);
    }

    private void ciudadano(ObjectNode peticiones, URI base, long tamano) throws Exception {
        Flujos flujos = new Flujos(base);
        AtomicLong turno = new AtomicLong();
        medir(peticiones, "login (random account, cache cold)", () -> () -> flujos.login(Benchmark.ANSES, cuilAlAzar(tamano), Flujos.CLAVE));
        medir(peticiones, "login (20 accounts, cache warm)", () -> () -> flujos.login(Benchmark.ANSES,
                cuilSinFactor(turno.getAndIncrement() % 20), Flujos.CLAVE));
        List<String> tokens = new ArrayList<>();
        try {
            for (int k = 0; k < 20; k++) {
                tokens.add(flujos.loginConsola(cuilAlAzar(tamano), Flujos.CLAVE).get("access_token").asText());
            }
            medir(peticiones, "Actividad de tu cuenta", () -> () -> actividad(base, tokens.get((int) (turno.getAndIncrement() % tokens.size()))));
        } catch (Exception e) {
            Benchmark.log("Actividad de tu cuenta not measured: %s", e);
            peticiones.putObject("Actividad de tu cuenta").put("p50", Double.NaN).put("p99", Double.NaN).put("porSegundo", 0).put("ok", 0)
                    .put("errores", 1).put("primerError", String.valueOf(e));
        }
    }

    private void oficina(ObjectNode peticiones, Admin admin, long tamano) throws Exception {
        medir(peticiones, "anses-nivel GET", () -> () -> admin.get(Benchmark.ANSES + "/anses-nivel/" + cuilAlAzar(tamano)));
        medir(peticiones, "anses-nivel PUT", () -> () -> {
            long i = ThreadLocalRandom.current().nextLong(tamano);
            admin.put(Benchmark.ANSES + "/anses-nivel/" + PoblacionSintetica.cuil(i), Map.of("nivel", ThreadLocalRandom.current().nextBoolean() ? 3 : 2));
        });
        medir(peticiones, "anses-usi07 GET", () -> () -> admin.get(Benchmark.ANSES + "/anses-usi07/"
                + PoblacionSintetica.codigoUsi07(ThreadLocalRandom.current().nextLong(tamano))));
        medir(peticiones, "anses-habilitacion GET (pending)", () -> () -> admin.get(Benchmark.ANSES + "/anses-habilitacion/"
                + PadronSintetico.cuil(pendiente(ThreadLocalRandom.current().nextLong(siguientePendiente.get(), pendientesCargadas)))));
        medir(peticiones, "anses-habilitacion POST (USI-07)", () -> () -> {
            long j = siguientePendiente.getAndIncrement();
            if (j >= pendientesCargadas) {
                throw new IllegalStateException("no pending request left");
            }
            admin.post(Benchmark.ANSES + "/anses-habilitacion/" + PadronSintetico.cuil(pendiente(j)), Map.of("nivel", 2, "codigo", codigoPendiente(j)));
        });
    }

    /** A part that may fail without losing the rest of the run: its figures, or what went wrong. */
    private static JsonNode intentar(String parte, java.util.concurrent.Callable<JsonNode> medicion) {
        try {
            return medicion.call();
        } catch (Exception e) {
            Benchmark.log("%s not measured: %s", parte, e);
            return Admin.JSON.createObjectNode().put("error", String.valueOf(e));
        }
    }

    private void medir(ObjectNode peticiones, String nombre, Supplier<Carga.Operacion> operacion) throws InterruptedException {
        Carga.medir("warm-up " + nombre, concurrencia, calentamiento, operacion);
        Carga.Medicion m = Carga.medir(nombre, concurrencia, ronda, operacion).medicion();
        peticiones.putObject(nombre).put("p50", m.p50()).put("p99", m.p99()).put("porSegundo", m.porSegundo()).put("ok", m.ok())
                .put("errores", m.errores()).put("primerError", m.primerError());
    }

    private static void actividad(URI base, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("realms/" + Benchmark.ANSES + "/anses-actividad"))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "es-AR").timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("\"entradas\"")) {
            throw new IllegalStateException("anses-actividad answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** Any account's CUIL (a login of one with a second factor would stop at its code: those are left out). */
    private static String cuilAlAzar(long tamano) {
        long i;
        do {
            i = ThreadLocalRandom.current().nextLong(tamano);
        } while (PoblacionSintetica.conSegundoFactor(i));
        return PoblacionSintetica.cuil(i);
    }

    /** The k-th account without a second factor. */
    private static String cuilSinFactor(long k) {
        return PoblacionSintetica.cuil(LongStream.iterate(0, i -> i + 1).filter(i -> !PoblacionSintetica.conSegundoFactor(i)).skip(k)
                .findFirst().orElseThrow());
    }

    /** The padrón index of the j-th pending request's citizen: one who may enable a clave (not under curatela). */
    static long pendiente(long j) {
        long i = PRIMER_PENDIENTE + 2 * j;
        return PadronSintetico.bajoCuratela(i) ? i + 1 : i;
    }

    /** The j-th pending request's USI-07 code (a code no account has: drawn apart from theirs). */
    static String codigoPendiente(long j) {
        return PoblacionSintetica.codigoUsi07(-1 - j);
    }

    private static Iterator<Persona> personasPendientes(long cuantas) {
        return LongStream.range(0, cuantas).mapToObj(j -> PadronSintetico.persona(pendiente(j))).iterator();
    }

    private static ObjectNode tablas(Connection db) throws SQLException {
        ObjectNode tablas = Admin.JSON.createObjectNode();
        try (Statement sql = db.createStatement(); ResultSet r = sql.executeQuery("SELECT relname, pg_total_relation_size(oid) FROM pg_class "
                + "WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 2 DESC LIMIT 12")) {
            while (r.next()) {
                tablas.put(r.getString(1), r.getLong(2));
            }
        }
        return tablas;
    }

    private static long tamanoBase(Connection db) throws SQLException {
        return Long.parseLong(uno(db, "SELECT pg_database_size(current_database())"));
    }

    private static void leerTodo(PreparedStatement consulta) throws SQLException {
        try (ResultSet r = consulta.executeQuery()) {
            while (r.next()) {
                r.getString(1);
            }
        }
    }

    private static String uno(Connection db, String consulta, String... parametros) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(consulta)) {
            for (int p = 0; p < parametros.length; p++) {
                s.setString(p + 1, parametros[p]);
            }
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("nothing for " + consulta + " " + Arrays.toString(parametros));
                }
                return r.getString(1);
            }
        }
    }
}
