package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.flujo.PasoFactory;

public final class PoliticasSeguridadAuthenticatorFactory extends PasoFactory {

    public static final String PROVIDER_ID = "anses-politicas-seguridad";

    public PoliticasSeguridadAuthenticatorFactory() {
        super(PROVIDER_ID, "ANSES: Políticas de Seguridad",
                "Crear clave, step 1: the citizen reads and accepts the security policy. The accepted version is stored on the user (attribute politicasVersion) when the clave is created.",
                PoliticasSeguridadAuthenticator.PROPERTIES, new PoliticasSeguridadAuthenticator());
    }
}
