package ar.gob.anses.clavess.linea130;

/** Línea 130's names: the operators' role and what the operator is told to tell the caller. */
public final class Linea130 {

    /** The realm role of Línea 130 operators; they need nothing else (no realm-management role). */
    public static final String ROL = "anses-linea-130";
    /** The admin events' resource type ({@code anses-linea-130/<cuil>}). */
    public static final String RECURSO = "ANSES_LINEA_130";

    private Linea130() {
    }

    /** What became of a call, each with its message {@code ansesLinea130<NAME>} on the desk. */
    public enum Resultado {
        /** The CUIL is not in the padrón: as Crear clave's CUIL step tells it. */
        NO_PADRON,
        /** Verification is locked for this CUIL (by the web or by phone): the hours left. */
        BLOQUEADA,
        /** Wrong answers: the attempts left (the same counter as the web's). */
        INCORRECTA,
        /** Identity proven, but the person is under curatela: her curador acts for her. */
        CURATELA,
        /** Identity proven, but the account is served at an office only (staff, a disabled account). */
        OFICINA,
        /** Identity proven, but this operator gave all the claves of her hour. */
        LIMITE,
        /** A single-use link to choose her clave was sent to her confirmed email. */
        CORREO,
        /** A provisional clave for the operator to read out, replaced at the first login. */
        CLAVE_PROVISORIA,
        /** The set of questions is not this operator's current one for this CUIL (answered, expired, or another call's). */
        VENCIDA
    }
}
