package ar.gob.anses.clavess.actividad;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * {@code GET /realms/{realm}/anses-actividad}: the account's activity for the account console's page
 * ({@link ActividadResource}; the page is {@code themes/anses/account/resources/js/anses-actividad.js}, listed in the
 * theme's {@code content.json}). A realm resource, not an {@code AccountResourceProvider}: that SPI replaces the whole
 * account console, and this adds one page to Keycloak's own.
 */
public final class ActividadResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "anses-actividad";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new ActividadResource(session);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
