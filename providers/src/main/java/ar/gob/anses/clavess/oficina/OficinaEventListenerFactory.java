package ar.gob.anses.clavess.oficina;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel.UserPreRemovedEvent;

/**
 * Global, so every realm gets it without configuration: records each level change made through Keycloak's
 * own user API with its old value, and refuses account deletion by office staff.
 */
public final class OficinaEventListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "anses-oficina";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AuditoriaNivel(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof UserPreRemovedEvent borrado) {
                Oficina.antesDeBorrar(borrado);
            }
        });
    }

    @Override
    public void close() {
    }
}
