package ar.gob.anses.clavess.linea130;

import ar.gob.anses.clavess.verificacion.Pregunta;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call's set of questions, kept on the server between asking and answering (the desk sees texts and indexes
 * only, never which option is right): the caller's CUIL, the operator who asked, and the questions. Stored as
 * Keycloak single-use notes, so a set is judged once.
 */
record Llamada(String cuil, String operador, List<Pregunta> preguntas) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUIL = "cuil";
    private static final String OPERADOR = "operador";
    private static final String PREGUNTAS = "preguntas";

    Map<String, String> notas() {
        try {
            return Map.of(CUIL, cuil, OPERADOR, operador, PREGUNTAS, JSON.writeValueAsString(preguntas));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The call the notes hold; empty when there are none or they cannot be read. */
    static Optional<Llamada> de(Map<String, String> notas) {
        if (notas == null || notas.get(CUIL) == null || notas.get(OPERADOR) == null || notas.get(PREGUNTAS) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Llamada(notas.get(CUIL), notas.get(OPERADOR),
                    JSON.readValue(notas.get(PREGUNTAS), new TypeReference<List<Pregunta>>() { })));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Whether these are the answers of this set: one option shown per question, each in range. */
    boolean completas(int[] elegidas) {
        if (elegidas == null || elegidas.length != preguntas.size()) {
            return false;
        }
        for (int i = 0; i < elegidas.length; i++) {
            if (!preguntas.get(i).ofrece(elegidas[i])) {
                return false;
            }
        }
        return true;
    }
}
