package ar.gob.anses.clavess.padron;

import ar.gob.anses.clavess.cuil.Cuil;
import java.util.Optional;
import org.keycloak.provider.Provider;

/** Looks a person up in the agency's registry (padrón) by CUIL. */
public interface PadronProvider extends Provider {

    Optional<Persona> find(Cuil cuil);

    @Override
    default void close() {
    }
}
