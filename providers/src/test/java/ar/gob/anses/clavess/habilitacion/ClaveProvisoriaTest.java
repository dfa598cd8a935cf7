package ar.gob.anses.clavess.habilitacion;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.politica.ReglasClave;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClaveProvisoriaTest {

    @DisplayName("given 10 000 provisional claves, then each meets the ANSES rules (length, a digit, an upper-case letter, "
            + "letters and digits only, no repeated character, no series) and they do not repeat")
    @Test
    void cumpleLaPolitica() {
        Random azar = new Random(7);
        Set<String> vistas = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String clave = ClaveProvisoria.nueva(azar);
            assertThat(clave).hasSize(10).matches(".*[0-9].*").matches(".*[A-Z].*");
            assertThat(ReglasClave.soloLetrasYNumeros(clave)).isTrue();
            assertThat(ReglasClave.repeticionMasLarga(clave)).isEqualTo(1);
            assertThat(ReglasClave.tieneSerie(clave, 2)).isFalse();
            assertThat(clave).doesNotContainPattern("[0O1lI]");
            vistas.add(clave);
        }
        assertThat(vistas).hasSizeGreaterThan(9_990);
    }
}
