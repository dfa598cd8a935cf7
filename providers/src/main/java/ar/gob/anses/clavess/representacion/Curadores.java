package ar.gob.anses.clavess.representacion;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.padron.PadronProvider;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The wards a user may act for, asked of the padrón (the anses-padron SPI) at the moment of asking: the curador's list
 * of wards only (every login asks it), then each ward.
 */
final class Curadores {

    private Curadores() {
    }

    /** The ward a kept choice names, if still a ward: the curador and that ward asked of the padrón, nobody else. */
    static Optional<Representacion.Curado> representado(KeycloakSession session, UserModel user, String nota) {
        Cuil.Lectura cuil = Cuil.leer(user.getUsername());
        if (!cuil.esValido()) {
            return Optional.empty();
        }
        PadronProvider padron = session.getProvider(PadronProvider.class);
        return Representacion.representado(nota, padron.curados(cuil.cuil()), padron::buscar);
    }

    static List<Representacion.Curado> vigentes(KeycloakSession session, UserModel user) {
        Cuil.Lectura cuil = Cuil.leer(user.getUsername());
        if (!cuil.esValido()) {
            return List.of(); // office staff and admins created by hand: not in the padrón
        }
        PadronProvider padron = session.getProvider(PadronProvider.class);
        return Representacion.vigentes(padron.curados(cuil.cuil()), padron::buscar);
    }
}
