package ar.gob.anses.clavess.nofuiyo;

import ar.gob.anses.clavess.cuenta.Atributos;

/**
 * The mark "No fui yo" leaves on an account: the user attribute {@value #ATRIBUTO}, the moment (Keycloak's clock, epoch
 * milliseconds) the citizen said a change was not hers. Until a clave newer than the mark exists (set through Olvidé mi
 * clave, where the identity is proven again, or given by an office), the clave is refused even when it is right. Plain
 * Java over the attribute's text and the credential's creation time, so that the rule is unit-tested alone.
 */
public final class ClaveComprometida {

    /** User attribute; read only in the user profile (admins see it, nobody edits it). Its name never changes. */
    public static final String ATRIBUTO = Atributos.CLAVE_COMPROMETIDA;

    private ClaveComprometida() {
    }

    /** The attribute's value for a mark made at {@code ahora} (epoch milliseconds). */
    public static String marca(long ahora) {
        return String.valueOf(ahora);
    }

    /**
     * Whether the clave still counts as compromised: there is a mark and the clave was not replaced after it.
     * {@code claveCreada} is the password credential's creation time (epoch milliseconds), null when unknown. A mark
     * that cannot be read counts as a mark (the safe side): nothing but this class writes it.
     */
    public static boolean vigente(String marca, Long claveCreada) {
        if (marca == null || marca.isBlank()) {
            return false;
        }
        long cuando;
        try {
            cuando = Long.parseLong(marca.strip());
        } catch (NumberFormatException e) {
            return true;
        }
        return claveCreada == null || claveCreada <= cuando;
    }
}
