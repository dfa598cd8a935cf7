package ar.gob.anses.clavess.actividad;

import java.util.Map;

/**
 * One stored event about a citizen, as plain strings: a user event of hers ({@code oficina} false: its type, details,
 * error, app and address) or an admin event on her account ({@code oficina} true: its resource type, operation, path
 * and representation). Keycloak's {@code Event} and {@code AdminEvent} become this in {@link ActividadResource}, so that
 * {@link Actividad} is tested without a server.
 *
 * @param id         the event's id (Keycloak's), to tell entries apart
 * @param tiempo     when, in epoch milliseconds
 * @param tipo       user event type ({@code LOGIN}); office actions: the notice's kind ({@code avisos.TipoAviso}'s name)
 * @param operacion  unused (null); kept so that the record's shape stays one for both kinds
 * @param ruta       unused (null)
 * @param detalles   user events: the details; office actions: {@code nivelAnterior} and {@code nivelNuevo}
 * @param error      the event's error, null when it succeeded
 * @param clientId   the app (client id) of a user event; null for admin events
 * @param ip         the client address the event recorded
 * @param sesion     the user session id of a user event, if any
 */
public record Suceso(String id, long tiempo, String tipo, String operacion, String ruta, Map<String, ?> detalles,
                     String error, String clientId, String ip, String sesion, boolean oficina) {

    /** A citizen's own event. */
    public static Suceso deUsuario(String id, long tiempo, String tipo, Map<String, String> detalles, String error,
                                   String clientId, String ip, String sesion) {
        return new Suceso(id, tiempo, tipo, null, null, detalles, error, clientId, ip, sesion, false);
    }

    /** An office's action on her account, as the notice it is ({@code tipo}: {@code avisos.TipoAviso}'s name). */
    public static Suceso deOficina(String id, long tiempo, String tipo, int nivelAnterior, int nivelNuevo) {
        return new Suceso(id, tiempo, tipo, null, null, Map.of(NIVEL_ANTERIOR, nivelAnterior, NIVEL_NUEVO, nivelNuevo), null,
                null, null, null, true);
    }

    static final String NIVEL_ANTERIOR = "nivelAnterior";
    static final String NIVEL_NUEVO = "nivelNuevo";
}
