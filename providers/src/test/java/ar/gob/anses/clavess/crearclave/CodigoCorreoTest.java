package ar.gob.anses.clavess.crearclave;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodigoCorreoTest {

    @DisplayName("given a new code, then it is 6 digits, what is kept of it is a salted hash (not the code), and only that code matches")
    @Test
    void nuevo() {
        CodigoCorreo.Nuevo nuevo = CodigoCorreo.nuevo(new SecureRandom(), 1_000, 600);
        assertThat(nuevo.codigo()).matches("[0-9]{6}");
        CodigoCorreo guardado = nuevo.guardado();
        assertThat(guardado.hash()).doesNotContain(nuevo.codigo()).hasSize(64);
        assertThat(guardado.salt()).doesNotContain(nuevo.codigo());
        assertThat(guardado.es(nuevo.codigo())).isTrue();
        String otro = String.format("%06d", (Integer.parseInt(nuevo.codigo()) + 1) % 1_000_000);
        assertThat(guardado.es(otro)).isFalse();
        assertThat(guardado.es(null)).isFalse();
    }

    @DisplayName("given two codes of the same digits, then their salts make different hashes")
    @Test
    void salado() {
        CodigoCorreo.Nuevo uno = CodigoCorreo.nuevo(new SecureRandom(), 0, 600);
        CodigoCorreo otro = new CodigoCorreo("00", "x", 600);
        assertThat(uno.guardado().salt()).isNotEqualTo(otro.salt());
        assertThat(CodigoCorreo.nuevo(new SecureRandom(), 0, 600).guardado().hash()).isNotEqualTo(uno.guardado().hash());
    }

    @DisplayName("given the time, then a code is valid until its last second and not from then on")
    @Test
    void vence() {
        CodigoCorreo guardado = CodigoCorreo.nuevo(new SecureRandom(), 1_000, 600).guardado();
        assertThat(guardado.venceEn()).isEqualTo(1_600);
        assertThat(guardado.vencido(1_599)).isFalse();
        assertThat(guardado.vencido(1_600)).isTrue();
    }

    @DisplayName("given what a citizen types, then spaces, dots and dashes are ignored and anything but six digits is no code")
    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(value = {"123456,123456", "' 123 456 ',123456", "123-456,123456", "12.34.56,123456",
            "12345,NULL", "1234567,NULL", "12345a,NULL", "'',NULL", "NULL,NULL", "١٢٣٤٥٦,NULL"}, nullValues = "NULL")
    void leer(String escrito, String digitos) {
        assertThat(CodigoCorreo.leer(escrito)).isEqualTo(digitos);
    }

    @DisplayName("given what the session keeps of a code, then it is read back equal, and nothing or a broken note is no code")
    @Test
    void nota() {
        CodigoCorreo guardado = CodigoCorreo.nuevo(new SecureRandom(), 1_000, 600).guardado();

        assertThat(CodigoCorreo.deNota(guardado.nota())).contains(guardado);
        assertThat(CodigoCorreo.deNota(null)).isEmpty();
        assertThat(CodigoCorreo.deNota("solo-una-parte")).isEmpty();
    }
}
