package ar.gob.anses.clavess.cuenta;

import org.keycloak.models.UserModel;

/**
 * Whether a clave can be used, held on the user as the attribute {@code estadoClave}. A resident abroad who could not
 * prove identity online gets a {@link #PENDIENTE} clave: it opens no app and has no level until it is enabled, online
 * with knowledge questions or by an office. Every other clave is {@link #HABILITADA}, also when the attribute is missing.
 */
public enum EstadoClave {
    PENDIENTE, HABILITADA;

    public static EstadoClave de(UserModel user) {
        return PENDIENTE.name().equals(user.getFirstAttribute(Atributos.ESTADO_CLAVE)) ? PENDIENTE : HABILITADA;
    }

    public void asignar(UserModel user) {
        user.setSingleAttribute(Atributos.ESTADO_CLAVE, name());
    }
}
