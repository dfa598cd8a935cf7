package ar.gob.anses.clavess.verificacion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DevolucionesPendientesTest {

    private static final long T0 = 1_800_000_000L;

    @DisplayName("given units owed to an address, then its next charge takes them all once, and the address is owed nothing after")
    @Test
    void seTomanUnaVez() {
        DevolucionesPendientes pendientes = new DevolucionesPendientes();
        pendientes.anotar("10.0.0.1", T0);
        pendientes.anotar("10.0.0.1", T0 + 5);
        pendientes.anotar("10.0.0.2", T0 + 7);

        assertThat(pendientes.tomar(LimitePorDireccionStore.clave("10.0.0.1"))).containsExactly(T0, T0 + 5);
        assertThat(pendientes.tomar(LimitePorDireccionStore.clave("10.0.0.1"))).isEmpty();
        assertThat(pendientes.tomar(LimitePorDireccionStore.clave("10.0.0.2"))).containsExactly(T0 + 7);
    }

    @DisplayName("given two addresses of one IPv6 /64, then a unit owed to one goes back at the other's charge: they share a window")
    @Test
    void ipv6PorRed() {
        DevolucionesPendientes pendientes = new DevolucionesPendientes();
        pendientes.anotar("2001:db8:1:2::1", T0);

        assertThat(pendientes.tomar(LimitePorDireccionStore.clave("2001:db8:1:2:ffff::9"))).containsExactly(T0);
    }

    @DisplayName("given units taken for a charge that failed, then they are owed again")
    @Test
    void restituidas() {
        DevolucionesPendientes pendientes = new DevolucionesPendientes();
        pendientes.anotar("10.0.0.1", T0);
        String clave = LimitePorDireccionStore.clave("10.0.0.1");
        long[] tomadas = pendientes.tomar(clave);
        pendientes.anotar("10.0.0.1", T0 + 9);

        pendientes.restituir(clave, tomadas);

        assertThat(pendientes.tomar(clave)).containsExactlyInAnyOrder(T0, T0 + 9);
    }

    @DisplayName("given the table full of addresses, then units older than the window are forgotten to make room, and a new address "
            + "is not remembered while every entry is still in the window (owing less never lets an address spend more)")
    @Test
    void acotada() {
        DevolucionesPendientes pendientes = new DevolucionesPendientes();
        for (int i = 0; i < DevolucionesPendientes.MAXIMO_DIRECCIONES; i++) {
            pendientes.anotar("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), T0);
        }
        long enVentana = T0 + LimitePorDireccionStore.VENTANA_SEGUNDOS - 1;
        pendientes.anotar("192.168.0.1", enVentana);
        assertThat(pendientes.tomar(LimitePorDireccionStore.clave("192.168.0.1"))).isEmpty();

        long pasada = T0 + LimitePorDireccionStore.VENTANA_SEGUNDOS + 1;
        pendientes.anotar("192.168.0.1", pasada);
        assertThat(pendientes.tomar(LimitePorDireccionStore.clave("192.168.0.1"))).containsExactly(pasada);
        assertThat(pendientes.direcciones()).isZero();
    }

    @DisplayName("given one address owed at most so many units, then more right logins before its next charge are not remembered")
    @Test
    void acotadaPorDireccion() {
        DevolucionesPendientes pendientes = new DevolucionesPendientes();
        for (int i = 0; i < DevolucionesPendientes.MAXIMO_POR_DIRECCION + 10; i++) {
            pendientes.anotar("10.0.0.1", T0 + i);
        }
        assertThat(pendientes.tomar(LimitePorDireccionStore.clave("10.0.0.1"))).hasSize(DevolucionesPendientes.MAXIMO_POR_DIRECCION);
    }

    @DisplayName("given 8 threads owing and taking units of one address at once, then every unit is taken exactly once")
    @Test
    void enParalelo() throws Exception {
        DevolucionesPendientes pendientes = new DevolucionesPendientes();
        String clave = LimitePorDireccionStore.clave("10.0.0.1");
        AtomicLong tomadas = new AtomicLong();
        ExecutorService hilos = Executors.newFixedThreadPool(8);
        List<Future<?>> tareas = new ArrayList<>();
        for (int h = 0; h < 8; h++) {
            tareas.add(hilos.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    pendientes.anotar("10.0.0.1", T0 + i);
                    tomadas.addAndGet(pendientes.tomar(clave).length);
                }
            }));
        }
        for (Future<?> tarea : tareas) {
            tarea.get(30, TimeUnit.SECONDS);
        }
        hilos.shutdown();
        assertThat(tomadas.get() + pendientes.tomar(clave).length).isEqualTo(800);
    }
}
