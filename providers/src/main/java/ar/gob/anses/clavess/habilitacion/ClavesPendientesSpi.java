package ar.gob.anses.clavess.habilitacion;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * {@code anses-claves-pendientes}: the deadline of pending claves and the task that deletes the expired ones. Its
 * options are the deployer's: {@code --spi-anses-claves-pendientes--default--plazo-dias} (90) and
 * {@code --spi-anses-claves-pendientes--default--intervalo} (how often the task runs, 1h).
 */
public final class ClavesPendientesSpi implements Spi {

    public static final String NAME = "anses-claves-pendientes";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return ClavesPendientes.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return ClavesPendientesProviderFactory.class;
    }
}
