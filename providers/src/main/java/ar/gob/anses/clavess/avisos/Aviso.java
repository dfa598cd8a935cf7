package ar.gob.anses.clavess.avisos;

/**
 * One notice to send: its kind and, when the level changed with it, the level before and after (0 when not
 * known or not changed). Never a clave, a trámite number or an answer: there is no field to hold one.
 */
public record Aviso(TipoAviso tipo, int nivelAnterior, int nivelNuevo) {

    public static Aviso de(TipoAviso tipo) {
        return new Aviso(tipo, 0, 0);
    }

    /** Whether the level went down with this change (an online recovery of a level-3 citizen). */
    public boolean bajoElNivel() {
        return nivelAnterior > nivelNuevo && nivelNuevo > 0;
    }
}
