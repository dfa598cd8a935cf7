package ar.gob.anses.clavess.oficina;

import ar.gob.anses.clavess.cuenta.AntesDelCambio;
import ar.gob.anses.clavess.cuenta.Nivel;
import ar.gob.anses.clavess.nivel.CambioNivel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

/**
 * Turns an admin's user update that changed {@code nivel} (the console's user form, or {@code PUT
 * /users/{id}}) into a {@link CambioNivel} admin event: Keycloak's own event holds only the new
 * representation, the audit needs the old level too.
 */
final class AuditoriaNivel implements EventListenerProvider {

    private final KeycloakSession session;

    AuditoriaNivel(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getResourceType() != ResourceType.USER || event.getOperationType() != OperationType.UPDATE
                || event.getError() != null || event.getResourcePath() == null
                || !event.getResourcePath().matches("users/[^/]+")) {
            return;
        }
        String userId = event.getResourcePath().substring("users/".length());
        Integer anterior = AntesDelCambio.de(session, userId).map(AntesDelCambio::nivel).orElse(null);
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = anterior == null || realm == null ? null : session.users().getUserById(realm, userId);
        if (user == null || anterior == Nivel.de(user) || !realm.isAdminEventsEnabled()) {
            return;
        }
        CambioNivel cambio = new CambioNivel(user.getUsername(), anterior, Nivel.de(user));
        AdminEvent registro = new AdminEvent(event);
        registro.setId(UUID.randomUUID().toString());
        registro.setResourceTypeAsString(CambioNivel.RECURSO);
        registro.setResourcePath(cambio.resourcePath());
        try {
            registro.setRepresentation(JsonSerialization.writeValueAsString(cambio.representacion()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        session.getProvider(EventStoreProvider.class).onEvent(registro, true);
    }

    @Override
    public void onEvent(Event event) {
    }

    @Override
    public void close() {
    }
}
