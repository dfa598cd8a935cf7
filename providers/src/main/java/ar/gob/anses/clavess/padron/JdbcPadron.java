package ar.gob.anses.clavess.padron;

import ar.gob.anses.clavess.cuenta.Cuil;
import io.agroal.api.AgroalDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry in PostgreSQL, in the tables of {@code schema.sql}: one prepared query per lookup (the lists
 * come back as arrays, so a lookup is one round trip) over an Agroal pool ({@link PoolJdbc}).
 */
public final class JdbcPadron implements AutoCloseable {

    /** The table definitions; the statements after the {@code @after-load} line are constraints for after a bulk load. */
    public static final String SCHEMA_RESOURCE = "schema.sql";

    static final String BUSCAR = """
            SELECT p.nombre, p.apellido, p.dni, p.fecha_nacimiento, p.sexo, p.provincia_nacimiento,
                   p.fecha_emision_dni, p.categoria_autonomo, p.residencia, p.bajo_curatela,
                   ARRAY(SELECT t.tramite FROM padron_tramite t WHERE t.cuil = p.cuil ORDER BY t.orden) AS tramites,
                   ARRAY(SELECT e.nombre FROM padron_persona_empleador pe JOIN padron_empleador e ON e.id = pe.empleador_id
                         WHERE pe.cuil = p.cuil ORDER BY pe.orden) AS empleadores,
                   ARRAY(SELECT r.prestacion FROM padron_prestacion r WHERE r.cuil = p.cuil ORDER BY r.orden) AS prestaciones,
                   ARRAY(SELECT c.curado_cuil FROM padron_curado c WHERE c.curador_cuil = p.cuil ORDER BY c.orden) AS curados
            FROM padron_persona p WHERE p.cuil = ?""";

    /** The wards of a curador alone: one index lookup, where {@link #BUSCAR} reads the person and four lists. */
    static final String CURADOS = "SELECT c.curado_cuil FROM padron_curado c WHERE c.curador_cuil = ? ORDER BY c.orden";

    /** Wrong options need names that look like the registry's; more than this adds nothing but memory. */
    static final int EMPLEADORES_MAXIMO = 10_000;
    static final String EMPLEADORES = "SELECT nombre FROM padron_empleador ORDER BY id LIMIT " + EMPLEADORES_MAXIMO;
    /** New employers show up in wrong options within this time. */
    private static final Duration EMPLEADORES_VIGENCIA = Duration.ofHours(1);

    private record Empleadores(Set<String> nombres, long leidosNanos) {
    }

    private final AgroalDataSource pool;
    private final int tamanoPool;
    private final int timeoutSegundos;
    private volatile Empleadores empleadores;

    /**
     * @param url      a PostgreSQL JDBC URL ({@code currentSchema=} picks the schema)
     * @param timeout  bounds each of: waiting for a free connection, connecting, one query
     */
    public JdbcPadron(String url, String usuario, String clave, int tamanoPool, Duration timeout) {
        this(new PoolJdbc.Opciones(url, usuario, clave, tamanoPool, timeout));
    }

    JdbcPadron(PoolJdbc.Opciones opciones) {
        this.pool = opciones.pool("clave-ss padron");
        this.tamanoPool = opciones.tamano();
        this.timeoutSegundos = PoolJdbc.segundos(opciones.timeout());
    }

    public Optional<Persona> buscar(Cuil cuil) {
        return porCuil(BUSCAR, cuil, fila -> fila.next() ? Optional.of(persona(cuil, fila)) : Optional.empty());
    }

    /** The wards the registry lists for {@code curador}; a row of the table is checked as a person's would be. */
    public List<Cuil> curados(Cuil curador) {
        return porCuil(CURADOS, curador, filas -> {
            List<Cuil> curados = new ArrayList<>();
            while (filas.next()) {
                try {
                    curados.add(Persona.cuil(filas.getString(1), "curados"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("padrón row of CUIL " + curador.digitos() + " is invalid: " + e.getMessage(), e);
                }
            }
            return List.copyOf(curados);
        });
    }

    @FunctionalInterface
    private interface Lectura<T> {
        T leer(ResultSet filas) throws SQLException;
    }

    /** One prepared query by CUIL on a pooled connection, bounded by the timeout. */
    private <T> T porCuil(String sql, Cuil cuil, Lectura<T> lectura) {
        try (Connection conexion = pool.getConnection(); PreparedStatement consulta = conexion.prepareStatement(sql)) {
            consulta.setQueryTimeout(timeoutSegundos);
            consulta.setString(1, cuil.digitos());
            try (ResultSet filas = consulta.executeQuery()) {
                return lectura.leer(filas);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("padrón lookup failed: " + e.getMessage(), e);
        }
    }

    /** The catalogue's employers and up to {@value #EMPLEADORES_MAXIMO} of the registry's, re-read every hour. */
    public Collection<String> empleadores() {
        Empleadores leidos = empleadores;
        if (leidos == null || System.nanoTime() - leidos.leidosNanos() > EMPLEADORES_VIGENCIA.toNanos()) {
            leidos = new Empleadores(leerEmpleadores(), System.nanoTime());
            empleadores = leidos; // two threads may both read: harmless, same result
        }
        return leidos.nombres();
    }

    private Set<String> leerEmpleadores() {
        try {
            Set<String> nombres = new TreeSet<>(Catalogo.EMPLEADORES);
            try (Connection conexion = pool.getConnection(); PreparedStatement consulta = conexion.prepareStatement(EMPLEADORES)) {
                consulta.setQueryTimeout(timeoutSegundos);
                try (ResultSet filas = consulta.executeQuery()) {
                    while (filas.next()) {
                        nombres.add(filas.getString(1));
                    }
                }
            }
            return Set.copyOf(nombres);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the padrón's employers: " + e.getMessage(), e);
        }
    }

    private static Persona persona(Cuil cuil, ResultSet fila) throws SQLException {
        try {
            return new Persona(cuil.digitos(), fila.getString("nombre"), fila.getString("apellido"), fila.getString("dni"),
                    lista(fila.getArray("tramites")), fecha(fila, "fecha_nacimiento"), fila.getString("sexo"),
                    fila.getString("provincia_nacimiento"), fecha(fila, "fecha_emision_dni"), fila.getString("categoria_autonomo"),
                    lista(fila.getArray("empleadores")), lista(fila.getArray("prestaciones")),
                    Persona.Residencia.valueOf(fila.getString("residencia")), fila.getBoolean("bajo_curatela"),
                    lista(fila.getArray("curados")));
        } catch (IllegalArgumentException e) {
            // The same checks as for the JSON file: a bad row is named, not silently half-used.
            throw new IllegalStateException("padrón row of CUIL " + cuil.digitos() + " is invalid: " + e.getMessage(), e);
        }
    }

    private static String fecha(ResultSet fila, String columna) throws SQLException {
        LocalDate fecha = fila.getObject(columna, LocalDate.class);
        return fecha == null ? null : fecha.toString();
    }

    private static List<String> lista(Array array) throws SQLException {
        try {
            return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
        } finally {
            array.free();
        }
    }

    int tamanoPool() {
        return tamanoPool;
    }

    /** Connections open now, lent or idle (Agroal's metrics). */
    long conexionesAbiertas() {
        return PoolJdbc.abiertas(pool);
    }

    @Override
    public void close() {
        pool.close();
    }
}
