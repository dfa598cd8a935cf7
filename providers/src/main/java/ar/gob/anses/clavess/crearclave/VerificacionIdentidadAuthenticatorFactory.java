package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.flujo.PasoFactory;

public final class VerificacionIdentidadAuthenticatorFactory extends PasoFactory {

    public static final String PROVIDER_ID = "anses-verificacion-identidad";

    public VerificacionIdentidadAuthenticatorFactory() {
        super(PROVIDER_ID, "ANSES: Verificación de identidad",
                "Crear clave, step 3: the trámite number of the DNI, or knowledge questions from the registry when it has none. Failures count per CUIL in the database and lock verification for a while. Curatela and disabled accounts are told only after identity is proven.",
                VerificacionConfig.PROPERTIES, new VerificacionIdentidadAuthenticator());
    }
}
