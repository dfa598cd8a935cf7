package ar.gob.anses.clavess.verificacion;

/**
 * The rules of a pending clave's online enablement attempts, as plain arithmetic. Whoever knows a CUIL can register a
 * request for it, so the attempts are charged to the request: each has its own {@code porSolicitud}, and failing them
 * locks that request only; a stranger burns his own request, never the one the owner made. The CUIL keeps a ceiling
 * over all its requests: once {@code porCuil} failures add up, every request registered <em>from then on</em> is locked
 * until the ceiling's lock runs out ({@code bloqueoSegundos}), so registering again brings no new guesses, while the
 * requests that existed before keep their own attempts (the owner's among them). Over one lock period a CUIL's questions
 * are answered at most {@code porSolicitud} times per request open when the ceiling was reached, plus the failures that
 * reached it; an office sees and lifts the lock.
 *
 * <p>The CUIL's count is an {@link IntentosVerificacion}; while its lock is on, its {@code ultimoFallo} is the moment
 * the ceiling was reached (failures of the older requests are not added to a locked CUIL).
 */
public record IntentosHabilitacion(int porSolicitud, int porCuil, long bloqueoSegundos) {

    /**
     * One request's attempts as its maker sees them: its own failures, and until when it is locked (0: not). A request
     * locked by its own failures stays locked until it expires ({@code venceSegundos}); one registered after the CUIL's
     * ceiling was reached, until that lock or the request ends.
     */
    public IntentosVerificacion deLaSolicitud(IntentosVerificacion cuil, int fallidosSolicitud, long creadaSegundos,
                                              long venceSegundos, long ahora) {
        long hasta = 0;
        if (fallidosSolicitud >= porSolicitud) {
            hasta = venceSegundos;
        } else if (cuil.bloqueada(ahora) && creadaSegundos >= cuil.ultimoFallo()) {
            hasta = Math.min(cuil.bloqueadaHasta(), venceSegundos);
        }
        return new IntentosVerificacion(fallidosSolicitud, cuil.ultimoFallo(), hasta > ahora ? hasta : 0);
    }

    /** The CUIL's count after one more failed attempt of any of its requests: reaching the ceiling locks it from now. */
    public IntentosVerificacion cuilTrasFallo(IntentosVerificacion cuil, long ahora) {
        return cuil.bloqueada(ahora) ? cuil : cuil.conFallo(ahora, porCuil, bloqueoSegundos);
    }
}
