package ar.gob.anses.clavess.cuenta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.gob.anses.clavess.cuenta.Cuil.Problema;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CuilTest {

    @DisplayName("given a valid CUIL of every person prefix, then it parses to its 11 digits")
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "20317320486, 20317320486, 20-31732048-6, 31732048",
            "23317320485, 23317320485, 23-31732048-5, 31732048",
            "24317320481, 24317320481, 24-31732048-1, 31732048",
            "25317320488, 25317320488, 25-31732048-8, 31732048",
            "26317320484, 26317320484, 26-31732048-4, 31732048",
            "27317320480, 27317320480, 27-31732048-0, 31732048",
            "20051234562, 20051234562, 20-05123456-2, 05123456",
    })
    void prefijosDePersona(String input, String digits, String formatted, String dni) {
        Cuil cuil = Cuil.leer(input).cuil();
        assertThat(cuil.digitos()).isEqualTo(digits);
        assertThat(cuil.conGuiones()).isEqualTo(formatted);
        assertThat(cuil.dni()).isEqualTo(dni);
    }

    @DisplayName("given separators people type, then the CUIL is normalised to 11 digits")
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
            "20-31732048-6", "20 31732048 6", "20.31732048.6", " 20-31732048-6 ", "20–31732048–6",
            "20\u00a031732048\u00a06", "2031732048-6", "20 - 31.732.048 - 6",
            "２０３１７３２０４８６", // full-width digits from an IME keyboard
    })
    void separadores(String input) {
        Cuil.Lectura parsed = Cuil.leer(input);
        assertThat(parsed.esValido()).isTrue();
        assertThat(parsed.cuil().digitos()).isEqualTo("20317320486");
    }

    @DisplayName("given a check digit of 0, then it is accepted")
    @Test
    void digitoVerificadorCero() {
        assertThat(Cuil.digitoVerificador("2022333444")).isZero();
        assertThat(Cuil.leer("20-22333444-0").esValido()).isTrue();
        assertThat(Cuil.leer("26-05123456-0").esValido()).isTrue();
    }

    @DisplayName("given ten digits whose remainder gives 10, then no check digit makes a valid CUIL")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2000000001", "2322333444", "2540111222"})
    void digitoVerificadorImposible(String firstTen) {
        assertThat(Cuil.digitoVerificador(firstTen)).isEqualTo(-1);
        for (int d = 0; d <= 9; d++) {
            assertThat(Cuil.leer(firstTen + d).problema()).isEqualTo(Problema.DIGITO_VERIFICADOR);
        }
    }

    @DisplayName("given input that is not a person's CUIL, then the problem names why")
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "20317320487      | DIGITO_VERIFICADOR",
            "20-31732048-0    | DIGITO_VERIFICADOR",
            "2031732048       | LARGO_INCORRECTO",
            "203173204866     | LARGO_INCORRECTO",
            "2                | LARGO_INCORRECTO",
            "20-3173204-6     | LARGO_INCORRECTO",
            "20317320a86      | NO_SON_NUMEROS",
            "abc              | NO_SON_NUMEROS",
            "20/31732048/6    | NO_SON_NUMEROS",
            "20_31732048_6    | NO_SON_NUMEROS",
            "٢٠٣١٧٣٢٠٤٨٦      | NO_SON_NUMEROS",
            "+20317320486     | NO_SON_NUMEROS",
            "30317320481      | PERSONA_JURIDICA",
            "30-12345678-1    | PERSONA_JURIDICA",
            "33123456789      | PERSONA_JURIDICA",
            "34123456789      | PERSONA_JURIDICA",
            "21317320486      | PREFIJO_DESCONOCIDO",
            "10317320486      | PREFIJO_DESCONOCIDO",
            "00000000000      | PREFIJO_DESCONOCIDO",
            "' - . '          | VACIO",
    })
    void problemas(String input, Problema expected) {
        Cuil.Lectura parsed = Cuil.leer(input);
        assertThat(parsed.esValido()).isFalse();
        assertThat(parsed.problema()).isEqualTo(expected);
        assertThatThrownBy(parsed::cuil).isInstanceOf(IllegalStateException.class);
    }

    @DisplayName("given nothing typed, then the problem is VACIO")
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void vacio(String input) {
        assertThat(Cuil.leer(input).problema()).isEqualTo(Problema.VACIO);
    }

    @DisplayName("every problem has its own message key")
    @Test
    void clavesDeMensaje() {
        assertThat(Problema.values()).extracting(Problema::messageKey).doesNotHaveDuplicates().allMatch(k -> k.startsWith("ansesCuil"));
    }

    @DisplayName("two parses of the same CUIL are equal whatever the separators")
    @Test
    void igualdad() {
        assertThat(Cuil.leer("20-31732048-6").cuil()).isEqualTo(Cuil.leer("20317320486").cuil())
                .hasSameHashCodeAs(Cuil.leer("20.31732048.6").cuil());
    }
}
