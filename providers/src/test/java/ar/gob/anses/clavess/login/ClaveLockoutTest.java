package ar.gob.anses.clavess.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaveLockoutTest {

    @DisplayName("given a lock ending at a time, then the page says the whole minutes left, rounded up, never 0")
    @ParameterizedTest(name = "locked until now+{0}s -> {1} min")
    @CsvSource({"1, 1", "59, 1", "60, 1", "61, 2", "120, 2", "121, 3", "899, 15", "900, 15", "0, 1"})
    void minutesLeft(long secondsLeft, long minutes) {
        long now = 1_800_000_000L;
        assertThat(ClaveLockout.minutesLeft(now + secondsLeft, now)).isEqualTo(minutes);
    }
}
