package ar.gob.anses.clavess.actividad;

import ar.gob.anses.clavess.avisos.Aviso;
import ar.gob.anses.clavess.avisos.AvisosEventListenerProvider;
import ar.gob.anses.clavess.avisos.DecisionAviso;
import java.util.Optional;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Records an office's action on a citizen's account for "Actividad de tu cuenta" (ANSES_ACTIVIDAD_OFICINA), whoever
 * made it: Keycloak's own user endpoints (the console's user form, a provisional clave, an unlock, a removed second
 * factor) and ours ({@code anses-nivel}, {@code anses-habilitacion}). Decided as the notice decides it
 * ({@link AvisosEventListenerProvider#deEventoAdmin}, with the account before and after the change), so the page and
 * the email tell the same thing; only what the page shows is written, in the request's transaction. As with Keycloak's
 * admin events, nothing is recorded in a realm that does not save admin events.
 */
final class RegistroOficina implements EventListenerProvider {

    private final KeycloakSession session;

    RegistroOficina(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getRealmId() == null || event.getError() != null) {
            return;
        }
        Optional<String> cuenta = DecisionAviso.cuenta(event.getResourcePath());
        RealmModel realm = cuenta.isEmpty() ? null : session.realms().getRealm(event.getRealmId());
        if (realm == null || !realm.isAdminEventsEnabled()) {
            return;
        }
        Optional<Aviso> aviso = AvisosEventListenerProvider.deEventoAdmin(session, realm, event)
                .filter(a -> Actividad.que(Suceso.deOficina(null, 0, a.tipo().name(), a.nivelAnterior(), a.nivelNuevo()), 0).isPresent());
        if (aviso.isEmpty()) {
            return;
        }
        String c = cuenta.get();
        UserModel user = c.startsWith("cuil:") ? session.users().getUserByUsername(realm, c.substring("cuil:".length()))
                : session.users().getUserById(realm, c.substring("id:".length()));
        if (user == null) {
            return;
        }
        String id = event.getId() != null ? event.getId() : KeycloakModelUtils.generateId();
        if (session.getTransactionManager().isActive()) {
            new ActividadOficinaStore(session).guardar(id, realm.getId(), user.getId(), event.getTime(), aviso.get());
        } else {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(),
                    s -> new ActividadOficinaStore(s).guardar(id, realm.getId(), user.getId(), event.getTime(), aviso.get()));
        }
    }

    @Override
    public void onEvent(Event event) {
    }

    @Override
    public void close() {
    }
}
