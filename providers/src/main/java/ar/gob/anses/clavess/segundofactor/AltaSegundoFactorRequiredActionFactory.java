package ar.gob.anses.clavess.segundofactor;

import ar.gob.anses.clavess.flujo.AccionRequeridaFactory;

public final class AltaSegundoFactorRequiredActionFactory extends AccionRequeridaFactory {

    public static final String PROVIDER_ID = "anses-segundo-factor-alta";

    public AltaSegundoFactorRequiredActionFactory() {
        super(PROVIDER_ID, "ANSES: Segundo factor configurado para la aplicación", new AltaSegundoFactorRequiredAction());
    }
}
