package ar.gob.anses.clavess.senales;

import ar.gob.anses.clavess.avisos.Aviso;
import ar.gob.anses.clavess.avisos.TipoAviso;
import ar.gob.anses.clavess.cuenta.DetallesEvento;
import ar.gob.anses.clavess.nofuiyo.NoFuiYo;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.Details;

/**
 * Which change of level of assurance, if any, an event is. Plain Java over the event's strings, unit-tested alone: the
 * same events the notices read ({@code avisos.DecisionAviso}), but a signal goes at the change itself, even when the
 * citizen's notice waits for an address to be confirmed.
 */
public final class DecisionSenal {

    private DecisionSenal() {
    }

    /** From one level to another; never equal, both 2 or 3. */
    public record Cambio(int anterior, int nuevo) {
    }

    /**
     * A citizen's own event: the online recovery (Crear clave's {@code UPDATE_CREDENTIAL} at step {@code clave}) of a
     * level-3 account leaves it at level 2, since the identity was proven online.
     */
    public static Optional<Cambio> deEvento(String tipo, Map<String, String> detalles, String error) {
        if (error != null || !"UPDATE_CREDENTIAL".equals(tipo) || detalles == null || !DetallesEvento.Paso.CLAVE.en(detalles)) {
            return Optional.empty();
        }
        return cambio(entero(detalles.get(DetallesEvento.NIVEL_ANTERIOR)), 2);
    }

    /**
     * An office's event, as the notices read it ({@code AvisosEventListenerProvider.deEventoAdmin}: a console update of
     * the user that changed {@code nivel}, or our level resource {@code anses-nivel}): its change of level, if it is one.
     */
    public static Optional<Cambio> deAviso(Aviso aviso) {
        return aviso.tipo() == TipoAviso.NIVEL_SUBIDO || aviso.tipo() == TipoAviso.NIVEL_BAJADO
                ? cambio(aviso.nivelAnterior(), aviso.nivelNuevo()) : Optional.empty();
    }

    /** A confirmed "No fui yo" ({@code nofuiyo.NoFuiYo}'s LOGOUT): the clave is compromised, revoked until replaced. */
    public static boolean claveRevocada(String tipo, Map<String, String> detalles, String error) {
        return error == null && "LOGOUT".equals(tipo) && detalles != null && NoFuiYo.MOTIVO.equals(detalles.get(Details.REASON));
    }

    private static Optional<Cambio> cambio(int anterior, int nuevo) {
        boolean valido = (anterior == 2 || anterior == 3) && (nuevo == 2 || nuevo == 3) && anterior != nuevo;
        return valido ? Optional.of(new Cambio(anterior, nuevo)) : Optional.empty();
    }

    private static int entero(String valor) {
        try {
            return valor == null ? 0 : Integer.parseInt(valor.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
