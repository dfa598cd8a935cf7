package ar.gob.anses.clavess.crearclave;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DireccionCorreoTest {

    @DisplayName("given an address typed at Elegí tu clave, then empty is fine (optional), a well-formed one is fine, "
            + "anything else is the invalid-address message")
    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(value = {"'',NULL", "ana@correo.example,NULL", "ana.perez+avisos@sub.correo.example,NULL",
            "ana,ansesEmailInvalido", "ana@,ansesEmailInvalido", "@correo.example,ansesEmailInvalido",
            "ana perez@correo.example,ansesEmailInvalido", "ana@@correo.example,ansesEmailInvalido"}, nullValues = "NULL")
    void problema(String direccion, String mensaje) {
        assertThat(DireccionCorreo.problema(direccion).orElse(null)).isEqualTo(mensaje);
    }

    @DisplayName("given an address longer than 254 characters, then it is refused even if well-formed")
    @Test
    void largo() {
        String larga = "a".repeat(60) + "@" + ("b".repeat(60) + ".").repeat(3) + "c".repeat(20) + ".example";
        assertThat(larga.length()).isGreaterThan(DireccionCorreo.LARGO_MAXIMO);
        assertThat(DireccionCorreo.problema(larga)).contains("ansesEmailInvalido");
    }

    @DisplayName("given what was typed, then surrounding spaces go, nothing is empty, and case does not make another address")
    @Test
    void leerYComparar() {
        assertThat(DireccionCorreo.leer("  ana@correo.example ")).isEqualTo("ana@correo.example");
        assertThat(DireccionCorreo.leer(null)).isEmpty();
        assertThat(DireccionCorreo.leer("   ")).isEmpty();
        assertThat(DireccionCorreo.misma("Ana@Correo.example", "ana@correo.example")).isTrue();
        assertThat(DireccionCorreo.misma("ana@correo.example", "otra@correo.example")).isFalse();
        assertThat(DireccionCorreo.misma(null, "ana@correo.example")).isFalse();
    }
}
