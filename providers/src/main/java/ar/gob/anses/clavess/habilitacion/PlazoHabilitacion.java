package ar.gob.anses.clavess.habilitacion;

import java.time.Duration;

/**
 * The calendar days a pending clave has to be enabled, counted from its creation (seed 003: "90 (noventa) días
 * corridos"); past them it is deleted and the citizen may create a new one.
 */
public record PlazoHabilitacion(int dias) {

    public static final int DIAS_POR_DEFECTO = 90;

    public PlazoHabilitacion {
        if (dias < 1) {
            throw new IllegalArgumentException("the days to enable a pending clave must be at least 1, not " + dias);
        }
    }

    /** When a clave created at {@code creadaMillis} (epoch) stops being enabled and is deleted. */
    public long venceMillis(long creadaMillis) {
        return creadaMillis + Duration.ofDays(dias).toMillis();
    }

    public boolean vencida(long creadaMillis, long ahoraMillis) {
        return ahoraMillis >= venceMillis(creadaMillis);
    }

    /** Whole days left, rounded up: 90 on the day of creation, 1 on the last day, 0 once past. */
    public long diasRestantes(long creadaMillis, long ahoraMillis) {
        long restante = venceMillis(creadaMillis) - ahoraMillis;
        return restante <= 0 ? 0 : (restante + Duration.ofDays(1).toMillis() - 1) / Duration.ofDays(1).toMillis();
    }
}
