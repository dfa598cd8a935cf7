package ar.gob.anses.clavess.crearclave;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

class VerificacionPorTramiteTest {

    @DisplayName("given a trámite number typed with spaces, dots or dashes, then its 11 digits are compared")
    @ParameterizedTest
    @ValueSource(strings = {"00712345678", "007 1234 5678", "007.123.456.78", "007-12345678", " 00712345678 "})
    void normalizado(String tecleado) {
        assertThat(VerificacionPorTramite.normalizado(tecleado)).contains("00712345678");
    }

    @DisplayName("given something that is not 11 digits, then it is not a trámite number, so not an attempt either")
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0071234567", "007123456789", "0071234567a", "００７１２３４５６７８", "007_12345678"})
    void noEsTramite(String tecleado) {
        assertThat(VerificacionPorTramite.normalizado(tecleado)).isEmpty();
    }
}
