package ar.gob.anses.clavess.avisos;

import java.util.Map;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * {@code anses-avisos}: emails the citizen every change of their account (NIST SP 800-63B-4 §4.6). Enabled per realm
 * (Realm settings → Events → Event listeners). Server Info shows this node's counters: notices sent, failed, and
 * skipped for want of a verified address or of an SMTP server.
 */
public final class AvisosEventListenerProviderFactory implements EventListenerProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "anses-avisos";

    private final EnvioAvisos envio = new EnvioAvisos();

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AvisosEventListenerProvider(session, envio);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return envio.contadores();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
        envio.cerrar();
    }
}
