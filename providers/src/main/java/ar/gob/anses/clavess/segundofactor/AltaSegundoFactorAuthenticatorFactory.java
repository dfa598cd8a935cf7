package ar.gob.anses.clavess.segundofactor;

import ar.gob.anses.clavess.flujo.PasoFactory;
import java.util.List;

public final class AltaSegundoFactorAuthenticatorFactory extends PasoFactory {

    public static final String PROVIDER_ID = "anses-segundo-factor-alta";

    public AltaSegundoFactorAuthenticatorFactory() {
        super(PROVIDER_ID, "ANSES: Configurá tu segundo factor",
                "For a citizen with no second factor, in the subflow of an app that demands one: sets up a TOTP app and "
                        + "recovery codes (Keycloak's required actions) before the citizen lands in the app, and the set-up "
                        + "counts as this subflow's OTP form in amr. A citizen who has a second factor passes.",
                List.of(), new AltaSegundoFactorAuthenticator());
    }
}
