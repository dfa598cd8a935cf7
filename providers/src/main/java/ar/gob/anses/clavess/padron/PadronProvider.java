package ar.gob.anses.clavess.padron;

import ar.gob.anses.clavess.cuenta.Cuil;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.keycloak.provider.Provider;

/** Looks a person up in the agency's registry (padrón) by CUIL. */
public interface PadronProvider extends Provider {

    Optional<Persona> buscar(Cuil cuil);

    /**
     * The wards the registry lists for {@code curador} (none for almost everyone): what every login asks of every
     * citizen, so a registry may answer it with less than a whole person. By default, from {@link #buscar}.
     */
    default List<Cuil> curados(Cuil curador) {
        return buscar(curador).map(Persona::curados).orElse(List.of());
    }

    /**
     * Employer names to draw wrong options from: the registry's own, so that a right answer does not
     * stand out among invented ones. At least the catalogue's.
     */
    Collection<String> empleadores();

    @Override
    default void close() {
    }
}
