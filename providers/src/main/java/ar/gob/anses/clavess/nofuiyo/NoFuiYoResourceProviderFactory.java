package ar.gob.anses.clavess.nofuiyo;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** {@code POST /realms/{realm}/anses-no-fui-yo}: the confirmation of a "No fui yo" link ({@link NoFuiYoResource}). */
public final class NoFuiYoResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "anses-no-fui-yo";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new NoFuiYoResource(session);
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
