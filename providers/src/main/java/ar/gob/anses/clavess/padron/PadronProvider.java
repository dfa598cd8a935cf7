package ar.gob.anses.clavess.padron;

import ar.gob.anses.clavess.cuenta.Cuil;
import java.util.Collection;
import java.util.Optional;
import org.keycloak.provider.Provider;

/** Looks a person up in the agency's registry (padrón) by CUIL. */
public interface PadronProvider extends Provider {

    Optional<Persona> buscar(Cuil cuil);

    /**
     * Employer names to draw wrong options from: the registry's own, so that a right answer does not
     * stand out among invented ones. At least the catalogue's.
     */
    Collection<String> empleadores();

    @Override
    default void close() {
    }
}
