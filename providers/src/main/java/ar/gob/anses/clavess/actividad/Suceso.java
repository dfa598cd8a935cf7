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
 * @param tipo       user event type ({@code LOGIN}); admin events: resource type ({@code USER}, {@code ANSES_NIVEL})
 * @param operacion  admin events only: {@code UPDATE}, {@code ACTION}, {@code DELETE}…; null for user events
 * @param ruta       admin events only: the resource path ({@code users/…/reset-password})
 * @param detalles   user events: the details; admin events: the representation's top-level values, if recorded
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

    /** An office's (admin) event on her account. */
    public static Suceso deOficina(String id, long tiempo, String recurso, String operacion, String ruta,
                                   Map<String, ?> representacion, String error) {
        return new Suceso(id, tiempo, recurso, operacion, ruta, representacion, error, null, null, null, true);
    }
}
