package ar.gob.anses.clavess.avisos;

import org.keycloak.models.UserModel;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.SimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidatorConfig;

/**
 * Put on the user-profile attribute {@code email}: it rejects nothing, it remembers the address a user had, and whether
 * it was verified ({@link CorreoAnterior}), so that a change of address is told to the address it replaces: at the
 * confirmation of Keycloak's Update email, and at an office's update. Keycloak validates before it applies the change.
 */
public final class CorreoAnteriorValidator implements SimpleValidator {

    public static final String ID = "anses-correo-anterior";

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
            }
        }
        return context;
    }
}
