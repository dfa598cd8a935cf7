package ar.gob.anses.clavess.padron;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The citizen registry as a Keycloak SPI: pick the implementation with
 * {@code --spi-anses-padron--provider=<id>} and configure it with {@code --spi-anses-padron--<id>--<option>}.
 */
public final class PadronSpi implements Spi {

    public static final String NAME = "anses-padron";

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
        return PadronProvider.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return PadronProviderFactory.class;
    }
}
