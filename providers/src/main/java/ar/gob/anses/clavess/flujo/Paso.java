package ar.gob.anses.clavess.flujo;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A step of an ANSES flow (the Crear clave pages, the level check that ends both flows): a page and its answer,
 * which sets nothing up on the user and holds nothing; it runs before any user exists unless it says otherwise.
 */
public interface Paso extends Authenticator {

    @Override
    default boolean requiresUser() {
        return false;
    }

    @Override
    default boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    default void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // Steps set up nothing on the user.
    }

    @Override
    default void close() {
        // Steps hold no resources.
    }
}
