package ar.gob.anses.clavess.habilitacion;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A clave compared against a CUIL's pending requests with the same work whatever the CUIL has: exactly {@code veces}
 * hash computations, one per request and a dummy for each slot without one, every request tried also after a match. So
 * a wrong login costs the same for a CUIL with or without an account, with none or five requests.
 */
final class ComparacionFija {

    private ComparacionFija() {
    }

    /**
     * The first of {@code candidatos} (at most {@code veces} of them, the last ones given) that {@code coincide}, after
     * exactly {@code veces} calls of {@code coincide} or {@code dummy}.
     */
    static <T> Optional<T> primera(List<T> candidatos, int veces, Predicate<T> coincide, Runnable dummy) {
        List<T> comparados = candidatos.subList(Math.max(0, candidatos.size() - veces), candidatos.size());
        Optional<T> encontrado = Optional.empty();
        for (int i = 0; i < veces; i++) {
            if (i < comparados.size()) {
                T candidato = comparados.get(i);
                if (coincide.test(candidato) && encontrado.isEmpty()) {
                    encontrado = Optional.of(candidato);
                }
            } else {
                dummy.run();
            }
        }
        return encontrado;
    }
}
