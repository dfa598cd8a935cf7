package ar.gob.anses.clavess.habilitacion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComparacionFijaTest {

    @DisplayName("given 0 to 7 requests and 5 slots, then a clave costs exactly 5 hashes, matched or not")
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 4, 5, 7})
    void siempreLosMismosHashes(int solicitudes) {
        List<String> claves = new ArrayList<>();
        for (int i = 0; i < solicitudes; i++) {
            claves.add("clave" + i);
        }
        for (String tipeada : List.of("otra", "clave" + Math.max(0, solicitudes - 1))) {
            AtomicInteger hashes = new AtomicInteger();
            var encontrada = ComparacionFija.primera(claves, 5, c -> {
                hashes.incrementAndGet();
                return c.equals(tipeada);
            }, hashes::incrementAndGet);

            assertThat(hashes.get()).as("hashes for %s among %d", tipeada, solicitudes).isEqualTo(5);
            assertThat(encontrada).isEqualTo(claves.contains(tipeada) ? java.util.Optional.of(tipeada) : java.util.Optional.empty());
        }
    }

    @DisplayName("given more requests than slots, then only the newest ones are compared")
    @Test
    void lasMasNuevas() {
        List<String> claves = List.of("c0", "c1", "c2", "c3", "c4", "c5");
        assertThat(ComparacionFija.primera(claves, 5, "c0"::equals, () -> { })).isEmpty();
        assertThat(ComparacionFija.primera(claves, 5, "c5"::equals, () -> { })).contains("c5");
    }
}
