package ar.gob.anses.clavess.padron;

import org.keycloak.provider.ProviderFactory;

public interface PadronProviderFactory extends ProviderFactory<PadronProvider> {
}
