package ar.gob.anses.clavess.padron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PoolConexionesTest {

    /** Connections that only know whether they are closed and valid. */
    private static final class Conexiones {
        final List<FakeConexion> abiertas = new ArrayList<>();
        volatile boolean validas = true;

        synchronized Connection abrir() {
            FakeConexion fake = new FakeConexion();
            abiertas.add(fake);
            return fake.proxy(this);
        }

        synchronized long cerradas() {
            return abiertas.stream().filter(c -> c.cerrada).count();
        }
    }

    private static final class FakeConexion {
        volatile boolean cerrada;

        Connection proxy(Conexiones conexiones) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "close" -> {
                            cerrada = true;
                            yield null;
                        }
                        case "isClosed" -> cerrada;
                        case "isValid" -> conexiones.validas && !cerrada;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private final Conexiones conexiones = new Conexiones();

    private static void esperar(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Borrows a connection and gives it straight back: which one the pool lent. */
    private static Connection prestada(PoolConexiones pool) throws SQLException {
        return pool.con(c -> c);
    }

    private PoolConexiones pool(int tamano, Duration espera, Duration validarTrasOcio) {
        return new PoolConexiones(conexiones::abrir, tamano, espera, validarTrasOcio);
    }

    @DisplayName("given uses one after another, then one connection is opened, on first need, and reused")
    @Test
    void reusa() throws SQLException {
        PoolConexiones pool = pool(4, Duration.ofSeconds(1), Duration.ofMinutes(1));
        assertThat(conexiones.abiertas).isEmpty();

        Connection primera = prestada(pool);
        Connection segunda = prestada(pool);

        assertThat(segunda).isSameAs(primera);
        assertThat(conexiones.abiertas).hasSize(1);
        assertThat(pool.abiertas()).isEqualTo(1);
    }

    @DisplayName("given 8 threads and a pool of 2, then never more than 2 connections are open or in use at once")
    @Test
    void tamanoFijo() throws Exception {
        PoolConexiones pool = pool(2, Duration.ofSeconds(10), Duration.ofMinutes(1));
        AtomicInteger enUso = new AtomicInteger();
        AtomicInteger maximo = new AtomicInteger();
        ExecutorService hilos = Executors.newFixedThreadPool(8);
        CountDownLatch largada = new CountDownLatch(1);
        List<Future<?>> trabajos = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            trabajos.add(hilos.submit(() -> {
                largada.await();
                for (int j = 0; j < 200; j++) {
                    pool.con(c -> {
                        maximo.accumulateAndGet(enUso.incrementAndGet(), Math::max);
                        Thread.yield();
                        enUso.decrementAndGet();
                        return null;
                    });
                }
                return null;
            }));
        }
        largada.countDown();
        for (Future<?> trabajo : trabajos) {
            trabajo.get(30, TimeUnit.SECONDS);
        }
        hilos.shutdown();

        assertThat(maximo.get()).isBetween(1, 2);
        assertThat(conexiones.abiertas).hasSizeLessThanOrEqualTo(2);
    }

    @DisplayName("given every connection in use, when another is asked for, then it fails after the wait instead of hanging")
    @Test
    void esperaAcotada() throws Exception {
        PoolConexiones pool = pool(1, Duration.ofMillis(200), Duration.ofMinutes(1));
        CountDownLatch tomada = new CountDownLatch(1);
        CountDownLatch soltar = new CountDownLatch(1);
        Thread ocupante = new Thread(() -> {
            try {
                pool.con(c -> {
                    tomada.countDown();
                    esperar(soltar);
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ocupante.start();
        tomada.await();

        assertThatThrownBy(() -> prestada(pool)).isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageContaining("no padrón connection free");

        soltar.countDown();
        ocupante.join();
        assertThat(prestada(pool)).isNotNull(); // the permit came back
    }

    @DisplayName("given a connection error (SQLState 08…), then that connection is closed and the next use opens a new one")
    @Test
    void conexionRota() throws SQLException {
        PoolConexiones pool = pool(2, Duration.ofSeconds(1), Duration.ofMinutes(1));
        Connection rota = prestada(pool);

        assertThatThrownBy(() -> pool.con(c -> {
            throw new SQLException("connection reset", "08006");
        })).hasMessage("connection reset");

        assertThat(prestada(pool)).isNotSameAs(rota);
        assertThat(conexiones.cerradas()).isEqualTo(1);
        assertThat(pool.abiertas()).isEqualTo(1);
    }

    @DisplayName("given an error of the query, not of the connection, then the connection goes back to the pool")
    @Test
    void errorDeConsulta() throws SQLException {
        PoolConexiones pool = pool(2, Duration.ofSeconds(1), Duration.ofMinutes(1));
        Connection conexion = prestada(pool);

        assertThatThrownBy(() -> pool.con(c -> {
            throw new SQLException("relation does not exist", "42P01");
        })).isInstanceOf(SQLException.class);

        assertThat(prestada(pool)).isSameAs(conexion);
        assertThat(conexiones.cerradas()).isZero();
    }

    @DisplayName("given a connection idle longer than the validation age that is no longer valid, then it is replaced before use")
    @Test
    void validaTrasOcio() throws SQLException {
        PoolConexiones pool = pool(2, Duration.ofSeconds(1), Duration.ZERO);
        Connection vieja = prestada(pool);
        conexiones.validas = false; // the database dropped it while idle

        Connection nueva = prestada(pool);

        assertThat(nueva).isNotSameAs(vieja);
        assertThat(conexiones.cerradas()).isEqualTo(1);
    }

    @DisplayName("given a closed pool, then idle connections are closed and no more are lent")
    @Test
    void cierre() throws SQLException {
        PoolConexiones pool = pool(2, Duration.ofSeconds(1), Duration.ofMinutes(1));
        prestada(pool);

        pool.close();

        assertThat(conexiones.cerradas()).isEqualTo(1);
        assertThatThrownBy(() -> prestada(pool)).hasMessageContaining("closed");
    }
}
