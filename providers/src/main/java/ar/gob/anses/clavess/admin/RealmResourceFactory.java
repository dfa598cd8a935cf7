package ar.gob.anses.clavess.admin;

import java.util.function.Function;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** A realm REST resource under {@code /realms/{realm}/<id>}; a subclass names it and builds it for each request. */
public abstract class RealmResourceFactory implements RealmResourceProviderFactory {

    private final String id;
    private final Function<KeycloakSession, Object> resource;

    protected RealmResourceFactory(String id, Function<KeycloakSession, Object> resource) {
        this.id = id;
        this.resource = resource;
    }

    @Override
    public final RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return resource.apply(session);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final void init(Config.Scope config) {
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public final void close() {
    }
}
