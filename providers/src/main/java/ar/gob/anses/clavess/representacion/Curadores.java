package ar.gob.anses.clavess.representacion;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.padron.PadronProvider;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/** The wards a user may act for, asked of the padrón (the anses-padron SPI) at the moment of asking. */
final class Curadores {

    private Curadores() {
    }

    static List<Representacion.Curado> vigentes(KeycloakSession session, UserModel user) {
        Cuil.Lectura cuil = Cuil.leer(user.getUsername());
        if (!cuil.esValido()) {
            return List.of(); // office staff and admins created by hand: not in the padrón
        }
        PadronProvider padron = session.getProvider(PadronProvider.class);
        return Representacion.vigentes(padron.buscar(cuil.cuil()), padron::buscar);
    }
}
