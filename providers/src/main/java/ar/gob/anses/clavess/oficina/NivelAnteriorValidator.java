package ar.gob.anses.clavess.oficina;

import ar.gob.anses.clavess.cuenta.AntesDelCambio;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.validate.SimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidatorConfig;

/**
 * Put on the user-profile attribute {@code nivel}: it rejects nothing, it remembers the level and clave state a user
 * had before an admin update ({@link AntesDelCambio}) so that {@link AuditoriaNivel} can record old and new and the
 * notice to the citizen ({@code avisos}) can tell what the office changed. Keycloak validates before it applies the
 * update, and that is the last moment the old value is still on the user.
 */
public final class NivelAnteriorValidator implements SimpleValidator {

    public static final String ID = "anses-nivel-anterior";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public ValidationContext validate(Object input, String inputHint, ValidationContext context, ValidatorConfig config) {
        if (context instanceof UserProfileAttributeValidationContext perfil) {
            AttributeContext atributo = perfil.getAttributeContext();
            UserModel user = atributo.getUser();
            if (user != null && atributo.getContext() == UserProfileContext.USER_API) {
                AntesDelCambio.recordar(context.getSession(), user);
            }
        }
        return context;
    }
}
