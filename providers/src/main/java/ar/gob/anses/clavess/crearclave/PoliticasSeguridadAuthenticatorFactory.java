package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.flujo.PasoFactory;
import ar.gob.anses.clavess.politica.VersionPoliticas;

public final class PoliticasSeguridadAuthenticatorFactory extends PasoFactory {

    public static final String PROVIDER_ID = VersionPoliticas.PASO;

    public PoliticasSeguridadAuthenticatorFactory() {
        super(PROVIDER_ID, "ANSES: Políticas de Seguridad",
                "Crear clave, step 1: the citizen reads and accepts the security policy. The accepted version is stored on the user (attribute politicasVersion) when the clave is created; Cambiar mi clave asks again whoever accepted another version.",
                PoliticasSeguridadAuthenticator.PROPERTIES, new PoliticasSeguridadAuthenticator());
    }
}
