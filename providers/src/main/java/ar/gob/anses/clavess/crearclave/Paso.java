package ar.gob.anses.clavess.crearclave;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** A step of Crear clave: a page and its answer, before any user exists unless it says otherwise. */
interface Paso extends Authenticator {

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
