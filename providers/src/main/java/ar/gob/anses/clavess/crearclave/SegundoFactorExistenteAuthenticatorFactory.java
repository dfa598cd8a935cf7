package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.flujo.PasoFactory;
import java.util.List;

public final class SegundoFactorExistenteAuthenticatorFactory extends PasoFactory {

    public static final String PROVIDER_ID = "anses-segundo-factor-existente";

    public SegundoFactorExistenteAuthenticatorFactory() {
        super(PROVIDER_ID, "ANSES: Segundo factor de quien recupera la clave",
                "After Verificación de identidad in Crear clave: if the verified CUIL's citizen has a second factor (TOTP, "
                        + "passkey or recovery codes), makes them the flow's user, so a following conditional subflow "
                        + "(Condition - user configured + the factors) asks for it before Elegí tu clave. No page.",
                List.of(), new SegundoFactorExistenteAuthenticator());
    }
}
