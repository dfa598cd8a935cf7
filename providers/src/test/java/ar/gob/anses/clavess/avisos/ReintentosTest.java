package ar.gob.anses.clavess.avisos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReintentosTest {

    private static final Reintentos POR_DEFECTO = new Reintentos(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(48));
    private static final long CREADO = 1_800_000_000_000L;

    @DisplayName("given failed tries, then the wait doubles from the first one: 1, 2, 4, 8, 16, 32 min, then 1 h for ever")
    @Test
    void duplica() {
        assertThat(POR_DEFECTO.espera(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(POR_DEFECTO.espera(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(POR_DEFECTO.espera(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(POR_DEFECTO.espera(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(POR_DEFECTO.espera(7)).isEqualTo(Duration.ofHours(1));
        assertThat(POR_DEFECTO.espera(8)).isEqualTo(Duration.ofHours(1));
        assertThat(POR_DEFECTO.espera(Integer.MAX_VALUE)).as("no overflow").isEqualTo(Duration.ofHours(1));
        assertThat(POR_DEFECTO.espera(0)).as("nonsense counts as the first").isEqualTo(Duration.ofMinutes(1));
    }

    @DisplayName("given a maximum that is not a power of two of the first wait, then the wait stops at the maximum")
    @Test
    void tope() {
        Reintentos r = new Reintentos(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofMinutes(1));
        assertThat(r.espera(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(r.espera(3)).isEqualTo(Duration.ofSeconds(3));
    }

    @DisplayName("given a failure, then the next try is the wait after now, not after the creation")
    @Test
    void proximoDesdeAhora() {
        long ahora = CREADO + Duration.ofMinutes(10).toMillis();
        assertThat(POR_DEFECTO.proximoIntento(3, CREADO, ahora)).isEqualTo(OptionalLong.of(ahora + Duration.ofMinutes(4).toMillis()));
    }

    @DisplayName("given a mail server down for good, then a notice is tried for 48 h, about 50 times, and then given up")
    @Test
    void abandona() {
        long ahora = CREADO;
        int intentos = 0;
        OptionalLong proximo = OptionalLong.of(CREADO);
        while (proximo.isPresent()) {
            ahora = proximo.getAsLong();
            intentos++;
            proximo = POR_DEFECTO.proximoIntento(intentos, CREADO, ahora);
        }
        assertThat(ahora - CREADO).as("last try").isGreaterThanOrEqualTo(Duration.ofHours(48).toMillis())
                .isLessThan(Duration.ofHours(49).toMillis());
        assertThat(intentos).isBetween(48, 56);
    }

    @DisplayName("given a notice 48 h old less a millisecond, then it is tried again; at 48 h it is given up")
    @Test
    void bordeDelPlazo() {
        long casi = CREADO + Duration.ofHours(48).toMillis() - 1;
        assertThat(POR_DEFECTO.vencido(CREADO, casi)).isFalse();
        assertThat(POR_DEFECTO.proximoIntento(40, CREADO, casi)).isPresent();
        assertThat(POR_DEFECTO.vencido(CREADO, casi + 1)).isTrue();
        assertThat(POR_DEFECTO.proximoIntento(40, CREADO, casi + 1)).isEmpty();
    }

    @DisplayName("given a first wait of zero or a maximum below it, then the settings are refused")
    @Test
    void rechaza() {
        assertThatThrownBy(() -> new Reintentos(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reintentos(Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
