package ar.gob.anses.clavess.avisos;

import java.util.Collection;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.validate.SimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * Put on the user-profile attribute {@code email}. It remembers the address a user had, and whether it was verified
 * ({@link CorreoAnterior}), so that a change of address is told to the address it replaces: at the confirmation of
 * Keycloak's Update email, and at an office's update; Keycloak validates before it applies the change. And it refuses
 * the one removal Keycloak would let a citizen's session make: Update email with an empty address, which Keycloak
 * applies at once, unconfirmed, and which would leave every later notice without an address.
 */
public final class CorreoAnteriorValidator implements SimpleValidator {

    public static final String ID = "anses-correo-anterior";
    /** Keycloak's own message key for a missing address, in the login theme's voseo. */
    static final String SIN_CORREO = "missingEmailMessage";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public ValidationContext validate(Object input, String inputHint, ValidationContext context, ValidatorConfig config) {
        if (context instanceof UserProfileAttributeValidationContext perfil) {
            UserModel user = perfil.getAttributeContext().getUser();
            if (user != null) {
                CorreoAnterior.recordar(context.getSession(), user);
                boolean actualizarCorreo = perfil.getAttributeContext().getContext() == UserProfileContext.UPDATE_EMAIL;
                if (actualizarCorreo && !vacio(user.getEmail()) && vacio(input)) {
                    context.addError(new ValidationError(ID, inputHint, SIN_CORREO));
                }
            }
        }
        return context;
    }

    private static boolean vacio(Object valor) {
        if (valor instanceof Collection<?> valores) {
            return valores.stream().allMatch(CorreoAnteriorValidator::vacio);
        }
        return valor == null || valor.toString().isBlank();
    }
}
