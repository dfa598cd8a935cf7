package ar.gob.anses.clavess.legadas;

import ar.gob.anses.clavess.cuenta.Cuil;
import java.util.Optional;
import org.keycloak.provider.Provider;

/**
 * The claves of the agency's current system, asked once per CUIL: at the first login of a citizen who has no account
 * here yet (see {@link Migracion}).
 */
public interface ClavesLegadasProvider extends Provider {

    /**
     * The CUIL's legacy entry, if the registry has one.
     *
     * @throws RegistroNoDisponible when the registry does not answer in time: the login must not be judged
     */
    Optional<ClaveLegada> buscar(Cuil cuil);

    /**
     * A hash of nobody, of the same work as the registry's most common kind: compared instead when a
     * CUIL has no entry, so that it costs what a legacy clave costs. Empty when the registry is empty (then no legacy
     * work is done for anybody).
     */
    Optional<Ficticio> ficticio();

    @Override
    default void close() {
    }
}
