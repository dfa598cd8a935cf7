package ar.gob.anses.clavess.cuenta;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The agency's clock face: every date a citizen reads (pages, notices, the Formulario USI-07) is Argentina's, whatever
 * the server's zone.
 */
public final class HoraArgentina {

    public static final ZoneId ZONA = ZoneId.of("America/Argentina/Buenos_Aires");
    /** {@code dd/MM/yyyy}; an instant is shown in Argentina's zone, a date as it is. */
    public static final DateTimeFormatter FECHA = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZONA);
    /** {@code dd/MM/yyyy HH:mm} in Argentina's zone. */
    public static final DateTimeFormatter FECHA_HORA = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONA);

    private HoraArgentina() {
    }
}
