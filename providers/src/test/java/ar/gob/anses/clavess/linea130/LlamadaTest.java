package ar.gob.anses.clavess.linea130;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.verificacion.Pregunta;
import ar.gob.anses.clavess.verificacion.TipoPregunta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LlamadaTest {

    private static final Llamada LLAMADA = new Llamada("27420050041", "operadora-1", List.of(
            new Pregunta(TipoPregunta.PROVINCIA_NACIMIENTO, List.of("Salta", "Jujuy", "Misiones", "Chaco"), 1),
            new Pregunta(TipoPregunta.CATEGORIA_AUTONOMO, List.of("A", "B", "C", "D"), 4)));

    @DisplayName("given a call kept as single-use notes, then it comes back whole, which option is right included")
    @Test
    void idaYVuelta() {
        assertThat(Llamada.de(LLAMADA.notas())).contains(LLAMADA);
    }

    @DisplayName("given notes missing a field or with unreadable questions, then there is no call")
    @Test
    void notasIncompletas() {
        Map<String, String> notas = new HashMap<>(LLAMADA.notas());
        notas.put("preguntas", "[{");
        assertThat(Llamada.de(notas)).isEmpty();
        notas.remove("preguntas");
        assertThat(Llamada.de(notas)).isEmpty();
        assertThat(Llamada.de(null)).isEmpty();
    }

    @DisplayName("given answers, then they are this set's only with one shown option per question, No sé / Ninguna included")
    @Test
    void completas() {
        assertThat(LLAMADA.completas(new int[] {1, 4})).isTrue();
        assertThat(LLAMADA.completas(new int[] {0, 0})).isTrue();
        assertThat(LLAMADA.completas(new int[] {1})).isFalse();
        assertThat(LLAMADA.completas(new int[] {1, 5})).isFalse();
        assertThat(LLAMADA.completas(new int[] {-1, 4})).isFalse();
        assertThat(LLAMADA.completas(null)).isFalse();
        assertThat(Pregunta.aciertan(LLAMADA.preguntas(), new int[] {1, 4})).isTrue();
        assertThat(Pregunta.aciertan(LLAMADA.preguntas(), new int[] {1, 3})).isFalse();
    }
}
