package ar.gob.anses.clavess.padron;

import ar.gob.anses.clavess.cuenta.Cuil;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The padrón as one Keycloak session (one HTTP request) sees it: each CUIL is looked up once, however many steps,
 * mappers and rules of the request ask for it (Crear clave's CUIL step, the policy's personal data, a token's
 * {@code representa}…). Kept only as long as the session: a new request asks the registry again, so no person's data
 * outlives the request that read it, and a change in the registry shows in the next request. Not thread-safe, as a
 * Keycloak session is used by one thread.
 */
final class PadronDeLaSesion implements PadronProvider {

    private final Function<Cuil, Optional<Persona>> registro;
    private final Function<Cuil, List<Cuil>> registroCurados;
    private final Supplier<Collection<String>> empleadores;
    private final Map<Cuil, Optional<Persona>> leidas = new HashMap<>(4);
    private final Map<Cuil, List<Cuil>> curadosLeidos = new HashMap<>(2);

    /** {@code registroCurados}: the registry's own question for a curador's wards, narrower than a whole person. */
    PadronDeLaSesion(Function<Cuil, Optional<Persona>> registro, Function<Cuil, List<Cuil>> registroCurados,
                     Supplier<Collection<String>> empleadores) {
        this.registro = registro;
        this.registroCurados = registroCurados;
        this.empleadores = empleadores;
    }

    @Override
    public Optional<Persona> buscar(Cuil cuil) {
        Optional<Persona> persona = leidas.get(cuil);
        if (persona == null) {
            persona = registro.apply(cuil); // a failed lookup throws and is not kept: the next ask tries again
            leidas.put(cuil, persona);
        }
        return persona;
    }

    /** From the person when this request already read her; else the registry's narrower question, once per request. */
    @Override
    public List<Cuil> curados(Cuil curador) {
        if (leidas.containsKey(curador)) {
            return buscar(curador).map(Persona::curados).orElse(List.of());
        }
        List<Cuil> curados = curadosLeidos.get(curador);
        if (curados == null) {
            curados = registroCurados.apply(curador);
            curadosLeidos.put(curador, curados);
        }
        return curados;
    }

    @Override
    public Collection<String> empleadores() {
        return empleadores.get(); // JdbcPadron keeps these for an hour already; they are no one's personal data
    }

    @Override
    public void close() {
        leidas.clear();
        curadosLeidos.clear();
    }
}
