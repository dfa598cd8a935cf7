package ar.gob.anses.clavess.avisos;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * When a notice that could not be sent is tried again: the wait doubles from {@code inicial} after each failed try, up
 * to {@code maximo}; once the notice is {@code abandonarTras} old, a failed try is the last one. Plain arithmetic over
 * epoch milliseconds, so that it is tested without a server or a clock.
 */
public record Reintentos(Duration inicial, Duration maximo, Duration abandonarTras) {

    public Reintentos {
        if (inicial.isNegative() || inicial.isZero() || maximo.compareTo(inicial) < 0 || abandonarTras.isNegative()) {
            throw new IllegalArgumentException("retries need 0 < inicial <= maximo and abandonarTras >= 0, got "
                    + inicial + ", " + maximo + ", " + abandonarTras);
        }
    }

    /** The wait after the {@code fallidos}-th failed try (1 is the first): inicial, 2 × inicial, 4 × … up to maximo. */
    public Duration espera(int fallidos) {
        if (fallidos <= 1) {
            return inicial;
        }
        // Doubling 62 times overflows a long of milliseconds; past the cap there is nothing left to compute.
        int duplicaciones = Math.min(fallidos - 1, 62);
        long milisegundos = inicial.toMillis();
        for (int i = 0; i < duplicaciones && milisegundos < maximo.toMillis(); i++) {
            milisegundos *= 2;
        }
        return Duration.ofMillis(Math.min(milisegundos, maximo.toMillis()));
    }

    /**
     * The next try after the {@code fallidos}-th failure at {@code ahora} of a notice created at {@code creado}; empty
     * when it is given up: it is already {@code abandonarTras} old.
     */
    public OptionalLong proximoIntento(int fallidos, long creado, long ahora) {
        if (vencido(creado, ahora)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ahora + espera(fallidos).toMillis());
    }

    /** Whether a notice created at {@code creado} has been tried for long enough at {@code ahora}. */
    public boolean vencido(long creado, long ahora) {
        return ahora - creado >= abandonarTras.toMillis();
    }
}
