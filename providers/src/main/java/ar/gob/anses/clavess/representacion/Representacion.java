package ar.gob.anses.clavess.representacion;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.padron.Persona;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * In whose name a curador acts (seed 003: "podrá elegir actuar en representación propia o de los CURADOS a su
 * cargo"): the rules alone, without Keycloak. The padrón decides at every use: a ward is offered, and named in a
 * token, only while the curador's {@code curados} list them and the padrón still has them {@code bajoCuratela}.
 */
public final class Representacion {

    /** The user-session note that keeps the choice: {@link #PROPIA} or the ward's CUIL (11 digits). */
    public static final String NOTA = "anses.representa";
    /** The choice "en representación propia": no {@code representa} claim. */
    public static final String PROPIA = "propia";
    /** The only relation there is today. */
    public static final String RELACION = "curatela";

    private Representacion() {
    }

    /** A ward as the page and the token name them. */
    public record Curado(Cuil cuil, String nombre) {

        /** The {@code representa} claim: {"cuil", "nombre", "relacion"}. */
        public Map<String, Object> claim() {
            Map<String, Object> claim = new LinkedHashMap<>();
            claim.put("cuil", cuil.digitos());
            claim.put("nombre", nombre);
            claim.put("relacion", RELACION);
            return claim;
        }
    }

    /**
     * The wards a curador may act for now, in the padrón's order: each CUIL in {@code curados} that the padrón
     * knows and still lists as under curatela; each once. Empty for a person without wards (or not in the padrón).
     */
    public static List<Curado> vigentes(List<Cuil> curados, Function<Cuil, Optional<Persona>> padron) {
        return new LinkedHashSet<>(curados).stream()
                .map(padron)
                .flatMap(Optional::stream)
                .filter(Persona::bajoCuratela)
                .map(p -> new Curado(p.cuil(), p.nombre() + " " + p.apellido()))
                .toList();
    }

    /**
     * The ward a kept choice names, if the padrón still lets the curador act for them; empty for
     * {@link #PROPIA}, a missing or malformed note, or a ward no longer offered.
     */
    public static Optional<Curado> representado(String nota, List<Curado> vigentes) {
        if (nota == null || PROPIA.equals(nota)) {
            return Optional.empty();
        }
        return vigentes.stream().filter(c -> c.cuil().digitos().equals(nota)).findFirst();
    }

    /**
     * The ward a kept choice names, asking the padrón for that ward only (a token needs no other): the same answer as
     * {@code representado(nota, vigentes(curador, padron))}, which looks up every ward of the curador.
     */
    public static Optional<Curado> representado(String nota, List<Cuil> curados, Function<Cuil, Optional<Persona>> padron) {
        if (nota == null || PROPIA.equals(nota)) {
            return Optional.empty();
        }
        return curados.stream().filter(c -> c.digitos().equals(nota)).findFirst()
                .flatMap(padron)
                .filter(Persona::bajoCuratela)
                .map(p -> new Curado(p.cuil(), p.nombre() + " " + p.apellido()))
                .filter(c -> c.cuil().digitos().equals(nota));
    }

    /**
     * What a submitted form chose, checked against the wards offered now: {@link #PROPIA}, or the CUIL of one of
     * them. Anything else (missing, a CUIL not offered, a forged value) is empty: the page asks again.
     */
    public static Optional<String> eleccion(String enviada, List<Curado> vigentes) {
        if (PROPIA.equals(enviada)) {
            return Optional.of(PROPIA);
        }
        return representado(enviada, vigentes).map(c -> c.cuil().digitos());
    }
}
