package ar.gob.anses.clavess.cuenta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NivelTest {

    @DisplayName("given the citizen's level and what the app asked, then a code is granted or refused")
    @ParameterizedTest(name = "nivel {0}, pedido {1}, esencial {2}, mínimo {3} -> {4}")
    @CsvSource({
            "2,  ,  false,  , true",
            "3,  ,  false,  , true",
            "2, 3,  false,  , true",   // voluntary acr_values=3: the token tells the real level
            "2, 3,  true,   , false",  // essential acr 3
            "3, 3,  true,   , true",
            "2, 3,  false, 3, false",  // client Minimum ACR value 3
            "3, 3,  false, 3, true",
            "2, 2,  true,   , true",
            "3, 2,  true,   , true",
            "2,  ,  true,   , true",
            "2, 2,  false, 3, false",
    })
    void alcanza(int nivel, Integer pedido, boolean esencial, Integer minimo, boolean esperado) {
        assertThat(Nivel.alcanza(nivel, pedido, esencial, minimo)).isEqualTo(esperado);
    }

    @DisplayName("given a missing or odd nivel attribute, then it counts as level 2, never 3")
    @ParameterizedTest(name = "[{0}]")
    @CsvSource({"''", "1", "4", "03", "tres", "' 3'"})
    void parse(String value) {
        assertThat(Nivel.leer(value)).isEmpty();
    }
}
