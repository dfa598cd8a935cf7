package ar.gob.anses.clavess.bench;

import ar.gob.anses.clavess.legadas.JdbcClavesLegadas;
import ar.gob.anses.clavess.padron.PoolJdbc;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.postgresql.PGConnection;

/**
 * Issue 33's legacy registry in the benchmark (part {@code legadas}): the table of {@code legadas/schema.sql} in the
 * padrón's database, in two schemas of its own. {@link #ESQUEMA_KEYCLOAK} is the registry the benchmark's Keycloak reads
 * (provider jdbc), holding the entries its migrating logins consume; {@link #ESQUEMA_BUSQUEDAS} is loaded to each size of
 * {@code bench.legadasSizes} for the lookups alone, after Keycloak stopped. Both are dropped at the end.
 */
final class ClavesLegadas {

    static final String ESQUEMA_KEYCLOAK = "claves_legadas_bench";
    static final String ESQUEMA_BUSQUEDAS = "claves_legadas_busquedas";
    /** Rows per COPY: about 20 MB of text. */
    private static final int FILAS_POR_TANDA = 200_000;
    /** Lookups of a CUIL with no entry: 1 in this many (a wrong clave of a CUIL in no registry reads it too). */
    private static final int UNA_SIN_ENTRADA_CADA = 10;

    private ClavesLegadas() {
    }

    /** The JDBC URL of a schema of the registry, as the provider's option {@code url} takes it. */
    static String url(String esquema) {
        return Preparacion.PADRON_URL + "?currentSchema=" + esquema;
    }

    /**
     * One bcrypt of cost 10 (the demo registry's kind) of {@code clave}, shared by every row: a login checks the row's
     * hash whatever its salt, so one salt costs what a million would, and loading needs no million bcrypts.
     */
    static String hash(String clave) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return OpenBSDBCrypt.generate("2a", clave.toCharArray(), salt, 10);
    }

    /** The schema with an empty {@code clave_legada}, as a deployer makes it (any earlier one dropped). */
    static void crear(String esquema) throws SQLException, IOException {
        try (Connection conexion = conectar(); Statement sql = conexion.createStatement();
             InputStream ddl = JdbcClavesLegadas.class.getResourceAsStream(JdbcClavesLegadas.SCHEMA_RESOURCE)) {
            sql.execute("DROP SCHEMA IF EXISTS " + esquema + " CASCADE");
            sql.execute("CREATE SCHEMA " + esquema);
            sql.execute("SET search_path TO " + esquema);
            sql.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static void borrar(String esquema) throws SQLException {
        try (Connection conexion = conectar(); Statement sql = conexion.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + esquema + " CASCADE");
        }
    }

    /**
     * Entries {@code desde} to {@code hasta} (exclusive), the n-th of CUIL {@code cuil.apply(n)}, all with {@code hash},
     * level 3 one in ten as in the field, no email (no notice to send), with COPY as the deployer loads them; then
     * {@code ANALYZE}, as docs/claves-legadas.md asks. Seconds it took.
     */
    static double cargar(String esquema, long desde, long hasta, LongFunction<String> cuil, String hash) throws SQLException, IOException {
        long t0 = System.nanoTime();
        try (Connection conexion = conectar()) {
            PGConnection pg = conexion.unwrap(PGConnection.class);
            for (long inicio = desde; inicio < hasta; inicio += FILAS_POR_TANDA) {
                StringBuilder filas = new StringBuilder();
                for (long n = inicio; n < Math.min(hasta, inicio + FILAS_POR_TANDA); n++) {
                    filas.append(cuil.apply(n)).append('\t').append(hash).append("\tbcrypt\t").append(n % 10 == 0 ? 3 : 2)
                            .append("\t\\N\tf\tHABILITADA\t2015-01-01\n");
                }
                pg.getCopyAPI().copyIn("COPY " + esquema + ".clave_legada FROM STDIN", new StringReader(filas.toString()));
            }
            try (Statement sql = conexion.createStatement()) {
                sql.execute("ANALYZE " + esquema + ".clave_legada");
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * The lookup at each size: entries loaded up to it (the synthetic citizens' CUILs), then {@code JdbcClavesLegadas.buscar},
     * the provider's own query over its own pool, of a random CUIL (1 in 10 with no entry), one thread, after a 3 s
     * warm-up, as the padrón's lookups are measured. The schema is dropped at the end.
     */
    static ArrayNode medirBusquedas(List<Long> tamanos, Duration duracion) throws Exception {
        ArrayNode filas = Admin.JSON.createArrayNode();
        String hash = hash(Flujos.CLAVE);
        crear(ESQUEMA_BUSQUEDAS);
        try {
            long cargadas = 0;
            for (long tamano : tamanos) {
                double segundos = cargar(ESQUEMA_BUSQUEDAS, cargadas, tamano, PadronSintetico::cuil, hash);
                Benchmark.log("Claves legadas: %,d more entries in %.0f s (%,.0f/s), %,d in all", tamano - cargadas, segundos,
                        (tamano - cargadas) / segundos, tamano);
                ObjectNode fila = filas.addObject().put("entradas", tamano).put("cargadasAhora", tamano - cargadas).put("cargaSegundos", segundos);
                fila.set("lookup", Admin.JSON.valueToTree(buscar(tamano, duracion)));
                cargadas = tamano;
            }
        } finally {
            borrar(ESQUEMA_BUSQUEDAS);
        }
        return filas;
    }

    private static Carga.Medicion buscar(long tamano, Duration duracion) throws InterruptedException {
        try (JdbcClavesLegadas registro = new JdbcClavesLegadas(new PoolJdbc.Opciones(url(ESQUEMA_BUSQUEDAS), Preparacion.PG_USER, null,
                2, Duration.ofSeconds(5)))) {
            Carga.Operacion busqueda = () -> {
                ThreadLocalRandom azar = ThreadLocalRandom.current();
                boolean sinEntrada = azar.nextInt(UNA_SIN_ENTRADA_CADA) == 0;
                long n = sinEntrada ? tamano + azar.nextLong(1_000_000) : azar.nextLong(tamano);
                if (registro.buscar(PadronSintetico.cuilDe(n)).isPresent() == sinEntrada) {
                    throw new IllegalStateException("entry " + n + (sinEntrada ? " found" : " not found"));
                }
            };
            Carga.medir("warm-up legacy lookups " + tamano, 1, Duration.ofSeconds(3), () -> busqueda);
            return Carga.medir("legacy lookup at " + tamano, 1, duracion, () -> busqueda).medicion();
        }
    }

    private static Connection conectar() throws SQLException {
        return DriverManager.getConnection(Preparacion.PADRON_URL, Preparacion.PG_USER, null);
    }
}
