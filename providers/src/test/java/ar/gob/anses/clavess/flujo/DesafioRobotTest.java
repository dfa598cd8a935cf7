package ar.gob.anses.clavess.flujo;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DesafioRobotTest {

    private final DesafioRobot desafio = DesafioRobot.nuevo(new SecureRandom(), 5000);

    @DisplayName("given a new challenge, then trying every number finds the one solution, and it is accepted")
    @Test
    void resolver() {
        int n = desafio.resolver();
        assertThat(n).isBetween(0, 5000);
        assertThat(desafio.resueltoCon(String.valueOf(n))).isTrue();
        assertThat(desafio.resueltoCon(String.valueOf(n + 1))).isFalse();
    }

    @DisplayName("given garbage or a number past the maximum, then it is refused without an exception")
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "-1", "5001", "99999999999999", "1e3", " 1"})
    void basura(String numero) {
        assertThat(desafio.resueltoCon(numero)).isFalse();
    }

    @DisplayName("the challenge is the SHA-256 of salt and number, as the page's script computes it")
    @Test
    void formato() {
        assertThat(desafio.salt()).matches("[0-9a-f]{24}");
        assertThat(desafio.challenge()).matches("[0-9a-f]{64}").isEqualTo(DesafioRobot.sha256(desafio.salt() + desafio.resolver()));
    }

    @DisplayName("given a difficulty out of range (a console setting), then the challenge is made within 1 and MAXIMO, never an exception")
    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -5, 0, Integer.MAX_VALUE})
    void dificultadFueraDeRango(int maximo) {
        DesafioRobot raro = DesafioRobot.nuevo(new SecureRandom(), maximo);
        assertThat(raro.maximo()).isBetween(1, DesafioRobot.MAXIMO);
    }
}
