package ar.gob.anses.clavess.crearclave;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.verificacion.Pregunta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VerificacionPorPreguntasTest {

    private static final List<Pregunta> SET = PreguntasDePrueba.DOS;

    @DisplayName("given an option for every question, then each is read, \"No sé / Ninguna\" included, and all right is right")
    @Test
    void completas() {
        int[] elegidas = VerificacionPorPreguntas.elegidas(SET, Map.of("respuesta-0", "0", "respuesta-1", "4")::get);

        assertThat(elegidas).containsExactly(0, 4);
        assertThat(VerificacionPorPreguntas.aciertan(SET, elegidas)).isTrue();
    }

    @DisplayName("given one wrong option, then the set fails")
    @Test
    void unaMal() {
        int[] elegidas = VerificacionPorPreguntas.elegidas(SET, Map.of("respuesta-0", "0", "respuesta-1", "2")::get);

        assertThat(VerificacionPorPreguntas.aciertan(SET, elegidas)).isFalse();
    }

    @DisplayName("given a missing, garbled or out-of-range option, then it reads as -1: the set is incomplete, not an attempt")
    @Test
    void incompletas() {
        assertThat(VerificacionPorPreguntas.elegidas(SET, Map.of("respuesta-0", "0")::get)).containsExactly(0, -1);
        assertThat(VerificacionPorPreguntas.elegidas(SET, Map.of("respuesta-0", "5", "respuesta-1", "x")::get)).containsExactly(-1, -1);
        assertThat(VerificacionPorPreguntas.elegidas(SET, Map.of("respuesta-0", "-1", "respuesta-1", "123")::get)).containsExactly(-1, -1);
    }
}
