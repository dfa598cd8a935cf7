package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.flujo.PasoFactory;
import java.util.List;

public final class ElegiClaveAuthenticatorFactory extends PasoFactory {

    public static final String PROVIDER_ID = "anses-elegi-clave";

    public ElegiClaveAuthenticatorFactory() {
        super(PROVIDER_ID, "ANSES: Elegí tu clave",
                "Crear clave, step 4: the new clave twice, under the realm's password policy. Creates the user from the registry (or replaces the clave), sets nivel 2 and lifts any login lock.",
                List.of(), new ElegiClaveAuthenticator());
    }
}
