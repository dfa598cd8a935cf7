package ar.gob.anses.clavess.crearclave;

import java.util.Locale;
import java.util.Optional;
import org.keycloak.utils.EmailValidationUtil;

/**
 * The email address typed at Elegí tu clave: optional for a resident, checked as Keycloak checks one (its
 * {@code EmailValidationUtil}) and at most 254 characters (RFC 5321's limit for a path). Keycloak keeps addresses in
 * lower case, so two addresses are the same whatever their case.
 */
final class DireccionCorreo {

    static final String CAMPO = "email";
    static final int LARGO_MAXIMO = 254;

    private DireccionCorreo() {
    }

    /** What was typed, without surrounding spaces; empty when nothing (or only spaces) was typed. */
    static String leer(String escrito) {
        return escrito == null ? "" : escrito.strip();
    }

    /** The message key of what is wrong with a given (non-empty) address; empty when it is fine or was left empty. */
    static Optional<String> problema(String direccion) {
        if (direccion.isEmpty()) {
            return Optional.empty();
        }
        if (direccion.length() > LARGO_MAXIMO || !EmailValidationUtil.isValidEmail(direccion)) {
            return Optional.of("ansesEmailInvalido");
        }
        return Optional.empty();
    }

    static boolean misma(String una, String otra) {
        return una != null && otra != null && una.strip().toLowerCase(Locale.ROOT).equals(otra.strip().toLowerCase(Locale.ROOT));
    }
}
