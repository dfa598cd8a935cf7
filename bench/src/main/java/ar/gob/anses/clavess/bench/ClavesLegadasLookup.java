package ar.gob.anses.clavess.bench;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.legadas.JdbcClavesLegadas;
import ar.gob.anses.clavess.padron.PoolJdbc;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.postgresql.PGConnection;

/**
 * Issue 33's figures, standalone (not part of {@code bench/run}): the jdbc legacy registry's lookup at 1 M and 10 M
 * entries (rows loaded with COPY into a schema of its own, dropped at the end; one thread, the provider's own query and
 * pool), and what a migrating login hashes beside a normal one (one bcrypt of cost 10 and one Argon2 with Keycloak's
 * default parameters, against one Argon2). Prints the figures; writes nothing else.
 *
 * <pre>java -cp … ar.gob.anses.clavess.bench.ClavesLegadasLookup [jdbc-url] [user] [sizes, e.g. 1000000,10000000]</pre>
 */
public final class ClavesLegadasLookup {

    private static final String ESQUEMA = "claves_legadas_bench";
    private static final int CONSULTAS = 20_000;
    /** One bcrypt for every row: a real hash string; which one does not change the lookup. */
    private static final String HASH = "$2a$10$Ee4lBHFyummAqpOFMaZON.kHD3gCbJrrLwGvni9nQpRP6O9dKURqG";

    private ClavesLegadasLookup() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test";
        String user = args.length > 1 ? args[1] : "root";
        int[] tamanos = Arrays.stream((args.length > 2 ? args[2] : "1000000,10000000").split(",")).mapToInt(Integer::parseInt).toArray();
        hashes();
        try (Connection conexion = DriverManager.getConnection(url, user, "")) {
            crear(conexion);
            int cargadas = 0;
            for (int tamano : tamanos) {
                long t0 = System.nanoTime();
                cargar(conexion, cargadas, tamano);
                cargadas = tamano;
                System.out.printf(Locale.ROOT, "loaded %,d entries in %.1f s%n", tamano, (System.nanoTime() - t0) / 1e9);
                medir(url + "?currentSchema=" + ESQUEMA, user, tamano);
            }
        } finally {
            try (Connection conexion = DriverManager.getConnection(url, user, ""); Statement sql = conexion.createStatement()) {
                sql.execute("DROP SCHEMA IF EXISTS " + ESQUEMA + " CASCADE");
            }
        }
    }

    private static void crear(Connection conexion) throws SQLException, IOException {
        try (Statement sql = conexion.createStatement();
             InputStream ddl = JdbcClavesLegadas.class.getResourceAsStream(JdbcClavesLegadas.SCHEMA_RESOURCE)) {
            sql.execute("DROP SCHEMA IF EXISTS " + ESQUEMA + " CASCADE");
            sql.execute("CREATE SCHEMA " + ESQUEMA);
            sql.execute("SET search_path TO " + ESQUEMA);
            sql.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Entries {@code desde} to {@code hasta} (DNIs from 10 000 000 on), in COPY batches of 200 000 rows. */
    private static void cargar(Connection conexion, int desde, int hasta) throws SQLException, IOException {
        PGConnection pg = conexion.unwrap(PGConnection.class);
        for (int inicio = desde; inicio < hasta; inicio += 200_000) {
            StringBuilder filas = new StringBuilder();
            for (int i = inicio; i < Math.min(hasta, inicio + 200_000); i++) {
                filas.append(cuil(i)).append('\t').append(HASH).append("\tbcrypt\t").append(i % 10 == 0 ? 3 : 2)
                        .append("\t\\N\tf\tHABILITADA\t2015-01-01\n");
            }
            pg.getCopyAPI().copyIn("COPY " + ESQUEMA + ".clave_legada FROM STDIN", new StringReader(filas.toString()));
        }
        try (Statement sql = conexion.createStatement()) {
            sql.execute("ANALYZE " + ESQUEMA + ".clave_legada");
        }
    }

    private static String cuil(int i) {
        String dni = String.format(Locale.ROOT, "%08d", 10_000_000 + i);
        for (String prefijo : new String[] {"20", "27", "23"}) {
            int digito = Cuil.digitoVerificador(prefijo + dni);
            if (digito >= 0) {
                return prefijo + dni + digito;
            }
        }
        throw new IllegalStateException(dni);
    }

    /** Lookups of random entries (and 1 in 10 of CUILs with none), one after another, through the provider's pool. */
    private static void medir(String url, String user, int tamano) {
        try (JdbcClavesLegadas registro = new JdbcClavesLegadas(new PoolJdbc.Opciones(url, user, null, 2, Duration.ofSeconds(5)))) {
            SplittableRandom azar = new SplittableRandom(33);
            for (int i = 0; i < 2_000; i++) {
                registro.buscar(Cuil.leer(cuil(azar.nextInt(tamano))).cuil()); // warm-up: JIT, pool, PostgreSQL's cache
            }
            long[] nanos = new long[CONSULTAS];
            for (int i = 0; i < CONSULTAS; i++) {
                int n = i % 10 == 0 ? tamano + azar.nextInt(1_000_000) : azar.nextInt(tamano);
                Cuil cuil = Cuil.leer(cuil(n)).cuil();
                long t0 = System.nanoTime();
                registro.buscar(cuil);
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%,d entries: %d lookups, p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", tamano, CONSULTAS,
                    nanos[CONSULTAS / 2] / 1e6, nanos[CONSULTAS * 99 / 100] / 1e6, nanos[CONSULTAS - 1] / 1e6);
        }
    }

    /** One bcrypt cost 10 (the demo's kind) and one Keycloak-default Argon2, each the median of 30. */
    private static void hashes() {
        SecureRandom azar = new SecureRandom();
        byte[] salt = new byte[16];
        azar.nextBytes(salt);
        String bcrypt = OpenBSDBCrypt.generate("2a", "Jacaranda3".toCharArray(), salt, 10);
        double bcryptMs = mediana(() -> OpenBSDBCrypt.checkPassword(bcrypt, "Jacaranda3".toCharArray()));
        double argon2Ms = mediana(() -> argon2(azar));
        System.out.printf(Locale.ROOT, "normal login: 1 Argon2 = %.1f ms; migrating login: 1 bcrypt cost 10 + 1 Argon2 = %.1f ms "
                + "(%.1fx); a wrong clave of a CUIL without an account: the same as the migrating one%n",
                argon2Ms, bcryptMs + argon2Ms, (bcryptMs + argon2Ms) / argon2Ms);
    }

    private static double mediana(Runnable trabajo) {
        for (int i = 0; i < 5; i++) {
            trabajo.run();
        }
        long[] nanos = new long[30];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            trabajo.run();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1e6;
    }

    /** Keycloak 26.7.3's default: Argon2id 1.3, 7168 KiB, 5 iterations, parallelism 1, 32 bytes. */
    private static void argon2(SecureRandom azar) {
        byte[] salt = new byte[16];
        azar.nextBytes(salt);
        Argon2BytesGenerator generador = new Argon2BytesGenerator();
        generador.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(7168).withIterations(5).withParallelism(1).withSalt(salt).build());
        byte[] hash = new byte[32];
        generador.generateBytes(Base64.getEncoder().encode(salt), hash);
    }
}
