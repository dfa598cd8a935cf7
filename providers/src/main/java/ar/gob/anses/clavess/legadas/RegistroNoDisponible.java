package ar.gob.anses.clavess.legadas;

/** The legacy registry did not answer (unreachable, or slower than its timeout): nothing can be judged now. */
public final class RegistroNoDisponible extends RuntimeException {

    public RegistroNoDisponible(String message, Throwable cause) {
        super(message, cause);
    }
}
