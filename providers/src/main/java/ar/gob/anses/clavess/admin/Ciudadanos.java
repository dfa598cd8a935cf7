package ar.gob.anses.clavess.admin;

import ar.gob.anses.clavess.cuenta.Cuil;
import jakarta.ws.rs.NotFoundException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The citizen an admin resource's path names by CUIL (typed with or without separators); 404 when there is none. */
public final class Ciudadanos {

    private Ciudadanos() {
    }

    public static UserModel porCuil(KeycloakSession session, RealmModel realm, String cuil) {
        Cuil.Lectura parsed = Cuil.leer(cuil);
        UserModel user = parsed.esValido() ? session.users().getUserByUsername(realm, parsed.cuil().digitos()) : null;
        if (user == null) {
            throw new NotFoundException("no citizen with that CUIL");
        }
        return user;
    }
}
