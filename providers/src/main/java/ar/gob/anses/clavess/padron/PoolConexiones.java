package ar.gob.anses.clavess.padron;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed-size pool of JDBC connections: at most {@code tamano} open, opened on first need, each used by
 * one thread at a time. The registry makes one short read per lookup, so this is all it needs: no
 * statement cache (the driver has its own), no eviction thread. A connection idle longer than
 * {@code validarTrasOcio} is checked before use; one that failed with a connection error is closed
 * instead of returned. Waiting for a free connection is bounded by {@code espera}.
 */
final class PoolConexiones implements AutoCloseable {

    /** Opens a new connection. */
    @FunctionalInterface
    interface Apertura {
        Connection abrir() throws SQLException;
    }

    /** Work done with a borrowed connection. */
    @FunctionalInterface
    interface ConConexion<T> {
        T usar(Connection conexion) throws SQLException;
    }

    private record Ociosa(Connection conexion, long desdeNanos) {
    }

    private final Apertura apertura;
    private final int tamano;
    private final Duration espera;
    private final Duration validarTrasOcio;
    private final Semaphore libres;
    // LIFO: the most recently used connection is the warmest and the least likely to have been dropped.
    private final ConcurrentLinkedDeque<Ociosa> ociosas = new ConcurrentLinkedDeque<>();
    private final AtomicInteger abiertas = new AtomicInteger();
    private volatile boolean cerrado;

    PoolConexiones(Apertura apertura, int tamano, Duration espera, Duration validarTrasOcio) {
        if (tamano < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, not " + tamano);
        }
        this.apertura = apertura;
        this.tamano = tamano;
        this.espera = espera;
        this.validarTrasOcio = validarTrasOcio;
        this.libres = new Semaphore(tamano, true);
    }

    /** Borrows a connection for {@code trabajo} and gives it back, or closes it if it broke. */
    <T> T con(ConConexion<T> trabajo) throws SQLException {
        Connection conexion = tomar();
        boolean sana = false;
        try {
            T resultado = trabajo.usar(conexion);
            sana = true;
            return resultado;
        } catch (SQLException e) {
            sana = !rota(e, conexion);
            throw e;
        } finally {
            devolver(conexion, sana);
        }
    }

    private Connection tomar() throws SQLException {
        if (cerrado) {
            throw new SQLException("the padrón's connection pool is closed");
        }
        try {
            if (!libres.tryAcquire(espera.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SQLTransientConnectionException("no padrón connection free within " + espera.toMillis()
                        + " ms (all " + tamano + " in use)", "08001");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while waiting for a padrón connection", "08001", e);
        }
        try {
            for (Ociosa ociosa = ociosas.pollFirst(); ociosa != null; ociosa = ociosas.pollFirst()) {
                boolean vieja = System.nanoTime() - ociosa.desdeNanos() > validarTrasOcio.toNanos();
                if (!vieja || valida(ociosa.conexion())) {
                    return ociosa.conexion();
                }
                cerrar(ociosa.conexion());
            }
            Connection nueva = apertura.abrir();
            abiertas.incrementAndGet();
            return nueva;
        } catch (SQLException | RuntimeException e) {
            libres.release();
            throw e;
        }
    }

    private void devolver(Connection conexion, boolean sana) {
        if (sana && !cerrado) {
            ociosas.addFirst(new Ociosa(conexion, System.nanoTime()));
        } else {
            cerrar(conexion);
        }
        libres.release();
        if (cerrado) {
            cerrarOciosas(); // closed while this one was out
        }
    }

    private boolean valida(Connection conexion) {
        try {
            return conexion.isValid((int) Math.max(1, espera.toSeconds()));
        } catch (SQLException e) {
            return false;
        }
    }

    /** SQLState class 08 is a connection error; a closed connection cannot be used again either. */
    private static boolean rota(SQLException e, Connection conexion) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return true;
        }
        try {
            return conexion.isClosed();
        } catch (SQLException ignorada) {
            return true;
        }
    }

    private void cerrar(Connection conexion) {
        abiertas.decrementAndGet();
        try {
            conexion.close();
        } catch (SQLException e) {
            // already unusable: nothing to do
        }
    }

    private void cerrarOciosas() {
        for (Ociosa ociosa = ociosas.pollFirst(); ociosa != null; ociosa = ociosas.pollFirst()) {
            cerrar(ociosa.conexion());
        }
    }

    int tamano() {
        return tamano;
    }

    /** Connections open now, borrowed or idle. */
    int abiertas() {
        return abiertas.get();
    }

    @Override
    public void close() {
        cerrado = true;
        cerrarOciosas();
    }
}
