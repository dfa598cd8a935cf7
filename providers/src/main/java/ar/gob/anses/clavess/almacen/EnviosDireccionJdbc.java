package ar.gob.anses.clavess.almacen;

import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.JpaConnectionProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.transaction.JtaTransactionManagerLookup;

/**
 * A row of ANSES_ENVIOS_DIRECCION ({@link EnviosDireccionEntity}) changed under its lock in a transaction of its own, as
 * {@link FilaBloqueada} does, but in plain JDBC on a connection of Keycloak's pool taken outside the request's
 * transaction: two statements and a commit, without a second Keycloak session, JTA transaction and persistence context.
 * Every login charges its address here before its clave is judged, so this is on the login's path; the other counters,
 * rare and written with other rows, stay on {@link FilaBloqueada}.
 *
 * <p>The same guarantees: the row is read {@code FOR UPDATE}, so parallel charges of one address (on any node) queue and
 * each sees the one before; the change is committed before this returns. A missing row is inserted first; when parallel
 * first charges insert it at once, all but one fail on the primary key and try again, now finding it.
 */
public final class EnviosDireccionJdbc {

    /** The row's counters as read: {@code cuentas} and {@code minuto} as {@link EnviosDireccionEntity} keeps them. */
    public record Fila(String cuentas, long minuto) {
    }

    /** What to write ({@code null}: nothing, the row stays as read) and what to return. */
    public record Cambio<T>(Fila nueva, long ultimoEnvio, T valor) {
    }

    private static final String TABLA = "ANSES_ENVIOS_DIRECCION";
    private static final int INTENTOS = 5;
    private static final String CLAVE_DUPLICADA = "23505"; // SQLSTATE unique_violation, PostgreSQL and H2 alike

    private final KeycloakSession session;
    private final JpaConnectionProviderFactory jpa;
    private final String tabla;

    public EnviosDireccionJdbc(KeycloakSession session) {
        this.session = session;
        this.jpa = (JpaConnectionProviderFactory) session.getKeycloakSessionFactory().getProviderFactory(JpaConnectionProvider.class);
        String esquema = jpa.getSchema();
        this.tabla = esquema == null || esquema.isBlank() ? TABLA : esquema + "." + TABLA;
    }

    /**
     * Applies {@code cambio} to the row {@code id} (made with {@code vacia} when missing) under its lock, and returns its
     * value once committed.
     */
    public <T> T cambiar(String id, String realmId, String direccion, Fila vacia, Function<Fila, Cambio<T>> cambio) {
        for (int intento = 1; ; intento++) {
            try {
                return fueraDeLaTransaccion(conexion -> {
                    Fila fila = leerBloqueada(conexion, id);
                    if (fila == null) {
                        insertar(conexion, id, realmId, direccion, vacia);
                        fila = vacia;
                    }
                    Cambio<T> resultado = cambio.apply(fila);
                    if (resultado.nueva() != null) {
                        escribir(conexion, id, resultado);
                    }
                    return resultado.valor();
                });
            } catch (SQLException e) {
                if (!CLAVE_DUPLICADA.equals(e.getSQLState()) || intento == INTENTOS) {
                    throw new ModelException("ANSES_ENVIOS_DIRECCION row " + id + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Deletes the realm's rows whose last charge is at or before {@code antesDe} (epoch seconds); how many. */
    public int borrarVencidos(String realmId, long antesDe) {
        try {
            return fueraDeLaTransaccion(conexion -> {
                try (PreparedStatement sql = conexion.prepareStatement("DELETE FROM " + tabla + " WHERE REALM_ID = ? AND ULTIMO_ENVIO <= ?")) {
                    sql.setString(1, realmId);
                    sql.setLong(2, antesDe);
                    return sql.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new ModelException("ANSES_ENVIOS_DIRECCION clean-up: " + e.getMessage(), e);
        }
    }

    private Fila leerBloqueada(Connection conexion, String id) throws SQLException {
        try (PreparedStatement sql = conexion.prepareStatement("SELECT CUENTAS, MINUTO FROM " + tabla + " WHERE ID = ? FOR UPDATE")) {
            sql.setString(1, id);
            try (ResultSet fila = sql.executeQuery()) {
                return fila.next() ? new Fila(fila.getString(1), fila.getLong(2)) : null;
            }
        }
    }

    private void insertar(Connection conexion, String id, String realmId, String direccion, Fila vacia) throws SQLException {
        try (PreparedStatement sql = conexion.prepareStatement("INSERT INTO " + tabla
                + " (ID, REALM_ID, DIRECCION, CUENTAS, MINUTO, ULTIMO_ENVIO) VALUES (?, ?, ?, ?, ?, 0)")) {
            sql.setString(1, id);
            sql.setString(2, realmId);
            sql.setString(3, direccion);
            sql.setString(4, vacia.cuentas());
            sql.setLong(5, vacia.minuto());
            sql.executeUpdate(); // the row's lock is ours from here; a parallel insert of the same id waits, then fails
        }
    }

    private void escribir(Connection conexion, String id, Cambio<?> cambio) throws SQLException {
        try (PreparedStatement sql = conexion.prepareStatement("UPDATE " + tabla + " SET CUENTAS = ?, MINUTO = ?, ULTIMO_ENVIO = ? WHERE ID = ?")) {
            sql.setString(1, cambio.nueva().cuentas());
            sql.setLong(2, cambio.nueva().minuto());
            sql.setLong(3, cambio.ultimoEnvio());
            sql.setString(4, id);
            sql.executeUpdate();
        }
    }

    private interface Trabajo<T> {
        T hacer(Connection conexion) throws SQLException;
    }

    /**
     * Runs {@code trabajo} in a local transaction of its own, committed before this returns. The request's JTA
     * transaction, if any, is suspended meanwhile: otherwise the pool would enlist the connection in it, and the charge
     * would commit only with the request, after the clave was judged.
     */
    private <T> T fueraDeLaTransaccion(Trabajo<T> trabajo) throws SQLException {
        JtaTransactionManagerLookup lookup = session.getProvider(JtaTransactionManagerLookup.class);
        TransactionManager jta = lookup == null ? null : lookup.getTransactionManager();
        Transaction enCurso = suspender(jta);
        try (Connection conexion = jpa.getConnection()) {
            boolean autoCommit = conexion.getAutoCommit();
            conexion.setAutoCommit(false);
            try {
                T resultado = trabajo.hacer(conexion);
                conexion.commit();
                return resultado;
            } catch (SQLException | RuntimeException e) {
                conexion.rollback();
                throw e;
            } finally {
                conexion.setAutoCommit(autoCommit);
            }
        } finally {
            reanudar(jta, enCurso);
        }
    }

    private static Transaction suspender(TransactionManager jta) {
        try {
            return jta == null ? null : jta.suspend();
        } catch (SystemException e) {
            throw new ModelException("could not suspend the request's transaction", e);
        }
    }

    private static void reanudar(TransactionManager jta, Transaction enCurso) {
        if (enCurso == null) {
            return;
        }
        try {
            jta.resume(enCurso);
        } catch (Exception e) {
            throw new ModelException("could not resume the request's transaction", e);
        }
    }
}
