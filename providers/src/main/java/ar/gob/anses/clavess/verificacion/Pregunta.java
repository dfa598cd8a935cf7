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

    /** Whether {@code elegida} is one of the options shown, "No sé / Ninguna de esas" included. */
    public boolean ofrece(int elegida) {
        return elegida >= 0 && elegida <= ninguna();
    }

    /** True when every question got its right option: a set is judged whole, one verdict. */
    public static boolean aciertan(List<Pregunta> preguntas, int[] elegidas) {
        boolean todas = preguntas.size() == elegidas.length;
        for (int i = 0; i < preguntas.size() && i < elegidas.length; i++) {
            todas &= preguntas.get(i).acierta(elegidas[i]);
        }
        return todas;
    }
}
