package ar.gob.anses.clavess.cambiarclave;

import ar.gob.anses.clavess.flujo.AccionRequeridaFactory;

/** "Cambiar mi clave": the new clave, asked right after a login that proved the current one. */
public final class CambiarClaveRequiredActionFactory extends AccionRequeridaFactory {

    public static final String PROVIDER_ID = "anses-cambiar-clave";

    public CambiarClaveRequiredActionFactory() {
        super(PROVIDER_ID, "ANSES: Cambiar mi clave", new CambiarClaveRequiredAction());
    }
}
