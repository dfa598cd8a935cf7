package ar.gob.anses.clavess.verificacion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VentanaDeslizanteTest {

    private static final long HORA = 3600;
    private static final long T0 = 1_800_000_000L;

    @DisplayName("given an empty window, then events are admitted up to the limit and the next one is refused")
    @Test
    void hastaElLimite() {
        VentanaDeslizante ventana = VentanaDeslizante.VACIA;
        for (int i = 0; i < 3; i++) {
            ventana = ventana.admitir(T0 + i, 3, HORA).orElseThrow();
        }
        assertThat(ventana.admitir(T0 + 3, 3, HORA)).isEmpty();
        assertThat(ventana.instantes()).containsExactly(T0, T0 + 1, T0 + 2);
    }

    @DisplayName("given a full window, then it does not reset on the clock hour: a slot opens only when the oldest event is an hour old")
    @Test
    void deslizaNoSeReinicia() {
        long antesDeLaHora = (T0 / HORA + 1) * HORA - 10; // ten seconds before a clock hour
        VentanaDeslizante llena = VentanaDeslizante.VACIA.admitir(antesDeLaHora, 2, HORA).orElseThrow()
                .admitir(antesDeLaHora + 5, 2, HORA).orElseThrow();

        assertThat(llena.admitir(antesDeLaHora + 20, 2, HORA)).as("past the clock hour").isEmpty();
        assertThat(llena.admitir(antesDeLaHora + HORA - 1, 2, HORA)).isEmpty();
        Optional<VentanaDeslizante> despues = llena.admitir(antesDeLaHora + HORA, 2, HORA);
        assertThat(despues).isPresent();
        assertThat(despues.get().instantes()).containsExactly(antesDeLaHora + 5, antesDeLaHora + HORA);
    }

    @DisplayName("given refused events, then they are not recorded and do not push the window forward")
    @Test
    void rechazosNoCuentan() {
        VentanaDeslizante llena = VentanaDeslizante.VACIA.admitir(T0, 1, HORA).orElseThrow();
        for (int i = 1; i < 100; i++) {
            assertThat(llena.admitir(T0 + i, 1, HORA)).isEmpty();
        }
        assertThat(llena.admitir(T0 + HORA, 1, HORA)).isPresent();
    }

    @DisplayName("given the stored text, then the window reads back the same, and the largest limit fits the column")
    @Test
    void texto() {
        VentanaDeslizante ventana = VentanaDeslizante.VACIA;
        for (int i = 0; i < LimitePorDireccionStore.LIMITE_MAXIMO; i++) {
            ventana = ventana.admitir(T0 + i, LimitePorDireccionStore.LIMITE_MAXIMO, HORA).orElseThrow();
        }
        assertThat(VentanaDeslizante.de(ventana.texto())).isEqualTo(ventana);
        assertThat(ventana.texto().length()).isLessThanOrEqualTo(EnviosDireccionEntity.LARGO_INSTANTES);
        assertThat(VentanaDeslizante.de("")).isEqualTo(VentanaDeslizante.VACIA);
        assertThat(ventana.ultimo()).isEqualTo(T0 + LimitePorDireccionStore.LIMITE_MAXIMO - 1);
    }
}
