package ar.gob.anses.clavess.legadas;

import org.keycloak.provider.ProviderFactory;

public interface ClavesLegadasProviderFactory extends ProviderFactory<ClavesLegadasProvider> {
}
