package ar.gob.anses.clavess.flujo;

import java.util.function.Function;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * What our realm resources' factories ({@code /realms/{realm}/anses-…}) have in common: a JAX-RS resource made for each
 * request, nothing to set up or close; a subclass names it.
 */
public abstract class RecursoFactory implements RealmResourceProviderFactory {

    private final String id;
    private final Function<KeycloakSession, Object> recurso;

    protected RecursoFactory(String id, Function<KeycloakSession, Object> recurso) {
        this.id = id;
        this.recurso = recurso;
    }

    @Override
    public final RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return recurso.apply(session);
            }

            @Override
            public void close() {
                // Nothing held.
            }
        };
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final void init(Config.Scope config) {
        // Nothing to configure at server level.
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
        // Nothing to wire.
    }

    @Override
    public final void close() {
        // Nothing held.
    }
}
