package ar.gob.anses.clavess.verificacion;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.almacen.EnviosDireccionEntity;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VentanaPorMinutosTest {

    private static final long HORA = 3600;
    private static final long T0 = 1_800_000_000L; // a multiple of 60: the start of a minute

    @DisplayName("given an empty window, then events are admitted up to the limit and the next one is refused")
    @Test
    void hastaElLimite() {
        VentanaPorMinutos ventana = VentanaPorMinutos.vacia();
        for (int i = 0; i < 3; i++) {
            ventana = ventana.admitir(T0 + i * 100, 3).orElseThrow();
        }
        assertThat(ventana.admitir(T0 + 300, 3)).isEmpty();
        assertThat(ventana.enVentana(T0 + 300)).isEqualTo(3);
    }

    @DisplayName("given a full window, then it does not reset on the clock hour: a slot opens when the oldest minute is over an hour old")
    @Test
    void deslizaNoSeReinicia() {
        long antesDeLaHora = (T0 / HORA + 1) * HORA - 10; // ten seconds before a clock hour
        VentanaPorMinutos llena = VentanaPorMinutos.vacia().admitir(antesDeLaHora, 2).orElseThrow()
                .admitir(antesDeLaHora + 5, 2).orElseThrow();

        assertThat(llena.admitir(antesDeLaHora + 20, 2)).as("past the clock hour").isEmpty();
        assertThat(llena.admitir(antesDeLaHora + HORA - 1, 2)).isEmpty();
        assertThat(llena.admitir(antesDeLaHora + HORA, 2)).as("an hour later, still within the 61st minute").isEmpty();
        long minutoSiguiente = (antesDeLaHora / 60 + VentanaPorMinutos.CUBETAS) * 60;
        assertThat(llena.admitir(minutoSiguiente - 1, 2)).isEmpty();
        Optional<VentanaPorMinutos> despues = llena.admitir(minutoSiguiente, 2);
        assertThat(despues).isPresent();
        assertThat(despues.get().enVentana(minutoSiguiente)).isEqualTo(1);
    }

    @DisplayName("given refused events, then they are not counted and do not push the window forward")
    @Test
    void rechazosNoCuentan() {
        VentanaPorMinutos llena = VentanaPorMinutos.vacia().admitir(T0, 1).orElseThrow();
        for (int i = 1; i < 100; i++) {
            assertThat(llena.admitir(T0 + i * 30, 1)).isEmpty();
        }
        assertThat(llena.admitir(T0 + VentanaPorMinutos.CUBETAS * 60, 1)).isPresent();
    }

    @DisplayName("given a random stream of events, then no span of an hour, wherever it starts, holds more than the limit, "
            + "and a full window always has admitted the limit within its last 61 minutes")
    @Test
    void nuncaMasQueElLimiteEnUnaHora() {
        Random azar = new Random(7);
        int limite = 50;
        VentanaPorMinutos ventana = VentanaPorMinutos.vacia();
        long[] admitidos = new long[20_000];
        int n = 0;
        long t = T0;
        for (int i = 0; i < 100_000 && n < admitidos.length; i++) {
            t += azar.nextInt(azar.nextBoolean() ? 5 : 300);
            Optional<VentanaPorMinutos> otra = ventana.admitir(t, limite);
            if (otra.isPresent()) {
                ventana = otra.get();
                admitidos[n++] = t;
            } else {
                // Refused: the limit was reached in the minutes the window keeps (at most 61 minutes back).
                long desde = (t / 60 - VentanaPorMinutos.CUBETAS + 1) * 60;
                int enVentana = 0;
                for (int j = 0; j < n; j++) {
                    enVentana += admitidos[j] >= desde ? 1 : 0;
                }
                assertThat(enVentana).isEqualTo(limite);
            }
        }
        for (int i = 0, j = 0; i < n; i++) { // admitidos is sorted: slide a span of an hour over it
            while (admitidos[i] - admitidos[j] >= HORA) {
                j++;
            }
            assertThat(i - j + 1).isLessThanOrEqualTo(limite);
        }
        assertThat(n).isGreaterThan(limite * 10);
    }

    @DisplayName("given the largest limit in one burst and a clock gone back, then the text reads back the same and fits its column")
    @Test
    void texto() {
        VentanaPorMinutos ventana = VentanaPorMinutos.vacia();
        assertThat(ventana.texto()).isEqualTo("0");
        for (int minuto = 0; minuto < VentanaPorMinutos.CUBETAS; minuto++) {
            for (int i = 0; i < VentanaPorMinutos.LIMITE_MAXIMO / VentanaPorMinutos.CUBETAS; i++) {
                ventana = ventana.admitir(T0 + minuto * 60L, VentanaPorMinutos.LIMITE_MAXIMO).orElseThrow();
            }
        }
        VentanaPorMinutos leida = VentanaPorMinutos.de(ventana.texto(), ventana.minuto());
        assertThat(leida.texto()).isEqualTo(ventana.texto());
        assertThat(leida.enVentana(ventana.minuto() * 60)).isEqualTo(VentanaPorMinutos.LIMITE_MAXIMO / VentanaPorMinutos.CUBETAS
                * VentanaPorMinutos.CUBETAS);
        assertThat(ventana.texto().length()).isLessThanOrEqualTo(VentanaPorMinutos.LARGO_MAXIMO)
                .isLessThanOrEqualTo(EnviosDireccionEntity.LARGO_CUENTAS);
        // A node whose clock is a little behind counts in the newest minute, never in a cleared one.
        VentanaPorMinutos atrasada = VentanaPorMinutos.vacia().admitir(T0 + 600, 5).orElseThrow().admitir(T0 + 500, 5).orElseThrow();
        assertThat(atrasada.minuto()).isEqualTo((T0 + 600) / 60);
        assertThat(atrasada.enVentana(T0 + 600)).isEqualTo(2);
        // One counter at the largest limit: 6 digits.
        VentanaPorMinutos rafaga = VentanaPorMinutos.vacia();
        for (int i = 0; i < VentanaPorMinutos.LIMITE_MAXIMO; i++) {
            rafaga = rafaga.admitir(T0, VentanaPorMinutos.LIMITE_MAXIMO).orElseThrow();
        }
        assertThat(rafaga.admitir(T0 + 59, VentanaPorMinutos.LIMITE_MAXIMO)).isEmpty();
        assertThat(VentanaPorMinutos.de(rafaga.texto(), rafaga.minuto()).enVentana(T0)).isEqualTo(VentanaPorMinutos.LIMITE_MAXIMO);
    }

    @DisplayName("given a charge given back, then its minute counts one less and a slot opens; an empty window stays empty")
    @Test
    void devolver() {
        VentanaPorMinutos llena = VentanaPorMinutos.vacia().admitir(T0, 2).orElseThrow().admitir(T0 + 70, 2).orElseThrow();
        VentanaPorMinutos devuelta = llena.devolver(T0 + 80, T0 + 70);
        assertThat(devuelta.enVentana(T0 + 80)).isEqualTo(1);
        assertThat(devuelta.admitir(T0 + 90, 2)).isPresent();
        assertThat(devuelta.devolver(T0 + 80, T0 + 70).enVentana(T0 + 80)).isZero();
        assertThat(devuelta.devolver(T0 + 80, T0 + 70).devolver(T0 + 80, T0 + 70).enVentana(T0 + 80)).as("never below zero").isZero();
    }

    @DisplayName("given a clock behind the window's newest minute (another node's, or a test clock set back), then a charge "
            + "counts in the newest minute and giving it back takes it off: charge and refund always cancel out")
    @Test
    void devolverConRelojAtrasado() {
        long adelante = T0 + 90L * 24 * 3600; // a clock 90 days ahead wrote last
        VentanaPorMinutos ventana = VentanaPorMinutos.vacia().admitir(adelante, 100).orElseThrow();
        for (int i = 0; i < 50; i++) {
            long ahora = T0 + i * 7;
            ventana = ventana.admitir(ahora, 100).orElseThrow().devolver(ahora, ahora);
        }
        assertThat(ventana.enVentana(T0)).isEqualTo(1);
        assertThat(ventana.enVentana(adelante)).isEqualTo(1);

        VentanaPorMinutos unMinutoAtras = VentanaPorMinutos.vacia().admitir(T0 + 60, 100).orElseThrow()
                .admitir(T0 + 30, 100).orElseThrow(); // counted in minute T0+60's counter
        assertThat(unMinutoAtras.devolver(T0 + 31, T0 + 30).devolver(T0 + 31, T0 + 30).enVentana(T0 + 60)).isZero();
    }

    @DisplayName("given a count added in bulk, then it is counted whatever the limit, and forgotten like admitted events")
    @Test
    void sumar() {
        VentanaPorMinutos ventana = VentanaPorMinutos.vacia().sumar(T0, 5_000).sumar(T0 + 60, 7).sumar(T0 + 61, 0);
        assertThat(ventana.enVentana(T0 + 61)).isEqualTo(5_007);
        assertThat(ventana.enVentana(T0 + VentanaPorMinutos.CUBETAS * 60)).isEqualTo(7);
        assertThat(VentanaPorMinutos.de(ventana.texto(), ventana.minuto()).enVentana(T0 + 61)).isEqualTo(5_007);
        VentanaPorMinutos enorme = VentanaPorMinutos.vacia();
        for (int m = 0; m < VentanaPorMinutos.CUBETAS; m++) {
            enorme = enorme.sumar(T0 + m * 60, Long.MAX_VALUE);
        }
        assertThat(enorme.texto().length()).as("fits the column").isLessThanOrEqualTo(EnviosDireccionEntity.LARGO_CUENTAS);
    }

    @DisplayName("given a full window, then libreDesde is the first second at which a slot opens: when enough of the oldest minutes are out")
    @Test
    void libreDesde() {
        VentanaPorMinutos ventana = VentanaPorMinutos.vacia().admitir(T0, 3).orElseThrow().admitir(T0 + 5, 3).orElseThrow()
                .admitir(T0 + 600, 3).orElseThrow();
        assertThat(ventana.libreDesde(T0 + 700, 4)).as("not full").isEqualTo(T0 + 700);
        long libre = ventana.libreDesde(T0 + 700, 3);
        assertThat(libre).isEqualTo(T0 + VentanaPorMinutos.CUBETAS * 60L);
        assertThat(ventana.admitir(libre - 1, 3)).isEmpty();
        assertThat(ventana.admitir(libre, 3)).isPresent();
        assertThat(ventana.libreDesde(T0 + 700, 1)).as("both minutes must go").isEqualTo(T0 + 600 + VentanaPorMinutos.CUBETAS * 60L);
    }
}
