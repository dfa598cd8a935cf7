package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.flujo.PasoFactory;

public final class ClavePendienteAuthenticatorFactory extends PasoFactory {

    public static final String PROVIDER_ID = "anses-clave-pendiente";

    public ClavePendienteAuthenticatorFactory() {
        super(PROVIDER_ID, "ANSES: Clave pendiente de habilitación",
                "Login, after the clave: a resident abroad's pending clave stops here, with no session and no token; its page says the days left to enable it and offers both ways: online with knowledge questions (attempts counted per pending clave in the database, under a ceiling per CUIL that locks only the claves registered after it, apart from Crear clave's) or the USI-07 form. Enabled online it gets level 2 and the login goes on. Other claves pass through.",
                VerificacionConfig.propiedades(VerificacionConfig.HABILITACION), new ClavePendienteAuthenticator());
    }
}
