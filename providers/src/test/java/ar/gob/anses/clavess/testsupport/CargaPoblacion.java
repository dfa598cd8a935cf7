package ar.gob.anses.clavess.testsupport;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a {@link PoblacionSintetica} into Keycloak's own PostgreSQL database with COPY, a batch of accounts at a time (one
 * COPY per table and batch), with Keycloak's indexes in place, as a live database has them. In whatever transaction the
 * connection is: the benchmark's autocommits each COPY, a test's rolls everything back.
 */
public final class CargaPoblacion {

    /** Accounts per batch: about 20 MB of COPY text. */
    public static final int LOTE = 20_000;

    private final Connection conexion;
    private final CopyManager copy;

    public CargaPoblacion(Connection conexion) throws SQLException {
        this.conexion = conexion;
        this.copy = conexion.unwrap(PGConnection.class).getCopyAPI();
    }

    /** Accounts {@code desde} (inclusive) to {@code hasta} (exclusive); the rows written, per table. */
    public Map<String, Long> cargar(PoblacionSintetica.Plantilla plantilla, long desde, long hasta) throws SQLException {
        Map<String, Long> filas = new LinkedHashMap<>();
        for (long inicio = desde; inicio < hasta; inicio += LOTE) {
            PoblacionSintetica.Lote lote = new PoblacionSintetica.Lote();
            for (long i = inicio; i < Math.min(inicio + LOTE, hasta); i++) {
                PoblacionSintetica.cuenta(i, plantilla, lote);
            }
            for (Map.Entry<String, String> tabla : PoblacionSintetica.COLUMNAS.entrySet()) {
                copiar(tabla.getKey(), tabla.getValue(), lote.texto(tabla.getKey()));
                filas.merge(tabla.getKey(), lote.filas(tabla.getKey()), Long::sum);
            }
        }
        return filas;
    }

    /** The planner's statistics of every table loaded, as autovacuum's autoanalyze would gather them. */
    public void analizar() throws SQLException {
        try (Statement sql = conexion.createStatement()) {
            for (String tabla : PoblacionSintetica.COLUMNAS.keySet()) {
                sql.execute("ANALYZE " + tabla);
            }
        }
    }

    private void copiar(String tabla, String columnas, String texto) throws SQLException {
        if (texto.isEmpty()) {
            return;
        }
        try {
            copy.copyIn("COPY " + tabla + " (" + columnas + ") FROM STDIN", new StringReader(texto));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
