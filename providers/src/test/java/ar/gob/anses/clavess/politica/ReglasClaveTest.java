package ar.gob.anses.clavess.politica;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.politica.ReglasClave.DatoPersonal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReglasClaveTest {

    private static final DatosPersonales MARTIN = new DatosPersonales("20051234562", "05123456", LocalDate.of(1988, 2, 14),
            List.of("José María", "Núñez Pérez"));

    @DisplayName("only letters A-Z and digits")
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Mate7Rio     | true", "ABCxyz019    | true", "aA1          | true", "Mate 7Rio    | false",
            "Mate7Rio!    | false", "¡Mate7Rio    | false", "¿Mate7Rio    | false", "Mate'7Rio    | false",
            "Mate\"7Rio   | false", "Mate;7Rio    | false", "Mañana7R     | false", "Canción7R    | false",
            "Mate7Río     | false", "Mate_7Rio    | false", "Ｍate7Rio    | false",
    })
    void soloLetrasYNumeros(String clave, boolean esperado) {
        assertThat(ReglasClave.soloLetrasYNumeros(clave)).isEqualTo(esperado);
    }

    @DisplayName("longest run of one character, case-insensitive")
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource({
            "Mate7Rio, 1", "Maate7Rio, 2", "MaAte7Rio, 2", "Mate77Rio, 2", "Mate7Riooo, 3", "aaaa, 4", "a, 1",
            "Aa1, 2", "abab12, 1", "Mate7RiO, 1", "XxXx9, 4",
    })
    void repeticionMasLarga(String clave, int esperado) {
        assertThat(ReglasClave.repeticionMasLarga(clave)).isEqualTo(esperado);
    }

    @DisplayName("ascending or descending series of a given length")
    @ParameterizedTest(name = "[{0}] length {1} -> {2}")
    @CsvSource({
            "1234Mate, 4, true", "Ma1234te, 4, true", "Mate1234, 4, true", "Mate9876, 4, true", "abcdMat1, 4, true",
            "MatDCBA1, 4, true", "MaDEFg12, 4, true", "Mate123R, 4, false", "Mate7Rio, 4, false", "Mate123R, 3, true",
            "Defensa1, 3, true", "Defensa1, 4, false", "a1b2c3d4, 4, false", "9a8b7c6d, 4, false", "xyzA0123, 4, true",
            "Mate7Rst, 2, true", "Mate7Rio, 2, false",
    })
    void serie(String clave, int largo, boolean esperado) {
        assertThat(ReglasClave.tieneSerie(clave, largo)).isEqualTo(esperado);
    }

    @DisplayName("personal data: CUIL, DNI with or without zeros, birth date forms, names of 3+ letters, accent- and case-insensitive")
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource({
            "X20051234562,     CUIL",
            "Ab05123456,       DNI",
            "Ab5123456,        DNI",
            "Cl14021988,       FECHA_NACIMIENTO",
            "Cl140288x,        FECHA_NACIMIENTO",
            "Cl19880214,       FECHA_NACIMIENTO",
            "Rio1988X,         FECHA_NACIMIENTO",
            "Jose7Rio,         NOMBRE",
            "MARIA7rio,        NOMBRE",
            "Nunez7Rio,        NOMBRE",
            "xPerez7,          NOMBRE",
            "Mate7Rio,         ",
            "Jo7Rio5X,         ",
            "Ab512345,         ",
            "Cl1402x88,        ",
    })
    void datoPersonal(String clave, DatoPersonal esperado) {
        assertThat(ReglasClave.datoPersonal(clave, MARTIN).orElse(null)).isEqualTo(esperado);
    }

    @DisplayName("given only the CUIL (a user not yet created), then the CUIL and the DNI inside it are still refused")
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource({"Ab20051234562, CUIL", "Ab5123456, DNI", "Jose7Rio, "})
    void soloCuil(String clave, DatoPersonal esperado) {
        assertThat(ReglasClave.datoPersonal(clave, DatosPersonales.deCuil("20051234562")).orElse(null)).isEqualTo(esperado);
    }
}
