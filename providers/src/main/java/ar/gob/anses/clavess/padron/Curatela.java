package ar.gob.anses.clavess.padron;

import ar.gob.anses.clavess.cuenta.Cuil;
import org.keycloak.models.KeycloakSession;

/**
 * Seed 003: a person under curatela cannot have a clave of her own; her curador acts for her (he logs in with his own
 * clave and chooses to act in her name). The one decision that every path which would create, enable, recover or set a
 * clave takes: Crear clave and Olvidé mi clave (told once identity is proven), the online enablement of a pending
 * clave, an office's enablement by the USI-07's code, the office's provisional clave, and a clave an admin or office
 * clerk sets through Keycloak's own user API or console (the password policy {@code anses-sin-curatela}).
 */
public final class Curatela {

    /** The error of the event (or admin answer) of a clave refused for a person under curatela. */
    public static final String ERROR = "anses_bajo_curatela";

    private Curatela() {
    }

    /** Whether this person may not hold a clave: the padrón has her under curatela. */
    public static boolean impideClave(Persona persona) {
        return persona.bajoCuratela();
    }

    /** The same for a CUIL: the padrón's answer; a CUIL the padrón does not know is nobody's ward. */
    public static boolean impideClave(KeycloakSession session, Cuil cuil) {
        return session.getProvider(PadronProvider.class).buscar(cuil).map(Curatela::impideClave).orElse(false);
    }
}
