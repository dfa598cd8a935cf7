package ar.gob.anses.clavess.nivel;

import ar.gob.anses.clavess.cuenta.Nivel;
import ar.gob.anses.clavess.flujo.PasoFactory;
import java.util.List;

public final class NivelRequeridoAuthenticatorFactory extends PasoFactory {

    public static final String PROVIDER_ID = "anses-nivel-requerido";

    public NivelRequeridoAuthenticatorFactory() {
        super(PROVIDER_ID, "ANSES: Nivel requerido por la aplicación",
                "Refuses a citizen whose level (user attribute nivel) is below the client's Minimum ACR value or an "
                        + "essential acr request: a page tells how to reach level 3 and the app receives error=access_denied "
                        + "with error_description=anses_nivel_insuficiente. Put it last in the browser and Crear clave flows.",
                List.of(), new NivelRequeridoAuthenticator());
    }
}
