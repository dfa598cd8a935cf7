package ar.gob.anses.clavess.senales;

import ar.gob.anses.clavess.avisos.AvisosEventListenerProvider;
import ar.gob.anses.clavess.avisos.DecisionAviso;
import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.common.Profile;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.ssf.event.InitiatingEntity;

/**
 * Global, as Keycloak's own Shared Signals listener is: every change of a citizen's level becomes a CAEP
 * {@code assurance-level-change} to the apps she used, in the realms whose transmitter is on (Realm settings, "SSF
 * Transmitter"), and a confirmed "No fui yo" a {@code credential-change} revoking the clave. Keycloak sends the other
 * {@code credential-change}s and the {@code session-revoked}s itself. Only there when the server has the {@code ssf}
 * feature.
 */
public final class SenalesEventListenerFactory implements EventListenerProviderFactory, EnvironmentDependentProviderFactory {

    public static final String PROVIDER_ID = "anses-senales";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new Oyente(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public boolean isSupported(Config.Scope config) {
        return Profile.isFeatureEnabled(Profile.Feature.SSF);
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
    }

    @Override
    public void close() {
    }

    private record Oyente(KeycloakSession session) implements EventListenerProvider {

        @Override
        public void onEvent(Event event) {
            String tipo = String.valueOf(event.getType());
            Optional<DecisionSenal.Cambio> cambio = DecisionSenal.deEvento(tipo, event.getDetails(), event.getError());
            boolean revocada = DecisionSenal.claveRevocada(tipo, event.getDetails(), event.getError());
            if ((cambio.isEmpty() && !revocada) || event.getUserId() == null) {
                return;
            }
            RealmModel realm = session.realms().getRealm(event.getRealmId());
            UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
            if (user == null) {
                return;
            }
            cambio.ifPresent(c -> Senales.cambioDeNivel(session, realm, user, c, InitiatingEntity.USER));
            if (revocada) {
                Senales.claveRevocada(session, realm, user);
            }
        }

        @Override
        public void onEvent(AdminEvent event, boolean includeRepresentation) {
            if (event.getResourcePath() == null || event.getOperationType() == null) {
                return;
            }
            RealmModel realm = session.realms().getRealm(event.getRealmId());
            if (realm == null || !Senales.activas(session, realm)) {
                return;
            }
            new OficinaSinSenales(session).onEvent(event, includeRepresentation);
            Optional<String> cuenta = DecisionAviso.cuenta(event.getResourcePath()); // "id:<user id>" or "cuil:<CUIL>"
            UserModel user = cuenta.map(c -> c.startsWith("id:") ? session.users().getUserById(realm, c.substring("id:".length()))
                    : session.users().getUserByUsername(realm, c.substring("cuil:".length()))).orElse(null);
            if (user == null) {
                return;
            }
            AvisosEventListenerProvider.deEventoAdmin(session, realm, event).flatMap(DecisionSenal::deAviso)
                    .ifPresent(cambio -> Senales.cambioDeNivel(session, realm, user, cambio, InitiatingEntity.ADMIN));
        }

        @Override
        public void close() {
        }
    }
}
