package ar.gob.anses.clavess.senales;

import ar.gob.anses.clavess.avisos.DecisionAviso;
import ar.gob.anses.clavess.nivel.CambioNivel;
import ar.gob.anses.clavess.nofuiyo.NoFuiYo;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.events.Details;

/**
 * Which change of level of assurance, if any, an event is. Plain Java over the event's strings, unit-tested alone: the
 * same events the notices read ({@code avisos.DecisionAviso}), but a signal goes at the change itself, even when the
 * citizen's notice waits for an address to be confirmed.
 */
public final class DecisionSenal {

    private static final Pattern USUARIO = Pattern.compile("users/[^/]+");
    private static final Pattern NIVEL = Pattern.compile("anses-nivel/\\d{11}");

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
        if (error != null || !"UPDATE_CREDENTIAL".equals(tipo) || detalles == null || !"clave".equals(detalles.get(DecisionAviso.DETALLE_PASO))) {
            return Optional.empty();
        }
        return cambio(entero(detalles.get(DecisionAviso.DETALLE_NIVEL_ANTERIOR)), 2);
    }

    /**
     * An office's event: a user update in the console that changed {@code nivel} ({@code antes} and {@code despues}
     * the account's level around it, 0 when not recorded), or our level resource ({@code ANSES_NIVEL}, whose
     * representation holds both levels).
     */
    public static Optional<Cambio> deEventoAdmin(String recurso, String operacion, String ruta, String error, int antes, int despues,
                                                 Map<String, ?> representacion) {
        if (error != null || ruta == null || !"UPDATE".equals(operacion)) {
            return Optional.empty();
        }
        if ("USER".equals(recurso) && USUARIO.matcher(ruta).matches()) {
            return cambio(antes, despues);
        }
        if (CambioNivel.RECURSO.equals(recurso) && NIVEL.matcher(ruta).matches() && representacion != null) {
            return cambio(entero(String.valueOf(representacion.get("nivelAnterior"))), entero(String.valueOf(representacion.get("nivelNuevo"))));
        }
        return Optional.empty();
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
