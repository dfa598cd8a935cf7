package ar.gob.anses.clavess.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BloqueoClaveTest {

    @DisplayName("given a lock ending at a time, then the page says the whole minutes left, rounded up, never 0")
    @ParameterizedTest(name = "locked until now+{0}s -> {1} min")
    @CsvSource({"1, 1", "59, 1", "60, 1", "61, 2", "120, 2", "121, 3", "899, 15", "900, 15", "0, 1"})
    void minutosRestantes(long segundosRestantes, long minutos) {
        long ahora = 1_800_000_000L;
        assertThat(BloqueoClave.minutosRestantes(ahora + segundosRestantes, ahora)).isEqualTo(minutos);
    }
}
