package ar.gob.anses.clavess.cuenta;

import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The account's level and clave state before an admin's update of the user, remembered for this request: Keycloak's
 * admin event carries only the new representation, and both the office's audit ({@code oficina}) and the notice to
 * the citizen ({@code avisos}) need the old values. Recorded by the {@code nivel} attribute's validator, the last moment
 * the old values are still on the user; it lives as long as the request's session.
 */
public record AntesDelCambio(int nivel, EstadoClave estadoClave) {

    private static final String CLAVE = "anses-cuenta-antes:";

    /** Remembers the user's values, once per request (the user profile validates more than once). */
    public static void recordar(KeycloakSession session, UserModel user) {
        if (session.getAttribute(CLAVE + user.getId()) == null) {
            session.setAttribute(CLAVE + user.getId(), new AntesDelCambio(Nivel.de(user), EstadoClave.de(user)));
        }
    }

    /** What the user had before this request's admin update, if it was recorded. */
    public static Optional<AntesDelCambio> de(KeycloakSession session, String userId) {
        return Optional.ofNullable(session.getAttribute(CLAVE + userId, AntesDelCambio.class));
    }
}
