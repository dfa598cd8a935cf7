package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.cuenta.Cuenta;
import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.cuenta.Nivel;
import ar.gob.anses.clavess.habilitacion.ClavesPendientes;
import ar.gob.anses.clavess.legadas.ClavesLegadasRetiradas;
import ar.gob.anses.clavess.login.BloqueoClave;
import ar.gob.anses.clavess.usi07.Usi07;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * A clave proven online comes into being (seed 003, A): beside {@link ClavePendienteNueva}, the other way Crear clave
 * gives a CUIL a clave. The account ends usable at level 2 ({@link Cuenta#habilitar}, the one way a clave becomes
 * usable, which the pending request's enablement and the office also end in), with the clave, a new Formulario USI-07
 * code (the old form stops verifying), no login lock left and no legacy clave to migrate. Everything here is written in the request's transaction:
 * nothing is kept if it rolls back.
 */
final class ClaveNueva {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final BruteForceProtector protector;

    ClaveNueva(KeycloakSession session, RealmModel realm, BruteForceProtector protector) {
        this.session = session;
        this.realm = realm;
        this.protector = protector;
    }

    /**
     * The clave of the person of {@code cuil}, proven, on {@code user} (new or existing). The real person makes or
     * recovers the account: the CUIL's pending requests (residents abroad, whoever made them; a CUIL with an account has
     * them too, see ClavesPendientes) are discarded with their claves and addresses, none of which was ever proven theirs.
     */
    void habilitar(UserModel user, Cuil cuil, String clave, String politicasVersion) {
        session.getProvider(ClavesPendientes.class).descartar(realm, cuil.digitos());
        // A clave made here replaces the one of the agency's former system, if any: its entry is never asked again.
        ClavesLegadasRetiradas.retirar(session, realm, cuil.digitos(), ClavesLegadasRetiradas.Motivo.REEMPLAZADA);
        Cuenta.habilitar(user, Nivel.ONLINE, politicasVersion);
        user.credentialManager().updateCredential(UserCredentialModel.password(clave, false));
        Usi07.asignarCodigo(session, realm, user);
        new BloqueoClave(session, realm, protector).limpiar(cuil, user);
    }
}
