package ar.gob.anses.clavess.verificacion;

/** Which proof of identity a count of attempts belongs to; each kind has its own count and lock per CUIL. */
public enum TipoIntentos {
    /** Crear clave's trámite or knowledge questions. */
    VERIFICACION,
    /** The knowledge questions that enable a resident abroad's pending clave online. */
    HABILITACION
}
