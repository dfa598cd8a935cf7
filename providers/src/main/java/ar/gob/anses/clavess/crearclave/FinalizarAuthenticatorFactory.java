package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.flujo.PasoFactory;
import java.util.List;

public final class FinalizarAuthenticatorFactory extends PasoFactory {

    public static final String PROVIDER_ID = "anses-finalizar";

    public FinalizarAuthenticatorFactory() {
        super(PROVIDER_ID, "ANSES: Finalizar",
                "Crear clave, last step: tells the citizen the clave is enabled at level 2, which apps need level 3 and how to get it, then continues to the app they came from, logged in.",
                List.of(), new FinalizarAuthenticator());
    }
}
