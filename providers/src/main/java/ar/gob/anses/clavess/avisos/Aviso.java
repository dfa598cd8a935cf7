package ar.gob.anses.clavess.avisos;

/**
 * One notice to send: its kind and, when the level changed with it, the level before and after (0 when not
 * known or not changed). Never a clave, a trámite number or an answer: there is no field to hold one.
 *
 * @param direccion the address to send it to instead of the account's verified one: the previous address of an email
 *                  change, verified until that change (null: the account's own address)
 */
public record Aviso(TipoAviso tipo, int nivelAnterior, int nivelNuevo, String direccion) {

    public Aviso(TipoAviso tipo, int nivelAnterior, int nivelNuevo) {
        this(tipo, nivelAnterior, nivelNuevo, null);
    }

    public static Aviso de(TipoAviso tipo) {
        return new Aviso(tipo, 0, 0);
    }

    /** The same notice, to {@code otraDireccion} rather than to the account's address. */
    public Aviso a(String otraDireccion) {
        return new Aviso(tipo, nivelAnterior, nivelNuevo, otraDireccion);
    }

    /** Whether the level went down with this change (an online recovery of a level-3 citizen). */
    public boolean bajoElNivel() {
        return nivelAnterior > nivelNuevo && nivelNuevo > 0;
    }
}
