package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.verificacion.Pregunta;
import ar.gob.anses.clavess.verificacion.TipoPregunta;
import java.util.List;

/** A set of two questions for unit tests: four options and "No sé / Ninguna de esas" (index 4) each. */
final class PreguntasDePrueba {

    /** Right answers: 0 (Entre Ríos) and 4 (never self-employed: "Ninguna"). */
    static final List<Pregunta> DOS = List.of(
            new Pregunta(TipoPregunta.PROVINCIA_NACIMIENTO, List.of("Entre Ríos", "Salta", "Chubut", "Jujuy"), 0),
            new Pregunta(TipoPregunta.CATEGORIA_AUTONOMO, List.of("A", "C", "F", "K"), 4));

    private PreguntasDePrueba() {
    }
}
