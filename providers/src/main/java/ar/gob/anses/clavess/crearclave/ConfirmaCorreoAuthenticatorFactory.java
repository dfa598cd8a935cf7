package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.flujo.PasoFactory;

public final class ConfirmaCorreoAuthenticatorFactory extends PasoFactory {

    public static final String PROVIDER_ID = "anses-confirma-correo";

    public ConfirmaCorreoAuthenticatorFactory() {
        super(PROVIDER_ID, "ANSES: Confirmá tu correo",
                "Crear clave, after Elegí tu clave: sends a 6-digit code to the email address typed there and sets it verified "
                        + "when the code comes back (UPDATE_EMAIL event). The clave is already created: the citizen may skip, and the "
                        + "address stays unverified (a verified one she had is kept). Skipped when no address was typed.",
                CorreoConfig.PROPERTIES, new ConfirmaCorreoAuthenticator());
    }
}
