package ar.gob.anses.clavess.legadas;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hash a CUIL without a legacy entry is compared with: of a random clave, with the work of the registry's most
 * common kind of hash ({@link Algoritmo#trabajo}), so that a wrong clave for a CUIL in no registry costs what a wrong
 * clave for a legacy entry costs (an agency's system keeps one kind for nearly everyone: the odd entry of another cost
 * is the only one that differs).
 */
public record Ficticio(Algoritmo algoritmo, String hash) {

    private static final SecureRandom AZAR = new SecureRandom();

    /** Always false, after the same work as a real comparison. */
    public boolean coincide(String clave) {
        algoritmo.coincide(hash, clave);
        return false;
    }

    /** The work of a comparison, as {@link Algoritmo#trabajo} says it. */
    public String trabajo() {
        return algoritmo.trabajo(hash);
    }

    /** Like the most common kind among {@code muestra}; empty for an empty one. */
    public static Optional<Ficticio> delMasComun(Collection<ClaveLegada> muestra) {
        Map<String, ClaveLegada> porTrabajo = muestra.stream().collect(Collectors.toMap(
                c -> c.algoritmo().trabajo(c.hash()), Function.identity(), (a, b) -> a));
        Map<String, Long> cuantas = muestra.stream().collect(Collectors.groupingBy(c -> c.algoritmo().trabajo(c.hash()), Collectors.counting()));
        return cuantas.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).thenComparing(Map.Entry::getKey))
                .map(e -> porTrabajo.get(e.getKey()))
                .map(modelo -> new Ficticio(modelo.algoritmo(), modelo.algoritmo().ficticio(modelo.hash(), AZAR)));
    }
}
