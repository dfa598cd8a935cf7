package ar.gob.anses.clavess.habilitacion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlazoHabilitacionTest {

    private static final long DIA = Duration.ofDays(1).toMillis();
    private static final long CREADA = 1_700_000_000_000L;
    private final PlazoHabilitacion plazo = new PlazoHabilitacion(90);

    @DisplayName("90 calendar days from the creation: 90 left on the first day, 1 on the last, 0 and expired from the 90th day on")
    @Test
    void diasCorridos() {
        assertThat(plazo.diasRestantes(CREADA, CREADA)).isEqualTo(90);
        assertThat(plazo.diasRestantes(CREADA, CREADA + DIA / 2)).isEqualTo(90);
        assertThat(plazo.diasRestantes(CREADA, CREADA + 89 * DIA)).isEqualTo(1);
        assertThat(plazo.vencida(CREADA, CREADA + 90 * DIA - 1)).isFalse();
        assertThat(plazo.vencida(CREADA, CREADA + 90 * DIA)).isTrue();
        assertThat(plazo.diasRestantes(CREADA, CREADA + 95 * DIA)).isZero();
        assertThat(plazo.venceMillis(CREADA)).isEqualTo(CREADA + 90 * DIA);
    }

    @DisplayName("a deadline shorter than a day is a configuration error, said at start")
    @Test
    void plazoInvalido() {
        assertThatThrownBy(() -> new PlazoHabilitacion(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
