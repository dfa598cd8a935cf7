package ar.gob.anses.clavess.testsupport;

import java.time.Duration;

/**
 * The one way the tests wait for the server to do something on its own (a mail, a notice, a scheduled task, a signal,
 * a lock ending, a page changing): poll the state with a deadline, on one clock ({@link System#nanoTime}). Never a
 * sleep for the time it should take.
 */
public final class Espera {

    /** What the server may take for something it does on its own. */
    public static final Duration PLAZO = Duration.ofSeconds(60);
    /** The same on the two-node cluster: production nodes on PostgreSQL, started beside the dev-mode server. */
    public static final Duration PLAZO_CLUSTER = Duration.ofSeconds(90);
    private static final Duration PAUSA = Duration.ofMillis(200);

    /** A state read from the server: a value once it is there, null or false while it is not. */
    @FunctionalInterface
    public interface Condicion<T> {
        T leer() throws Exception;
    }

    private Espera() {
    }

    /**
     * Polls {@code condicion} until it gives a value that is neither null nor false, and returns it; fails (an
     * {@link AssertionError} that says {@code que}) once {@code plazo} has passed. What the condition throws, an
     * assertion included, fails at once.
     */
    public static <T> T esperarHasta(String que, Duration plazo, Condicion<T> condicion) throws Exception {
        long limite = System.nanoTime() + plazo.toNanos();
        while (true) {
            T valor = condicion.leer();
            if (valor != null && !Boolean.FALSE.equals(valor)) {
                return valor;
            }
            if (System.nanoTime() - limite > 0) {
                throw new AssertionError("waited " + plazo + " for " + que);
            }
            Thread.sleep(PAUSA.toMillis()); // a poll's pause, not a wait for something to happen
        }
    }
}
