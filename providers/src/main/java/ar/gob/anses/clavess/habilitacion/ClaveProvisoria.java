package ar.gob.anses.clavess.habilitacion;

import ar.gob.anses.clavess.cuenta.Atributos;
import ar.gob.anses.clavess.cuenta.Cuenta;
import ar.gob.anses.clavess.padron.Persona;
import java.util.Random;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;

/**
 * The provisional clave an office gives a citizen it has served with the DNI: she must replace it at her first login.
 * Ten symbols, letters and digits alternating, so that it meets the ANSES policy by construction: no two digits or two
 * letters side by side means no series, no run of one character, no DNI, CUIL, date or name inside it; the first
 * letter is upper case, the others lower case; no symbol that reads like another (0/O, 1/l/I).
 */
public final class ClaveProvisoria {

    static final int LARGO = 10;
    private static final String MAYUSCULAS = "ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final String LETRAS = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITOS = "23456789";

    private ClaveProvisoria() {
    }

    public static String nueva(Random azar) {
        StringBuilder clave = new StringBuilder(LARGO);
        for (int i = 0; i < LARGO; i++) {
            if (i == 0) {
                clave.append(MAYUSCULAS.charAt(azar.nextInt(MAYUSCULAS.length())));
            } else if (i % 2 == 0) {
                clave.append(LETRAS.charAt(azar.nextInt(LETRAS.length())));
            } else {
                clave.append(DIGITOS.charAt(azar.nextInt(DIGITOS.length())));
            }
        }
        return clave.toString();
    }

    /**
     * Creates the padrón person's account at {@code nivel} with a provisional clave, in the transaction {@code tx} (under
     * the CUIL's lock, {@link ClavesPendientes#reemplazar}); the clave, told once.
     */
    public static String crearCuenta(KeycloakSession tx, Persona persona, int nivel, Random azar) {
        RealmModel enTx = tx.getContext().getRealm();
        UserModel user = tx.users().addUser(enTx, persona.cuil().digitos());
        persona.identidad().escribirEn(user);
        Cuenta.habilitar(user, nivel, null);
        user.setSingleAttribute(Atributos.CODIGO_USI07, tx.getProvider(ClavesPendientes.class).codigoLibre(enTx));
        return dar(user, azar);
    }

    /**
     * A new provisional clave for the account, which Keycloak makes her replace at her next login (Update password, under
     * the same policy); the clave, told once.
     */
    public static String dar(UserModel user, Random azar) {
        user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        for (int intento = 0; ; intento++) {
            String clave = nueva(azar);
            try {
                user.credentialManager().updateCredential(UserCredentialModel.password(clave, false));
                return clave;
            } catch (ModelException e) {
                if (intento == 4) {
                    throw e; // the policy refused five random claves: a deployment's policy this generator does not meet
                }
            }
        }
    }
}
