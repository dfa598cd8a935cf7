package ar.gob.anses.clavess.verificacion;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The secret {@link GeneradorPreguntas} draws the wrong options with: the realm's HMAC key, secret, per realm and the
 * same on every node of a cluster, so a person is asked the same options on the web and by phone.
 */
public final class SecretoDelRealm {

    private SecretoDelRealm() {
    }

    public static byte[] de(KeycloakSession session, RealmModel realm) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        if (key == null || key.getSecretKey() == null) {
            throw new IllegalStateException("realm " + realm.getName() + " has no active HS512 key");
        }
        return key.getSecretKey().getEncoded();
    }
}
