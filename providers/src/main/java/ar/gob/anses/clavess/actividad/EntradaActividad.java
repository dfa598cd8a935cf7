package ar.gob.anses.clavess.actividad;

import ar.gob.anses.clavess.cuenta.HoraArgentina;
import java.time.Instant;
import java.util.List;

/**
 * One line of "Actividad de tu cuenta": what happened (a message key of the account theme and its parameters), when,
 * from where, in which app, and whether it offers "No fui yo". Holds no CUIL, DNI, clave, trámite, answer or full
 * address: only what the page shows.
 *
 * @param id          the event's id, to tell entries apart
 * @param tiempo      epoch milliseconds
 * @param mensaje     message key of what happened ({@code ansesActividad…})
 * @param parametros  the message's parameters (levels), in order
 * @param origen      from where
 * @param navegador   the browser and system when {@code origen} is {@link Origen#DISPOSITIVO}, else null
 * @param direccion   the masked address when {@code origen} is {@link Origen#CONEXION}, else null
 * @param clientId    the app's client id; null when none (an office's change)
 * @param noFuiYo     whether the entry offers the "No fui yo" link
 */
public record EntradaActividad(String id, long tiempo, String mensaje, List<String> parametros, Origen origen,
                               Dispositivo navegador, String direccion, String clientId, boolean noFuiYo) {

    /** From where an entry was done, as the page words it. */
    public enum Origen {
        /** An office's (admin) action: "Una oficina de ANSES". */
        OFICINA,
        /** A Línea 130 operator's action: "La Línea 130 de ANSES". */
        LINEA_130,
        /** The browser and system Keycloak recorded for the session. */
        DISPOSITIVO,
        /** Only the address is known: shown masked. */
        CONEXION,
        /** Nothing known. */
        DESCONOCIDO
    }

    /** A browser family and system ("Chrome", "Linux"); either may be null, not both. */
    public record Dispositivo(String navegador, String sistema) {
    }

    /** Argentina's date and time, {@code dd/MM/yyyy HH:mm}, whatever the server's zone. */
    public String cuando() {
        return HoraArgentina.FECHA_HORA.format(Instant.ofEpochMilli(tiempo));
    }

    /** The same instant, ISO-8601 with Argentina's offset, for the page's {@code <time datetime>}. */
    public String cuandoIso() {
        return Instant.ofEpochMilli(tiempo).atZone(HoraArgentina.ZONA).toOffsetDateTime().withNano(0).toString();
    }
}
