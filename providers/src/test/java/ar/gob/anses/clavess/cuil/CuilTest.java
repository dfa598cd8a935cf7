package ar.gob.anses.clavess.cuil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.gob.anses.clavess.cuil.Cuil.Problem;
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
        Cuil cuil = Cuil.parse(input).cuil();
        assertThat(cuil.digits()).isEqualTo(digits);
        assertThat(cuil.formatted()).isEqualTo(formatted);
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
        Cuil.Parsed parsed = Cuil.parse(input);
        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.cuil().digits()).isEqualTo("20317320486");
    }

    @DisplayName("given a check digit of 0, then it is accepted")
    @Test
    void digitoVerificadorCero() {
        assertThat(Cuil.checkDigit("2022333444")).isZero();
        assertThat(Cuil.parse("20-22333444-0").isValid()).isTrue();
        assertThat(Cuil.parse("26-05123456-0").isValid()).isTrue();
    }

    @DisplayName("given ten digits whose remainder gives 10, then no check digit makes a valid CUIL")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2000000001", "2322333444", "2540111222"})
    void digitoVerificadorImposible(String firstTen) {
        assertThat(Cuil.checkDigit(firstTen)).isEqualTo(-1);
        for (int d = 0; d <= 9; d++) {
            assertThat(Cuil.parse(firstTen + d).problem()).isEqualTo(Problem.CHECK_DIGIT);
        }
    }

    @DisplayName("given input that is not a person's CUIL, then the problem names why")
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "20317320487      | CHECK_DIGIT",
            "20-31732048-0    | CHECK_DIGIT",
            "2031732048       | WRONG_LENGTH",
            "203173204866     | WRONG_LENGTH",
            "2                | WRONG_LENGTH",
            "20-3173204-6     | WRONG_LENGTH",
            "20317320a86      | NOT_DIGITS",
            "abc              | NOT_DIGITS",
            "20/31732048/6    | NOT_DIGITS",
            "20_31732048_6    | NOT_DIGITS",
            "٢٠٣١٧٣٢٠٤٨٦      | NOT_DIGITS",
            "+20317320486     | NOT_DIGITS",
            "30317320481      | LEGAL_ENTITY",
            "30-12345678-1    | LEGAL_ENTITY",
            "33123456789      | LEGAL_ENTITY",
            "34123456789      | LEGAL_ENTITY",
            "21317320486      | UNKNOWN_PREFIX",
            "10317320486      | UNKNOWN_PREFIX",
            "00000000000      | UNKNOWN_PREFIX",
            "' - . '          | EMPTY",
    })
    void problemas(String input, Problem expected) {
        Cuil.Parsed parsed = Cuil.parse(input);
        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.problem()).isEqualTo(expected);
        assertThatThrownBy(parsed::cuil).isInstanceOf(IllegalStateException.class);
    }

    @DisplayName("given nothing typed, then the problem is EMPTY")
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void vacio(String input) {
        assertThat(Cuil.parse(input).problem()).isEqualTo(Problem.EMPTY);
    }

    @DisplayName("every problem has its own message key")
    @Test
    void clavesDeMensaje() {
        assertThat(Problem.values()).extracting(Problem::messageKey).doesNotHaveDuplicates().allMatch(k -> k.startsWith("ansesCuil"));
    }

    @DisplayName("two parses of the same CUIL are equal whatever the separators")
    @Test
    void igualdad() {
        assertThat(Cuil.parse("20-31732048-6").cuil()).isEqualTo(Cuil.parse("20317320486").cuil())
                .hasSameHashCodeAs(Cuil.parse("20.31732048.6").cuil());
    }
}
