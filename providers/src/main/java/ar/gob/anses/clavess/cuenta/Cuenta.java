package ar.gob.anses.clavess.cuenta;

import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** What every step that gives a citizen a usable clave writes on the account, written once. */
public final class Cuenta {

    private Cuenta() {
    }

    /**
     * Makes the clave usable: the user enabled, {@link EstadoClave#HABILITADA}, the level given and, when known, the
     * policies version the citizen accepted. Crear clave (level 2), an enablement online (2) or at an office (2 or 3),
     * and the office's provisional clave (3) all end here.
     */
    public static void habilitar(UserModel user, int nivel, String politicasVersion) {
        user.setEnabled(true);
        EstadoClave.HABILITADA.asignar(user);
        user.setSingleAttribute(Atributos.NIVEL, String.valueOf(nivel));
        if (politicasVersion != null) {
            user.setSingleAttribute(Atributos.POLITICAS_VERSION, politicasVersion);
        }
    }

    /** The account whose current Formulario USI-07 has this code (canonical form, see {@link CodigoVerificacion#leer}). */
    public static Optional<UserModel> conCodigoUsi07(KeycloakSession session, RealmModel realm, String codigo) {
        return session.users().searchForUserByUserAttributeStream(realm, Atributos.CODIGO_USI07, codigo)
                .filter(u -> codigo.equals(u.getFirstAttribute(Atributos.CODIGO_USI07))).findFirst();
    }
}
