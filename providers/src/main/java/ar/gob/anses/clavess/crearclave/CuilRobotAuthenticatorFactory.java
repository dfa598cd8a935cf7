package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.flujo.PasoFactory;

public final class CuilRobotAuthenticatorFactory extends PasoFactory {

    public static final String PROVIDER_ID = "anses-crear-clave-cuil";

    public CuilRobotAuthenticatorFactory() {
        super(PROVIDER_ID, "ANSES: CUIL y No soy un robot",
                "Crear clave, step 2: the CUIL (same checks as the login) and a self-hosted proof-of-work anti-robot check, with a limit per client address. A CUIL the registry (padrón) does not know ends here.",
                CuilRobotConfig.PROPERTIES, new CuilRobotAuthenticator());
    }
}
