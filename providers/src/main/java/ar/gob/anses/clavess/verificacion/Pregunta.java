package ar.gob.anses.clavess.verificacion;

import java.util.List;

/**
 * One multiple-choice question as asked: its kind (which names its text), the options in the order
 * shown, and which one is right. The last option is always "No sé / Ninguna de esas", right when the
 * registry has nothing for the person. Kept on the server only: the page sees texts and indexes.
 */
public record Pregunta(TipoPregunta tipo, List<String> opciones, int correcta) {

    /** Index of the "No sé / Ninguna de esas" option: always the last. */
    public int ninguna() {
        return opciones.size();
    }

    public boolean acierta(int elegida) {
        return elegida == correcta;
    }
}
