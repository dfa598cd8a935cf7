package ar.gob.anses.clavess.legadas;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The claves of the agency's current system as a Keycloak SPI, beside the padrón's: pick the implementation with
 * {@code --spi-anses-claves-legadas--provider=<id>} ({@code json-file} by default, {@code jdbc}) and configure it with
 * {@code --spi-anses-claves-legadas--<id>--<option>}.
 */
public final class ClavesLegadasSpi implements Spi {

    public static final String NAME = "anses-claves-legadas";

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
        return ClavesLegadasProvider.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return ClavesLegadasProviderFactory.class;
    }
}
