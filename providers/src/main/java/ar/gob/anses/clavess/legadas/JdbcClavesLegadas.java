package ar.gob.anses.clavess.legadas;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.padron.PoolJdbc;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The legacy registry in PostgreSQL, table {@code clave_legada} of {@code schema.sql}: one prepared query by primary key
 * per first login, over an Agroal pool ({@link PoolJdbc}) whose timeout also bounds the query. A registry that does not
 * answer in time is {@link RegistroNoDisponible}, never "no entry": a citizen is not told her clave is wrong because the
 * old system is slow.
 */
public final class JdbcClavesLegadas implements AutoCloseable {

    public static final String SCHEMA_RESOURCE = "schema.sql";

    static final String BUSCAR = "SELECT hash, algoritmo, nivel, email, email_confirmado, estado, creada FROM clave_legada WHERE cuil = ?";
    static final String ALGORITMOS = "SELECT DISTINCT algoritmo FROM clave_legada";
    /** The rows the dummy hash's kind is chosen from: the table's first, enough to see what nearly every row is. */
    static final String MUESTRA = "SELECT cuil, hash, algoritmo, nivel, email, email_confirmado, estado, creada FROM clave_legada LIMIT 1000";
    static final String ENTRADAS = "SELECT reltuples::bigint FROM pg_class WHERE oid = 'clave_legada'::regclass";
    /** Reading every row's algorithm once at start may take longer than a lookup. */
    static final Duration TIMEOUT_INICIO = Duration.ofMinutes(2);

    private final AgroalDataSource pool;
    private final int timeoutSegundos;
    private volatile Optional<Ficticio> ficticio;

    public JdbcClavesLegadas(PoolJdbc.Opciones opciones) {
        this.pool = opciones.pool("clave-ss claves-legadas");
        this.timeoutSegundos = PoolJdbc.segundos(opciones.timeout());
    }

    /**
     * Reads every algorithm the table holds and the sample the dummy hash is made like; the table's size as PostgreSQL
     * estimates it (what its statistics say, without counting the rows).
     *
     * @throws IllegalArgumentException naming an algorithm that is not one of {@link Algoritmo}
     * @throws RegistroNoDisponible when the registry does not answer
     */
    public long validar() {
        long entradas;
        try (Connection conexion = pool.getConnection(); Statement consulta = conexion.createStatement()) {
            consulta.setQueryTimeout(PoolJdbc.segundos(TIMEOUT_INICIO));
            try (ResultSet filas = consulta.executeQuery(ALGORITMOS)) {
                while (filas.next()) {
                    Algoritmo.de(filas.getString(1)); // an unknown one stops the start, named
                }
            }
            try (ResultSet fila = consulta.executeQuery(ENTRADAS)) {
                entradas = fila.next() ? Math.max(0, fila.getLong(1)) : 0;
            }
        } catch (SQLException e) {
            throw new RegistroNoDisponible("legacy registry unreachable: " + e.getMessage(), e);
        }
        ficticio();
        return entradas;
    }

    public Optional<ClaveLegada> buscar(Cuil cuil) {
        try (Connection conexion = pool.getConnection(); PreparedStatement consulta = conexion.prepareStatement(BUSCAR)) {
            consulta.setQueryTimeout(timeoutSegundos);
            consulta.setString(1, cuil.digitos());
            try (ResultSet fila = consulta.executeQuery()) {
                return fila.next() ? Optional.of(clave(cuil.digitos(), fila)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new RegistroNoDisponible("legacy registry lookup failed: " + e.getMessage(), e);
        }
    }

    /** The dummy hash, made once from the table's first rows (again at the next call while none could be made). */
    public Optional<Ficticio> ficticio() {
        Optional<Ficticio> hecho = ficticio;
        if (hecho != null) {
            return hecho;
        }
        List<ClaveLegada> muestra = new ArrayList<>();
        try (Connection conexion = pool.getConnection(); Statement consulta = conexion.createStatement()) {
            consulta.setQueryTimeout(timeoutSegundos);
            try (ResultSet filas = consulta.executeQuery(MUESTRA)) {
                while (filas.next()) {
                    muestra.add(clave(filas.getString("cuil"), filas));
                }
            }
        } catch (SQLException e) {
            throw new RegistroNoDisponible("legacy registry unreachable: " + e.getMessage(), e);
        }
        hecho = Ficticio.delMasComun(muestra);
        if (hecho.isPresent()) {
            ficticio = hecho; // an empty table is read again at the next call: the deployer may be loading it
        }
        return hecho;
    }

    private static ClaveLegada clave(String cuil, ResultSet fila) throws SQLException {
        LocalDate creada = fila.getObject("creada", LocalDate.class);
        try {
            return ClavesLegadasFile.clave(new ClavesLegadasFile.Entrada(cuil, fila.getString("hash"), fila.getString("algoritmo"),
                    fila.getInt("nivel"), fila.getString("email"), fila.getBoolean("email_confirmado"), fila.getString("estado"),
                    creada == null ? null : creada.toString()));
        } catch (IllegalArgumentException e) {
            // The same checks as for the JSON file: a bad row is named, never taken for a wrong clave.
            throw new IllegalStateException("legacy row of CUIL " + cuil + " is invalid: " + e.getMessage(), e);
        }
    }

    long conexionesAbiertas() {
        return PoolJdbc.abiertas(pool);
    }

    @Override
    public void close() {
        pool.close();
    }
}
