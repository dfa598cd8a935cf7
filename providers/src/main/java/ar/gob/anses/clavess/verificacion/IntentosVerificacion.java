package ar.gob.anses.clavess.verificacion;

/**
 * The verification attempts charged to a CUIL (each is charged before its answer is judged, so a
 * failure counts even if the server stops before answering): {@code fallidos} since the last success
 * or lock, and the epoch second until which verification is locked (0: not).
 */
public record IntentosVerificacion(int fallidos, long ultimoFallo, long bloqueadaHasta) {

    public static final IntentosVerificacion NINGUNO = new IntentosVerificacion(0, 0, 0);

    public boolean bloqueada(long ahora) {
        return bloqueadaHasta > ahora;
    }

    /** Attempts left before the lock (0 when locked). */
    public int restantes(int maximo, long ahora) {
        return bloqueada(ahora) ? 0 : Math.max(0, maximo - vigentes(ahora));
    }

    /**
     * One more failure: at {@code maximo} failures verification locks for {@code bloqueoSegundos}, and
     * the count starts again once that lock has run out.
     */
    public IntentosVerificacion conFallo(long ahora, int maximo, long bloqueoSegundos) {
        int fallidosAhora = vigentes(ahora) + 1;
        if (fallidosAhora >= maximo) {
            return new IntentosVerificacion(fallidosAhora, ahora, ahora + bloqueoSegundos);
        }
        return new IntentosVerificacion(fallidosAhora, ahora, 0);
    }

    // Failures that led to a lock that has expired no longer count.
    private int vigentes(long ahora) {
        return bloqueadaHasta != 0 && bloqueadaHasta <= ahora ? 0 : fallidos;
    }
}
