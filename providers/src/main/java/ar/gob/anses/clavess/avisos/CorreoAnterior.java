package ar.gob.anses.clavess.avisos;

import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The address a user had before this request changed it, and whether it was verified: Keycloak's events say the
 * previous address (an admin's update says not even that), never whether it was verified, and by the time the event
 * is sent the change has already reset {@code emailVerified}. Recorded by {@link CorreoAnteriorValidator}, the last
 * moment the old values are still on the user; it lives as long as the request's session.
 */
record CorreoAnterior(String direccion, boolean verificada) {

    private static final String CLAVE = "anses-correo-anterior:";

    /** Remembers the user's address, once per request (the user profile validates more than once). */
    static void recordar(KeycloakSession session, UserModel user) {
        if (session.getAttribute(CLAVE + user.getId()) == null) {
            session.setAttribute(CLAVE + user.getId(), new CorreoAnterior(user.getEmail(), user.isEmailVerified()));
        }
    }

    /** What the user had before this request's profile update, if one was validated. */
    static Optional<CorreoAnterior> de(KeycloakSession session, String userId) {
        return Optional.ofNullable(session.getAttribute(CLAVE + userId, CorreoAnterior.class));
    }
}
