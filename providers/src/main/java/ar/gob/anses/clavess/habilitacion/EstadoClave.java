package ar.gob.anses.clavess.habilitacion;

import org.keycloak.models.UserModel;

/**
 * Whether a clave can be used, held on the user as the attribute {@code estadoClave}. A resident abroad who could not
 * prove identity online gets a {@link #PENDIENTE} clave: it opens no app and has no level until it is enabled, online
 * with knowledge questions or by an office. Every other clave is {@link #HABILITADA}, also when the attribute is missing.
 */
public enum EstadoClave {
    PENDIENTE, HABILITADA;

    public static final String ATRIBUTO = "estadoClave";

    public static EstadoClave de(UserModel user) {
        return "PENDIENTE".equals(user.getFirstAttribute(ATRIBUTO)) ? PENDIENTE : HABILITADA;
    }

    public void asignar(UserModel user) {
        user.setSingleAttribute(ATRIBUTO, name());
    }
}
